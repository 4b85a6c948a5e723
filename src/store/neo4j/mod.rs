//! The Neo4j store, through neo4rs (Bolt). Actors are nodes `:Actor` plus a label per kind; ties
//! are relationships typed by kind (`KNOWS`, ...). The mapping is documented in
//! `graph-schema/README.md`; the constraints and indexes are `graph-schema/neo4j/*.cypher`.
//!
//! Every call runs in an explicit transaction inside its own tokio task, so a cancelled request
//! cannot leave a pooled connection mid-exchange. Writes first bump the version node, which takes
//! its write lock: writers are serialised, and a refused write rolls back the bump with the rest.
//!
//! One topic a file: the connection and transactions here, rows and their conversions in
//! `rows.rs`, batch writes in `batch.rs`, the network in `network.rs`, tokens, the audit trail and
//! secrets in `access.rs`, scenarios and outlines in `plans.rs`.

mod access;
mod batch;
mod interviews;
mod network;
mod plans;
mod rows;

use std::future::Future;
use std::time::Duration;

use anyhow::Context;
use neo4rs::{BoltType, ConfigBuilder, Graph, Query, Txn, query};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use super::{GraphStore, StoreError};

/// The schema, applied in order and idempotently at every connection.
const SCHEMA: [&str; 5] = [
    include_str!("../../../graph-schema/neo4j/001_constraints.cypher"),
    include_str!("../../../graph-schema/neo4j/002_consent.cypher"),
    include_str!("../../../graph-schema/neo4j/003_one_tie_per_kind.cypher"),
    include_str!("../../../graph-schema/neo4j/004_mappings.cypher"),
    include_str!("../../../graph-schema/neo4j/005_failures.cypher"),
];
/// Rows per `UNWIND` statement and per page when reading the whole network, unless configured;
/// chosen by the batch-size benchmark in BENCHMARKS.md.
pub const DEFAULT_BATCH: usize = 5_000;

/// How to reach a Neo4j server.
#[derive(Debug, Clone)]
pub struct Neo4jConfig {
    /// `bolt://HOST:PORT` (or `neo4j://`, `bolt+s://`, ...).
    pub uri: String,
    /// The user.
    pub user: String,
    /// The password; `Debug` prints it redacted.
    pub password: SecretString,
    /// A named database; the server's default when `None`.
    pub database: Option<String>,
    /// Rows per `UNWIND` statement and per page of a whole-network read.
    pub batch_size: usize,
    /// The longest wait to connect and for any one answer (neo4rs applies it to both); a large
    /// import's commit is the slowest answer.
    pub timeout: Duration,
}

/// The Neo4j store.
#[derive(Clone)]
pub struct Neo4jStore {
    graph: Graph,
    uri: String,
    batch: usize,
}

/// Sorts a driver error into "try again later" and "broken".
pub(super) fn classify(error: neo4rs::Error) -> StoreError {
    use neo4rs::Error as E;
    match error {
        E::IOError { .. }
        | E::ConnectionError
        | E::ConnectionTimedOut
        | E::ServerUnavailableError(_)
        | E::IncompleteBoltExchange => StoreError::Unavailable(Box::new(error)),
        E::Neo4j(ref e) if e.kind() == neo4rs::Neo4jErrorKind::Transient => {
            StoreError::Unavailable(Box::new(error))
        }
        other => StoreError::backend(other),
    }
}

pub(super) fn corrupt(what: &str, detail: impl std::fmt::Display) -> StoreError {
    StoreError::Backend(format!("stored {what} breaks the model: {detail}").into())
}

/// Runs store work in its own task: if the caller is dropped (a client hung up), the work still
/// finishes or rolls back, and the connection goes back to the pool in a clean state.
pub(super) async fn detached<T: Send + 'static>(
    work: impl Future<Output = Result<T, StoreError>> + Send + 'static,
) -> Result<T, StoreError> {
    tokio::spawn(work).await.map_err(StoreError::backend)?
}

