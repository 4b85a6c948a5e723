//! The Neo4j store, through neo4rs (Bolt). Actors are nodes `:Actor` plus a label per kind; ties
//! are relationships typed by kind (`KNOWS`, ...). The mapping is documented in
//! `graph-schema/README.md`; the constraints and indexes are `graph-schema/neo4j/*.cypher`.
//!
//! Every call runs in an explicit transaction inside its own tokio task, so a cancelled request
//! cannot leave a pooled connection mid-exchange. Writes first bump the version node, which takes
//! its write lock: writers are serialised, and a refused write rolls back the bump with the rest.

use std::collections::HashMap;
use std::future::Future;
use std::time::Duration;

use anyhow::Context;
use neo4rs::{BoltMap, BoltType, ConfigBuilder, Graph, Query, Txn, query};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use super::{ActorFilter, GraphStore, Page, Stats, StoreError, TieFilter};
use crate::document::{ActorRecord, LocationRecord, TieRecord};
use crate::domain::{
    Actor, ActorId, ActorKind, AuditEntry, Batch, Draft, Existing, Network, Role, RowRef, Scenario,
    Stored, StoredActor, StoredTie, Tie, TieId, TieKind, Timestamp, Token, WriteSummary,
    check_references, format_timestamp, now, parse_timestamp,
};

/// The schema, applied in order and idempotently at every connection.
const SCHEMA: [&str; 1] = [include_str!(
    "../../graph-schema/neo4j/001_constraints.cypher"
)];
/// Rows per `UNWIND` statement and per page when reading the whole network, unless configured;
/// chosen by the batch-size benchmark in BENCHMARKS.md.
pub const DEFAULT_BATCH: usize = 5_000;

const ACTOR_FIELDS: &str = "a.id AS id, a.kind AS kind, a.name AS name, a.languages AS languages,
    a.location.latitude AS lat, a.location.longitude AS lon, a.city AS city, a.channels AS channels,
    a.consent AS consent, a.attributes AS attributes,
    toString(a.created_at) AS created_at, toString(a.updated_at) AS updated_at";
const TIE_FIELDS: &str = "r.id AS id, startNode(r).id AS source, endNode(r).id AS target,
    toLower(type(r)) AS kind, r.trust AS trust, r.channels AS channels,
    toString(r.last_verified) AS last_verified, r.note AS note,
    toString(r.created_at) AS created_at, toString(r.updated_at) AS updated_at";

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

fn label(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Migrant => "Migrant",
        ActorKind::Organisation => "Organisation",
        ActorKind::Responder => "Responder",
        ActorKind::City => "City",
    }
}

fn rel_type(kind: TieKind) -> &'static str {
    match kind {
        TieKind::Knows => "KNOWS",
        TieKind::MemberOf => "MEMBER_OF",
        TieKind::PartnersWith => "PARTNERS_WITH",
        TieKind::Serves => "SERVES",
        TieKind::LocatedIn => "LOCATED_IN",
    }
}

