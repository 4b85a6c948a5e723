//! The embedded store: one SQLite file in WAL mode, foreign keys on, every write in one
//! `BEGIN IMMEDIATE` transaction. One writer connection and a few readers, each behind a mutex;
//! every call runs on tokio's blocking pool so the async runtime never waits on the disk.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use anyhow::Context;
use rusqlite::types::Value;
use rusqlite::{Connection, OpenFlags, OptionalExtension, Row, TransactionBehavior, params};

use super::{ActorFilter, GraphStore, Page, Stats, StoreError, TieFilter};
use crate::domain::{
    Actor, ActorId, ActorKind, Attributes, AuditEntry, Batch, Channels, Existing, Languages,
    Location, Name, Network, Note, Role, Scenario, Stored, StoredActor, StoredTie, Tie, TieId,
    TieKind, Timestamp, Token, Trust, WriteSummary, check_references, format_timestamp, now,
    parse_date, parse_timestamp,
};

/// The schema migrations, applied in order; `PRAGMA user_version` counts the applied ones.
const MIGRATIONS: [&str; 7] = [
    include_str!("../../graph-schema/sqlite/001_network.sql"),
    include_str!("../../graph-schema/sqlite/002_secrets.sql"),
    include_str!("../../graph-schema/sqlite/003_access.sql"),
    include_str!("../../graph-schema/sqlite/004_erasure.sql"),
    include_str!("../../graph-schema/sqlite/005_scenarios.sql"),
    include_str!("../../graph-schema/sqlite/006_outlines.sql"),
    include_str!("../../graph-schema/sqlite/007_protection.sql"),
];

/// The migration that turned `secure_delete` on: a database made before it may still hold
/// deleted records' bytes in free space, so it is vacuumed once when this migration is applied.
const SECURE_DELETE_MIGRATION: usize = 7;
const READERS: usize = 4;

/// The schema version this relaymap writes: the number of migrations.
pub(crate) const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

const ACTOR_COLUMNS: &str = "id, kind, name, languages, lat, lon, city, channels, consent, attributes, created_at, updated_at";
const TIE_COLUMNS: &str =
    "id, source, target, kind, trust, channels, last_verified, note, created_at, updated_at";

/// The embedded SQLite store.
#[derive(Clone)]
pub struct SqliteStore {
    inner: Arc<Inner>,
}

struct Inner {
    path: PathBuf,
    // Fields drop in order: the readers close first, so that the writer closes last and, as the
    // last connection, folds the write-ahead log back and removes it (a read-only connection
    // cannot). A store dropped at the end of a command then leaves one whole database file.
    readers: Vec<Mutex<Connection>>,
    writer: Mutex<Connection>,
    next_reader: AtomicUsize,
}

impl SqliteStore {
    /// Opens (creating when missing) the database file and brings its schema up to date.
    pub fn open(path: &Path) -> anyhow::Result<Self> {
        let context = || format!("opening the SQLite database at {}", path.display());
        let mut writer = Connection::open(path).with_context(context)?;
        configure(&writer).with_context(context)?;
        migrate(&mut writer).with_context(context)?;
        let readers = (0..READERS)
            .map(|_| {
                let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
                let reader = Connection::open_with_flags(path, flags)?;
                configure(&reader)?;
                Ok(Mutex::new(reader))
            })
            .collect::<rusqlite::Result<Vec<_>>>()
            .with_context(context)?;
        Ok(Self {
            inner: Arc::new(Inner {
                path: path.to_owned(),
                writer: Mutex::new(writer),
                readers,
                next_reader: AtomicUsize::new(0),
            }),
        })
    }

