//! The network model: actors, ties and the values they are made of.
//!
//! Everything here is parsed, never merely validated: once an `Actor` or a `Tie` exists it obeys
//! every rule of `graph-schema/README.md`, so the store, the analysis and the exports never check
//! again. No I/O, no HTTP, no database types live here.
//!
//! Names, locations and notes are personal data: they must never reach a log line.

mod access;
mod activation;
mod actor;
mod batch;
mod consent;
mod error;
mod interview;
mod records;
mod scenario;
pub mod text;
mod tie;
mod values;

use std::sync::Arc;

pub use access::{AuditEntry, Caller, Role, Token, TokenSecret, hash_secret, hex};
pub use activation::{
    Activation, ActivationState, ContactAttempt, NO_ANSWERS_FOR_UNAVAILABLE, Outcome, PlanChange,
};
pub use actor::{Actor, ActorKind};
pub use batch::{
    Batch, Draft, Existing, RowError, RowErrorBody, RowRef, WriteMode, WriteSummary,
    check_references,
};
pub use consent::{Consent, Purpose};
pub use error::{DomainError, Twin};
pub use interview::{
    Choice, ConsentStep, Generator, Interpreters, Protocol, Texts, interview_tie, trust_of_answer,
};
pub use records::Records;
pub use scenario::{SavedMapping, SavedRow, Scenario};
pub use tie::{Tie, TieKind};
pub(crate) use values::enum_schema;
pub use values::{
    ActorId, Attributes, Channel, Channels, Language, Languages, Location, Name, Note, TieId,
    Trust, parse_date,
};

/// A point in time as stored with every actor and tie (`created_at`, `updated_at`).
pub type Timestamp = chrono::DateTime<chrono::Utc>;

/// A calendar date, as in a tie's `last_verified`.
pub type Date = chrono::NaiveDate;

/// An actor or a tie as the store holds it: the value plus its bookkeeping times. It reads as
/// the value itself (`stored.id`, `stored.kind`): the times are the only addition.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored<T> {
    /// The actor or tie itself.
    pub value: T,
    /// When it was first written.
    pub created_at: Timestamp,
    /// When it was last written.
    pub updated_at: Timestamp,
}

impl<T> std::ops::Deref for Stored<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.value
    }
}

/// An actor as stored.
pub type StoredActor = Stored<Actor>;
/// A tie as stored.
pub type StoredTie = Stored<Tie>;

/// The whole network, as exported and imported: actors and ties, each sorted by id. Records are
/// shared (`Arc`), in chunks versions share: the next version of the network
/// ([`Network::apply`]) copies a pointer per chunk no change falls in.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Network {
    /// Every actor, sorted by id.
    pub actors: Records<Arc<StoredActor>>,
    /// Every tie, sorted by id.
    pub ties: Records<Arc<StoredTie>>,
}

/// What changed in the network after a version, as the store holds it now: the actors and ties
/// written since (their current records) and the ids of those deleted since, each sorted by id.
/// Applied to the network of that version ([`Network::apply`]) it gives the network of
/// `version`, exactly as a full read would.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Delta {
    /// The version the delta brings the network to.
    pub version: u64,
    /// Actors created or replaced since, as they are now.
    pub actors: Vec<StoredActor>,
    /// Actors deleted since.
    pub removed_actors: Vec<ActorId>,
    /// Ties created or replaced since, as they are now.
    pub ties: Vec<StoredTie>,
    /// Ties deleted since.
    pub removed_ties: Vec<TieId>,
}

impl Delta {
    /// How many records it touches.
    pub fn len(&self) -> usize {
        self.actors.len() + self.removed_actors.len() + self.ties.len() + self.removed_ties.len()
    }

    /// Nothing changed.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Sets the deletions from the ids the change log names: those logged but no longer stored
    /// (not among [`Delta::actors`] and [`Delta::ties`]) were deleted. Fails on a logged id that
    /// is not one.
    pub fn deletions_from_log(
        &mut self,
        logged_actors: &[String],
        logged_ties: &[String],
    ) -> Result<(), DomainError> {
        let stored: std::collections::HashSet<&str> = self
            .actors
            .iter()
            .map(|a| a.value.id.as_str())
            .chain(self.ties.iter().map(|t| t.value.id.as_str()))
            .collect();
        let gone = |logged: &[String]| -> Vec<String> {
            logged
                .iter()
                .filter(|id| !stored.contains(id.as_str()))
                .cloned()
                .collect()
        };
        let (actors, ties) = (gone(logged_actors), gone(logged_ties));
        self.removed_actors = actors
            .iter()
            .map(|id| ActorId::parse(id))
            .collect::<Result<_, _>>()?;
        self.removed_ties = ties
            .iter()
            .map(|id| TieId::parse(id))
            .collect::<Result<_, _>>()?;
        Ok(())
    }
}

impl Network {
    /// The network of a later version: this one with a [`Delta`] applied (records replaced,
    /// added and removed, each list kept sorted by id). Chunks no change falls in are shared:
    /// O(C + d·(chunk + log n)) for C chunks and d changes.
    pub fn apply(&self, delta: &Delta) -> Network {
        Network {
            actors: self
                .actors
                .merged(&delta.actors, &delta.removed_actors, |a| &a.value.id),
            ties: self
                .ties
                .merged(&delta.ties, &delta.removed_ties, |t| &t.value.id),
        }
    }

