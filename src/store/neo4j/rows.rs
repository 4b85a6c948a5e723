//! The rows Cypher answers with, and their conversions to and from the domain's records.

use neo4rs::{BoltMap, BoltType, Txn, query};
use serde::Deserialize;

use super::{classify, collect, corrupt};
use crate::document::{ActorRecord, LocationRecord, TieRecord};
use crate::domain::{
    ActorId, ActorKind, AuditEntry, Role, RowRef, Stored, StoredActor, StoredTie, TieKind,
    Timestamp, Token, format_timestamp, parse_timestamp,
};
use crate::store::{Page, StoreError};

pub(super) const ACTOR_FIELDS: &str =
    "a.id AS id, a.kind AS kind, a.name AS name, a.languages AS languages,
    a.location.latitude AS lat, a.location.longitude AS lon, a.city AS city, a.channels AS channels,
    a.consent_record AS consent_record, a.attributes AS attributes,
    toString(a.created_at) AS created_at, toString(a.updated_at) AS updated_at";

pub(super) const TIE_FIELDS: &str =
    "r.id AS id, startNode(r).id AS source, endNode(r).id AS target,
    toLower(type(r)) AS kind, r.trust AS trust, r.channels AS channels,
    toString(r.last_verified) AS last_verified, r.note AS note,
    toString(r.created_at) AS created_at, toString(r.updated_at) AS updated_at";

pub(super) fn label(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Migrant => "Migrant",
        ActorKind::Organisation => "Organisation",
        ActorKind::Responder => "Responder",
        ActorKind::City => "City",
    }
}

pub(super) fn rel_type(kind: TieKind) -> &'static str {
    match kind {
        TieKind::Knows => "KNOWS",
        TieKind::MemberOf => "MEMBER_OF",
        TieKind::PartnersWith => "PARTNERS_WITH",
        TieKind::Serves => "SERVES",
        TieKind::LocatedIn => "LOCATED_IN",
    }
}

#[derive(Deserialize)]
pub(super) struct ActorRow {
    pub(super) id: String,
    pub(super) kind: String,
    pub(super) name: String,
    pub(super) languages: Vec<String>,
    pub(super) lat: Option<f64>,
    pub(super) lon: Option<f64>,
    pub(super) city: Option<String>,
    pub(super) channels: Vec<String>,
    pub(super) consent_record: Option<String>,
    pub(super) attributes: String,
    pub(super) created_at: String,
    pub(super) updated_at: String,
}

#[derive(Deserialize)]
pub(super) struct TieRow {
    pub(super) id: String,
    pub(super) source: String,
    pub(super) target: String,
    pub(super) kind: String,
    pub(super) trust: f64,
    pub(super) channels: Vec<String>,
    pub(super) last_verified: Option<String>,
    pub(super) note: Option<String>,
    pub(super) created_at: String,
    pub(super) updated_at: String,
}

/// Reads a stored row back through the document parser, so Neo4j values obey the same rules as
/// every other input.
pub(super) fn to_actor(row: ActorRow) -> Result<StoredActor, StoreError> {
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
        consent: false,
        consent_record: row
            .consent_record
            .map(|raw| serde_json::from_str(&raw).map_err(|e| corrupt("consent_record", e)))
            .transpose()?,
        attributes: Some(attributes),
        created_at: Some(row.created_at),
        updated_at: Some(row.updated_at),
    };
    stored(record.parse(&RowRef::new("neo4j", 0)), &id)
}

pub(super) fn to_tie(row: TieRow) -> Result<StoredTie, StoreError> {
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

pub(super) fn stored<T>(
    parsed: Result<crate::domain::Draft<T>, Vec<crate::domain::RowError>>,
    id: &str,
) -> Result<Stored<T>, StoreError> {
    let draft = parsed.map_err(|errors| corrupt(id, &errors[0]))?;
    match (draft.created_at, draft.updated_at) {
        (Some(created_at), Some(updated_at)) => Ok(Stored {
            value: draft.value,
            created_at,
            updated_at,
        }),
        _ => Err(corrupt(id, "missing timestamps")),
    }
}

pub(super) fn text(value: &str) -> BoltType {
    BoltType::from(value)
}

pub(super) fn texts<'a>(values: impl Iterator<Item = &'a str>) -> BoltType {
    values.map(BoltType::from).collect()
}

pub(super) fn map(entries: Vec<(&str, BoltType)>) -> BoltType {
    let mut map = BoltMap::with_capacity(entries.len());
    for (key, value) in entries {
        map.put(key.into(), value);
    }
    BoltType::Map(map)
}

pub(super) fn timestamp(value: Option<&Timestamp>) -> BoltType {
    value.map(format_timestamp).into()
}

#[derive(Deserialize)]
pub(super) struct KindRow {
    pub(super) kind: String,
}

#[derive(Deserialize)]
pub(super) struct CountRow {
    pub(super) n: i64,
}

#[derive(Deserialize)]
pub(super) struct IdRow {
    pub(super) id: String,
}

#[derive(Deserialize)]
pub(super) struct OutlineRow {
    pub(super) id: String,
    pub(super) outline: String,
}

impl OutlineRow {
    pub(super) fn into_pair(self) -> Result<(ActorId, String), StoreError> {
        let id = ActorId::parse(&self.id).map_err(|_| corrupt("actor id", &self.id))?;
        Ok((id, self.outline))
    }
}

pub(super) const TOKEN_FIELDS: &str = "t.id AS id, t.label AS label, t.role AS role, \
     t.created_at AS created_at, t.expires_at AS expires_at, t.revoked_at AS revoked_at";

