//! Where the network lives: one [`GraphStore`] trait, implemented by the embedded SQLite store
//! (the default) and, later, by Neo4j. Callers hold an `Arc<dyn GraphStore>` and never see SQL,
//! Cypher or driver errors.

pub mod backup;
mod minimise;
mod neo4j;
mod sqlite;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use serde::Serialize;

use crate::domain::{
    ActorId, ActorKind, AuditEntry, Batch, Language, Network, RowError, Scenario, StoredActor,
    StoredTie, TieId, TieKind, Timestamp, Token, WriteSummary,
};

pub use neo4j::{DEFAULT_BATCH as NEO4J_DEFAULT_BATCH, Neo4jConfig, Neo4jStore};
pub use sqlite::SqliteStore;

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The record does not exist (e.g. `actor m-1`).
    #[error("{0} not found")]
    NotFound(String),
    /// The operation would break the network (e.g. deleting a city other actors belong to).
    #[error("conflict: {0}")]
    Conflict(String),
    /// A write broke the model's rules; nothing was written.
    #[error("{} rule(s) broken; nothing was written", .0.len())]
    Rejected(Vec<RowError>),
    /// The backend cannot be reached now; the caller may retry.
    #[error("the store is unavailable")]
    Unavailable(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// The backend failed.
    #[error("storage backend failed")]
    Backend(#[source] Box<dyn std::error::Error + Send + Sync>),
}

impl StoreError {
    /// Wraps a backend error.
    pub fn backend(error: impl std::error::Error + Send + Sync + 'static) -> Self {
        Self::Backend(Box::new(error))
    }
}

/// A rectangle in WGS-84 degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BoundingBox {
    /// West edge.
    pub min_lon: f64,
    /// South edge.
    pub min_lat: f64,
    /// East edge.
    pub max_lon: f64,
    /// North edge.
    pub max_lat: f64,
}

impl BoundingBox {
    /// Parses `minlon,minlat,maxlon,maxlat`.
    pub fn parse(raw: &str) -> Result<Self, String> {
        let numbers: Vec<f64> = raw
            .split(',')
            .map(|part| part.trim().parse::<f64>())
            .collect::<Result<_, _>>()
            .map_err(|_| "bbox must be four numbers: minlon,minlat,maxlon,maxlat".to_owned())?;
        let [min_lon, min_lat, max_lon, max_lat] = numbers[..] else {
            return Err("bbox must be four numbers: minlon,minlat,maxlon,maxlat".to_owned());
        };
        let lat_ok = |v: f64| (-90.0..=90.0).contains(&v);
        let lon_ok = |v: f64| (-180.0..=180.0).contains(&v);
        if !(lon_ok(min_lon) && lon_ok(max_lon) && lat_ok(min_lat) && lat_ok(max_lat)) {
            return Err("bbox corners must be valid longitudes and latitudes".to_owned());
        }
        if min_lon > max_lon || min_lat > max_lat {
            return Err(
                "bbox must list the south-west corner before the north-east one".to_owned(),
            );
        }
        Ok(Self {
            min_lon,
            min_lat,
            max_lon,
            max_lat,
        })
    }
}

/// Which actors to list; every given condition must hold.
#[derive(Debug, Clone, Default)]
pub struct ActorFilter {
    /// Only this kind.
    pub kind: Option<ActorKind>,
    /// Only actors whose `city` is this city actor.
    pub city: Option<ActorId>,
    /// Only actors who speak (or work in) this language.
    pub language: Option<Language>,
    /// Only actors located inside this box (edges included).
    pub bbox: Option<BoundingBox>,
}

/// Which ties to list; every given condition must hold.
#[derive(Debug, Clone, Default)]
pub struct TieFilter {
    /// Only this kind.
    pub kind: Option<TieKind>,
    /// Only ties with this actor at either end.
    pub actor: Option<ActorId>,
}

/// A page of a listing, in id order.
#[derive(Debug, Clone)]
pub struct Page {
    /// At most this many records.
    pub limit: usize,
    /// Skip this many records (after the cursor, if any).
    pub offset: usize,
    /// Only records whose id sorts after this one (byte order).
    pub after: Option<String>,
}

impl Default for Page {
    fn default() -> Self {
        Self {
            limit: 100,
            offset: 0,
            after: None,
        }
    }
}

