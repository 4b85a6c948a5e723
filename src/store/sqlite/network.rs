//! The network in the embedded store: reads, all-or-nothing writes, deletion and erasure.

use std::collections::BTreeMap;
use std::sync::Arc;

use rayon::slice::ParallelSliceMut;

use rusqlite::types::Value;
use rusqlite::{Connection, OpenFlags, OptionalExtension, params};

use super::rows::{
    ACTOR_COLUMNS, TIE_COLUMNS, forget_changes, log_changes, paginate, read_actor, read_tie,
    read_tie_between, write_batch,
};
use super::schema::checkpoint;
use super::{SqliteStore, backend, corrupt};
use crate::domain::{
    ActorId, ActorKind, Batch, Delta, Network, StoredActor, StoredTie, TieId, TieKind, WriteSummary,
};
use crate::store::{ActorFilter, NetworkStore, Page, Stats, StoreError, TieFilter};

/// How long an erasure waits for readers to let the write-ahead log be truncated.
const ERASURE_PATIENCE: std::time::Duration = std::time::Duration::from_secs(30);

/// Takes an erased person out of the audit trail, the saved scenarios, the activations and the
/// interviews, in the erasure's
/// transaction (see [`super::Erasure`]).
fn erase_traces(transaction: &rusqlite::Transaction, id: &ActorId) -> rusqlite::Result<()> {
    let mut ties = transaction.prepare("SELECT id FROM ties WHERE source = ?1 OR target = ?1")?;
    let tie_ids = ties
        .query_map([id.as_str()], |row| row.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let erasure = crate::store::Erasure::new(id, tie_ids);
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
    transaction.execute(
        "DELETE FROM distinct_pairs WHERE a = ?1 OR b = ?1",
        [id.as_str()],
    )?;
    let mut activations = transaction
        .prepare("SELECT id, document FROM activations WHERE instr(document, ?1) > 0")?;
    let named = activations
        .query_map([id.as_str()], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (activation, document) in named {
        if let Some(scrubbed) = erasure.scrub_record(&document) {
            transaction.execute(
                "UPDATE activations SET document = ?2, revision = revision + 1 WHERE id = ?1",
                params![activation, scrubbed],
            )?;
        }
    }
    // An interview of the person goes whole; in others, what they said of them goes.
    transaction.execute("DELETE FROM interviews WHERE ego = ?1", [id.as_str()])?;
    let mut interviews =
        transaction.prepare("SELECT id, document FROM interviews WHERE instr(document, ?1) > 0")?;
    let named = interviews
        .query_map([id.as_str()], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (interview, document) in named {
        if let Some(scrubbed) = erasure.scrub_record(&document) {
            transaction.execute(
                "UPDATE interviews SET document = ?2 WHERE id = ?1",
                params![interview, scrubbed],
            )?;
        }
    }
    Ok(())
}

#[async_trait::async_trait]
impl NetworkStore for SqliteStore {
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

    async fn actors_by_id(&self, ids: &[ActorId]) -> Result<Vec<StoredActor>, StoreError> {
        let ids: Vec<String> = ids.iter().map(ToString::to_string).collect();
        self.read(move |connection| {
            // One statement, the ids as a JSON array: no query per actor, and no limit on how
            // many a card asks for.
            let sql = format!(
                "SELECT {ACTOR_COLUMNS} FROM actors \
                 WHERE id IN (SELECT value FROM json_each(?1)) ORDER BY id"
            );
            let list = serde_json::to_string(&ids).map_err(StoreError::backend)?;
            let mut statement = connection.prepare(&sql).map_err(backend)?;
            let rows = statement.query_map([list], read_actor).map_err(backend)?;
            rows.collect::<rusqlite::Result<Vec<_>>>().map_err(backend)
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
            if let Some(name) = &filter.name {
                // instr, not LIKE: no wildcard in what someone typed means anything.
                values.push(Value::Text(name.to_lowercase()));
                conditions.push(format!("instr(unicode_lower(name), ?{}) > 0", values.len()));
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
                forget_changes(transaction).map_err(backend)?;
            } else {
                let ties: Vec<String> = transaction
                    .prepare("SELECT id FROM ties WHERE source = ?1 OR target = ?1")
                    .and_then(|mut s| s.query_map([id.as_str()], |row| row.get(0))?.collect())
                    .map_err(backend)?;
                log_changes(transaction, "actor", [id.as_str()]).map_err(backend)?;
                log_changes(transaction, "tie", ties.iter().map(String::as_str)).map_err(backend)?;
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

    async fn merge_actor(&self, from: &ActorId, batch: Batch) -> Result<WriteSummary, StoreError> {
        let from = from.clone();
        self.write_with(move |transaction| {
            let summary = write_batch(transaction, &batch)?;
            let ties: Vec<String> = transaction
                .prepare("SELECT id FROM ties WHERE source = ?1 OR target = ?1")
                .and_then(|mut s| s.query_map([from.as_str()], |row| row.get(0))?.collect())
                .map_err(backend)?;
            log_changes(transaction, "actor", [from.as_str()]).map_err(backend)?;
            log_changes(transaction, "tie", ties.iter().map(String::as_str)).map_err(backend)?;
            let deleted = transaction
                .execute("DELETE FROM actors WHERE id = ?1", [from.as_str()])
                .map_err(backend)?;
            if deleted == 0 {
                return Err(StoreError::NotFound(format!("actor {from}")));
            }
            Ok(summary)
        })
        .await
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
            log_changes(transaction, "tie", [id.as_str()]).map_err(backend)?;
            Ok(())
        })
        .await
    }

    #[tracing::instrument(skip_all)]
    async fn network(&self) -> Result<Network, StoreError> {
        let path = self.inner.path.clone();
        self.read(move |connection| {
            // Half the ties are read on a second connection, on the other core. Each connection
            // reads in its own read transaction; both must see the same committed network, so
            // they are read again if a write landed between their starts.
            let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
            let mut helper = Connection::open_with_flags(&path, flags).map_err(backend)?;
            super::configure(&helper).map_err(backend)?;
            loop {
                connection
                    .execute_batch("BEGIN DEFERRED")
                    .map_err(backend)?;
                helper.execute_batch("BEGIN DEFERRED").map_err(backend)?;
                let (read, back) = read_network(connection, helper);
                helper = back;
                connection.execute_batch("COMMIT").map_err(backend)?;
                helper.execute_batch("COMMIT").map_err(backend)?;
                if let Some(network) = read.map_err(backend)? {
                    return Ok(network);
                }
            }
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

    #[tracing::instrument(skip_all)]
    async fn changes_since(&self, version: u64) -> Result<Option<Delta>, StoreError> {
        self.read(move |connection| {
            // One read transaction: the version, the log and the records agree.
            connection
                .execute_batch("BEGIN DEFERRED")
                .map_err(backend)?;
            let result = changes_since(connection, version);
            connection.execute_batch("COMMIT").map_err(backend)?;
            result.map_err(backend)
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

/// What changed after `version`, inside an open read transaction (see
/// [`NetworkStore::changes_since`]).
fn changes_since(
    connection: &rusqlite::Connection,
    version: u64,
) -> rusqlite::Result<Option<Delta>> {
    let meta = |key: &str| {
        connection.query_row("SELECT value FROM meta WHERE key = ?1", [key], |row| {
            row.get::<_, i64>(0)
        })
    };
    let (current, from) = (meta("version")? as u64, meta("changes_from")? as u64);
    if version < from || version > current {
        return Ok(None);
    }
    let mut delta = Delta {
        version: current,
        ..Delta::default()
    };
    let changed = |entity: &str| -> rusqlite::Result<Vec<String>> {
        let mut statement = connection.prepare_cached(
            "SELECT DISTINCT id FROM changes WHERE entity = ?1 AND version > ?2 ORDER BY id",
        )?;
        let ids = statement.query_map(params![entity, version as i64], |row| row.get(0))?;
        ids.collect()
    };
    let (actors, ties) = (changed("actor")?, changed("tie")?);
    let select = |table: &str, columns: &str| {
        connection.prepare(&format!(
            "SELECT {columns} FROM {table} WHERE id IN (SELECT value FROM json_each(?1)) ORDER BY id"
        ))
    };
    let list = |ids: &[String]| serde_json::to_string(ids).expect("strings serialise");
    delta.actors = select("actors", ACTOR_COLUMNS)?
        .query_map([list(&actors)], read_actor)?
        .collect::<rusqlite::Result<_>>()?;
    delta.ties = select("ties", TIE_COLUMNS)?
        .query_map([list(&ties)], read_tie)?
        .collect::<rusqlite::Result<_>>()?;
    delta
        .deletions_from_log(&actors, &ties)
        .map_err(|_| corrupt("change log", "an id that is not one"))?;
    Ok(Some(delta))
}

/// The whole network, read in the open read transactions of `connection` and `helper` (which
/// reads the second half of the ties, by row id, on a thread of its own); `None` when the two
/// transactions see different versions. Gives `helper` back.
fn read_network(
    connection: &Connection,
    helper: Connection,
) -> (rusqlite::Result<Option<Network>>, Connection) {
    let version = |c: &Connection| -> rusqlite::Result<i64> {
        c.query_row("SELECT value FROM meta WHERE key = 'version'", [], |row| {
            row.get(0)
        })
    };
    let (ours, theirs) = (version(connection), version(&helper));
    match (ours, theirs) {
        (Ok(a), Ok(b)) if a == b => {}
        (Err(error), _) | (_, Err(error)) => return (Err(error), helper),
        _ => return (Ok(None), helper),
    }
    let read = || -> rusqlite::Result<(Vec<Arc<StoredActor>>, i64)> {
        // Read in the order rows are stored (the table itself, not its id index and a lookup
        // per row), then sorted by id: rows are written mostly in id order, so the sort finds
        // long runs already in order.
        let mut actors = connection.prepare(&format!("SELECT {ACTOR_COLUMNS} FROM actors"))?;
        let mut actors = actors
            .query_map([], |row| read_actor(row).map(Arc::new))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        if !actors.is_sorted_by(|a, b| a.id < b.id) {
            actors.par_sort_by(|a, b| a.id.cmp(&b.id));
        }
        let middle: i64 =
            connection.query_row("SELECT coalesce(max(rowid), 0) / 2 FROM ties", [], |row| {
                row.get(0)
            })?;
        Ok((actors, middle))
    };
    let (actors, middle) = match read() {
        Ok(read) => read,
        Err(error) => return (Err(error), helper),
    };
    // A tie's ends share their actors' ids: two allocations fewer per tie.
    let ids: std::collections::HashMap<&str, &ActorId> =
        actors.iter().map(|a| (a.id.as_str(), &a.id)).collect();
    let half = |c: &Connection, condition: &str| -> rusqlite::Result<Vec<Arc<StoredTie>>> {
        let sql = format!("SELECT {TIE_COLUMNS} FROM ties WHERE rowid {condition} ?1");
        let mut ties = c.prepare(&sql)?;
        ties.query_map([middle], |row| {
            read_tie_between(row, |id| ids.get(id).map(|&a| a.clone())).map(Arc::new)
        })?
        .collect()
    };
    let (first, (second, helper)) = std::thread::scope(|scope| {
        let other = scope.spawn(move || {
            let second = half(&helper, ">");
            (second, helper)
        });
        let first = half(connection, "<=");
        (
            first,
            other.join().expect("the reading thread does not panic"),
        )
    });
    let (mut ties, second) = match (first, second) {
        (Ok(first), Ok(second)) => (first, second),
        (Err(error), _) | (_, Err(error)) => return (Err(error), helper),
    };
    ties.extend(second);
    if !ties.is_sorted_by(|a, b| a.id < b.id) {
        ties.par_sort_by(|a, b| a.id.cmp(&b.id));
    }
    (
        Ok(Some(Network {
            actors: actors.into(),
            ties: ties.into(),
        })),
        helper,
    )
}
