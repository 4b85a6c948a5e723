//! The embedded store: one SQLite file in WAL mode, foreign keys on, every write in one
//! `BEGIN IMMEDIATE` transaction. One writer connection and a few readers, each behind a mutex;
//! every call runs on tokio's blocking pool so the async runtime never waits on the disk.
//!
//! One topic a file: the connections and transactions here, the schema and its migrations in
//! `schema.rs`, the network in `network.rs` (rows in `rows.rs`), tokens, the audit trail and
//! secrets in `access.rs`, scenarios and outlines in `plans.rs`.

mod access;
mod interviews;
mod network;
mod plans;
mod rows;
mod schema;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use anyhow::Context;
use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use super::{GraphStore, StoreError};

pub(crate) use schema::SCHEMA_VERSION;
use schema::{checkpoint, configure, migrate};

const READERS: usize = 4;

/// Turns SQLite's memory statistics off, once, before the library starts (the first connection
/// starts it; after that the setting is refused, harmlessly). Kept on, every allocation SQLite
/// makes takes a process-wide lock to count it: about a tenth of an import's time, for figures
/// relaymap never reads.
fn configure_library() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // SAFETY: SQLITE_CONFIG_MEMSTATUS takes one int; sqlite3_config only refuses
        // (SQLITE_MISUSE) when the library has started already, e.g. another crate opened a
        // connection first.
        let code = unsafe {
            rusqlite::ffi::sqlite3_config(
                rusqlite::ffi::SQLITE_CONFIG_MEMSTATUS,
                0 as std::ffi::c_int,
            )
        };
        if code != rusqlite::ffi::SQLITE_OK {
            tracing::debug!(code, "SQLite had started: its memory statistics stay on");
        }
    });
}

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
        configure_library();
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
            rows::prune_changes(&transaction).map_err(StoreError::backend)?;
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

pub(super) fn lock(mutex: &Mutex<Connection>) -> MutexGuard<'_, Connection> {
    // A panic while holding a connection cannot leave a transaction open (it rolls back on drop),
    // so the connection is still usable.
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

pub(super) fn backend(error: rusqlite::Error) -> StoreError {
    StoreError::backend(error)
}

/// A row that no longer parses means the file was changed behind relaymap's back.
pub(super) fn corrupt(what: &str, id: &str) -> rusqlite::Error {
    rusqlite::Error::ToSqlConversionFailure(format!("stored {what} {id} breaks the model").into())
}

#[async_trait::async_trait]
impl GraphStore for SqliteStore {
    fn describe(&self) -> String {
        format!("sqlite:{}", self.inner.path.display())
    }

    async fn close(&self) -> Result<(), StoreError> {
        self.side_write(|connection| checkpoint(connection, std::time::Duration::ZERO))
            .await
    }
}