#[derive(Deserialize)]
pub(super) struct TokenRow {
    pub(super) id: String,
    pub(super) label: String,
    pub(super) role: String,
    pub(super) created_at: String,
    pub(super) expires_at: Option<String>,
    pub(super) revoked_at: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct ScenarioRow {
    pub(super) name: String,
    pub(super) query: String,
    pub(super) saved_by: String,
    pub(super) saved_at: String,
}

impl ScenarioRow {
    pub(super) fn into_named(self) -> Result<crate::domain::SavedRow, StoreError> {
        Ok((
            self.name,
            self.query,
            self.saved_by,
            stored_time(&self.saved_at)?,
        ))
    }
}

pub(super) fn stored_time(raw: &str) -> Result<Timestamp, StoreError> {
    parse_timestamp(raw).map_err(|_| corrupt("timestamp", raw))
}

impl TokenRow {
    pub(super) fn into_token(self) -> Result<Token, StoreError> {
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
pub(super) struct AuditRow {
    pub(super) seq: i64,
    pub(super) at: String,
    pub(super) who: String,
    pub(super) role: Option<String>,
    pub(super) action: String,
    pub(super) target: Option<String>,
    pub(super) outcome: String,
    pub(super) records: Option<i64>,
    pub(super) subjects: Option<Vec<String>>,
}

impl AuditRow {
    pub(super) fn into_entry(self) -> Result<AuditEntry, StoreError> {
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
pub(super) struct SecretRow {
    pub(super) secret: String,
}

#[derive(Deserialize)]
pub(super) struct KindCountRow {
    pub(super) kind: String,
    pub(super) n: i64,
}

pub(super) async fn read_version(txn: &mut Txn) -> Result<u64, StoreError> {
    let rows: Vec<CountRow> = collect(
        txn,
        query("MATCH (m:RelaymapMeta {key: 'version'}) RETURN m.value AS n"),
    )
    .await?;
    rows.first()
        .map(|r| r.n as u64)
        .ok_or_else(|| corrupt("version", "the version node is missing"))
}

/// `pattern WHERE conditions AND key > $after RETURN fields ORDER BY key SKIP $offset LIMIT $limit`.
pub(super) fn paged_statement(
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

pub(super) fn last_id<T: HasId>(records: &[T]) -> String {
    records
        .last()
        .map(|r| r.id().to_owned())
        .unwrap_or_default()
}

pub(super) trait HasId {
    fn id(&self) -> &str;
}

impl HasId for StoredActor {
    fn id(&self) -> &str {
        self.id.as_str()
    }
}

impl HasId for StoredTie {
    fn id(&self) -> &str {
        self.id.as_str()
    }
}

/// Records, under the version the open write transaction has moved to, that these actors or
/// ties (`entity`) were written or deleted.
pub(super) async fn log_changes(
    txn: &mut Txn,
    entity: &str,
    ids: Vec<String>,
) -> Result<(), StoreError> {
    if ids.is_empty() {
        return Ok(());
    }
    let q = query(
        "MATCH (m:RelaymapMeta {key: 'version'}) UNWIND $ids AS id \
         CREATE (:RelaymapChange {version: m.value, entity: $entity, id: id})",
    )
    .param("ids", ids)
    .param("entity", entity);
    txn.run(q).await.map_err(classify)
}

/// Drops the change log's entries older than the log keeps, every 64 versions, inside a write
/// transaction whose version has just moved.
pub(super) async fn prune_changes(txn: &mut Txn) -> Result<(), StoreError> {
    let prune = query(
        "MATCH (m:RelaymapMeta {key: 'version'}), (f:RelaymapMeta {key: 'changes_from'}) \
         WHERE m.value % 64 = 0 AND m.value > $keep \
         SET f.value = CASE WHEN f.value > m.value - $keep THEN f.value ELSE m.value - $keep END \
         WITH m MATCH (c:RelaymapChange) WHERE c.version <= m.value - $keep DELETE c",
    )
    .param("keep", crate::store::network::LOG_RETENTION);
    txn.run(prune).await.map_err(classify)
}

/// Empties the change log: what changed before the version this transaction moved to can only
/// be known by a full read (after an erasure, no id of the person may stay in it).
pub(super) async fn forget_changes(txn: &mut Txn) -> Result<(), StoreError> {
    txn.run(query("MATCH (c:RelaymapChange) DELETE c"))
        .await
        .map_err(classify)?;
    txn.run(query(
        "MATCH (m:RelaymapMeta {key: 'version'}), (f:RelaymapMeta {key: 'changes_from'}) \
         SET f.value = m.value",
    ))
    .await
    .map_err(classify)
}

#[derive(Deserialize)]
pub(super) struct DocumentRow {
    pub(super) id: String,
    pub(super) revision: i64,
    pub(super) document: String,
}

impl DocumentRow {
    pub(super) fn into_document(self) -> Result<crate::store::StoredDocument, StoreError> {
        Ok(crate::store::StoredDocument {
            id: self.id,
            revision: self.revision as u64,
            document: self.document,
        })
    }
}

#[derive(Deserialize)]
pub(super) struct PairRow {
    pub(super) a: String,
    pub(super) b: String,
}

impl PairRow {
    pub(super) fn into_pair(self) -> Result<(ActorId, ActorId), StoreError> {
        let parse = |id: &str| ActorId::parse(id).map_err(|_| corrupt("actor id", id));
        Ok((parse(&self.a)?, parse(&self.b)?))
    }
}