    async fn read<T, F>(&self, work: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, StoreError> + Send + 'static,
    {
        let inner = self.inner.clone();
        tokio::task::spawn_blocking(move || work(&inner.reader()))
            .await
            .map_err(StoreError::backend)?
    }

    async fn write_with<T, F>(&self, work: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&rusqlite::Transaction) -> Result<T, StoreError> + Send + 'static,
    {
        self.transact(true, work).await
    }

    /// Runs `work` in a write transaction; commits it (moving the version) when `commit`, and
    /// otherwise rolls it back.
    async fn transact<T, F>(&self, commit: bool, work: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&rusqlite::Transaction) -> Result<T, StoreError> + Send + 'static,
    {
        let inner = self.inner.clone();
        tokio::task::spawn_blocking(move || {
            let mut connection = lock(&inner.writer);
            let transaction = connection
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(StoreError::backend)?;
            let value = work(&transaction)?;
            if !commit {
                transaction.rollback().map_err(StoreError::backend)?;
                return Ok(value);
            }
            transaction
                .execute(
                    "UPDATE meta SET value = value + 1 WHERE key = 'version'",
                    [],
                )
                .map_err(StoreError::backend)?;
            transaction.commit().map_err(StoreError::backend)?;
            Ok(value)
        })
        .await
        .map_err(StoreError::backend)?
    }
}

impl SqliteStore {
    /// A write outside the network (secrets, tokens, the audit trail): it does not move the
    /// version, so analysis snapshots stay valid.
    async fn side_write<T, F>(&self, work: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, StoreError> + Send + 'static,
    {
        let inner = self.inner.clone();
        tokio::task::spawn_blocking(move || work(&lock(&inner.writer)))
            .await
            .map_err(StoreError::backend)?
    }
}

const TOKEN_COLUMNS: &str = "id, label, role, created_at, expires_at, revoked_at";

fn timestamp(raw: String) -> rusqlite::Result<crate::domain::Timestamp> {
    parse_timestamp(&raw).map_err(|_| corrupt("timestamp", &raw))
}

fn token_row(row: &Row) -> rusqlite::Result<Token> {
    let role: String = row.get(2)?;
    let optional = |raw: Option<String>| raw.map(timestamp).transpose();
    Ok(Token {
        id: row.get(0)?,
        label: row.get(1)?,
        role: Role::parse(&role).map_err(|_| corrupt("role", &role))?,
        created_at: timestamp(row.get(3)?)?,
        expires_at: optional(row.get(4)?)?,
        revoked_at: optional(row.get(5)?)?,
    })
}

impl Inner {
    fn reader(&self) -> MutexGuard<'_, Connection> {
        let start = self.next_reader.fetch_add(1, Ordering::Relaxed);
        for offset in 0..self.readers.len() {
            if let Ok(guard) = self.readers[(start + offset) % self.readers.len()].try_lock() {
                return guard;
            }
        }
        lock(&self.readers[start % self.readers.len()])
    }
}

fn lock(mutex: &Mutex<Connection>) -> MutexGuard<'_, Connection> {
    // A panic while holding a connection cannot leave a transaction open (it rolls back on drop),
    // so the connection is still usable.
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn configure(connection: &Connection) -> rusqlite::Result<()> {
    connection.busy_timeout(std::time::Duration::from_secs(10))?;
    connection.pragma_update(None, "foreign_keys", "ON")?;
    if !connection.is_readonly(rusqlite::MAIN_DB)? {
        // Deleted and overwritten records are zeroed on disk, not left in free space: an erased
        // person's name must not stay readable in the file.
        connection.pragma_update(None, "secure_delete", "ON")?;
        connection.pragma_update(None, "journal_mode", "WAL")?;
        // With WAL, NORMAL loses no committed transaction when the process dies, only on power loss.
        connection.pragma_update(None, "synchronous", "NORMAL")?;
    }
    Ok(())
}

fn migrate(connection: &mut Connection) -> anyhow::Result<()> {
    let applied: i64 = connection.pragma_query_value(None, "user_version", |row| row.get(0))?;
    let applied = usize::try_from(applied).context("negative schema version")?;
    anyhow::ensure!(
        applied <= MIGRATIONS.len(),
        "the database has schema version {applied}, newer than this relaymap knows ({}); upgrade relaymap",
        MIGRATIONS.len()
    );
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(applied) {
        let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
        transaction
            .execute_batch(sql)
            .with_context(|| format!("applying migration {}", index + 1))?;
        transaction.pragma_update(None, "user_version", (index + 1) as i64)?;
        transaction.commit()?;
    }
    if (1..SECURE_DELETE_MIGRATION).contains(&applied) {
        // Rewrites every page, dropping what earlier deletes left in free space.
        connection
            .execute_batch("VACUUM")
            .context("vacuuming the database once, to clear what deleted records left behind")?;
        checkpoint(connection, std::time::Duration::from_secs(30))
            .context("folding the write-ahead log back after the vacuum")?;
    }
    Ok(())
}

/// How long an erasure waits for readers to let the write-ahead log be truncated.
const ERASURE_PATIENCE: std::time::Duration = std::time::Duration::from_secs(30);

/// Takes an erased person out of the audit trail and the saved scenarios, in the erasure's
/// transaction (see [`super::Erasure`]).
fn erase_traces(transaction: &rusqlite::Transaction, id: &ActorId) -> rusqlite::Result<()> {
    let mut ties = transaction.prepare("SELECT id FROM ties WHERE source = ?1 OR target = ?1")?;
    let tie_ids = ties
        .query_map([id.as_str()], |row| row.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let erasure = super::Erasure::new(id, tie_ids);
    let mut entries = transaction.prepare(
        "SELECT seq, target, subjects FROM audit \
         WHERE (target IS NOT NULL AND target != 'erased') OR subjects IS NOT NULL",
    )?;
    let rows = entries.query_map([], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            row.get::<_, Option<String>>(1)?,
            row.get::<_, Option<String>>(2)?,
        ))
    })?;
    let mut changes = Vec::new();
    for row in rows {
        let (seq, target, subjects) = row?;
        let subjects: Vec<String> = subjects
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default();
        if let Some(redaction) = erasure.redaction(target.as_deref(), &subjects) {
            changes.push((seq, redaction));
        }
    }
    let mut redact = transaction.prepare(
        "UPDATE audit SET target = CASE WHEN ?2 THEN 'erased' ELSE target END, \
         subjects = CASE WHEN ?3 THEN NULL ELSE subjects END WHERE seq = ?1",
    )?;
    for (seq, redaction) in changes {
        redact.execute(params![seq, redaction.target, redaction.subjects])?;
    }
    let mut scenarios = transaction.prepare("SELECT name, query FROM scenarios")?;
    let saved = scenarios
        .query_map([], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (name, query) in saved {
        if let Some(scrubbed) = erasure.scrub_query(&query) {
            transaction.execute(
                "UPDATE scenarios SET query = ?2 WHERE name = ?1",
                params![name, scrubbed],
            )?;
        }
    }
    Ok(())
}

