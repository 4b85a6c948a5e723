//! Interviews and protocol versions in the embedded store.

use rusqlite::{OptionalExtension, Row, params};

use super::rows::write_batch;
use super::{SqliteStore, backend};
use crate::domain::Batch;
use crate::store::{InterviewStore, InterviewWrite, StoreError, StoredInterview, StoredProtocol};

const INTERVIEW_COLUMNS: &str = "id, key, ego, recorded_at, recorded_by, document";

fn read_interview(row: &Row) -> rusqlite::Result<StoredInterview> {
    Ok(StoredInterview {
        id: row.get(0)?,
        key: row.get(1)?,
        ego: row.get(2)?,
        recorded_at: row.get(3)?,
        recorded_by: row.get(4)?,
        document: row.get(5)?,
    })
}

fn read_protocol(row: &Row) -> rusqlite::Result<StoredProtocol> {
    Ok(StoredProtocol {
        version: row.get::<_, i64>(0)? as u64,
        saved_at: row.get(1)?,
        saved_by: row.get(2)?,
        document: row.get(3)?,
    })
}

fn by_key(
    connection: &rusqlite::Connection,
    key: &str,
) -> Result<Option<StoredInterview>, StoreError> {
    connection
        .query_row(
            &format!("SELECT {INTERVIEW_COLUMNS} FROM interviews WHERE key = ?1"),
            [key],
            read_interview,
        )
        .optional()
        .map_err(backend)
}

#[async_trait::async_trait]
impl InterviewStore for SqliteStore {
    async fn write_interview(
        &self,
        interview: StoredInterview,
        batch: Batch,
    ) -> Result<InterviewWrite, StoreError> {
        self.write_with(move |transaction| {
            if let Some(stored) = by_key(transaction, &interview.key)? {
                return Ok(InterviewWrite::Replayed(stored));
            }
            let summary = write_batch(transaction, &batch)?;
            transaction
                .execute(
                    &format!("INSERT INTO interviews ({INTERVIEW_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
                    params![
                        interview.id,
                        interview.key,
                        interview.ego,
                        interview.recorded_at,
                        interview.recorded_by,
                        interview.document
                    ],
                )
                .map_err(backend)?;
            Ok(InterviewWrite::Written(summary))
        })
        .await
    }

    async fn interview_by_key(&self, key: &str) -> Result<Option<StoredInterview>, StoreError> {
        let key = key.to_owned();
        self.read(move |connection| by_key(connection, &key)).await
    }

    async fn interview(&self, id: &str) -> Result<Option<StoredInterview>, StoreError> {
        let id = id.to_owned();
        self.read(move |connection| {
            connection
                .query_row(
                    &format!("SELECT {INTERVIEW_COLUMNS} FROM interviews WHERE id = ?1"),
                    [id],
                    read_interview,
                )
                .optional()
                .map_err(backend)
        })
        .await
    }

    async fn interviews(&self, limit: usize) -> Result<Vec<StoredInterview>, StoreError> {
        self.read(move |connection| {
            let mut statement = connection
                .prepare(&format!(
                    "SELECT {INTERVIEW_COLUMNS} FROM interviews \
                     ORDER BY recorded_at DESC, id LIMIT ?1"
                ))
                .map_err(backend)?;
            let rows = statement
                .query_map([limit as i64], read_interview)
                .map_err(backend)?;
            rows.collect::<rusqlite::Result<Vec<_>>>().map_err(backend)
        })
        .await
    }

    async fn save_protocol(&self, protocol: &StoredProtocol) -> Result<(), StoreError> {
        let protocol = protocol.clone();
        self.side_write(move |connection| {
            let inserted = connection
                .execute(
                    "INSERT INTO protocols (version, saved_at, saved_by, document) \
                     VALUES (?1, ?2, ?3, ?4) ON CONFLICT (version) DO NOTHING",
                    params![
                        protocol.version as i64,
                        protocol.saved_at,
                        protocol.saved_by,
                        protocol.document
                    ],
                )
                .map_err(backend)?;
            if inserted == 0 {
                return Err(StoreError::Conflict(format!(
                    "protocol version {} exists",
                    protocol.version
                )));
            }
            Ok(())
        })
        .await
    }

    async fn protocol(&self, version: Option<u64>) -> Result<Option<StoredProtocol>, StoreError> {
        self.read(move |connection| {
            let columns = "version, saved_at, saved_by, document";
            let found = match version {
                Some(version) => connection.query_row(
                    &format!("SELECT {columns} FROM protocols WHERE version = ?1"),
                    [version as i64],
                    read_protocol,
                ),
                None => connection.query_row(
                    &format!("SELECT {columns} FROM protocols ORDER BY version DESC LIMIT 1"),
                    [],
                    read_protocol,
                ),
            };
            found.optional().map_err(backend)
        })
        .await
    }
}