impl Neo4jStore {
    /// Connects, checks the server answers, and applies the schema. Fails with the URI and the
    /// cause when the server cannot be reached.
    pub async fn connect(config: &Neo4jConfig) -> anyhow::Result<Self> {
        let context = || format!("connecting to Neo4j at {}", config.uri);
        let mut builder = ConfigBuilder::default()
            .uri(config.uri.clone())
            .user(config.user.clone())
            .password(config.password.expose_secret())
            .fetch_size(config.batch_size)
            .max_connections(16)
            .connection_timeout(config.timeout);
        if let Some(database) = &config.database {
            builder = builder.db(database.as_str());
        }
        let graph = Graph::connect(builder.build().with_context(context)?).with_context(context)?;
        let store = Self {
            graph,
            uri: config.uri.clone(),
            batch: config.batch_size.max(1),
        };
        // neo4rs connects lazily: ask for something now so a wrong address fails at start-up.
        let mut txn = store.graph.start_txn().await.with_context(context)?;
        txn.run(query("RETURN 1")).await.with_context(context)?;
        txn.commit().await.with_context(context)?;
        store
            .migrate()
            .await
            .with_context(|| format!("applying the schema on Neo4j at {}", config.uri))?;
        Ok(store)
    }

    /// Applies `graph-schema/neo4j/*.cypher` (every statement is idempotent) and creates the
    /// version node. Schema statements cannot share a transaction with data, so each runs alone.
    pub async fn migrate(&self) -> anyhow::Result<()> {
        for file in SCHEMA {
            let body: Vec<&str> = file
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect();
            for statement in body
                .join("\n")
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
            {
                let mut txn = self.graph.start_txn().await?;
                txn.run(query(statement))
                    .await
                    .with_context(|| format!("running {statement}"))?;
                txn.commit().await?;
            }
        }
        let mut txn = self.graph.start_txn().await?;
        txn.run(query(
            "MERGE (m:RelaymapMeta {key: 'version'}) ON CREATE SET m.value = 0",
        ))
        .await?;
        // The change log answers from the version it was started at.
        txn.run(query(
            "MATCH (m:RelaymapMeta {key: 'version'}) \
             MERGE (f:RelaymapMeta {key: 'changes_from'}) ON CREATE SET f.value = m.value",
        ))
        .await?;
        txn.run(query("CALL db.awaitIndexes(300)")).await?;
        txn.commit().await?;
        Ok(())
    }

