//! The network model: actors, ties and the values they are made of.
//!
//! Everything here is parsed, never merely validated: once an `Actor` or a `Tie` exists it obeys
//! every rule of `graph-schema/README.md`, so the store, the analysis and the exports never check
//! again. No I/O, no HTTP, no database types live here.
//!
//! Names, locations and notes are personal data: they must never reach a log line.

mod access;
mod actor;
mod batch;
mod error;
mod scenario;
pub mod text;
mod tie;
mod values;

pub use access::{AuditEntry, Caller, Role, Token, TokenSecret, hash_secret, hex};
pub use actor::{Actor, ActorKind};
pub use batch::{
    Batch, Draft, Existing, RowError, RowErrorBody, RowRef, WriteMode, WriteSummary,
    check_references,
};
pub use error::DomainError;
pub use scenario::Scenario;
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

/// The whole network, as exported and imported: actors and ties, each sorted by id.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Network {
    /// Every actor, sorted by id.
    pub actors: Vec<StoredActor>,
    /// Every tie, sorted by id.
    pub ties: Vec<StoredTie>,
}

impl Network {
    /// The network as one write that recreates it exactly, times included (for copies between
    /// stores and restores).
    pub fn into_batch(self, mode: WriteMode) -> Batch {
        fn drafts<T>(all: Vec<Stored<T>>, file: &str) -> Vec<Draft<T>> {
            all.into_iter()
                .enumerate()
                .map(|(i, stored)| Draft {
                    value: stored.value,
                    row: RowRef::new(file, i + 1),
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
        let at = now();
        let stamp = |value| Stored {
            value,
            created_at: at,
            updated_at: at,
        };
        let mut network = Network {
            actors: self.actors.into_iter().map(|d| stamp(d.value)).collect(),
            ties: self
                .ties
                .into_iter()
                .map(|d| Stored {
                    value: d.value,
                    created_at: at,
                    updated_at: at,
                })
                .collect(),
        };
        network.actors.sort_by(|a, b| a.id.cmp(&b.id));
        network.ties.sort_by(|a, b| a.id.cmp(&b.id));
        network
    }
}

/// Formats a timestamp the one way relaymap writes it (RFC 3339, UTC, microseconds), so that a
/// stored value always reads back and writes out identically.
pub fn format_timestamp(at: &Timestamp) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

/// Parses an RFC 3339 timestamp (any offset) into UTC.
pub fn parse_timestamp(raw: &str) -> Result<Timestamp, DomainError> {
    chrono::DateTime::parse_from_rfc3339(raw.trim())
        .map(|at| at.with_timezone(&chrono::Utc))
        .map_err(|_| DomainError::InvalidTimestamp(raw.chars().take(40).collect()))
}

/// The current time, truncated to the microseconds that are stored.
pub fn now() -> Timestamp {
    let now = chrono::Utc::now();
    parse_timestamp(&format_timestamp(&now)).expect("a formatted timestamp parses back")
}
