//! Writing a batch to Neo4j: what exists already, then actors and ties in `UNWIND` statements of
//! the configured size, all in the write's one transaction.

use std::collections::HashMap;

use neo4rs::{BoltType, Txn, query};

use super::rows::*;
use super::{classify, collect};
use crate::document::ConsentRecord;
use crate::domain::{
    Actor, ActorId, ActorKind, Batch, Draft, Existing, Tie, TieId, TieKind, Timestamp,
    WriteSummary, check_references, format_timestamp, now,
};
use crate::store::StoreError;

/// Reads what the store holds of the batch's ids, inside the write transaction.
pub(super) async fn load_existing(
    txn: &mut Txn,
    batch: &Batch,
    size: usize,
) -> Result<(Existing, HashMap<TieId, (TieKind, Timestamp)>), StoreError> {
    let mut existing = Existing::default();
    let actor_ids: Vec<&str> = batch.actor_ids().into_iter().map(ActorId::as_str).collect();
    let drafts: HashMap<&ActorId, &Draft<Actor>> =
        batch.actors.iter().map(|d| (&d.value.id, d)).collect();
    for chunk in actor_ids.chunks(size) {
        let q = query(&format!(
            "UNWIND $ids AS id MATCH (a:Actor {{id: id}}) RETURN {ACTOR_FIELDS}"
        ))
        .param("ids", texts(chunk.iter().copied()));
        for row in collect::<ActorRow>(txn, q).await? {
            let stored = to_actor(row)?;
            existing.stored_actor(&stored, drafts.get(&stored.value.id).copied());
        }
    }
    let drafts: HashMap<&TieId, &Draft<Tie>> =
        batch.ties.iter().map(|d| (&d.value.id, d)).collect();
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
                "UNWIND $ids AS id MATCH ()-[r:{} {{id: id}}]->() RETURN {TIE_FIELDS}",
                rel_type(kind)
            ))
            .param("ids", texts(chunk.iter().copied()));
            for row in collect::<TieRow>(txn, q).await? {
                let stored = to_tie(row)?;
                existing.stored_tie(&stored, drafts.get(&stored.value.id).copied());
                stored_ties.insert(stored.value.id.clone(), (kind, stored.created_at));
            }
        }
    }
    Ok((existing, stored_ties))
}

pub(super) async fn write_batch(
    mut txn: Txn,
    batch: Batch,
    size: usize,
) -> Result<(WriteSummary, Txn), StoreError> {
    let (existing, stored_ties) = load_existing(&mut txn, &batch, size).await?;
    let summary = check_references(&batch, &existing).map_err(StoreError::Rejected)?;
    if batch.actors.len() + batch.ties.len() > crate::store::network::LOGGED_PER_WRITE {
        forget_changes(&mut txn).await?;
    } else {
        let actors = batch
            .actors
            .iter()
            .map(|d| &d.value.id)
            .filter(|id| !existing.same_actors.contains(*id))
            .map(ToString::to_string)
            .collect();
        let ties = batch
            .ties
            .iter()
            .map(|d| &d.value.id)
            .filter(|id| !existing.same_ties.contains(*id))
            .map(ToString::to_string)
            .collect();
        log_changes(&mut txn, "actor", actors).await?;
        log_changes(&mut txn, "tie", ties).await?;
    }
    let now = format_timestamp(&now());

    // Rows are turned into Bolt values one batch at a time, so a large import never holds a
    // second copy of the whole network.
    for kind in ActorKind::ALL {
        let drafts: Vec<&Draft<Actor>> = batch
            .actors
            .iter()
            .filter(|d| d.kind == kind && !existing.same_actors.contains(&d.value.id))
            .collect();
        let to_row = |draft: &&Draft<Actor>| {
            let a = &draft.value;
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
                ("consent_record", ConsentRecord::json(&a.consent).into()),
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
                 a.city = row.city, a.channels = row.channels, a.consent_record = row.consent_record,
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
            .filter(|(id, (k, _))| *k == kind && !existing.same_ties.contains(*id))
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
            .filter(|d| d.kind == kind && !existing.same_ties.contains(&d.value.id))
            .collect();
        let to_row = |draft: &&Draft<Tie>| {
            let t = &draft.value;
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
        // One tie per kind, source and target: the replaced ones are gone by now and the new
        // ones not yet there, so any match is a twin already stored.
        let twins = format!(
            "UNWIND $rows AS row
             MATCH (:Actor {{id: row.source}})-[r:{rel}]->(:Actor {{id: row.target}})
             RETURN row.id AS id, r.id AS other LIMIT 1",
            rel = rel_type(kind)
        );
        for chunk in drafts.chunks(size) {
            let rows: BoltType = chunk.iter().map(to_row).collect();
            let q = query(&twins).param("rows", rows);
            if let Some(twin) = collect::<TwinRow>(&mut txn, q).await?.into_iter().next()
                && let Some(draft) = chunk.iter().find(|d| d.id.as_str() == twin.id)
            {
                let tie = &draft.value;
                return Err(StoreError::Rejected(vec![crate::domain::RowError::new(
                    &draft.row,
                    "target",
                    crate::domain::Twin::of(tie, twin.other),
                )]));
            }
        }
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

/// A tie of a write that has a twin stored.
#[derive(serde::Deserialize)]
struct TwinRow {
    id: String,
    other: String,
}