    /// Runs `work` in one transaction, in its own task; a write first takes the version lock and
    /// moves the version. Dropping the transaction on an error rolls everything back.
    async fn transaction<T, F, Fut>(&self, write: bool, work: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(Txn) -> Fut + Send + 'static,
        Fut: Future<Output = Result<(T, Txn), StoreError>> + Send,
    {
        self.run_transaction(write, true, work).await
    }

    /// Runs `work` in one transaction, first taking the version node's lock (and moving the
    /// version) when `write`; commits when `commit`, and otherwise rolls everything back.
    async fn run_transaction<T, F, Fut>(
        &self,
        write: bool,
        commit: bool,
        work: F,
    ) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(Txn) -> Fut + Send + 'static,
        Fut: Future<Output = Result<(T, Txn), StoreError>> + Send,
    {
        let graph = self.graph.clone();
        detached(async move {
            let mut txn = graph.start_txn().await.map_err(classify)?;
            if write {
                txn.run(query(
                    "MATCH (m:RelaymapMeta {key: 'version'}) SET m.value = m.value + 1",
                ))
                .await
                .map_err(classify)?;
                rows::prune_changes(&mut txn).await?;
            }
            let (value, txn) = work(txn).await?;
            if commit {
                txn.commit().await.map_err(classify)?;
            } else {
                txn.rollback().await.map_err(classify)?;
            }
            Ok(value)
        })
        .await
    }

    /// A write outside the network (secrets, tokens, the audit trail): committed, but without
    /// the version lock, so the version stays and analysis snapshots stay valid.
    async fn side_write<T, F, Fut>(&self, work: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(Txn) -> Fut + Send + 'static,
        Fut: Future<Output = Result<(T, Txn), StoreError>> + Send,
    {
        self.transaction(false, work).await
    }

    async fn read<T, F, Fut>(&self, work: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(Txn) -> Fut + Send + 'static,
        Fut: Future<Output = Result<(T, Txn), StoreError>> + Send,
    {
        self.transaction(false, work).await
    }

    /// The version once no write is landing. Neo4j applies a commit to its stores record by
    /// record, and a reader takes no locks, so a read can see part of a commit (neo4j/neo4j
    /// #12082). Every write holds the version node's lock until it is applied; asking for that
    /// lock (in a transaction rolled back) waits for the write in flight to be whole.
    async fn settled_version(&self) -> Result<u64, StoreError> {
        self.locked_read(|txn, version| async move { Ok((version, txn)) })
            .await
    }

    /// Runs `work` holding the version node's lock, given the version: no write lands until it
    /// is done. Rolled back: the lock is all it takes.
    async fn locked_read<T, F, Fut>(&self, work: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(Txn, u64) -> Fut + Send + 'static,
        Fut: Future<Output = Result<(T, Txn), StoreError>> + Send,
    {
        self.run_transaction(false, false, move |mut txn| async move {
            let version = lock_version(&mut txn).await?;
            work(txn, version).await
        })
        .await
    }

    /// A read that sees whole commits only: run between two settled versions, and again when a
    /// write landed meanwhile. `work` is given the version it reads at. When the writes keep
    /// overtaking it, it reads once more holding the version node's lock, which holds the writes
    /// back until it is done: meant for short reads (a full read of the network catches up from
    /// the change log instead, see `network`).
    async fn consistent_read<T, F, Fut>(&self, work: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: Fn(Txn, u64) -> Fut + Clone + Send + 'static,
        Fut: Future<Output = Result<(T, Txn), StoreError>> + Send,
    {
        for _ in 0..CONSISTENT_READ_ATTEMPTS {
            let before = self.settled_version().await?;
            let work = work.clone();
            let value = self.read(move |txn| work(txn, before)).await?;
            if self.settled_version().await? == before {
                return Ok(value);
            }
        }
        self.locked_read(work).await
    }

    /// Runs one listing statement and converts its rows.
    async fn read_records<R, T>(
        &self,
        statement: String,
        params: Vec<(&'static str, BoltType)>,
        convert: fn(R) -> Result<T, StoreError>,
    ) -> Result<Vec<T>, StoreError>
    where
        R: for<'de> Deserialize<'de> + Send + 'static,
        T: Send + 'static,
    {
        self.read(move |mut txn| async move {
            let rows: Vec<R> = collect(&mut txn, query(&statement).params(params)).await?;
            Ok((
                rows.into_iter()
                    .map(convert)
                    .collect::<Result<Vec<_>, _>>()?,
                txn,
            ))
        })
        .await
    }

    async fn write_with<T, F, Fut>(&self, work: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(Txn) -> Fut + Send + 'static,
        Fut: Future<Output = Result<(T, Txn), StoreError>> + Send,
    {
        self.transaction(true, work).await
    }
}

/// How many times a consistent read is tried before it holds the writes back.
pub(super) const CONSISTENT_READ_ATTEMPTS: usize = 5;

/// Takes the version node's lock in `txn` (every write holds it until its commit is applied)
/// and answers the version: held until the transaction ends.
async fn lock_version(txn: &mut Txn) -> Result<u64, StoreError> {
    let q =
        query("MATCH (m:RelaymapMeta {key: 'version'}) SET m.settled = true RETURN m.value AS n");
    let rows: Vec<rows::CountRow> = collect(txn, q).await?;
    rows.first()
        .map(|r| r.n as u64)
        .ok_or_else(|| corrupt("version", "the version node is missing"))
}

/// Collects every row of a query, deserialised into `T`.
pub(super) async fn collect<T: for<'de> Deserialize<'de>>(
    txn: &mut Txn,
    q: Query,
) -> Result<Vec<T>, StoreError> {
    let mut stream = txn.execute(q).await.map_err(classify)?;
    let mut rows = Vec::new();
    while let Some(row) = stream.next(txn.handle()).await.map_err(classify)? {
        rows.push(row.to::<T>().map_err(|e| corrupt("row", e))?);
    }
    Ok(rows)
}

#[async_trait::async_trait]
impl GraphStore for Neo4jStore {
    fn describe(&self) -> String {
        format!("neo4j:{}", self.uri)
    }
}
