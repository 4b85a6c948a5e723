//! Why a value or a record was refused. Messages go back to the client that sent the value; they
//! never quote a name, a note or a location, so they are also safe to count in logs.

use super::{ActorKind, TieKind};

/// A rule of the network model that a value or record breaks.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DomainError {
    /// An id is empty, too long or has characters other than letters, digits, `-`, `_`, `.`, `:`.
    #[error("an id must be 1 to 64 characters: letters, digits, '-', '_', '.' or ':'")]
    InvalidId,
    /// An actor kind that does not exist.
    #[error("unknown actor kind {0:?}: expected migrant, organisation, responder or city")]
    UnknownActorKind(String),
    /// A tie kind that does not exist.
    #[error(
        "unknown tie kind {0:?}: expected knows, member_of, partners_with, serves or located_in"
    )]
    UnknownTieKind(String),
    /// A name that is empty after trimming.
    #[error("a name must not be empty")]
    EmptyName,
    /// A name longer than the limit, or with control characters.
    #[error("a name must be at most 200 characters without control characters")]
    InvalidName,
    /// A name in which nothing is visible (only spaces, zero-width or blank characters).
    #[error("a name must have at least one visible character")]
    InvisibleName,
    /// Text holding bidirectional control characters, which change how others read it.
    #[error(
        "{0} must not hold bidirectional control characters (U+202A to U+202E, U+2066 to U+2069, U+200E, U+200F, U+061C)"
    )]
    BidiControl(&'static str),
    /// A language that is not an ISO 639-3 code.
    #[error("language {0:?} is not an ISO 639-3 code (three lowercase letters, like tir or ara)")]
    InvalidLanguage(String),
    /// The same language listed twice.
    #[error("language {0} is listed twice")]
    DuplicateLanguage(String),
    /// A channel that does not exist.
    #[error(
        "unknown channel {0:?}: expected in_person, phone, sms, whatsapp, radio, social_media or email"
    )]
    UnknownChannel(String),
    /// A latitude outside [-90, 90].
    #[error("latitude must be a number from -90 to 90")]
    LatitudeOutOfRange,
    /// A longitude outside [-180, 180].
    #[error("longitude must be a number from -180 to 180")]
    LongitudeOutOfRange,
    /// Only one of latitude and longitude was given.
    #[error("a location needs both lat and lon")]
    HalfLocation,
    /// Trust outside (0, 1].
    #[error("trust must be greater than 0 and at most 1")]
    TrustOutOfRange,
    /// A role that does not exist.
    #[error("unknown role {0:?}: expected admin, coordinator, analyst, viewer or interviewer")]
    UnknownRole(String),
    /// A token label that is empty, too long or has control characters.
    #[error(
        "a label must be 1 to 100 characters, something visible, without control or bidirectional control characters"
    )]
    InvalidLabel,
    /// A value that should be a number is not.
    #[error("{0:?} is not a number")]
    NotANumber(String),
    /// A value that should be true or false is not.
    #[error("{0:?} is not a boolean: use true or false")]
    NotABoolean(String),
    /// A date that is not `YYYY-MM-DD`.
    #[error("{0:?} is not a date: use YYYY-MM-DD")]
    InvalidDate(String),
    /// A timestamp that is not RFC 3339.
    #[error("{0:?} is not an RFC 3339 timestamp")]
    InvalidTimestamp(String),
    /// Attributes that are not a JSON object.
    #[error("attributes must be a JSON object")]
    AttributesNotObject,
    /// Attributes larger than the limit.
    #[error("attributes must be at most 4096 bytes as JSON")]
    AttributesTooLarge,
    /// A note longer than the limit.
    #[error("a note must be at most 2000 characters")]
    NoteTooLong,
    /// A required value is missing.
    #[error("this field is required")]
    Missing,
    /// A tie from an actor to itself.
    #[error("a tie cannot join an actor to itself")]
    SelfTie,
    /// A tie whose kind does not fit its endpoints' kinds.
    #[error("a {kind} tie cannot go from a {source_kind} to a {target_kind}: {kind} joins {rule}")]
    KindMismatch {
        /// The tie's kind.
        kind: TieKind,
        /// The kind of the tie's source.
        source_kind: ActorKind,
        /// The kind of the tie's target.
        target_kind: ActorKind,
        /// What the tie kind may join, in words.
        rule: &'static str,
    },
    /// A reference to an actor that exists neither in the store nor in the same write.
    #[error("actor {0} does not exist")]
    UnknownActor(String),
    /// An actor's `city` that is not a city actor.
    #[error("{0} is not a city actor")]
    NotACity(String),
    /// An attempt to change an existing actor's kind.
    #[error(
        "actor {id} is a {existing}; an actor's kind cannot change (delete it and create it anew)"
    )]
    KindChange {
        /// The actor.
        id: String,
        /// Its kind in the store.
        existing: ActorKind,
    },
    /// The same id appears twice in one write.
    #[error("id {id} appears twice in this import (first on line {first_line})")]
    DuplicateId {
        /// The repeated id.
        id: String,
        /// Where it appeared first.
        first_line: usize,
    },
    /// A create for an id that already exists.
    #[error("{0} already exists")]
    AlreadyExists(String),
    /// An update for an id that does not exist.
    #[error("{0} does not exist")]
    NotFound(String),
    /// A second tie of the same kind from the same source to the same target.
    #[error(
        "{} already has a {} tie to {} ({}): update that tie instead of adding a twin",
        .0.from, .0.kind, .0.target, .0.other
    )]
    TwinTie(Box<Twin>),
    /// A column that the importer does not know.
    #[error("unknown column {0:?}")]
    UnknownColumn(String),
    /// A row whose shape is wrong (bad CSV quoting, wrong JSON type, ...).
    #[error("{0}")]
    Malformed(String),
}