    /// The network as one write that recreates it exactly, times included (for copies between
    /// stores and restores).
    pub fn into_batch(self, mode: WriteMode) -> Batch {
        fn drafts<T: Clone>(all: Records<Arc<Stored<T>>>, file: &str) -> Vec<Draft<T>> {
            let file: Arc<str> = file.into();
            all.into_values()
                .into_iter()
                .enumerate()
                .map(|(i, stored)| Draft {
                    value: stored.value,
                    row: RowRef::new(file.clone(), i + 1),
                    created_at: Some(stored.created_at),
                    updated_at: Some(stored.updated_at),
                })
                .collect()
        }
        Batch {
            mode,
            actors: drafts(self.actors, "actors"),
            ties: drafts(self.ties, "ties"),
        }
    }
}

impl Batch {
    /// The network this batch writes into an empty store, stamped now; for analyses of
    /// documents that were never stored (tests, examples).
    pub fn into_network(self) -> Network {
        fn stamped<T, K: Ord>(
            drafts: Vec<Draft<T>>,
            at: Timestamp,
            key: impl Fn(&T) -> &K,
        ) -> Records<Arc<Stored<T>>> {
            let mut all: Vec<_> = drafts
                .into_iter()
                .map(|d| {
                    Arc::new(Stored {
                        value: d.value,
                        created_at: at,
                        updated_at: at,
                    })
                })
                .collect();
            all.sort_by(|a, b| key(a).cmp(key(b)));
            all.into()
        }
        let at = now();
        Network {
            actors: stamped(self.actors, at, |a| &a.id),
            ties: stamped(self.ties, at, |t| &t.id),
        }
    }
}

/// Formats a timestamp the one way relaymap writes it (RFC 3339, UTC, microseconds), so that a
/// stored value always reads back and writes out identically.
pub fn format_timestamp(at: &Timestamp) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

/// Parses an RFC 3339 timestamp (any offset) into UTC.
pub fn parse_timestamp(raw: &str) -> Result<Timestamp, DomainError> {
    if let Some(at) = parse_stored_timestamp(raw) {
        return Ok(at);
    }
    chrono::DateTime::parse_from_rfc3339(raw.trim())
        .map(|at| at.with_timezone(&chrono::Utc))
        .map_err(|_| DomainError::InvalidTimestamp(raw.chars().take(40).collect()))
}

/// The one form relaymap writes ([`format_timestamp`]: `2026-12-07T10:00:00.123456Z`), read
/// without a general parser: a full read of the network parses two per record.
fn parse_stored_timestamp(raw: &str) -> Option<Timestamp> {
    let b = raw.as_bytes();
    let shape = b.len() == 27
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'T'
        && b[13] == b':'
        && b[16] == b':'
        && b[19] == b'.'
        && b[26] == b'Z';
    if !shape {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        b[range].iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let date =
        chrono::NaiveDate::from_ymd_opt(number(0..4)? as i32, number(5..7)?, number(8..10)?)?;
    let time = chrono::NaiveTime::from_hms_micro_opt(
        number(11..13)?,
        number(14..16)?,
        number(17..19)?,
        number(20..26)?,
    )?;
    Some(chrono::DateTime::from_naive_utc_and_offset(
        date.and_time(time),
        chrono::Utc,
    ))
}

/// Today's date (UTC): the day consent expiry is judged on.
pub fn today() -> Date {
    chrono::Utc::now().date_naive()
}

/// The current time, truncated to the microseconds that are stored.
pub fn now() -> Timestamp {
    let now = chrono::Utc::now();
    parse_timestamp(&format_timestamp(&now)).expect("a formatted timestamp parses back")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_timestamps_read_back_as_the_general_parser_reads_them() {
        for raw in [
            "2026-12-07T10:00:00.123456Z",
            "1999-01-31T23:59:59.999999Z",
            "2024-02-29T00:00:00.000000Z",
        ] {
            let general = chrono::DateTime::parse_from_rfc3339(raw).unwrap();
            assert_eq!(parse_timestamp(raw).unwrap(), general);
            assert_eq!(parse_stored_timestamp(raw), Some(general.to_utc()));
            assert_eq!(format_timestamp(&parse_timestamp(raw).unwrap()), raw);
        }
        // Other forms go to the general parser; nonsense is refused by both.
        for other in [
            "2026-12-07T10:00:00Z",
            "2026-12-07T12:00:00.000000+02:00",
            "2026-02-30T10:00:00.000000Z",
            "2026-12-07T10:00:00.12345xZ",
        ] {
            assert_eq!(parse_stored_timestamp(other), None, "{other}");
        }
        assert_eq!(
            parse_timestamp("2026-12-07T12:00:00.000000+02:00").unwrap(),
            parse_timestamp("2026-12-07T10:00:00.000000Z").unwrap()
        );
        assert!(parse_timestamp("2026-02-30T10:00:00.000000Z").is_err());
    }
}
