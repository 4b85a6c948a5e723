//! The schema of the embedded store: its migrations (`graph-schema/sqlite/NNN_*.sql`), the
//! settings of every connection, and folding the write-ahead log back.

use anyhow::Context;
use rusqlite::{Connection, TransactionBehavior};

use crate::store::StoreError;

/// The schema migrations, applied in order; `PRAGMA user_version` counts the applied ones.
const MIGRATIONS: [&str; 17] = [
    include_str!("../../../graph-schema/sqlite/001_network.sql"),
    include_str!("../../../graph-schema/sqlite/002_secrets.sql"),
    include_str!("../../../graph-schema/sqlite/003_access.sql"),
    include_str!("../../../graph-schema/sqlite/004_erasure.sql"),
    include_str!("../../../graph-schema/sqlite/005_scenarios.sql"),
    include_str!("../../../graph-schema/sqlite/006_outlines.sql"),
    include_str!("../../../graph-schema/sqlite/007_protection.sql"),
    include_str!("../../../graph-schema/sqlite/008_changes.sql"),
    include_str!("../../../graph-schema/sqlite/009_sessions.sql"),
    include_str!("../../../graph-schema/sqlite/010_activations.sql"),
    include_str!("../../../graph-schema/sqlite/011_distinct.sql"),
    include_str!("../../../graph-schema/sqlite/012_consent.sql"),
    include_str!("../../../graph-schema/sqlite/013_interviews.sql"),
    include_str!("../../../graph-schema/sqlite/014_one_tie_per_kind.sql"),
    include_str!("../../../graph-schema/sqlite/015_mappings.sql"),
    include_str!("../../../graph-schema/sqlite/016_failures.sql"),
    include_str!("../../../graph-schema/sqlite/017_one_index_by_source.sql"),
];

/// The migration that turned `secure_delete` on: a database made before it may still hold
/// deleted records' bytes in free space, so it is vacuumed once when this migration is applied.
const SECURE_DELETE_MIGRATION: usize = 7;

/// The schema version this relaymap writes: the number of migrations.
pub(crate) const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// How long a connection waits for another's lock before it gives up.
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

pub(super) fn configure(connection: &Connection) -> rusqlite::Result<()> {
    connection.busy_timeout(BUSY_TIMEOUT)?;
    connection.pragma_update(None, "foreign_keys", "ON")?;
    // Letter case folded the way people read it (É and é, Ж and ж), as Neo4j's toLower does;
    // SQLite's own lower() folds ASCII only. Name search uses it.
    connection.create_scalar_function(
        "unicode_lower",
        1,
        rusqlite::functions::FunctionFlags::SQLITE_UTF8
            | rusqlite::functions::FunctionFlags::SQLITE_DETERMINISTIC,
        |context| Ok(context.get::<String>(0)?.to_lowercase()),
    )?;
    if !connection.is_readonly(rusqlite::MAIN_DB)? {
        // Deleted and overwritten records are zeroed on disk, not left in free space: an erased
        // person's name must not stay readable in the file.
        connection.pragma_update(None, "secure_delete", "ON")?;
        wal_journal(connection)?;
        // With WAL, NORMAL loses no committed transaction when the process dies, only on power loss.
        connection.pragma_update(None, "synchronous", "NORMAL")?;
        // A large write (an import) keeps its pages in memory until it commits instead of
        // spilling them into the log mid-transaction, and each statement's own journal (kept
        // for the upserts) stays in memory rather than in a temporary file: together most of
        // an import's time before (see BENCHMARKS.md).
        connection.pragma_update(None, "cache_size", -65_536)?; // KiB: 64 MiB
        connection.pragma_update(None, "temp_store", "MEMORY")?;
    }
    Ok(())
}

/// Turns the write-ahead log on. On a new file, connections of processes started together each
/// try to: one that holds a read lock while another changes the mode is told "database is
/// locked" at once (SQLite does not wait where waiting could deadlock), so this tries again for
/// as long as the busy timeout.
fn wal_journal(connection: &Connection) -> rusqlite::Result<()> {
    let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
    loop {
        match connection.pragma_update(None, "journal_mode", "WAL") {
            Err(rusqlite::Error::SqliteFailure(error, _))
                if error.code == rusqlite::ErrorCode::DatabaseBusy
                    && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            done => return done,
        }
    }
}

pub(super) fn migrate(connection: &mut Connection) -> anyhow::Result<()> {
    let applied: i64 = connection.pragma_query_value(None, "user_version", |row| row.get(0))?;
    let applied = usize::try_from(applied).context("negative schema version")?;
    anyhow::ensure!(
        applied <= MIGRATIONS.len(),
        "the database has schema version {applied}, newer than this relaymap knows ({}); upgrade relaymap",
        MIGRATIONS.len()
    );
    let mut vacuum = false;
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(applied) {
        let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Another process opening the same file at this moment (servers started together) may
        // have applied it since: read again under the write lock, and leave it if so.
        let now: i64 = transaction.pragma_query_value(None, "user_version", |row| row.get(0))?;
        if now > index as i64 {
            continue;
        }
        transaction
            .execute_batch(sql)
            .with_context(|| format!("applying migration {}", index + 1))?;
        transaction.pragma_update(None, "user_version", (index + 1) as i64)?;
        transaction.commit()?;
        vacuum |= applied > 0 && index + 1 == SECURE_DELETE_MIGRATION;
    }
    if vacuum {
        // Rewrites every page, dropping what earlier deletes left in free space.
        connection
            .execute_batch("VACUUM")
            .context("vacuuming the database once, to clear what deleted records left behind")?;
        checkpoint(connection, std::time::Duration::from_secs(30))
            .context("folding the write-ahead log back after the vacuum")?;
    }
    Ok(())
}

/// Folds the write-ahead log back into the database and truncates it to nothing, waiting up to
/// `patience` for readers (of this process or another) to let go of older pages. After it, no
/// earlier version of a page, such as one holding an erased record, is left in the log.
pub(super) fn checkpoint(
    connection: &Connection,
    patience: std::time::Duration,
) -> Result<(), StoreError> {
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