/// How many actors and ties of each kind the store holds.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Stats {
    /// Actors by kind (every kind listed, zero included).
    pub actors: BTreeMap<ActorKind, u64>,
    /// Ties by kind (every kind listed, zero included).
    pub ties: BTreeMap<TieKind, u64>,
}

impl Stats {
    /// All actors.
    pub fn actor_total(&self) -> u64 {
        self.actors.values().sum()
    }

    /// All ties.
    pub fn tie_total(&self) -> u64 {
        self.ties.values().sum()
    }
}

/// The network's storage. Every write is all or nothing and moves [`GraphStore::version`].
#[async_trait::async_trait]
pub trait GraphStore: Send + Sync {
    /// What the store is, for logs and messages (`sqlite:PATH`); never a secret.
    fn describe(&self) -> String;

    /// Writes a batch in one transaction after checking it with
    /// [`crate::domain::check_references`]; on any broken rule writes nothing.
    async fn write(&self, batch: Batch) -> Result<WriteSummary, StoreError>;

    /// A dry run of [`GraphStore::write`]: checks the batch against what is stored, inside the
    /// same kind of transaction, and rolls it back. The summary of what the write would do, or
    /// the same `Rejected` rows; never a change, and the version stays.
    async fn check(&self, batch: Batch) -> Result<WriteSummary, StoreError>;

    /// One actor.
    async fn get_actor(&self, id: &ActorId) -> Result<Option<StoredActor>, StoreError>;

    /// Actors matching the filter, in id order.
    async fn list_actors(
        &self,
        filter: &ActorFilter,
        page: &Page,
    ) -> Result<Vec<StoredActor>, StoreError>;

    /// Deletes an actor and its ties. A city that other actors name as their `city` is a conflict.
    ///
    /// With `erase`, the same transaction also replaces the actor's id and the ids of its ties
    /// wherever the audit trail names them as a target with `erased`: the only change the audit
    /// trail ever allows, so that no record of the person remains.
    async fn delete_actor(&self, id: &ActorId, erase: bool) -> Result<(), StoreError>;

    /// One tie.
    async fn get_tie(&self, id: &TieId) -> Result<Option<StoredTie>, StoreError>;

    /// Ties matching the filter, in id order.
    async fn list_ties(
        &self,
        filter: &TieFilter,
        page: &Page,
    ) -> Result<Vec<StoredTie>, StoreError>;

    /// Deletes a tie.
    async fn delete_tie(&self, id: &TieId) -> Result<(), StoreError>;

    /// The whole network, actors and ties each sorted by id, read in one consistent snapshot.
    async fn network(&self) -> Result<Network, StoreError>;

    /// Counts by kind.
    async fn stats(&self) -> Result<Stats, StoreError>;

    /// The change version: it moves on every committed write, including other processes'.
    async fn version(&self) -> Result<u64, StoreError>;

    /// The deployment's secret called `name`: `fresh` the first time it is asked for, and the
    /// same bytes ever after, from any process (for instance the key of research pseudonyms).
    /// Secrets are not part of the network: they do not move the version and are never exported.
    async fn secret(&self, name: &str, fresh: &[u8; 32]) -> Result<Vec<u8>, StoreError>;

    /// Stores a new API token under the hash of its secret (never the secret).
    async fn create_token(&self, token: &Token, secret_hash: &str) -> Result<(), StoreError>;

    /// Every token, revoked and expired ones included, oldest first.
    async fn tokens(&self) -> Result<Vec<Token>, StoreError>;

    /// The token whose secret has this hash, whatever its state.
    async fn token_by_hash(&self, secret_hash: &str) -> Result<Option<Token>, StoreError>;

    /// Revokes a token (revoking twice keeps the first time); `NotFound` for an unknown id.
    async fn revoke_token(&self, id: &str, at: &Timestamp) -> Result<(), StoreError>;

    /// Appends to the audit trail, which nothing ever changes or shortens; returns the entry's
    /// position. Like secrets and tokens, not a change of the network: the version stays.
    async fn append_audit(&self, entry: &AuditEntry) -> Result<u64, StoreError>;

    /// The audit trail, newest first: up to `limit` entries before position `before`.
    async fn audit(&self, before: Option<u64>, limit: usize)
    -> Result<Vec<AuditEntry>, StoreError>;

