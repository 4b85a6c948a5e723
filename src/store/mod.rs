//! Where the network lives: one [`GraphStore`], made of a trait per concern — the network
//! ([`NetworkStore`]), access ([`AccessStore`]: tokens, the audit trail, secrets) and plans
//! ([`PlanStore`]: saved scenarios and city outlines) — implemented by the embedded SQLite store
//! (the default) and by Neo4j. Callers hold an `Arc<dyn GraphStore>` and never see SQL, Cypher or
//! driver errors.

mod access;
pub mod backup;
mod erasure;
mod interviews;
mod minimise;
mod neo4j;
mod network;
mod plans;
mod sqlite;

use std::path::PathBuf;
use std::sync::Arc;

pub use access::{AccessStore, StoredSession};
pub(crate) use erasure::Erasure;
pub use interviews::{InterviewStore, InterviewWrite, StoredInterview, StoredProtocol};
pub use neo4j::{DEFAULT_BATCH as NEO4J_DEFAULT_BATCH, Neo4jConfig, Neo4jStore};
pub use network::{ActorFilter, BoundingBox, NetworkStore, Page, Stats, TieFilter};
pub use plans::{PlanStore, Saved, StoredDocument};
pub use sqlite::SqliteStore;

use crate::domain::RowError;

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

/// The whole store: the network, access and plans, with what the store is and how it stops.
#[async_trait::async_trait]
pub trait GraphStore: NetworkStore + AccessStore + PlanStore + InterviewStore {
    /// What the store is, for logs and messages (`sqlite:PATH`); never a secret.
    fn describe(&self) -> String;

    /// Leaves the store clean for a stop: the embedded store folds its write-ahead log back
    /// into the database. Writes after it still work; it is called once serving has ended.
    async fn close(&self) -> Result<(), StoreError> {
        Ok(())
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
