//! Consent with purposes: what a person agreed their data may be used for, when and by whom
//! that was recorded, and until when it holds (graph-schema/README.md, "Consent").

use std::fmt;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{Date, DomainError, Name};

/// One use a person may agree to.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    /// Being reached with warnings and help in an emergency.
    Warnings,
    /// Being shared with partner organisations.
    Partners,
    /// Being part of anonymised research (pseudonymised exports, metrics for analysts).
    Research,
}

impl Purpose {
    /// Every purpose, in the order relaymap lists them.
    pub const ALL: [Purpose; 3] = [Purpose::Warnings, Purpose::Partners, Purpose::Research];

    /// The purpose's name as written in documents.
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::Warnings => "warnings",
            Purpose::Partners => "partners",
            Purpose::Research => "research",
        }
    }

    /// Parses a purpose name.
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        Self::ALL
            .into_iter()
            .find(|p| p.as_str() == raw.trim())
            .ok_or_else(|| {
                DomainError::Malformed(format!(
                    "unknown consent purpose {:?} (warnings, partners or research)",
                    raw.chars().take(24).collect::<String>()
                ))
            })
    }

    fn bit(self) -> u8 {
        1 << self as u8
    }
}

impl fmt::Display for Purpose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A person's consent: the purposes agreed, when and by whom it was recorded, and an optional
/// expiry (from that day on it counts as none). No purpose is no consent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Consent {
    purposes: u8,
    recorded_on: Option<Date>,
    recorded_by: Option<Name>,
    expires: Option<Date>,
}

impl Consent {
    /// No consent at all.
    pub fn none() -> Self {
        Self::default()
    }

    /// What the former yes/no `consent: true` means: every purpose relaymap had, with nothing
    /// else known.
    pub fn every_purpose() -> Self {
        Self {
            purposes: Purpose::ALL.iter().fold(0, |bits, p| bits | p.bit()),
            ..Self::default()
        }
    }

    /// A consent record. An expiry before the day it was recorded is refused; without any
    /// purpose the record is no consent (its dates and recorder are dropped).
    pub fn new(
        purposes: impl IntoIterator<Item = Purpose>,
        recorded_on: Option<Date>,
        recorded_by: Option<Name>,
        expires: Option<Date>,
    ) -> Result<Self, DomainError> {
        if let (Some(on), Some(until)) = (recorded_on, expires)
            && until <= on
        {
            return Err(DomainError::Malformed(
                "consent cannot expire on or before the day it was recorded".into(),
            ));
        }
        let purposes = purposes.into_iter().fold(0, |bits, p| bits | p.bit());
        if purposes == 0 {
            return Ok(Self::none());
        }
        Ok(Self {
            purposes,
            recorded_on,
            recorded_by,
            expires,
        })
    }

    /// The purposes agreed (expired or not), in the order of [`Purpose::ALL`].
    pub fn purposes(&self) -> impl Iterator<Item = Purpose> + '_ {
        Purpose::ALL
            .into_iter()
            .filter(|p| self.purposes & p.bit() != 0)
    }

    /// Whether any purpose was ever agreed (expired or not).
    pub fn is_recorded(&self) -> bool {
        self.purposes != 0
    }

    /// When it was recorded, if known.
    pub fn recorded_on(&self) -> Option<Date> {
        self.recorded_on
    }

    /// Who recorded it, if known.
    pub fn recorded_by(&self) -> Option<&Name> {
        self.recorded_by.as_ref()
    }

    /// The first day it no longer holds, if it expires.
    pub fn expires(&self) -> Option<Date> {
        self.expires
    }

    /// Whether it has expired by `today`.
    pub fn has_expired(&self, today: Date) -> bool {
        self.expires.is_some_and(|until| today >= until)
    }

    /// Whether the person agreed to `purpose` and that still holds `today`.
    pub fn covers(&self, purpose: Purpose, today: Date) -> bool {
        self.purposes & purpose.bit() != 0 && !self.has_expired(today)
    }

    /// Whether the person agreed to anything that still holds `today`: what the former yes/no
    /// `consent` reads as.
    pub fn given(&self, today: Date) -> bool {
        self.purposes != 0 && !self.has_expired(today)
    }

    /// What two records of the same person allow together (a merge of duplicates): only the
    /// purposes both hold, until the earlier expiry; when in doubt, less.
    pub fn both(&self, other: &Consent) -> Consent {
        let purposes = self.purposes & other.purposes;
        if purposes == 0 {
            return Consent::none();
        }
        let expires = match (self.expires, other.expires) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        Consent {
            purposes,
            recorded_on: self.recorded_on.max(other.recorded_on),
            recorded_by: self
                .recorded_by
                .clone()
                .or_else(|| other.recorded_by.clone()),
            expires,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(raw: &str) -> Date {
        super::super::parse_date(raw).unwrap()
    }

    #[test]
    fn expired_consent_counts_as_none_from_its_expiry_on() {
        let consent = Consent::new(
            [Purpose::Research],
            Some(day("2026-01-10")),
            None,
            Some(day("2026-06-01")),
        )
        .unwrap();
        assert!(consent.covers(Purpose::Research, day("2026-05-31")));
        assert!(!consent.covers(Purpose::Research, day("2026-06-01")));
        assert!(!consent.given(day("2026-06-01")));
        assert!(!consent.covers(Purpose::Warnings, day("2026-05-31")));
        assert!(consent.is_recorded());
    }

    #[test]
    fn a_record_without_purposes_is_no_consent_and_expiry_follows_recording() {
        let empty = Consent::new([], Some(day("2026-01-10")), None, None).unwrap();
        assert_eq!(empty, Consent::none());
        assert!(
            Consent::new(
                [Purpose::Warnings],
                Some(day("2026-02-01")),
                None,
                Some(day("2026-02-01"))
            )
            .is_err()
        );
    }

    #[test]
    fn both_keeps_only_shared_purposes_until_the_earlier_expiry() {
        let a = Consent::new(
            [Purpose::Warnings, Purpose::Research],
            None,
            None,
            Some(day("2027-01-01")),
        )
        .unwrap();
        let b = Consent::new(
            [Purpose::Research, Purpose::Partners],
            None,
            None,
            Some(day("2026-07-01")),
        )
        .unwrap();
        let merged = a.both(&b);
        assert_eq!(merged.purposes().collect::<Vec<_>>(), [Purpose::Research]);
        assert_eq!(merged.expires(), Some(day("2026-07-01")));
        assert_eq!(a.both(&Consent::none()), Consent::none());
        assert_eq!(Consent::every_purpose().purposes().count(), 3);
    }
}
