//! Ties: who knows whom, who belongs where, who works with whom.

use std::fmt;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{ActorId, ActorKind, Channels, Date, DomainError, Note, TieId, Trust};

/// What a tie means, and so which kinds of actor it may join.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum TieKind {
    /// Migrant – migrant.
    Knows,
    /// Migrant → organisation.
    MemberOf,
    /// Between organisations and responders, in any combination.
    PartnersWith,
    /// Organisation or responder → migrant.
    Serves,
    /// Migrant, organisation or responder → city. Geography only: never carries a message.
    LocatedIn,
}

impl TieKind {
    /// Every kind, in the order relaymap lists them.
    pub const ALL: [TieKind; 5] = [
        TieKind::Knows,
        TieKind::MemberOf,
        TieKind::PartnersWith,
        TieKind::Serves,
        TieKind::LocatedIn,
    ];

    /// The kind's name as written in documents.
    pub fn as_str(self) -> &'static str {
        match self {
            TieKind::Knows => "knows",
            TieKind::MemberOf => "member_of",
            TieKind::PartnersWith => "partners_with",
            TieKind::Serves => "serves",
            TieKind::LocatedIn => "located_in",
        }
    }

    /// Parses a kind name.
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == raw)
            .ok_or_else(|| DomainError::UnknownTieKind(raw.chars().take(24).collect()))
    }

    /// Whether a tie of this kind may go from an actor of kind `source` to one of kind `target`.
    ///
    /// ```
    /// use relaymap::domain::{ActorKind::*, TieKind};
    ///
    /// assert!(TieKind::MemberOf.fits(Migrant, Organisation));
    /// assert!(!TieKind::MemberOf.fits(Organisation, Migrant)); // membership has a direction
    /// assert!(!TieKind::Serves.fits(City, Migrant)); // a place never carries a message
    /// ```
    pub fn fits(self, source: ActorKind, target: ActorKind) -> bool {
        use ActorKind::*;
        match self {
            TieKind::Knows => source == Migrant && target == Migrant,
            TieKind::MemberOf => source == Migrant && target == Organisation,
            TieKind::PartnersWith => {
                matches!(source, Organisation | Responder)
                    && matches!(target, Organisation | Responder)
            }
            TieKind::Serves => matches!(source, Organisation | Responder) && target == Migrant,
            TieKind::LocatedIn => source != City && target == City,
        }
    }

    /// Whether a tie of this kind can carry a message (every kind but `located_in`).
    pub fn relays(self) -> bool {
        self != TieKind::LocatedIn
    }

    /// What the kind may join, in words, for error messages and documentation.
    pub fn rule(self) -> &'static str {
        match self {
            TieKind::Knows => "migrant to migrant",
            TieKind::MemberOf => "migrant to organisation",
            TieKind::PartnersWith => "organisations and responders to each other",
            TieKind::Serves => "organisation or responder to migrant",
            TieKind::LocatedIn => "migrant, organisation or responder to city",
        }
    }

    /// Checks that a tie of this kind may join the two kinds.
    pub fn check(self, source: ActorKind, target: ActorKind) -> Result<(), DomainError> {
        if self.fits(source, target) {
            Ok(())
        } else {
            Err(DomainError::KindMismatch {
                kind: self,
                source_kind: source,
                target_kind: target,
                rule: self.rule(),
            })
        }
    }
}

impl fmt::Display for TieKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A relationship between two actors. Whether its kind fits its endpoints is checked when it is
/// written, against the actors in the store (see [`super::check_references`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Tie {
    /// Unique among ties.
    pub id: TieId,
    /// Where the tie starts.
    pub source: ActorId,
    /// Where the tie ends.
    pub target: ActorId,
    /// What the tie means.
    pub kind: TieKind,
    /// How much the tie is trusted to carry a message.
    pub trust: Trust,
    /// The channels the tie uses.
    pub channels: Channels,
    /// When someone last checked that the tie still works.
    pub last_verified: Option<Date>,
    /// Free text; may hold personal data.
    pub note: Option<Note>,
}

impl Tie {
    /// Checks the rules that concern the tie alone: it joins two different actors.
    pub fn check_endpoints(source: &ActorId, target: &ActorId) -> Result<(), DomainError> {
        if source == target {
            Err(DomainError::SelfTie)
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ActorKind::*;

    #[test]
    fn each_tie_kind_joins_only_the_kinds_the_model_allows() {
        let allowed: &[(TieKind, ActorKind, ActorKind)] = &[
            (TieKind::Knows, Migrant, Migrant),
            (TieKind::MemberOf, Migrant, Organisation),
            (TieKind::PartnersWith, Organisation, Organisation),
            (TieKind::PartnersWith, Organisation, Responder),
            (TieKind::PartnersWith, Responder, Organisation),
            (TieKind::PartnersWith, Responder, Responder),
            (TieKind::Serves, Organisation, Migrant),
            (TieKind::Serves, Responder, Migrant),
            (TieKind::LocatedIn, Migrant, City),
            (TieKind::LocatedIn, Organisation, City),
            (TieKind::LocatedIn, Responder, City),
        ];
        for kind in TieKind::ALL {
            for source in ActorKind::ALL {
                for target in ActorKind::ALL {
                    let expected = allowed.contains(&(kind, source, target));
                    assert_eq!(
                        kind.fits(source, target),
                        expected,
                        "{kind} {source}->{target}"
                    );
                }
            }
        }
    }
}
