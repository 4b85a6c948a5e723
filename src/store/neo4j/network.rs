//! The network in Neo4j: reads, all-or-nothing writes, deletion and erasure.

use std::sync::Arc;

use neo4rs::{BoltType, Txn, query};
use serde::Deserialize;

use super::batch::write_batch;
use super::rows::*;
use super::{Neo4jStore, classify, collect, corrupt};
use crate::domain::{
    ActorId, ActorKind, Batch, Delta, Network, StoredActor, StoredTie, TieId, TieKind, WriteSummary,
};
use crate::store::{ActorFilter, NetworkStore, Page, Stats, StoreError, TieFilter};

/// An audit entry that may name an erased actor.
#[derive(Deserialize)]
struct AuditTargetRow {
    seq: i64,
    target: Option<String>,
    subjects: Option<Vec<String>>,
}

/// Takes an erased person out of the audit trail, the saved scenarios and the activations, in the erasure's
/// transaction (see [`super::Erasure`]).
async fn erase_traces(txn: &mut Txn, id: &str) -> Result<(), StoreError> {
    let actor = ActorId::parse(id).map_err(|_| corrupt("actor id", id))?;
    let q = query("MATCH (:Actor {id: $id})-[r]-() RETURN DISTINCT r.id AS id").param("id", id);
    let ties = collect::<IdRow>(txn, q).await?.into_iter().map(|r| r.id);
    let erasure = crate::store::Erasure::new(&actor, ties);
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
    txn.run(
        query("MATCH (d:RelaymapDistinct) WHERE d.a = $id OR d.b = $id DELETE d").param("id", id),
    )
    .await
    .map_err(classify)?;
    let q = query(
        "MATCH (a:RelaymapActivation) WHERE a.document CONTAINS $id \
         RETURN a.id AS name, a.document AS query",
    )
    .param("id", id);
    for activation in collect::<NamedQueryRow>(txn, q).await? {
        if let Some(scrubbed) = erasure.scrub_record(&activation.query) {
            let q = query(
                "MATCH (a:RelaymapActivation {id: $id}) \
                 SET a.document = $document, a.revision = a.revision + 1",
            )
            .param("id", activation.name)
            .param("document", scrubbed);
            txn.run(q).await.map_err(classify)?;
        }
    }
    // An interview of the person goes whole; in others, what they said of them goes.
    txn.run(query("MATCH (i:RelaymapInterview {ego: $id}) DELETE i").param("id", id))
        .await
        .map_err(classify)?;
    let q = query(
        "MATCH (i:RelaymapInterview) WHERE i.document CONTAINS $id          RETURN i.id AS name, i.document AS query",
    )
    .param("id", id);
    for interview in collect::<NamedQueryRow>(txn, q).await? {
        if let Some(scrubbed) = erasure.scrub_record(&interview.query) {
            let q = query("MATCH (i:RelaymapInterview {id: $id}) SET i.document = $document")
                .param("id", interview.name)
                .param("document", scrubbed);
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

#[async_trait::async_trait]
impl NetworkStore for Neo4jStore {
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

    async fn actors_by_id(&self, ids: &[ActorId]) -> Result<Vec<StoredActor>, StoreError> {
        let ids: Vec<String> = ids.iter().map(ToString::to_string).collect();
        self.read(move |mut txn| async move {
            let q = query(&format!(
                "MATCH (a:Actor) WHERE a.id IN $ids RETURN {ACTOR_FIELDS} ORDER BY a.id"
            ))
            .param("ids", ids);
            let rows: Vec<ActorRow> = collect(&mut txn, q).await?;
            let actors = rows
                .into_iter()
                .map(to_actor)
                .collect::<Result<Vec<_>, _>>()?;
            Ok((actors, txn))
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
        if let Some(name) = &filter.name {
            conditions.push("toLower(a.name) CONTAINS $name".into());
            params.push(("name", text(&name.to_lowercase())));
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
            let q = query("MATCH (a:Actor {id: $id}) RETURN a.kind AS kind").param("id", id.as_str());
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
                forget_changes(&mut txn).await?;
            } else {
                let q = query("MATCH (:Actor {id: $id})-[r]-() RETURN DISTINCT r.id AS id").param("id", id.as_str());
                let ties = collect::<IdRow>(&mut txn, q).await?.into_iter().map(|r| r.id).collect();
                log_changes(&mut txn, "actor", vec![id.clone()]).await?;
                log_changes(&mut txn, "tie", ties).await?;
            }
            txn.run(query("MATCH (a:Actor {id: $id}) DETACH DELETE a").param("id", id.as_str()))
                .await
                .map_err(classify)?;
            Ok(((), txn))
        })
        .await
    }

    async fn merge_actor(&self, from: &ActorId, batch: Batch) -> Result<WriteSummary, StoreError> {
        let from = from.to_string();
        let size = self.batch;
        self.write_with(move |txn| async move {
            let (summary, mut txn) = write_batch(txn, batch, size).await?;
            let q =
                query("MATCH (a:Actor {id: $id}) RETURN a.kind AS kind").param("id", from.as_str());
            if collect::<KindRow>(&mut txn, q).await?.is_empty() {
                return Err(StoreError::NotFound(format!("actor {from}")));
            }
            let q = query("MATCH (:Actor {id: $id})-[r]-() RETURN DISTINCT r.id AS id")
                .param("id", from.as_str());
            let ties = collect::<IdRow>(&mut txn, q)
                .await?
                .into_iter()
                .map(|r| r.id)
                .collect();
            log_changes(&mut txn, "actor", vec![from.clone()]).await?;
            log_changes(&mut txn, "tie", ties).await?;
            txn.run(query("MATCH (a:Actor {id: $id}) DETACH DELETE a").param("id", from.as_str()))
                .await
                .map_err(classify)?;
            Ok((summary, txn))
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
            log_changes(&mut txn, "tie", vec![id]).await?;
            Ok(((), txn))
        })
        .await
    }

    #[tracing::instrument(skip_all)]
    async fn network(&self) -> Result<Network, StoreError> {
        // In pages (keyset on the id indexes), from a settled version. A read takes no locks,
        // so writes landing meanwhile may show in it, even in part; every record they touched
        // is in the change log after that version, and is read again whole from there (a read
        // of the whole city takes tens of seconds: retried until no write landed, it would
        // never end under a stream of writes).
        let size = self.batch;
        for _ in 0..super::CONSISTENT_READ_ATTEMPTS {
            let before = self.settled_version().await?;
            let network = self
                .read(move |mut txn| async move {
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
                    ties.sort_by(|a: &StoredTie, b| a.id.cmp(&b.id));
                    // A tie whose kind a write changed meanwhile (deleted and made again under
                    // its new type) may have been read under both types: one copy stays, which
                    // the change log below brings up to date.
                    ties.dedup_by(|a, b| a.id == b.id);
                    let (actors, ties) = (
                        actors.into_iter().map(Arc::new).collect(),
                        ties.into_iter().map(Arc::new).collect(),
                    );
                    Ok((Network { actors, ties }, txn))
                })
                .await?;
            if self.settled_version().await? == before {
                return Ok(network);
            }
            if let Some(delta) = self.changes_since(before).await? {
                return Ok(network.apply(&delta));
            }
            // The log no longer reaches back to the start (an erasure or a large import emptied
            // it meanwhile): read again.
        }
        Err(StoreError::Conflict(
            "the change log kept being emptied while the network was read; try again".into(),
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

    #[tracing::instrument(skip_all)]
    async fn changes_since(&self, version: u64) -> Result<Option<Delta>, StoreError> {
        // Between two settled versions: the version, the log and the records agree.
        self.consistent_read(move |mut txn, current| async move {
            let q = query("MATCH (f:RelaymapMeta {key: 'changes_from'}) RETURN f.value AS n");
            let from = collect::<CountRow>(&mut txn, q)
                .await?
                .first()
                .map_or(i64::MAX, |r| r.n);
            if (version as i64) < from || version > current {
                return Ok((None, txn));
            }
            let mut delta = Delta {
                version: current,
                ..Delta::default()
            };
            let mut logged = Vec::new();
            for entity in ["actor", "tie"] {
                let q = query(
                    "MATCH (c:RelaymapChange) WHERE c.version > $v AND c.entity = $entity \
                     RETURN DISTINCT c.id AS id ORDER BY id",
                )
                .param("v", version as i64)
                .param("entity", entity);
                let rows = collect::<IdRow>(&mut txn, q).await?;
                logged.push(rows.into_iter().map(|r| r.id).collect::<Vec<String>>());
            }
            let (actors, ties) = (&logged[0], &logged[1]);
            let q = query(&format!(
                "MATCH (a:Actor) WHERE a.id IN $ids RETURN {ACTOR_FIELDS} ORDER BY a.id"
            ))
            .param("ids", actors.clone());
            let rows: Vec<ActorRow> = collect(&mut txn, q).await?;
            delta.actors = rows.into_iter().map(to_actor).collect::<Result<_, _>>()?;
            // Per type, so that each lookup uses the type's id index.
            for kind in TieKind::ALL {
                let q = query(&format!(
                    "MATCH ()-[r:{}]->() WHERE r.id IN $ids RETURN {TIE_FIELDS}",
                    rel_type(kind)
                ))
                .param("ids", ties.clone());
                for row in collect::<TieRow>(&mut txn, q).await? {
                    delta.ties.push(to_tie(row)?);
                }
            }
            delta.ties.sort_by(|a, b| a.value.id.cmp(&b.value.id));
            delta
                .deletions_from_log(actors, ties)
                .map_err(|_| corrupt("change log", "an id that is not one"))?;
            Ok((Some(delta), txn))
        })
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