/// Folds the write-ahead log back into the database and truncates it to nothing, waiting up to
/// `patience` for readers (of this process or another) to let go of older pages. After it, no
/// earlier version of a page, such as one holding an erased record, is left in the log.
fn checkpoint(connection: &Connection, patience: std::time::Duration) -> Result<(), StoreError> {
    let started = std::time::Instant::now();
    loop {
        let busy: i64 = connection
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |row| row.get(0))
            .map_err(StoreError::backend)?;
        if busy == 0 {
            return Ok(());
        }
        if started.elapsed() >= patience {
            return Err(StoreError::Unavailable(Box::new(std::io::Error::other(
                "readers kept the write-ahead log from being folded back",
            ))));
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

fn backend(error: rusqlite::Error) -> StoreError {
    StoreError::backend(error)
}

/// A row that no longer parses means the file was changed behind relaymap's back.
fn corrupt(what: &str, id: &str) -> rusqlite::Error {
    rusqlite::Error::ToSqlConversionFailure(format!("stored {what} {id} breaks the model").into())
}

fn json_list<T: AsRef<str>>(items: impl Iterator<Item = T>) -> String {
    serde_json::to_string(&items.map(|s| s.as_ref().to_owned()).collect::<Vec<_>>())
        .expect("a list of strings serialises")
}

fn read_actor(row: &Row) -> rusqlite::Result<StoredActor> {
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
        consent: row.get(8)?,
        attributes: Attributes::parse(attributes).map_err(|_| bad())?,
    };
    Ok(Stored {
        record: actor,
        created_at: parse_timestamp(&row.get::<_, String>(10)?).map_err(|_| bad())?,
        updated_at: parse_timestamp(&row.get::<_, String>(11)?).map_err(|_| bad())?,
    })
}

fn read_tie(row: &Row) -> rusqlite::Result<StoredTie> {
    let id: String = row.get(0)?;
    let bad = || corrupt("tie", &id);
    let channels: Vec<String> =
        serde_json::from_str(&row.get::<_, String>(5)?).map_err(|_| bad())?;
    let tie = Tie {
        id: TieId::parse(&id).map_err(|_| bad())?,
        source: ActorId::parse(&row.get::<_, String>(1)?).map_err(|_| bad())?,
        target: ActorId::parse(&row.get::<_, String>(2)?).map_err(|_| bad())?,
        kind: TieKind::parse(&row.get::<_, String>(3)?).map_err(|_| bad())?,
        trust: Trust::parse(row.get(4)?).map_err(|_| bad())?,
        channels: Channels::parse(&channels).map_err(|_| bad())?,
        last_verified: row
            .get::<_, Option<String>>(6)?
            .map(|d| parse_date(&d))
            .transpose()
            .map_err(|_| bad())?,
        note: Note::parse(&row.get::<_, Option<String>>(7)?.unwrap_or_default())
            .map_err(|_| bad())?,
    };
    Ok(Stored {
        record: tie,
        created_at: parse_timestamp(&row.get::<_, String>(8)?).map_err(|_| bad())?,
        updated_at: parse_timestamp(&row.get::<_, String>(9)?).map_err(|_| bad())?,
    })
}

fn load_existing(transaction: &rusqlite::Transaction, batch: &Batch) -> rusqlite::Result<Existing> {
    let mut existing = Existing::default();
    let mut kind_of = transaction.prepare_cached("SELECT kind FROM actors WHERE id = ?1")?;
    for id in batch.actor_ids() {
        let kind: Option<String> = kind_of
            .query_row([id.as_str()], |row| row.get(0))
            .optional()?;
        if let Some(kind) = kind {
            let kind = ActorKind::parse(&kind).map_err(|_| corrupt("actor", id.as_str()))?;
            existing.actor_kinds.insert(id.clone(), kind);
        }
    }
    let mut tie_exists = transaction.prepare_cached("SELECT 1 FROM ties WHERE id = ?1")?;
    for id in batch.tie_ids() {
        if tie_exists.exists([id.as_str()])? {
            existing.tie_ids.insert(id.clone());
        }
    }
    Ok(existing)
}

fn write_batch(
    transaction: &rusqlite::Transaction,
    batch: &Batch,
) -> Result<WriteSummary, StoreError> {
    let existing = load_existing(transaction, batch).map_err(backend)?;
    let summary = check_references(batch, &existing).map_err(StoreError::Rejected)?;
    let now = format_timestamp(&now());
    let mut upsert_actor = transaction
        .prepare_cached(
            "INSERT INTO actors (id, kind, name, languages, lat, lon, city, channels, consent,
                                 attributes, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, COALESCE(?11, ?13), COALESCE(?12, ?13))
             ON CONFLICT (id) DO UPDATE SET
                 name = excluded.name, languages = excluded.languages, lat = excluded.lat,
                 lon = excluded.lon, city = excluded.city, channels = excluded.channels,
                 consent = excluded.consent, attributes = excluded.attributes,
                 created_at = COALESCE(?11, actors.created_at), updated_at = excluded.updated_at",
        )
        .map_err(backend)?;
    for draft in &batch.actors {
        let actor = &draft.record;
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
                actor.consent,
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
        let tie = &draft.record;
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
            .map_err(backend)?;
    }
    Ok(summary)
}