    /// Saves a crisis scenario, replacing one of the same name. Not a change of the network.
    async fn save_scenario(&self, scenario: &Scenario) -> Result<(), StoreError>;

    /// Every saved scenario, by name.
    async fn scenarios(&self) -> Result<Vec<Scenario>, StoreError>;

    /// Deletes a saved scenario; `NotFound` when there is none of that name.
    async fn delete_scenario(&self, name: &str) -> Result<(), StoreError>;

    /// Sets a city's outline (a GeoJSON geometry, checked by the caller), or removes it with
    /// `None`; `NotFound` when there is no such actor. Not a change of the relay graph.
    async fn set_outline(&self, city: &ActorId, outline: Option<String>) -> Result<(), StoreError>;

    /// Every stored outline: the city's id and its GeoJSON geometry, by id.
    async fn outlines(&self) -> Result<Vec<(ActorId, String)>, StoreError>;

    /// Leaves the store clean for a stop: the embedded store folds its write-ahead log back
    /// into the database. Writes after it still work; it is called once serving has ended.
    async fn close(&self) -> Result<(), StoreError> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{Erasure, Redaction, names_any};
    use crate::domain::ActorId;

    fn erasure() -> Erasure {
        Erasure::new(&ActorId::parse("m-1").unwrap(), ["t-7".to_owned()])
    }

    #[test]
    fn erasure_redacts_entries_naming_the_person_or_their_ties() {
        let erasure = erasure();
        let both = Some(Redaction {
            target: true,
            subjects: true,
        });
        let target_only = Some(Redaction {
            target: true,
            subjects: false,
        });
        assert_eq!(erasure.redaction(Some("m-1"), &[]), target_only);
        assert_eq!(erasure.redaction(Some("t-7"), &[]), target_only);
        // A tie deleted long ago: its id is not known any more, its ends are.
        let ends = ["m-1".to_owned(), "o-2".to_owned()];
        assert_eq!(erasure.redaction(Some("t-old"), &ends), both);
        assert_eq!(erasure.redaction(Some("m-10"), &[]), None);
        assert_eq!(erasure.redaction(None, &["o-2".to_owned()]), None);
    }

