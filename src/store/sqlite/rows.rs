//! Rows of the network's tables and the writing of a batch: the SQL of actors and ties.

use std::collections::HashMap;

use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Row, params};

use super::{backend, corrupt};
use crate::document::ConsentRecord;
use crate::domain::{
    Actor, ActorId, ActorKind, Attributes, Batch, Channels, Consent, Draft, Existing, Languages,
    Location, Name, Note, Stored, StoredActor, StoredTie, Tie, TieId, TieKind, Trust, WriteSummary,
    check_references, format_timestamp, now, parse_date, parse_timestamp,
};
use crate::store::{Page, StoreError};

pub(super) const ACTOR_COLUMNS: &str = "id, kind, name, languages, lat, lon, city, channels, consent_record, attributes, created_at, updated_at";
pub(super) const TIE_COLUMNS: &str =
    "id, source, target, kind, trust, channels, last_verified, note, created_at, updated_at";

pub(super) fn json_list<T: AsRef<str>>(items: impl Iterator<Item = T>) -> String {
    serde_json::to_string(&items.map(|s| s.as_ref().to_owned()).collect::<Vec<_>>())
        .expect("a list of strings serialises")
}

pub(super) fn read_actor(row: &Row) -> rusqlite::Result<StoredActor> {
    let id: String = row.get(0)?;
    let bad = || corrupt("actor", &id);
    let languages: Vec<String> =
        serde_json::from_str(&row.get::<_, String>(3)?).map_err(|_| bad())?;
    let channels: Vec<String> =
        serde_json::from_str(&row.get::<_, String>(7)?).map_err(|_| bad())?;
    let attributes: serde_json::Value =
        serde_json::from_str(&row.get::<_, String>(9)?).map_err(|_| bad())?;
    let location = match (row.get::<_, Option<f64>>(4)?, row.get::<_, Option<f64>>(5)?) {
        (Some(lat), Some(lon)) => Some(Location::parse(lat, lon).map_err(|_| bad())?),
        _ => None,
    };
    let city = row
        .get::<_, Option<String>>(6)?
        .map(|c| ActorId::parse(&c))
        .transpose()
        .map_err(|_| bad())?;
    let actor = Actor {
        id: ActorId::parse(&id).map_err(|_| bad())?,
        kind: ActorKind::parse(&row.get::<_, String>(1)?).map_err(|_| bad())?,
        name: Name::parse(&row.get::<_, String>(2)?).map_err(|_| bad())?,
        languages: Languages::parse(&languages).map_err(|_| bad())?,
        location,
        city,
        channels: Channels::parse(&channels).map_err(|_| bad())?,
        consent: match row.get::<_, Option<String>>(8)? {
            Some(raw) => serde_json::from_str::<ConsentRecord>(&raw)
                .ok()
                .and_then(|r| r.parse().ok())
                .ok_or_else(bad)?,
            None => Consent::none(),
        },
        attributes: Attributes::parse(attributes).map_err(|_| bad())?,
    };
    Ok(Stored {
        value: actor,
        created_at: parse_timestamp(&row.get::<_, String>(10)?).map_err(|_| bad())?,
        updated_at: parse_timestamp(&row.get::<_, String>(11)?).map_err(|_| bad())?,
    })
}

pub(super) fn read_tie(row: &Row) -> rusqlite::Result<StoredTie> {
    read_tie_between(row, |_| None)
}

/// A tie whose ends are taken from `actor` (the network's own ids, shared) when it knows them.
pub(super) fn read_tie_between(
    row: &Row,
    actor: impl Fn(&str) -> Option<ActorId>,
) -> rusqlite::Result<StoredTie> {
    // Text is read in place (no copy per column): a full read parses millions of rows.
    let text = |column: usize| -> rusqlite::Result<&str> {
        row.get_ref(column)?.as_str().map_err(Into::into)
    };
    let id = text(0)?;
    let bad = || corrupt("tie", id);
    let end = |column: usize| -> rusqlite::Result<ActorId> {
        let text = text(column)?;
        actor(text).map_or_else(|| ActorId::parse(text).map_err(|_| bad()), Ok)
    };
    let channels: Vec<&str> = serde_json::from_str(text(5)?).map_err(|_| bad())?;
    let optional = |column: usize| -> rusqlite::Result<Option<&str>> {
        row.get_ref(column)?.as_str_or_null().map_err(Into::into)
    };
    let tie = Tie {
        id: TieId::parse(id).map_err(|_| bad())?,
        source: end(1)?,
        target: end(2)?,
        kind: TieKind::parse(text(3)?).map_err(|_| bad())?,
        trust: Trust::parse(row.get(4)?).map_err(|_| bad())?,
        channels: Channels::parse(&channels).map_err(|_| bad())?,
        last_verified: optional(6)?
            .map(parse_date)
            .transpose()
            .map_err(|_| bad())?,
        note: Note::parse(optional(7)?.unwrap_or_default()).map_err(|_| bad())?,
    };
    Ok(Stored {
        value: tie,
        created_at: parse_timestamp(text(8)?).map_err(|_| bad())?,
        updated_at: parse_timestamp(text(9)?).map_err(|_| bad())?,
    })
}