/// Appends `id > ? ORDER BY id LIMIT ? OFFSET ?` for a page.
fn paginate(sql: &mut String, values: &mut Vec<Value>, conditions: &mut Vec<String>, page: &Page) {
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

#[async_trait::async_trait]
impl GraphStore for SqliteStore {
    fn describe(&self) -> String {
        format!("sqlite:{}", self.inner.path.display())
    }

    #[tracing::instrument(skip_all, fields(actors = batch.actors.len(), ties = batch.ties.len()))]
    async fn write(&self, batch: Batch) -> Result<WriteSummary, StoreError> {
        self.write_with(move |transaction| write_batch(transaction, &batch))
            .await
    }

    async fn check(&self, batch: Batch) -> Result<WriteSummary, StoreError> {
        self.transact(false, move |transaction| write_batch(transaction, &batch))
            .await
    }

    async fn get_actor(&self, id: &ActorId) -> Result<Option<StoredActor>, StoreError> {
        let id = id.clone();
        self.read(move |connection| {
            let sql = format!("SELECT {ACTOR_COLUMNS} FROM actors WHERE id = ?1");
            connection
                .query_row(&sql, [id.as_str()], read_actor)
                .optional()
                .map_err(backend)
        })
        .await
    }

    async fn list_actors(
        &self,
        filter: &ActorFilter,
        page: &Page,
    ) -> Result<Vec<StoredActor>, StoreError> {
        let (filter, page) = (filter.clone(), page.clone());
        self.read(move |connection| {
            let mut sql = format!("SELECT {ACTOR_COLUMNS} FROM actors");
            let mut values = Vec::new();
            let mut conditions = Vec::new();
            if let Some(kind) = filter.kind {
                values.push(Value::Text(kind.as_str().to_owned()));
                conditions.push(format!("kind = ?{}", values.len()));
            }
            if let Some(city) = &filter.city {
                values.push(Value::Text(city.to_string()));
                conditions.push(format!("city = ?{}", values.len()));
            }
            if let Some(language) = filter.language {
                values.push(Value::Text(language.to_string()));
                conditions.push(format!(
                    "EXISTS (SELECT 1 FROM json_each(actors.languages) WHERE json_each.value = ?{})",
                    values.len()
                ));
            }
            if let Some(bbox) = filter.bbox {
                for value in [bbox.min_lat, bbox.max_lat, bbox.min_lon, bbox.max_lon] {
                    values.push(Value::Real(value));
                }
                let n = values.len();
                conditions.push(format!(
                    "lat BETWEEN ?{} AND ?{} AND lon BETWEEN ?{} AND ?{}",
                    n - 3,
                    n - 2,
                    n - 1,
                    n
                ));
            }
            paginate(&mut sql, &mut values, &mut conditions, &page);
            let mut statement = connection.prepare(&sql).map_err(backend)?;
            let rows = statement.query_map(rusqlite::params_from_iter(values), read_actor).map_err(backend)?;
            rows.collect::<rusqlite::Result<Vec<_>>>().map_err(backend)
        })
        .await
    }

    #[tracing::instrument(skip_all)]
    async fn delete_actor(&self, id: &ActorId, erase: bool) -> Result<(), StoreError> {
        let id = id.clone();
        self.write_with(move |transaction| {
            let kind: Option<String> = transaction
                .query_row("SELECT kind FROM actors WHERE id = ?1", [id.as_str()], |row| row.get(0))
                .optional()
                .map_err(backend)?;
            let Some(kind) = kind else {
                return Err(StoreError::NotFound(format!("actor {id}")));
            };
            if kind == ActorKind::City.as_str() {
                let members: i64 = transaction
                    .query_row("SELECT count(*) FROM actors WHERE city = ?1", [id.as_str()], |row| row.get(0))
                    .map_err(backend)?;
                if members > 0 {
                    return Err(StoreError::Conflict(format!(
                        "city {id} is the city of {members} actor(s); move them to another city first"
                    )));
                }
            }
            if erase {
                erase_traces(transaction, &id).map_err(backend)?;
            }
            transaction.execute("DELETE FROM actors WHERE id = ?1", [id.as_str()]).map_err(backend)?;
            Ok(())
        })
        .await?;
        if erase {
            // The erased rows' earlier versions are still in the write-ahead log until it is
            // folded back and truncated: the erasure is not done before that.
            self.side_write(|connection| checkpoint(connection, ERASURE_PATIENCE))
                .await?;
        }
        Ok(())
    }

    async fn get_tie(&self, id: &TieId) -> Result<Option<StoredTie>, StoreError> {
        let id = id.clone();
        self.read(move |connection| {
            let sql = format!("SELECT {TIE_COLUMNS} FROM ties WHERE id = ?1");
            connection
                .query_row(&sql, [id.as_str()], read_tie)
                .optional()
                .map_err(backend)
        })
        .await
    }

    async fn list_ties(
        &self,
        filter: &TieFilter,
        page: &Page,
    ) -> Result<Vec<StoredTie>, StoreError> {
        let (filter, page) = (filter.clone(), page.clone());
        self.read(move |connection| {
            let mut sql = format!("SELECT {TIE_COLUMNS} FROM ties");
            let mut values = Vec::new();
            let mut conditions = Vec::new();
            if let Some(kind) = filter.kind {
                values.push(Value::Text(kind.as_str().to_owned()));
                conditions.push(format!("kind = ?{}", values.len()));
            }
            if let Some(actor) = &filter.actor {
                values.push(Value::Text(actor.to_string()));
                let n = values.len();
                conditions.push(format!("(source = ?{n} OR target = ?{n})"));
            }
            paginate(&mut sql, &mut values, &mut conditions, &page);
            let mut statement = connection.prepare(&sql).map_err(backend)?;
            let rows = statement
                .query_map(rusqlite::params_from_iter(values), read_tie)
                .map_err(backend)?;
            rows.collect::<rusqlite::Result<Vec<_>>>().map_err(backend)
        })
        .await
    }

    #[tracing::instrument(skip_all)]
    async fn delete_tie(&self, id: &TieId) -> Result<(), StoreError> {
        let id = id.clone();
        self.write_with(move |transaction| {
            let deleted = transaction
                .execute("DELETE FROM ties WHERE id = ?1", [id.as_str()])
                .map_err(backend)?;
            if deleted == 0 {
                return Err(StoreError::NotFound(format!("tie {id}")));
            }
            Ok(())
        })
        .await
    }

    #[tracing::instrument(skip_all)]
    async fn network(&self) -> Result<Network, StoreError> {
        self.read(|connection| {
            // One read transaction, so actors and ties come from the same committed state.
            connection
                .execute_batch("BEGIN DEFERRED")
                .map_err(backend)?;
            let result = (|| {
                let mut actors = connection
                    .prepare(&format!("SELECT {ACTOR_COLUMNS} FROM actors ORDER BY id"))?;
                let actors = actors
                    .query_map([], read_actor)?
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                let mut ties =
                    connection.prepare(&format!("SELECT {TIE_COLUMNS} FROM ties ORDER BY id"))?;
                let ties = ties
                    .query_map([], read_tie)?
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                Ok(Network { actors, ties })
            })();
            connection.execute_batch("COMMIT").map_err(backend)?;
            result.map_err(backend)
        })
        .await
    }

    async fn stats(&self) -> Result<Stats, StoreError> {
        self.read(|connection| {
            let mut stats = Stats {
                actors: ActorKind::ALL
                    .into_iter()
                    .map(|k| (k, 0))
                    .collect::<BTreeMap<_, _>>(),
                ties: TieKind::ALL
                    .into_iter()
                    .map(|k| (k, 0))
                    .collect::<BTreeMap<_, _>>(),
            };
            let count = |sql: &str| -> rusqlite::Result<Vec<(String, u64)>> {
                let mut statement = connection.prepare(sql)?;
                let rows = statement
                    .query_map([], |row| Ok((row.get(0)?, row.get::<_, i64>(1)? as u64)))?;
                rows.collect()
            };
            for (kind, n) in
                count("SELECT kind, count(*) FROM actors GROUP BY kind").map_err(backend)?
            {
                let kind =
                    ActorKind::parse(&kind).map_err(|_| backend(corrupt("actor kind", &kind)))?;
                stats.actors.insert(kind, n);
            }
            for (kind, n) in
                count("SELECT kind, count(*) FROM ties GROUP BY kind").map_err(backend)?
            {
                let kind =
                    TieKind::parse(&kind).map_err(|_| backend(corrupt("tie kind", &kind)))?;
                stats.ties.insert(kind, n);
            }
            Ok(stats)
        })
        .await
    }

    async fn secret(&self, name: &str, fresh: &[u8; 32]) -> Result<Vec<u8>, StoreError> {
        let (name, fresh) = (name.to_owned(), *fresh);
        self.side_write(move |connection| {
            connection
                .execute(
                    "INSERT INTO secrets (name, value) VALUES (?1, ?2) ON CONFLICT (name) DO NOTHING",
                    params![name, fresh.as_slice()],
                )
                .map_err(StoreError::backend)?;
            connection
                .query_row(
                    "SELECT value FROM secrets WHERE name = ?1",
                    [&name],
                    |row| row.get::<_, Vec<u8>>(0),
                )
                .map_err(StoreError::backend)
        })
        .await
    }

    async fn create_token(&self, token: &Token, secret_hash: &str) -> Result<(), StoreError> {
        let (token, hash) = (token.clone(), secret_hash.to_owned());
        self.side_write(move |connection| {
            connection
                .execute(
                    "INSERT INTO tokens (id, label, role, secret_hash, created_at, expires_at, revoked_at) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![
                        token.id,
                        token.label,
                        token.role.as_str(),
                        hash,
                        format_timestamp(&token.created_at),
                        token.expires_at.as_ref().map(format_timestamp),
                        token.revoked_at.as_ref().map(format_timestamp),
                    ],
                )
                .map(|_| ())
                .map_err(|e| match e {
                    rusqlite::Error::SqliteFailure(f, _)
                        if f.code == rusqlite::ErrorCode::ConstraintViolation =>
                    {
                        StoreError::Conflict(format!("token {} already exists", token.id))
                    }
                    e => StoreError::backend(e),
                })
        })
        .await
    }

    async fn save_scenario(&self, scenario: &Scenario) -> Result<(), StoreError> {
        let scenario = scenario.clone();
        self.side_write(move |connection| {
            connection
                .execute(
                    "INSERT INTO scenarios (name, query, saved_by, saved_at) VALUES (?1, ?2, ?3, ?4) \
                     ON CONFLICT (name) DO UPDATE SET query = excluded.query, \
                     saved_by = excluded.saved_by, saved_at = excluded.saved_at",
                    params![
                        scenario.name,
                        scenario.query,
                        scenario.saved_by,
                        format_timestamp(&scenario.saved_at)
                    ],
                )
                .map(|_| ())
                .map_err(StoreError::backend)
        })
        .await
    }

    async fn scenarios(&self) -> Result<Vec<Scenario>, StoreError> {
        self.read(|connection| {
            let mut statement = connection
                .prepare("SELECT name, query, saved_by, saved_at FROM scenarios ORDER BY name")
                .map_err(backend)?;
            let rows = statement
                .query_map([], |row| {
                    Ok((
                        row.get(0)?,
                        row.get(1)?,
                        row.get(2)?,
                        row.get::<_, String>(3)?,
                    ))
                })
                .map_err(backend)?;
            let mut scenarios = Vec::new();
            for row in rows {
                let (name, query, saved_by, saved_at) = row.map_err(backend)?;
                let saved_at = parse_timestamp(&saved_at)
                    .map_err(|e| StoreError::backend(std::io::Error::other(e.to_string())))?;
                scenarios.push(Scenario {
                    name,
                    query,
                    saved_by,
                    saved_at,
                });
            }
            Ok(scenarios)
        })
        .await
    }

    async fn delete_scenario(&self, name: &str) -> Result<(), StoreError> {
        let name = name.to_owned();
        self.side_write(move |connection| {
            let deleted = connection
                .execute("DELETE FROM scenarios WHERE name = ?1", [&name])
                .map_err(StoreError::backend)?;
            if deleted == 0 {
                return Err(StoreError::NotFound(format!("scenario {name:?}")));
            }
            Ok(())
        })
        .await
    }

    async fn set_outline(&self, city: &ActorId, outline: Option<String>) -> Result<(), StoreError> {
        let city = city.clone();
        self.side_write(move |connection| {
            let updated = connection
                .execute(
                    "UPDATE actors SET outline = ?2 WHERE id = ?1",
                    params![city.as_str(), outline],
                )
                .map_err(StoreError::backend)?;
            if updated == 0 {
                return Err(StoreError::NotFound(format!("actor {city}")));
            }
            Ok(())
        })
        .await
    }

    async fn close(&self) -> Result<(), StoreError> {
        self.side_write(|connection| checkpoint(connection, std::time::Duration::ZERO))
            .await
    }

    async fn outlines(&self) -> Result<Vec<(ActorId, String)>, StoreError> {
        self.read(|connection| {
            let mut statement = connection
                .prepare("SELECT id, outline FROM actors WHERE outline IS NOT NULL ORDER BY id")
                .map_err(backend)?;
            let rows = statement
                .query_map([], |row| Ok((row.get::<_, String>(0)?, row.get(1)?)))
                .map_err(backend)?;
            rows.map(|row| {
                let (id, outline) = row.map_err(backend)?;
                let id = ActorId::parse(&id).map_err(|_| backend(corrupt("id", &id)))?;
                Ok((id, outline))
            })
            .collect()
        })
        .await
    }

    async fn tokens(&self) -> Result<Vec<Token>, StoreError> {
        self.read(|connection| {
            let mut statement = connection
                .prepare(&format!(
                    "SELECT {TOKEN_COLUMNS} FROM tokens ORDER BY created_at, id"
                ))
                .map_err(backend)?;
            let rows = statement.query_map([], token_row).map_err(backend)?;
            rows.collect::<Result<Vec<_>, _>>().map_err(backend)
        })
        .await
    }

    async fn token_by_hash(&self, secret_hash: &str) -> Result<Option<Token>, StoreError> {
        let hash = secret_hash.to_owned();
        self.read(move |connection| {
            connection
                .query_row(
                    &format!("SELECT {TOKEN_COLUMNS} FROM tokens WHERE secret_hash = ?1"),
                    [&hash],
                    token_row,
                )
                .optional()
                .map_err(backend)
        })
        .await
    }

    async fn revoke_token(&self, id: &str, at: &Timestamp) -> Result<(), StoreError> {
        let (id, at) = (id.to_owned(), format_timestamp(at));
        self.side_write(move |connection| {
            let changed = connection
                .execute(
                    "UPDATE tokens SET revoked_at = coalesce(revoked_at, ?2) WHERE id = ?1",
                    params![id, at],
                )
                .map_err(backend)?;
            if changed == 0 {
                return Err(StoreError::NotFound(format!("token {id}")));
            }
            Ok(())
        })
        .await
    }

    async fn append_audit(&self, entry: &AuditEntry) -> Result<u64, StoreError> {
        let entry = entry.clone();
        self.side_write(move |connection| {
            connection
                .execute(
                    "INSERT INTO audit (at, who, role, action, target, outcome, records, subjects) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    params![
                        format_timestamp(&entry.at),
                        entry.who,
                        entry.role.map(Role::as_str),
                        entry.action,
                        entry.target,
                        entry.outcome,
                        entry.records.map(|n| n.min(i64::MAX as u64) as i64),
                        (!entry.subjects.is_empty()).then(|| json_list(entry.subjects.iter())),
                    ],
                )
                .map_err(backend)?;
            Ok(connection.last_insert_rowid() as u64)
        })
        .await
    }

    async fn audit(
        &self,
        before: Option<u64>,
        limit: usize,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        let before = before.map_or(i64::MAX, |b| b.min(i64::MAX as u64) as i64);
        self.read(move |connection| {
            let mut statement = connection
                .prepare(
                    "SELECT seq, at, who, role, action, target, outcome, records, subjects \
                     FROM audit WHERE seq < ?1 ORDER BY seq DESC LIMIT ?2",
                )
                .map_err(backend)?;
            let rows = statement
                .query_map(params![before, limit as i64], |row| {
                    let role: Option<String> = row.get(3)?;
                    Ok(AuditEntry {
                        seq: row.get::<_, i64>(0)? as u64,
                        at: timestamp(row.get::<_, String>(1)?)?,
                        who: row.get(2)?,
                        role: role
                            .map(|r| Role::parse(&r).map_err(|_| corrupt("role", &r)))
                            .transpose()?,
                        action: row.get(4)?,
                        target: row.get(5)?,
                        outcome: row.get(6)?,
                        records: row.get::<_, Option<i64>>(7)?.map(|n| n as u64),
                        subjects: row
                            .get::<_, Option<String>>(8)?
                            .and_then(|s| serde_json::from_str(&s).ok())
                            .unwrap_or_default(),
                    })
                })
                .map_err(backend)?;
            rows.collect::<Result<Vec<_>, _>>().map_err(backend)
        })
        .await
    }

    async fn version(&self) -> Result<u64, StoreError> {
        self.read(|connection| {
            connection
                .query_row("SELECT value FROM meta WHERE key = 'version'", [], |row| {
                    row.get::<_, i64>(0)
                })
                .map(|v| v as u64)
                .map_err(backend)
        })
        .await
    }
}