/// Sorts a driver error into "try again later" and "broken".
fn classify(error: neo4rs::Error) -> StoreError {
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

fn corrupt(what: &str, detail: impl std::fmt::Display) -> StoreError {
    StoreError::Backend(format!("stored {what} breaks the model: {detail}").into())
}

/// Runs store work in its own task: if the caller is dropped (a client hung up), the work still
/// finishes or rolls back, and the connection goes back to the pool in a clean state.
async fn detached<T: Send + 'static>(
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

/// Collects every row of a query, deserialised into `T`.
async fn collect<T: for<'de> Deserialize<'de>>(
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

#[derive(Deserialize)]
struct ActorRow {
    id: String,
    kind: String,
    name: String,
    languages: Vec<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    city: Option<String>,
    channels: Vec<String>,
    consent: bool,
    attributes: String,
    created_at: String,
    updated_at: String,
}

#[derive(Deserialize)]
struct TieRow {
    id: String,
    source: String,
    target: String,
    kind: String,
    trust: f64,
    channels: Vec<String>,
    last_verified: Option<String>,
    note: Option<String>,
    created_at: String,
    updated_at: String,
}

/// Reads a stored row back through the document parser, so Neo4j values obey the same rules as
/// every other input.
fn to_actor(row: ActorRow) -> Result<StoredActor, StoreError> {
    let attributes = serde_json::from_str(&row.attributes).map_err(|e| corrupt("attributes", e))?;
    let location = match (row.lat, row.lon) {
        (Some(lat), Some(lon)) => Some(LocationRecord { lat, lon }),
        _ => None,
    };
    let id = row.id.clone();
    let record = ActorRecord {
        id: Some(row.id),
        kind: Some(row.kind),
        name: Some(row.name),
        languages: row.languages,
        location,
        city: row.city,
        channels: row.channels,
        consent: row.consent,
        attributes: Some(attributes),
        created_at: Some(row.created_at),
        updated_at: Some(row.updated_at),
    };
    stored(record.parse(&RowRef::new("neo4j", 0)), &id)
}

fn to_tie(row: TieRow) -> Result<StoredTie, StoreError> {
    let id = row.id.clone();
    let record = TieRecord {
        id: Some(row.id),
        source: Some(row.source),
        target: Some(row.target),
        kind: Some(row.kind),
        trust: Some(row.trust),
        channels: row.channels,
        last_verified: row.last_verified,
        note: row.note,
        created_at: Some(row.created_at),
        updated_at: Some(row.updated_at),
    };
    stored(record.parse(&RowRef::new("neo4j", 0)), &id)
}

fn stored<T>(
    parsed: Result<crate::domain::Draft<T>, Vec<crate::domain::RowError>>,
    id: &str,
) -> Result<Stored<T>, StoreError> {
    let draft = parsed.map_err(|errors| corrupt(id, &errors[0]))?;
    match (draft.created_at, draft.updated_at) {
        (Some(created_at), Some(updated_at)) => Ok(Stored {
            record: draft.record,
            created_at,
            updated_at,
        }),
        _ => Err(corrupt(id, "missing timestamps")),
    }
}

fn text(value: &str) -> BoltType {
    BoltType::from(value)
}

fn texts<'a>(values: impl Iterator<Item = &'a str>) -> BoltType {
    values.map(BoltType::from).collect()
}

fn map(entries: Vec<(&str, BoltType)>) -> BoltType {
    let mut map = BoltMap::with_capacity(entries.len());
    for (key, value) in entries {
        map.put(key.into(), value);
    }
    BoltType::Map(map)
}

fn timestamp(value: Option<&Timestamp>) -> BoltType {
    value.map(format_timestamp).into()
}

#[derive(Deserialize)]
struct KindRow {
    id: String,
    kind: String,
}

#[derive(Deserialize)]
struct TieStampRow {
    id: String,
    created_at: String,
}

/// Reads what the store holds of the batch's ids, inside the write transaction.
async fn load_existing(
    txn: &mut Txn,
    batch: &Batch,
    size: usize,
) -> Result<(Existing, HashMap<TieId, (TieKind, Timestamp)>), StoreError> {
    let mut existing = Existing::default();
    let actor_ids: Vec<&str> = batch.actor_ids().into_iter().map(ActorId::as_str).collect();
    for chunk in actor_ids.chunks(size) {
        let q =
            query("UNWIND $ids AS id MATCH (a:Actor {id: id}) RETURN a.id AS id, a.kind AS kind")
                .param("ids", texts(chunk.iter().copied()));
        for row in collect::<KindRow>(txn, q).await? {
            let kind = ActorKind::parse(&row.kind).map_err(|e| corrupt("actor kind", e))?;
            let id = ActorId::parse(&row.id).map_err(|e| corrupt("actor id", e))?;
            existing.actor_kinds.insert(id, kind);
        }
    }
    let mut stored_ties = HashMap::new();
    let tie_ids: Vec<&str> = batch.tie_ids().into_iter().map(TieId::as_str).collect();
    // Types with no relationship yet (the counts store answers at once) need no look-up: this
    // spares a first import of a large network most of its queries.
    let mut present = Vec::new();
    for kind in TieKind::ALL {
        let q = query(&format!(
            "MATCH ()-[r:{}]->() RETURN count(r) AS n",
            rel_type(kind)
        ));
        if collect::<CountRow>(txn, q)
            .await?
            .first()
            .is_some_and(|c| c.n > 0)
        {
            present.push(kind);
        }
    }
    for chunk in tie_ids.chunks(size) {
        for &kind in &present {
            // One statement per type: each uses that type's id index.
            let q = query(&format!(
                "UNWIND $ids AS id MATCH ()-[r:{} {{id: id}}]->() RETURN r.id AS id, toString(r.created_at) AS created_at",
                rel_type(kind)
            ))
            .param("ids", texts(chunk.iter().copied()));
            for row in collect::<TieStampRow>(txn, q).await? {
                let id = TieId::parse(&row.id).map_err(|e| corrupt("tie id", e))?;
                let created =
                    parse_timestamp(&row.created_at).map_err(|e| corrupt("tie time", e))?;
                existing.tie_ids.insert(id.clone());
                stored_ties.insert(id, (kind, created));
            }
        }
    }
    Ok((existing, stored_ties))
}

async fn write_batch(
    mut txn: Txn,
    batch: Batch,
    size: usize,
) -> Result<(WriteSummary, Txn), StoreError> {
    let (existing, stored_ties) = load_existing(&mut txn, &batch, size).await?;
    let summary = check_references(&batch, &existing).map_err(StoreError::Rejected)?;
    let now = format_timestamp(&now());

    // Rows are turned into Bolt values one batch at a time, so a large import never holds a
    // second copy of the whole network.
    for kind in ActorKind::ALL {
        let drafts: Vec<&Draft<Actor>> = batch
            .actors
            .iter()
            .filter(|d| d.record.kind == kind)
            .collect();
        let to_row = |draft: &&Draft<Actor>| {
            let a = &draft.record;
            map(vec![
                ("id", text(a.id.as_str())),
                ("kind", text(a.kind.as_str())),
                ("name", text(a.name.as_str())),
                (
                    "languages",
                    texts(a.languages.as_slice().iter().map(|l| l.as_str())),
                ),
                ("lat", a.location.map(|l| l.lat()).into()),
                ("lon", a.location.map(|l| l.lon()).into()),
                ("city", a.city.as_ref().map(|c| c.as_str()).into()),
                (
                    "channels",
                    texts(a.channels.as_slice().iter().map(|c| c.as_str())),
                ),
                ("consent", a.consent.into()),
                (
                    "attributes",
                    text(
                        &serde_json::to_string(a.attributes.as_map())
                            .expect("a JSON object serialises"),
                    ),
                ),
                ("created_at", timestamp(draft.created_at.as_ref())),
                ("updated_at", timestamp(draft.updated_at.as_ref())),
            ])
        };
        let statement = format!(
            "UNWIND $rows AS row
             MERGE (a:Actor {{id: row.id}})
             ON CREATE SET a.created_at = datetime(coalesce(row.created_at, $now))
             SET a:{label}, a.kind = row.kind, a.name = row.name, a.languages = row.languages,
                 a.location = CASE WHEN row.lat IS NULL THEN null
                              ELSE point({{latitude: row.lat, longitude: row.lon}}) END,
                 a.city = row.city, a.channels = row.channels, a.consent = row.consent,
                 a.attributes = row.attributes,
                 a.created_at = CASE WHEN row.created_at IS NULL THEN a.created_at
                                ELSE datetime(row.created_at) END,
                 a.updated_at = datetime(coalesce(row.updated_at, $now))",
            label = label(kind)
        );
        for chunk in drafts.chunks(size) {
            let rows: BoltType = chunk.iter().map(to_row).collect();
            let q = query(&statement)
                .param("rows", rows)
                .param("now", now.as_str());
            txn.run(q).await.map_err(classify)?;
        }
    }

    // A replaced tie may change kind (type) or endpoints: delete the old relationship, create the
    // new one, keeping its creation time.
    for kind in TieKind::ALL {
        let replaced: Vec<&str> = stored_ties
            .iter()
            .filter(|(_, (k, _))| *k == kind)
            .map(|(id, _)| id.as_str())
            .collect();
        for chunk in replaced.chunks(size) {
            let q = query(&format!(
                "UNWIND $ids AS id MATCH ()-[r:{} {{id: id}}]->() DELETE r",
                rel_type(kind)
            ))
            .param("ids", texts(chunk.iter().copied()));
            txn.run(q).await.map_err(classify)?;
        }
    }
    for kind in TieKind::ALL {
        let drafts: Vec<&Draft<Tie>> = batch
            .ties
            .iter()
            .filter(|d| d.record.kind == kind)
            .collect();
        let to_row = |draft: &&Draft<Tie>| {
            let t = &draft.record;
            let created = draft
                .created_at
                .or_else(|| stored_ties.get(&t.id).map(|(_, c)| *c));
            map(vec![
                ("id", text(t.id.as_str())),
                ("source", text(t.source.as_str())),
                ("target", text(t.target.as_str())),
                ("trust", t.trust.value().into()),
                (
                    "channels",
                    texts(t.channels.as_slice().iter().map(|c| c.as_str())),
                ),
                (
                    "last_verified",
                    t.last_verified
                        .map(|d| d.format("%Y-%m-%d").to_string())
                        .into(),
                ),
                ("note", t.note.as_ref().map(|n| n.as_str()).into()),
                ("created_at", timestamp(created.as_ref())),
                ("updated_at", timestamp(draft.updated_at.as_ref())),
            ])
        };
        let statement = format!(
            "UNWIND $rows AS row
             MATCH (s:Actor {{id: row.source}})
             MATCH (t:Actor {{id: row.target}})
             CREATE (s)-[r:{rel} {{id: row.id}}]->(t)
             SET r.trust = row.trust, r.channels = row.channels,
                 r.last_verified = CASE WHEN row.last_verified IS NULL THEN null
                                   ELSE date(row.last_verified) END,
                 r.note = row.note,
                 r.created_at = datetime(coalesce(row.created_at, $now)),
                 r.updated_at = datetime(coalesce(row.updated_at, $now))
             RETURN count(r) AS n",
            rel = rel_type(kind)
        );
        for chunk in drafts.chunks(size) {
            let rows: BoltType = chunk.iter().map(to_row).collect();
            let q = query(&statement)
                .param("rows", rows)
                .param("now", now.as_str());
            let created: Vec<CountRow> = collect(&mut txn, q).await?;
            // check_references proved every endpoint exists; a shortfall means a concurrent change.
            if created.first().map_or(0, |c| c.n) != chunk.len() as i64 {
                return Err(StoreError::Conflict(
                    "the network changed during the write; try again".into(),
                ));
            }
        }
    }
    Ok((summary, txn))
}

/// An audit entry that may name an erased actor.
#[derive(Deserialize)]
struct AuditTargetRow {
    seq: i64,
    target: Option<String>,
    subjects: Option<Vec<String>>,
}

#[derive(Deserialize)]
struct IdRow {
    id: String,
}

/// Takes an erased person out of the audit trail and the saved scenarios, in the erasure's
/// transaction (see [`super::Erasure`]).
async fn erase_traces(txn: &mut Txn, id: &str) -> Result<(), StoreError> {
    let actor = ActorId::parse(id).map_err(|_| corrupt("actor id", id))?;
    let q = query("MATCH (:Actor {id: $id})-[r]-() RETURN DISTINCT r.id AS id").param("id", id);
    let ties = collect::<IdRow>(txn, q).await?.into_iter().map(|r| r.id);
    let erasure = super::Erasure::new(&actor, ties);
    // Targets hold ids as sent or percent-encoded (`m%3A1`): look for both.
    let needles: Vec<String> = erasure
        .ids()
        .iter()
        .flat_map(|id| {
            let encoded: String = form_urlencoded::byte_serialize(id.as_bytes()).collect();
            [id.clone(), encoded]
        })
        .collect();
    let q = query(
        "MATCH (e:RelaymapAudit) \
         WHERE (e.target IS NOT NULL AND e.target <> 'erased' \
                AND any(x IN $needles WHERE e.target CONTAINS x)) \
            OR $id IN coalesce(e.subjects, []) \
         RETURN e.seq AS seq, e.target AS target, e.subjects AS subjects",
    )
    .param("needles", needles)
    .param("id", id);
    let mut targets = Vec::new();
    let mut subjects = Vec::new();
    for row in collect::<AuditTargetRow>(txn, q).await? {
        let named = row.subjects.unwrap_or_default();
        if let Some(redaction) = erasure.redaction(row.target.as_deref(), &named) {
            if redaction.target {
                targets.push(row.seq);
            }
            if redaction.subjects {
                subjects.push(row.seq);
            }
        }
    }
    if !targets.is_empty() {
        let redact = "MATCH (e:RelaymapAudit) WHERE e.seq IN $seqs SET e.target = 'erased'";
        txn.run(query(redact).param("seqs", targets))
            .await
            .map_err(classify)?;
    }
    if !subjects.is_empty() {
        let forget = "MATCH (e:RelaymapAudit) WHERE e.seq IN $seqs REMOVE e.subjects";
        txn.run(query(forget).param("seqs", subjects))
            .await
            .map_err(classify)?;
    }
    let q = query(
        "MATCH (s:RelaymapScenario) WHERE s.query CONTAINS $id \
         RETURN s.name AS name, s.query AS query",
    )
    .param("id", id);
    for scenario in collect::<NamedQueryRow>(txn, q).await? {
        if let Some(scrubbed) = erasure.scrub_query(&scenario.query) {
            let q = query("MATCH (s:RelaymapScenario {name: $name}) SET s.query = $query")
                .param("name", scenario.name)
                .param("query", scrubbed);
            txn.run(q).await.map_err(classify)?;
        }
    }
    Ok(())
}

#[derive(Deserialize)]
struct NamedQueryRow {
    name: String,
    query: String,
}

#[derive(Deserialize)]
struct CountRow {
    n: i64,
}

#[derive(Deserialize)]
struct OutlineRow {
    id: String,
    outline: String,
}

impl OutlineRow {
    fn into_pair(self) -> Result<(ActorId, String), StoreError> {
        let id = ActorId::parse(&self.id).map_err(|_| corrupt("actor id", &self.id))?;
        Ok((id, self.outline))
    }
}

const TOKEN_FIELDS: &str = "t.id AS id, t.label AS label, t.role AS role, \
     t.created_at AS created_at, t.expires_at AS expires_at, t.revoked_at AS revoked_at";

#[derive(Deserialize)]
struct TokenRow {
    id: String,
    label: String,
    role: String,
    created_at: String,
    expires_at: Option<String>,
    revoked_at: Option<String>,
}

#[derive(Deserialize)]
struct ScenarioRow {
    name: String,
    query: String,
    saved_by: String,
    saved_at: String,
}

impl ScenarioRow {
    fn into_scenario(self) -> Result<Scenario, StoreError> {
        Ok(Scenario {
            saved_at: stored_time(&self.saved_at)?,
            name: self.name,
            query: self.query,
            saved_by: self.saved_by,
        })
    }
}

fn stored_time(raw: &str) -> Result<Timestamp, StoreError> {
    parse_timestamp(raw).map_err(|_| corrupt("timestamp", raw))
}

impl TokenRow {
    fn into_token(self) -> Result<Token, StoreError> {
        Ok(Token {
            role: Role::parse(&self.role).map_err(|_| corrupt("role", &self.role))?,
            created_at: stored_time(&self.created_at)?,
            expires_at: self.expires_at.as_deref().map(stored_time).transpose()?,
            revoked_at: self.revoked_at.as_deref().map(stored_time).transpose()?,
            id: self.id,
            label: self.label,
        })
    }
}

#[derive(Deserialize)]
struct AuditRow {
    seq: i64,
    at: String,
    who: String,
    role: Option<String>,
    action: String,
    target: Option<String>,
    outcome: String,
    records: Option<i64>,
    subjects: Option<Vec<String>>,
}

impl AuditRow {
    fn into_entry(self) -> Result<AuditEntry, StoreError> {
        Ok(AuditEntry {
            seq: self.seq as u64,
            at: stored_time(&self.at)?,
            role: self
                .role
                .as_deref()
                .map(|r| Role::parse(r).map_err(|_| corrupt("role", r)))
                .transpose()?,
            who: self.who,
            action: self.action,
            target: self.target,
            outcome: self.outcome,
            records: self.records.map(|n| n as u64),
            subjects: self.subjects.unwrap_or_default(),
        })
    }
}

#[derive(Deserialize)]
struct SecretRow {
    secret: String,
}

#[derive(Deserialize)]
struct KindCountRow {
    kind: String,
    n: i64,
}

async fn read_version(txn: &mut Txn) -> Result<u64, StoreError> {
    let rows: Vec<CountRow> = collect(
        txn,
        query("MATCH (m:RelaymapMeta {key: 'version'}) RETURN m.value AS n"),
    )
    .await?;
    rows.first()
        .map(|r| r.n as u64)
        .ok_or_else(|| corrupt("version", "the version node is missing"))
}

#[async_trait::async_trait]
impl GraphStore for Neo4jStore {
    fn describe(&self) -> String {
        format!("neo4j:{}", self.uri)
    }

    #[tracing::instrument(skip_all, fields(actors = batch.actors.len(), ties = batch.ties.len()))]
    async fn write(&self, batch: Batch) -> Result<WriteSummary, StoreError> {
        let size = self.batch;
        self.write_with(move |txn| write_batch(txn, batch, size))
            .await
    }

    async fn check(&self, batch: Batch) -> Result<WriteSummary, StoreError> {
        let size = self.batch;
        self.run_transaction(true, false, move |txn| write_batch(txn, batch, size))
            .await
    }

    async fn get_actor(&self, id: &ActorId) -> Result<Option<StoredActor>, StoreError> {
        let id = id.to_string();
        self.read(move |mut txn| async move {
            let q = query(&format!(
                "MATCH (a:Actor {{id: $id}}) RETURN {ACTOR_FIELDS}"
            ))
            .param("id", id);
            let rows: Vec<ActorRow> = collect(&mut txn, q).await?;
            Ok((rows.into_iter().next().map(to_actor).transpose()?, txn))
        })
        .await
    }

    async fn list_actors(
        &self,
        filter: &ActorFilter,
        page: &Page,
    ) -> Result<Vec<StoredActor>, StoreError> {
        let mut conditions: Vec<String> = Vec::new();
        let mut params: Vec<(&'static str, BoltType)> = Vec::new();
        if let Some(kind) = filter.kind {
            conditions.push("a.kind = $kind".into());
            params.push(("kind", text(kind.as_str())));
        }
        if let Some(city) = &filter.city {
            conditions.push("a.city = $city".into());
            params.push(("city", text(city.as_str())));
        }
        if let Some(language) = filter.language {
            conditions.push("$language IN a.languages".into());
            params.push(("language", text(language.as_str())));
        }
        if let Some(b) = filter.bbox {
            conditions.push(
                "a.location IS NOT NULL AND point.withinBBox(a.location,
                 point({latitude: $min_lat, longitude: $min_lon}), point({latitude: $max_lat, longitude: $max_lon}))"
                    .into(),
            );
            params.extend([
                ("min_lat", b.min_lat.into()),
                ("min_lon", b.min_lon.into()),
                ("max_lat", b.max_lat.into()),
                ("max_lon", b.max_lon.into()),
            ]);
        }
        let statement = paged_statement(
            "MATCH (a:Actor)",
            "a.id",
            ACTOR_FIELDS,
            conditions,
            page,
            &mut params,
        );
        self.read_records(statement, params, to_actor).await
    }

    #[tracing::instrument(skip_all)]
    async fn delete_actor(&self, id: &ActorId, erase: bool) -> Result<(), StoreError> {
        let id = id.to_string();
        self.write_with(move |mut txn| async move {
            let q = query("MATCH (a:Actor {id: $id}) RETURN a.id AS id, a.kind AS kind").param("id", id.as_str());
            let Some(found) = collect::<KindRow>(&mut txn, q).await?.into_iter().next() else {
                return Err(StoreError::NotFound(format!("actor {id}")));
            };
            if found.kind == ActorKind::City.as_str() {
                let q = query("MATCH (b:Actor {city: $id}) RETURN count(b) AS n").param("id", id.as_str());
                let members = collect::<CountRow>(&mut txn, q).await?.first().map_or(0, |r| r.n);
                if members > 0 {
                    return Err(StoreError::Conflict(format!(
                        "city {id} is the city of {members} actor(s); move them to another city first"
                    )));
                }
            }
            if erase {
                erase_traces(&mut txn, &id).await?;
            }
            txn.run(query("MATCH (a:Actor {id: $id}) DETACH DELETE a").param("id", id.as_str()))
                .await
                .map_err(classify)?;
            Ok(((), txn))
        })
        .await
    }

    async fn get_tie(&self, id: &TieId) -> Result<Option<StoredTie>, StoreError> {
        let id = id.to_string();
        self.read(move |mut txn| async move {
            for kind in TieKind::ALL {
                let q = query(&format!(
                    "MATCH ()-[r:{} {{id: $id}}]->() RETURN {TIE_FIELDS}",
                    rel_type(kind)
                ))
                .param("id", id.as_str());
                if let Some(row) = collect::<TieRow>(&mut txn, q).await?.into_iter().next() {
                    return Ok((Some(to_tie(row)?), txn));
                }
            }
            Ok((None, txn))
        })
        .await
    }

    async fn list_ties(
        &self,
        filter: &TieFilter,
        page: &Page,
    ) -> Result<Vec<StoredTie>, StoreError> {
        let rel = filter
            .kind
            .map_or(String::new(), |k| format!(":{}", rel_type(k)));
        let mut params: Vec<(&'static str, BoltType)> = Vec::new();
        let pattern = match &filter.actor {
            Some(actor) => {
                params.push(("actor", text(actor.as_str())));
                format!("MATCH (:Actor {{id: $actor}})-[r{rel}]-()")
            }
            None => format!("MATCH ()-[r{rel}]->()"),
        };
        let statement =
            paged_statement(&pattern, "r.id", TIE_FIELDS, Vec::new(), page, &mut params);
        self.read_records(statement, params, to_tie).await
    }

    #[tracing::instrument(skip_all)]
    async fn delete_tie(&self, id: &TieId) -> Result<(), StoreError> {
        let id = id.to_string();
        self.write_with(move |mut txn| async move {
            let mut deleted = 0;
            for kind in TieKind::ALL {
                let q = query(&format!(
                    "MATCH ()-[r:{} {{id: $id}}]->() DELETE r RETURN count(*) AS n",
                    rel_type(kind)
                ))
                .param("id", id.as_str());
                deleted += collect::<CountRow>(&mut txn, q)
                    .await?
                    .first()
                    .map_or(0, |r| r.n);
            }
            if deleted == 0 {
                return Err(StoreError::NotFound(format!("tie {id}")));
            }
            Ok(((), txn))
        })
        .await
    }

    #[tracing::instrument(skip_all)]
    async fn network(&self) -> Result<Network, StoreError> {
        // Neo4j reads are read-committed, not snapshots: read in pages (keyset on the id indexes),
        // and start again if the version moved meanwhile.
        const ATTEMPTS: usize = 5;
        let size = self.batch;
        for _ in 0..ATTEMPTS {
            let result = self
                .read(move |mut txn| async move {
                    let before = read_version(&mut txn).await?;
                    let actors = read_pages(
                        &mut txn,
                        "MATCH (a:Actor)",
                        "a.id",
                        ACTOR_FIELDS,
                        to_actor,
                        size,
                    )
                    .await?;
                    let mut ties = Vec::new();
                    for kind in TieKind::ALL {
                        let pattern = format!("MATCH ()-[r:{}]->()", rel_type(kind));
                        ties.extend(
                            read_pages(&mut txn, &pattern, "r.id", TIE_FIELDS, to_tie, size)
                                .await?,
                        );
                    }
                    ties.sort_by(|a: &StoredTie, b| a.record.id.cmp(&b.record.id));
                    let after = read_version(&mut txn).await?;
                    Ok(((before == after).then_some(Network { actors, ties }), txn))
                })
                .await?;
            if let Some(network) = result {
                return Ok(network);
            }
        }
        Err(StoreError::Conflict(
            "the network kept changing while it was read; try again".into(),
        ))
    }

    async fn stats(&self) -> Result<Stats, StoreError> {
        self.read(|mut txn| async move {
            let mut stats = Stats {
                actors: ActorKind::ALL.into_iter().map(|k| (k, 0)).collect(),
                ties: TieKind::ALL.into_iter().map(|k| (k, 0)).collect(),
            };
            let q = query("MATCH (a:Actor) RETURN a.kind AS kind, count(*) AS n");
            for row in collect::<KindCountRow>(&mut txn, q).await? {
                let kind = ActorKind::parse(&row.kind).map_err(|e| corrupt("actor kind", e))?;
                stats.actors.insert(kind, row.n as u64);
            }
            for kind in TieKind::ALL {
                let q = query(&format!(
                    "MATCH ()-[r:{}]->() RETURN count(r) AS n",
                    rel_type(kind)
                ));
                let n = collect::<CountRow>(&mut txn, q)
                    .await?
                    .first()
                    .map_or(0, |r| r.n);
                stats.ties.insert(kind, n as u64);
            }
            Ok((stats, txn))
        })
        .await
    }

    async fn secret(&self, name: &str, fresh: &[u8; 32]) -> Result<Vec<u8>, StoreError> {
        let key = format!("secret:{name}");
        let fresh: String = fresh.iter().map(|b| format!("{b:02x}")).collect();
        // MERGE on the unique meta key: concurrent first uses agree on one secret. Not a write of
        // the network, so the version stays.
        let hex = self
            .side_write(move |mut txn| async move {
                let rows: Vec<SecretRow> = collect(
                    &mut txn,
                    query(
                        "MERGE (m:RelaymapMeta {key: $key}) ON CREATE SET m.secret = $fresh \
                         RETURN m.secret AS secret",
                    )
                    .param("key", key)
                    .param("fresh", fresh),
                )
                .await?;
                let secret = rows
                    .into_iter()
                    .next()
                    .map(|r| r.secret)
                    .ok_or_else(|| corrupt("secret", "MERGE returned no row"))?;
                Ok((secret, txn))
            })
            .await?;
        (0..hex.len())
            .step_by(2)
            .map(|i| {
                hex.get(i..i + 2)
                    .and_then(|b| u8::from_str_radix(b, 16).ok())
            })
            .collect::<Option<Vec<u8>>>()
            .filter(|bytes| bytes.len() == 32)
            .ok_or_else(|| corrupt("secret", "not 32 bytes of hex"))
    }

    async fn create_token(&self, token: &Token, secret_hash: &str) -> Result<(), StoreError> {
        let (token, hash) = (token.clone(), secret_hash.to_owned());
        self.side_write(move |mut txn| async move {
            let taken: Vec<CountRow> = collect(
                &mut txn,
                query(
                    "MATCH (t:RelaymapToken) WHERE t.id = $id OR t.secret_hash = $hash \
                     RETURN count(t) AS n",
                )
                .param("id", token.id.clone())
                .param("hash", hash.clone()),
            )
            .await?;
            if taken.first().is_some_and(|r| r.n > 0) {
                return Err(StoreError::Conflict(format!(
                    "token {} already exists",
                    token.id
                )));
            }
            txn.run(
                query(
                    "CREATE (:RelaymapToken {id: $id, label: $label, role: $role, \
                     secret_hash: $hash, created_at: $created_at, expires_at: $expires_at, \
                     revoked_at: $revoked_at})",
                )
                .param("id", token.id.clone())
                .param("label", token.label.clone())
                .param("role", token.role.as_str())
                .param("hash", hash)
                .param("created_at", format_timestamp(&token.created_at))
                .param(
                    "expires_at",
                    token.expires_at.as_ref().map(format_timestamp),
                )
                .param(
                    "revoked_at",
                    token.revoked_at.as_ref().map(format_timestamp),
                ),
            )
            .await
            .map_err(classify)?;
            Ok(((), txn))
        })
        .await
    }

    async fn tokens(&self) -> Result<Vec<Token>, StoreError> {
        self.read_records(
            format!("MATCH (t:RelaymapToken) RETURN {TOKEN_FIELDS} ORDER BY t.created_at, t.id"),
            Vec::new(),
            TokenRow::into_token,
        )
        .await
    }

    async fn token_by_hash(&self, secret_hash: &str) -> Result<Option<Token>, StoreError> {
        let tokens = self
            .read_records(
                format!("MATCH (t:RelaymapToken {{secret_hash: $hash}}) RETURN {TOKEN_FIELDS}"),
                vec![("hash", secret_hash.into())],
                TokenRow::into_token,
            )
            .await?;
        Ok(tokens.into_iter().next())
    }

    async fn save_scenario(&self, scenario: &Scenario) -> Result<(), StoreError> {
        let scenario = scenario.clone();
        self.side_write(move |mut txn| async move {
            let q = query(
                "MERGE (s:RelaymapScenario {name: $name}) \
                 SET s.query = $query, s.saved_by = $saved_by, s.saved_at = $saved_at",
            )
            .param("name", scenario.name)
            .param("query", scenario.query)
            .param("saved_by", scenario.saved_by)
            .param("saved_at", format_timestamp(&scenario.saved_at));
            txn.run(q).await.map_err(classify)?;
            Ok(((), txn))
        })
        .await
    }

    async fn scenarios(&self) -> Result<Vec<Scenario>, StoreError> {
        self.read_records(
            "MATCH (s:RelaymapScenario) RETURN s.name AS name, s.query AS query, \
             s.saved_by AS saved_by, s.saved_at AS saved_at ORDER BY s.name"
                .to_owned(),
            Vec::new(),
            ScenarioRow::into_scenario,
        )
        .await
    }

    async fn delete_scenario(&self, name: &str) -> Result<(), StoreError> {
        let name = name.to_owned();
        self.side_write(move |mut txn| async move {
            let rows: Vec<CountRow> = collect(
                &mut txn,
                query(
                    "OPTIONAL MATCH (s:RelaymapScenario {name: $name}) \
                     WITH s, count(s) AS n DETACH DELETE s RETURN n",
                )
                .param("name", name.clone()),
            )
            .await?;
            if rows.first().is_none_or(|r| r.n == 0) {
                return Err(StoreError::NotFound(format!("scenario {name:?}")));
            }
            Ok(((), txn))
        })
        .await
    }

    async fn set_outline(&self, city: &ActorId, outline: Option<String>) -> Result<(), StoreError> {
        let id = city.as_str().to_owned();
        self.side_write(move |mut txn| async move {
            let rows: Vec<CountRow> = collect(
                &mut txn,
                query(
                    "OPTIONAL MATCH (a:Actor {id: $id}) SET a.outline = $outline \
                     RETURN count(a) AS n",
                )
                .param("id", id.clone())
                .param("outline", outline),
            )
            .await?;
            if rows.first().is_none_or(|r| r.n == 0) {
                return Err(StoreError::NotFound(format!("actor {id}")));
            }
            Ok(((), txn))
        })
        .await
    }

    async fn outlines(&self) -> Result<Vec<(ActorId, String)>, StoreError> {
        self.read_records(
            "MATCH (a:Actor) WHERE a.outline IS NOT NULL \
             RETURN a.id AS id, a.outline AS outline ORDER BY a.id"
                .to_owned(),
            Vec::new(),
            OutlineRow::into_pair,
        )
        .await
    }

    async fn revoke_token(&self, id: &str, at: &Timestamp) -> Result<(), StoreError> {
        let (id, at) = (id.to_owned(), format_timestamp(at));
        self.side_write(move |mut txn| async move {
            let rows: Vec<CountRow> = collect(
                &mut txn,
                query(
                    "MATCH (t:RelaymapToken {id: $id}) \
                     SET t.revoked_at = coalesce(t.revoked_at, $at) RETURN count(t) AS n",
                )
                .param("id", id.clone())
                .param("at", at),
            )
            .await?;
            if rows.first().is_none_or(|r| r.n == 0) {
                return Err(StoreError::NotFound(format!("token {id}")));
            }
            Ok(((), txn))
        })
        .await
    }

    async fn append_audit(&self, entry: &AuditEntry) -> Result<u64, StoreError> {
        let entry = entry.clone();
        self.side_write(move |mut txn| async move {
            // The counter node's lock orders concurrent appends.
            let rows: Vec<CountRow> = collect(
                &mut txn,
                query(
                    "MERGE (c:RelaymapMeta {key: 'audit_seq'}) \
                     SET c.value = coalesce(c.value, 0) + 1 \
                     CREATE (:RelaymapAudit {seq: c.value, at: $at, who: $who, role: $role, \
                     action: $action, target: $target, outcome: $outcome, records: $records, \
                     subjects: $subjects}) \
                     RETURN c.value AS n",
                )
                .param("at", format_timestamp(&entry.at))
                .param("who", entry.who)
                .param("role", entry.role.map(Role::as_str))
                .param("action", entry.action)
                .param("target", entry.target)
                .param("outcome", entry.outcome)
                .param(
                    "records",
                    entry.records.map(|n| n.min(i64::MAX as u64) as i64),
                )
                .param(
                    "subjects",
                    (!entry.subjects.is_empty()).then_some(entry.subjects),
                ),
            )
            .await?;
            let seq = rows
                .first()
                .map(|r| r.n as u64)
                .ok_or_else(|| corrupt("audit", "no sequence number"))?;
            Ok((seq, txn))
        })
        .await
    }

    async fn audit(
        &self,
        before: Option<u64>,
        limit: usize,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        let before = before.map_or(i64::MAX, |b| b.min(i64::MAX as u64) as i64);
        self.read_records(
            "MATCH (a:RelaymapAudit) WHERE a.seq < $before \
             RETURN a.seq AS seq, a.at AS at, a.who AS who, a.role AS role, a.action AS action, \
             a.target AS target, a.outcome AS outcome, a.records AS records, \
             a.subjects AS subjects ORDER BY a.seq DESC LIMIT $limit"
                .to_owned(),
            vec![("before", before.into()), ("limit", (limit as i64).into())],
            AuditRow::into_entry,
        )
        .await
    }

    async fn version(&self) -> Result<u64, StoreError> {
        self.read(|mut txn| async move {
            let version = read_version(&mut txn).await?;
            Ok((version, txn))
        })
        .await
    }
}

/// `pattern WHERE conditions AND key > $after RETURN fields ORDER BY key SKIP $offset LIMIT $limit`.
fn paged_statement(
    pattern: &str,
    key: &str,
    fields: &str,
    mut conditions: Vec<String>,
    page: &Page,
    params: &mut Vec<(&'static str, BoltType)>,
) -> String {
    if let Some(after) = &page.after {
        params.push(("after", text(after)));
        conditions.push(format!("{key} > $after"));
    }
    params.push(("offset", (page.offset as i64).into()));
    params.push(("limit", (page.limit as i64).into()));
    let filter = if conditions.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", conditions.join(" AND "))
    };
    format!("{pattern}{filter} RETURN {fields} ORDER BY {key} SKIP $offset LIMIT $limit")
}

/// Reads every record matching `pattern` in pages of `size`, by keyset on `key`.
async fn read_pages<R, T>(
    txn: &mut Txn,
    pattern: &str,
    key: &str,
    fields: &str,
    convert: fn(R) -> Result<T, StoreError>,
    size: usize,
) -> Result<Vec<T>, StoreError>
where
    R: for<'de> Deserialize<'de>,
    T: HasId,
{
    let mut records = Vec::new();
    let mut after = String::new();
    loop {
        let statement =
            format!("{pattern} WHERE {key} > $after RETURN {fields} ORDER BY {key} LIMIT $limit");
        let q = query(&statement)
            .param("after", after.as_str())
            .param("limit", size as i64);
        let rows: Vec<R> = collect(txn, q).await?;
        let full = rows.len() == size;
        let before = records.len();
        for row in rows {
            records.push(convert(row)?);
        }
        if !full || records.len() == before {
            return Ok(records);
        }
        after = last_id(&records);
    }
}

fn last_id<T: HasId>(records: &[T]) -> String {
    records
        .last()
        .map(|r| r.id().to_owned())
        .unwrap_or_default()
}

trait HasId {
    fn id(&self) -> &str;
}

impl HasId for StoredActor {
    fn id(&self) -> &str {
        self.record.id.as_str()
    }
}

impl HasId for StoredTie {
    fn id(&self) -> &str {
        self.record.id.as_str()
    }
}