pub(super) fn load_existing(
    transaction: &rusqlite::Transaction,
    batch: &Batch,
) -> rusqlite::Result<Existing> {
    let mut existing = Existing::default();
    // Into an empty store (a first import, a restore, the demo city) nothing exists: no lookup
    // per record. Ties cannot be stored without their actors.
    let empty: bool =
        transaction.query_row("SELECT NOT EXISTS (SELECT 1 FROM actors)", [], |row| {
            row.get(0)
        })?;
    if empty {
        return Ok(existing);
    }
    let drafts: HashMap<&ActorId, &Draft<Actor>> =
        batch.actors.iter().map(|d| (&d.value.id, d)).collect();
    let mut actor =
        transaction.prepare_cached(&format!("SELECT {ACTOR_COLUMNS} FROM actors WHERE id = ?1"))?;
    for id in batch.actor_ids() {
        if let Some(stored) = actor.query_row([id.as_str()], read_actor).optional()? {
            existing.stored_actor(&stored, drafts.get(id).copied());
        }
    }
    let drafts: HashMap<&TieId, &Draft<Tie>> =
        batch.ties.iter().map(|d| (&d.value.id, d)).collect();
    let mut tie =
        transaction.prepare_cached(&format!("SELECT {TIE_COLUMNS} FROM ties WHERE id = ?1"))?;
    for id in batch.tie_ids() {
        if let Some(stored) = tie.query_row([id.as_str()], read_tie).optional()? {
            existing.stored_tie(&stored, drafts.get(id).copied());
        }
    }
    Ok(existing)
}

pub(super) fn write_batch(
    transaction: &rusqlite::Transaction,
    batch: &Batch,
) -> Result<WriteSummary, StoreError> {
    let existing = load_existing(transaction, batch).map_err(backend)?;
    let summary = check_references(batch, &existing).map_err(StoreError::Rejected)?;
    if batch.actors.len() + batch.ties.len() > LOGGED_PER_WRITE {
        forget_changes(transaction).map_err(backend)?;
    } else {
        let actors = batch.actors.iter().map(|d| &d.value.id);
        let ties = batch.ties.iter().map(|d| &d.value.id);
        log_changes(
            transaction,
            "actor",
            actors
                .filter(|id| !existing.same_actors.contains(*id))
                .map(ActorId::as_str),
        )
        .map_err(backend)?;
        log_changes(
            transaction,
            "tie",
            ties.filter(|id| !existing.same_ties.contains(*id))
                .map(TieId::as_str),
        )
        .map_err(backend)?;
    }
    let now = format_timestamp(&now());
    let mut upsert_actor = transaction
        .prepare_cached(
            "INSERT INTO actors (id, kind, name, languages, lat, lon, city, channels, consent_record,
                                 attributes, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, COALESCE(?11, ?13), COALESCE(?12, ?13))
             ON CONFLICT (id) DO UPDATE SET
                 name = excluded.name, languages = excluded.languages, lat = excluded.lat,
                 lon = excluded.lon, city = excluded.city, channels = excluded.channels,
                 consent_record = excluded.consent_record, attributes = excluded.attributes,
                 created_at = COALESCE(?11, actors.created_at), updated_at = excluded.updated_at",
        )
        .map_err(backend)?;
    for draft in &batch.actors {
        let actor = &draft.value;
        if existing.same_actors.contains(&actor.id) {
            continue;
        }
        upsert_actor
            .execute(params![
                actor.id.as_str(),
                actor.kind.as_str(),
                actor.name.as_str(),
                json_list(actor.languages.as_slice().iter().map(|l| l.as_str())),
                actor.location.map(|l| l.lat()),
                actor.location.map(|l| l.lon()),
                actor.city.as_ref().map(|c| c.as_str()),
                json_list(actor.channels.as_slice().iter().map(|c| c.as_str())),
                ConsentRecord::json(&actor.consent),
                serde_json::to_string(actor.attributes.as_map()).expect("a JSON object serialises"),
                draft.created_at.as_ref().map(format_timestamp),
                draft.updated_at.as_ref().map(format_timestamp),
                now,
            ])
            .map_err(backend)?;
    }
    let mut upsert_tie = transaction
        .prepare_cached(
            "INSERT INTO ties (id, source, target, kind, trust, channels, last_verified, note,
                               created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, COALESCE(?9, ?11), COALESCE(?10, ?11))
             ON CONFLICT (id) DO UPDATE SET
                 source = excluded.source, target = excluded.target, kind = excluded.kind,
                 trust = excluded.trust, channels = excluded.channels,
                 last_verified = excluded.last_verified, note = excluded.note,
                 created_at = COALESCE(?9, ties.created_at), updated_at = excluded.updated_at",
        )
        .map_err(backend)?;
    for draft in &batch.ties {
        let tie = &draft.value;
        if existing.same_ties.contains(&tie.id) {
            continue;
        }
        upsert_tie
            .execute(params![
                tie.id.as_str(),
                tie.source.as_str(),
                tie.target.as_str(),
                tie.kind.as_str(),
                tie.trust.value(),
                json_list(tie.channels.as_slice().iter().map(|c| c.as_str())),
                tie.last_verified.map(|d| d.format("%Y-%m-%d").to_string()),
                tie.note.as_ref().map(|n| n.as_str()),
                draft.created_at.as_ref().map(format_timestamp),
                draft.updated_at.as_ref().map(format_timestamp),
                now,
            ])
            .map_err(|error| twin_or_backend(transaction, draft, error))?;
    }
    Ok(summary)
}