    #[test]
    fn erasure_takes_the_person_out_of_saved_queries() {
        let erasure = erasure();
        let scrubbed = erasure
            .scrub_query(r#"{"from":["r-1","m-1"],"exclude":["m-1"],"max_hops":3}"#)
            .unwrap();
        let value: serde_json::Value = serde_json::from_str(&scrubbed).unwrap();
        assert_eq!(
            value,
            serde_json::json!({"from": ["r-1"], "exclude": [], "max_hops": 3})
        );
        assert_eq!(erasure.scrub_query(r#"{"exclude":["m-10"]}"#), None);
    }

    #[test]
    fn erasure_finds_an_id_as_a_whole_value_only() {
        let ids = ["m-1".to_owned(), "t-7".to_owned()];
        for target in [
            "m-1",
            "t-7",
            "actor=m-1",
            "kind=knows&actor=m-1",
            "exclude=a%2Cm-1",
            "c/m-1",
            "m-1?max_hops=3",
            "actor=m-1&limit=5",
            "?actor=m%2D1",
        ] {
            assert!(names_any(target, &ids), "{target}");
        }
        for target in ["m-10", "actor=m-12", "format=json", "xm-1"] {
            assert!(!names_any(target, &ids), "{target}");
        }
    }
}

/// Which store to open, decided once from the configuration.
#[derive(Debug, Clone)]
pub enum StoreConfig {
    /// The embedded store in a file.
    Sqlite {
        /// The database file; created when missing.
        path: PathBuf,
    },
    /// A Neo4j server.
    Neo4j(Neo4jConfig),
}

impl StoreConfig {
    /// What the store is, for messages (`sqlite:PATH`, `neo4j:URI`); never a secret.
    pub fn describe(&self) -> String {
        match self {
            StoreConfig::Sqlite { path } => format!("sqlite:{}", path.display()),
            StoreConfig::Neo4j(config) => format!("neo4j:{}", config.uri),
        }
    }
}

/// Whether an audit entry's target names any of `ids` as a whole value: a path parameter (or one
/// of several, `a/b`, before an optional `?query`), or the value of a query parameter (or an
/// item of a comma-separated list in one), percent-encoded or not. What erasure redacts.
pub(crate) fn names_any(target: &str, ids: &[String]) -> bool {
    let whole = |value: &str| {
        value
            .split([',', '/', '?', '&', '='])
            .any(|part| ids.iter().any(|id| id == part.trim()))
    };
    let query = target.split_once('?').map_or(target, |(_, query)| query);
    whole(target) || form_urlencoded::parse(query.as_bytes()).any(|(_, value)| whole(&value))
}

/// What erasing one person removes beyond their record and ties, decided once for both stores:
/// their id and their ties' ids wherever the audit trail names them, and their id wherever a
/// saved scenario's query holds it.
pub(crate) struct Erasure {
    /// The person's id, then the ids of every tie they are part of.
    ids: Vec<String>,
}

/// How one audit entry changes when a person is erased.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Redaction {
    /// The entry's target becomes `erased`.
    pub target: bool,
    /// The entry's subjects are forgotten.
    pub subjects: bool,
}

impl Erasure {
    /// The erasure of `actor`, part of `ties`.
    pub(crate) fn new(actor: &ActorId, ties: impl IntoIterator<Item = String>) -> Self {
        let mut ids = vec![actor.to_string()];
        ids.extend(ties);
        Self { ids }
    }

    /// The erased ids (the person's first).
    pub(crate) fn ids(&self) -> &[String] {
        &self.ids
    }

    /// How an audit entry with this target and these subjects must change, if at all: its
    /// target when it names the person or one of their ties, its subjects (the ends of a tie it
    /// concerns) when the person is one of them, in which case the target goes too (it is the
    /// id of one of the person's ties, even a tie deleted long ago).
    pub(crate) fn redaction(&self, target: Option<&str>, subjects: &[String]) -> Option<Redaction> {
        let subject = subjects.iter().any(|s| *s == self.ids[0]);
        let named = target.is_some_and(|t| t != "erased" && names_any(t, &self.ids));
        let redaction = Redaction {
            target: (named || subject) && target.is_some_and(|t| t != "erased"),
            subjects: subject,
        };
        (redaction.target || redaction.subjects).then_some(redaction)
    }

    /// A saved scenario's query without the person's id (taken out of every list, such as
    /// `from` and `exclude`, and out of any field that held it alone); `None` when the query
    /// does not name them.
    pub(crate) fn scrub_query(&self, query: &str) -> Option<String> {
        fn scrub(value: &mut serde_json::Value, id: &str) -> bool {
            match value {
                serde_json::Value::Array(items) => {
                    let before = items.len();
                    items.retain(|item| item.as_str() != Some(id));
                    let mut changed = items.len() != before;
                    for item in items {
                        changed |= scrub(item, id);
                    }
                    changed
                }
                serde_json::Value::Object(fields) => {
                    let before = fields.len();
                    fields.retain(|_, v| v.as_str() != Some(id));
                    let mut changed = fields.len() != before;
                    for field in fields.values_mut() {
                        changed |= scrub(field, id);
                    }
                    changed
                }
                _ => false,
            }
        }
        let mut value: serde_json::Value = serde_json::from_str(query).ok()?;
        scrub(&mut value, &self.ids[0]).then(|| value.to_string())
    }
}

/// The default of `RELAYMAP_PERSON_PRECISION_M`: migrants' locations are kept to 100 m cells.
pub const DEFAULT_PERSON_PRECISION_M: u32 = 100;

/// Opens the configured store, creating and migrating its schema when needed. Every write
/// through it snaps migrants' locations to cells of `person_precision_m` metres (0: as given).
pub async fn open(
    config: &StoreConfig,
    person_precision_m: u32,
) -> anyhow::Result<Arc<dyn GraphStore>> {
    use anyhow::Context;
    let store: Arc<dyn GraphStore> = match config {
        StoreConfig::Sqlite { path } => {
            let path = path.clone();
            let store = tokio::task::spawn_blocking(move || SqliteStore::open(&path))
                .await
                .context("opening the SQLite store")??;
            Arc::new(store)
        }
        StoreConfig::Neo4j(config) => Arc::new(Neo4jStore::connect(config).await?),
    };
    Ok(minimise::Minimised::wrap(store, person_precision_m))
}
