//! The network's part of the store: actors and ties, read and written all or nothing, and the
//! change version that every write moves.

use std::collections::BTreeMap;

use serde::Serialize;

use super::StoreError;
use crate::domain::{
    ActorId, ActorKind, Batch, Delta, Language, Network, StoredActor, StoredTie, TieId, TieKind,
    WriteSummary,
};

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
    /// Only actors whose name holds this text (letters in any case; free text that finds
    /// people, so it never reaches a log or the audit trail).
    pub name: Option<String>,
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

/// A write of more records than this empties the change log instead of logging each one (a full
/// read is then about as cheap as reading that many changes).
pub(crate) const LOGGED_PER_WRITE: usize = 20_000;

/// How many versions back the change log answers; older entries are pruned every 64 versions.
pub(crate) const LOG_RETENTION: i64 = 10_000;

/// The network's storage. Every write is all or nothing and moves [`NetworkStore::version`].
#[async_trait::async_trait]
pub trait NetworkStore: Send + Sync {
    /// Writes a batch in one transaction after checking it with
    /// [`crate::domain::check_references`]; on any broken rule writes nothing.
    async fn write(&self, batch: Batch) -> Result<WriteSummary, StoreError>;

    /// A dry run of [`NetworkStore::write`]: checks the batch against what is stored, inside the
    /// same kind of transaction, and rolls it back. The summary of what the write would do, or
    /// the same `Rejected` rows; never a change, and the version stays.
    async fn check(&self, batch: Batch) -> Result<WriteSummary, StoreError>;

    /// One actor.
    async fn get_actor(&self, id: &ActorId) -> Result<Option<StoredActor>, StoreError>;

    /// The actors of these ids that exist, in id order, in one read (an actor's card reads its
    /// neighbours this way, not one query each).
    async fn actors_by_id(&self, ids: &[ActorId]) -> Result<Vec<StoredActor>, StoreError>;

    /// Actors matching the filter, in id order.
    async fn list_actors(
        &self,
        filter: &ActorFilter,
        page: &Page,
    ) -> Result<Vec<StoredActor>, StoreError>;

    /// Deletes an actor and its ties. A city that other actors name as their `city` is a conflict.
    ///
    /// With `erase`, the same transaction also takes the person out of the audit trail and the
    /// saved scenarios as [`super::Erasure`] decides (the only change the audit trail ever
    /// allows), so that no record of the person remains; the embedded store answers only once
    /// no earlier version of their records is left in its files.
    async fn delete_actor(&self, id: &ActorId, erase: bool) -> Result<(), StoreError>;

    /// Merges one actor into another, all or nothing: writes `batch` (the other actor with the
    /// fields kept, and every tie of `from` moved to it), then deletes `from` and the ties still
    /// naming it. `NotFound` when `from` is not there (nothing written).
    async fn merge_actor(&self, from: &ActorId, batch: Batch) -> Result<WriteSummary, StoreError>;

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

    /// What changed after `version`, read in one consistent snapshot from the change log (see
    /// graph-schema/README.md, "The change log"); `None` when the log cannot say (the version is
    /// older than the log keeps, an import too large to log or an erasure came after it, or it
    /// is not a version of this store): then only a full [`NetworkStore::network`] read will do.
    async fn changes_since(&self, version: u64) -> Result<Option<Delta>, StoreError>;
}