impl DomainError {
    /// A stable machine-readable code for clients, e.g. `invalid_language`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidId => "invalid_id",
            Self::UnknownActorKind(_) => "unknown_actor_kind",
            Self::UnknownTieKind(_) => "unknown_tie_kind",
            Self::EmptyName | Self::InvalidName | Self::InvisibleName => "invalid_name",
            Self::BidiControl(_) => "bidi_control",
            Self::InvalidLanguage(_) | Self::DuplicateLanguage(_) => "invalid_language",
            Self::UnknownChannel(_) => "unknown_channel",
            Self::LatitudeOutOfRange | Self::LongitudeOutOfRange | Self::HalfLocation => {
                "invalid_location"
            }
            Self::TrustOutOfRange => "trust_out_of_range",
            Self::NotANumber(_) | Self::NotABoolean(_) | Self::Malformed(_) => "invalid_value",
            Self::InvalidDate(_) | Self::InvalidTimestamp(_) => "invalid_date",
            Self::AttributesNotObject | Self::AttributesTooLarge => "invalid_attributes",
            Self::NoteTooLong => "invalid_note",
            Self::Missing => "missing_field",
            Self::SelfTie => "self_tie",
            Self::KindMismatch { .. } => "tie_kind_mismatch",
            Self::UnknownActor(_) => "unknown_actor",
            Self::NotACity(_) => "not_a_city",
            Self::KindChange { .. } => "kind_change",
            Self::DuplicateId { .. } => "duplicate_id",
            Self::TwinTie(_) => "twin_tie",
            Self::AlreadyExists(_) => "already_exists",
            Self::NotFound(_) => "not_found",
            Self::UnknownColumn(_) => "unknown_column",
            Self::UnknownRole(_) => "unknown_role",
            Self::InvalidLabel => "invalid_label",
        }
    }
}

/// A tie that would be a twin of another: its ends and kind, and the other tie.
#[derive(Debug, Clone, PartialEq)]
pub struct Twin {
    /// The source's id.
    pub from: String,
    /// The target's id.
    pub target: String,
    /// The kind.
    pub kind: TieKind,
    /// The id of the tie already there (or earlier in the same write).
    pub other: String,
}

impl Twin {
    /// The twin error of `tie`, whose twin is `other`.
    pub fn of(tie: &super::Tie, other: impl Into<String>) -> DomainError {
        DomainError::TwinTie(Box::new(Self {
            from: tie.source.to_string(),
            target: tie.target.to_string(),
            kind: tie.kind,
            other: other.into(),
        }))
    }
}