/// The error of a tie that could not be written: a twin of a stored tie (the unique index of
/// migration 014) is the client's mistake, said with the tie already there; anything else is the
/// backend's.
fn twin_or_backend(
    transaction: &rusqlite::Transaction,
    draft: &Draft<Tie>,
    error: rusqlite::Error,
) -> StoreError {
    let tie = &draft.value;
    let unique = matches!(&error, rusqlite::Error::SqliteFailure(e, _)
        if e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE);
    let other: Option<String> = unique
        .then(|| {
            transaction
                .query_row(
                    "SELECT id FROM ties WHERE source = ?1 AND target = ?2 AND kind = ?3 AND id <> ?4",
                    params![tie.source.as_str(), tie.target.as_str(), tie.kind.as_str(), tie.id.as_str()],
                    |row| row.get(0),
                )
                .optional()
                .ok()
                .flatten()
        })
        .flatten();
    match other {
        Some(other) => StoreError::Rejected(vec![crate::domain::RowError::new(
            &draft.row,
            "target",
            crate::domain::Twin::of(tie, other),
        )]),
        None => backend(error),
    }
}

/// Appends `id > ? ORDER BY id LIMIT ? OFFSET ?` for a page.
pub(super) fn paginate(
    sql: &mut String,
    values: &mut Vec<Value>,
    conditions: &mut Vec<String>,
    page: &Page,
) {
    if let Some(after) = &page.after {
        values.push(Value::Text(after.clone()));
        conditions.push(format!("id > ?{}", values.len()));
    }
    if !conditions.is_empty() {
        sql.push_str(" WHERE ");
        sql.push_str(&conditions.join(" AND "));
    }
    values.push(Value::Integer(page.limit as i64));
    values.push(Value::Integer(page.offset as i64));
    sql.push_str(&format!(
        " ORDER BY id LIMIT ?{} OFFSET ?{}",
        values.len() - 1,
        values.len()
    ));
}

use crate::store::network::{LOG_RETENTION, LOGGED_PER_WRITE};

/// Records, under the version the open write transaction commits as, that these actors or ties
/// (`entity`) were written or deleted.
pub(super) fn log_changes<'a>(
    transaction: &rusqlite::Transaction,
    entity: &str,
    ids: impl IntoIterator<Item = &'a str>,
) -> rusqlite::Result<()> {
    let mut statement = transaction.prepare_cached(
        "INSERT OR IGNORE INTO changes (version, entity, id)
         SELECT value + 1, ?1, ?2 FROM meta WHERE key = 'version'",
    )?;
    for id in ids {
        statement.execute(params![entity, id])?;
    }
    Ok(())
}

/// Empties the change log: what changed before the version this transaction commits as can only
/// be known by a full read (after an erasure, no id of the person may stay in it).
pub(super) fn forget_changes(transaction: &rusqlite::Transaction) -> rusqlite::Result<()> {
    transaction.execute("DELETE FROM changes", [])?;
    transaction.execute(
        "UPDATE meta SET value = (SELECT value + 1 FROM meta WHERE key = 'version')
         WHERE key = 'changes_from'",
        [],
    )?;
    Ok(())
}

/// Drops the change log's entries older than [`LOG_RETENTION`] versions, now and then (every 64
/// versions), inside a committing write transaction whose version has just moved.
pub(super) fn prune_changes(transaction: &rusqlite::Transaction) -> rusqlite::Result<()> {
    let version: i64 =
        transaction.query_row("SELECT value FROM meta WHERE key = 'version'", [], |row| {
            row.get(0)
        })?;
    if version % 64 != 0 || version <= LOG_RETENTION {
        return Ok(());
    }
    let oldest = version - LOG_RETENTION;
    transaction.execute("DELETE FROM changes WHERE version <= ?1", [oldest])?;
    transaction.execute(
        "UPDATE meta SET value = max(value, ?1) WHERE key = 'changes_from'",
        [oldest],
    )?;
    Ok(())
}
