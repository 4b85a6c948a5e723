//! Backups of the embedded store: `relaymap backup` copies a live SQLite database with SQLite's
//! online backup while the server goes on serving, and `relaymap restore` puts a backup in place.
//! Both write into a temporary file beside the destination, check it, and only then rename it
//! into place, so no reader ever sees half a backup or half a database.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail, ensure};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

/// What a backup or a restore holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copied {
    /// The schema migrations the copy has applied (`PRAGMA user_version`).
    pub schema_version: i64,
    /// Actors and ties in the copy.
    pub actors: u64,
    pub ties: u64,
}

/// Copies the database at `db` into `out`, a new file, while others may be writing to `db`.
///
/// The copy is one step of SQLite's online backup under one read transaction, so it is the
/// database as some committed write left it: every write acknowledged before the backup began is
/// in it, and no write is in it by half. In WAL mode (relaymap's) readers do not block writers,
/// so the server keeps serving meanwhile.
///
/// # Errors
/// When `db` is not a relaymap database, when `out` exists already, or when the copy fails its
/// integrity check; nothing is left at `out` then.
pub fn backup(db: &Path, out: &Path) -> anyhow::Result<Copied> {
    ensure!(db.is_file(), "no database at {}", db.display());
    ensure!(
        !out.exists(),
        "{} exists already: choose a new file for the backup",
        out.display()
    );
    let source = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .with_context(|| format!("opening {}", db.display()))?;
    source
        .busy_timeout(std::time::Duration::from_secs(30))
        .context("setting the busy timeout")?;
    described(&source).with_context(|| format!("{} is not a relaymap database", db.display()))?;
    copy_checked(&source, out)
}

/// Replaces (with `force`) or creates the database at `db` with the backup at `from`, after
/// checking that the backup is whole and of a schema this relaymap knows. Stop the server that
/// uses `db` first: it would go on with the database it had open.
///
/// # Errors
/// When the backup is damaged or newer than this relaymap, or when `db` exists and `force` is
/// not given; `db` is untouched then.
pub fn restore(from: &Path, db: &Path, force: bool) -> anyhow::Result<Copied> {
    ensure!(from.is_file(), "no backup at {}", from.display());
    ensure!(
        force || !db.exists(),
        "{} exists: pass --force to replace it with the backup (stop the server first)",
        db.display()
    );
    let source = Connection::open_with_flags(from, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .with_context(|| format!("opening {}", from.display()))?;
    integrity(&source).with_context(|| format!("checking the backup {}", from.display()))?;
    let found = described(&source)
        .with_context(|| format!("{} is not a relaymap backup", from.display()))?;
    ensure!(
        found.schema_version <= super::sqlite::SCHEMA_VERSION,
        "the backup has schema version {}, newer than this relaymap knows ({}); upgrade relaymap",
        found.schema_version,
        super::sqlite::SCHEMA_VERSION
    );
    // The old database's write-ahead log belongs to the file being replaced: it goes first, so
    // that it can never be replayed onto the restored one.
    let staged = sibling(db, ".restored");
    let restored = copy_checked(&source, &staged)?;
    for suffix in ["-wal", "-shm"] {
        let stale = sibling(db, suffix);
        if stale.exists() {
            std::fs::remove_file(&stale)
                .with_context(|| format!("removing the stale {}", stale.display()))?;
        }
    }
    std::fs::rename(&staged, db)
        .with_context(|| format!("moving the backup to {}", db.display()))?;
    Ok(restored)
}

/// Copies `source` into a temporary file beside `out`, checks it, and renames it into place.
fn copy_checked(source: &Connection, out: &Path) -> anyhow::Result<Copied> {
    let partial = sibling(out, ".partial");
    let _ = std::fs::remove_file(&partial);
    let result = (|| {
        let mut target = Connection::open(&partial)
            .with_context(|| format!("creating {}", partial.display()))?;
        {
            let backup = Backup::new(source, &mut target).context("starting the backup")?;
            // Every page in one step: one consistent snapshot, never restarted by writers.
            match backup.step(-1).context("copying the pages")? {
                StepResult::Done => {}
                other => bail!("the copy did not finish: {other:?}"),
            }
        }
        integrity(&target)?;
        let copied = described(&target)?;
        target
            .pragma_update(None, "wal_checkpoint", "TRUNCATE")
            .ok();
        target
            .close()
            .map_err(|(_, e)| e)
            .context("closing the copy")?;
        std::fs::File::open(&partial)
            .and_then(|f| f.sync_all())
            .context("flushing the copy to disk")?;
        Ok(copied)
    })();
    match result {
        Ok(copied) => {
            for suffix in ["-wal", "-shm"] {
                let _ = std::fs::remove_file(sibling(&partial, suffix));
            }
            std::fs::rename(&partial, out)
                .with_context(|| format!("moving the copy to {}", out.display()))?;
            Ok(copied)
        }
        Err(error) => {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(sibling(&partial, suffix));
            }
            Err(error)
        }
    }
}

/// `path` with `suffix` added to its file name.
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

fn integrity(connection: &Connection) -> anyhow::Result<()> {
    let verdict: String = connection
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .context("running the integrity check")?;
    ensure!(verdict == "ok", "the integrity check failed: {verdict}");
    let broken: i64 = connection
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |row| {
            row.get(0)
        })
        .context("checking the ties' endpoints")?;
    ensure!(
        broken == 0,
        "{broken} rows point at records that do not exist"
    );
    Ok(())
}

fn described(connection: &Connection) -> anyhow::Result<Copied> {
    let schema_version: i64 =
        connection.pragma_query_value(None, "user_version", |row| row.get(0))?;
    ensure!(schema_version >= 1, "it has no relaymap schema");
    let count = |table: &str| -> anyhow::Result<u64> {
        Ok(
            connection.query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
                row.get::<_, i64>(0)
            })? as u64,
        )
    };
    Ok(Copied {
        schema_version,
        actors: count("actors")?,
        ties: count("ties")?,
    })
}
