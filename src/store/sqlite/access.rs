//! Tokens, the audit trail and the deployment's secrets in the embedded store.

use rusqlite::{OptionalExtension, Row, params};

use super::rows::json_list;
use super::{SqliteStore, backend, corrupt};
use crate::domain::{AuditEntry, Role, Timestamp, Token, format_timestamp, parse_timestamp};
use crate::store::{AccessStore, StoreError, StoredSession};

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

/// Inserts a token under the hash of its secret.
fn insert_token(
    connection: &rusqlite::Connection,
    token: &Token,
    hash: &str,
) -> Result<(), StoreError> {
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
}

#[async_trait::async_trait]
impl AccessStore for SqliteStore {
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
        self.side_write(move |connection| insert_token(connection, &token, &hash))
            .await
    }

    async fn create_first_admin(
        &self,
        token: &Token,
        secret_hash: &str,
    ) -> Result<bool, StoreError> {
        let (token, hash) = (token.clone(), secret_hash.to_owned());
        self.side_write(move |connection| {
            // Immediate: the write lock is taken before the check, so another process cannot
            // store its admin between the check and the insert. Rolled back when dropped
            // uncommitted (an error, a panic).
            let transaction = rusqlite::Transaction::new_unchecked(
                connection,
                rusqlite::TransactionBehavior::Immediate,
            )
            .map_err(backend)?;
            let admins = {
                let mut admins = transaction
                    .prepare(&format!(
                        "SELECT {TOKEN_COLUMNS} FROM tokens WHERE role = 'admin'"
                    ))
                    .map_err(backend)?;
                admins
                    .query_map([], token_row)
                    .map_err(backend)?
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(backend)?
            };
            if admins.iter().any(|t| t.is_valid_at(&token.created_at)) {
                return Ok(false);
            }
            insert_token(&transaction, &token, &hash)?;
            transaction.commit().map_err(backend)?;
            Ok(true)
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

    async fn create_session(
        &self,
        cookie_hash: &str,
        session: &StoredSession,
    ) -> Result<(), StoreError> {
        let (cookie_hash, session) = (cookie_hash.to_owned(), session.clone());
        let now = format_timestamp(&crate::domain::now());
        self.side_write(move |connection| {
            connection
                .execute("DELETE FROM sessions WHERE expires_at < ?1", [now])
                .map_err(backend)?;
            connection
                .execute(
                    "INSERT INTO sessions (cookie_hash, token_hash, csrf, expires_at)
                     VALUES (?1, ?2, ?3, ?4)",
                    params![
                        cookie_hash,
                        session.token_hash,
                        session.csrf,
                        format_timestamp(&session.expires_at)
                    ],
                )
                .map_err(backend)?;
            Ok(())
        })
        .await
    }

    async fn session(&self, cookie_hash: &str) -> Result<Option<StoredSession>, StoreError> {
        let cookie_hash = cookie_hash.to_owned();
        self.read(move |connection| {
            connection
                .query_row(
                    "SELECT token_hash, csrf, expires_at FROM sessions WHERE cookie_hash = ?1",
                    [cookie_hash],
                    |row| {
                        Ok(StoredSession {
                            token_hash: row.get(0)?,
                            csrf: row.get(1)?,
                            expires_at: timestamp(row.get(2)?)?,
                        })
                    },
                )
                .optional()
                .map_err(backend)
        })
        .await
    }

    async fn record_failure(
        &self,
        client: &str,
        at: &Timestamp,
        since: &Timestamp,
    ) -> Result<Vec<Timestamp>, StoreError> {
        let client = client.to_owned();
        let (at, since) = (format_timestamp(at), format_timestamp(since));
        self.side_write(move |connection| {
            connection
                .execute("DELETE FROM failures WHERE at < ?1", [&since])
                .map_err(backend)?;
            connection
                .execute(
                    "INSERT INTO failures (client, at) VALUES (?1, ?2)",
                    [&client, &at],
                )
                .map_err(backend)?;
            let mut times = connection
                .prepare("SELECT at FROM failures WHERE client = ?1 AND at >= ?2 ORDER BY at")
                .map_err(backend)?;
            let times = times
                .query_map([&client, &since], |row| timestamp(row.get(0)?))
                .map_err(backend)?
                .collect::<rusqlite::Result<Vec<_>>>()
                .map_err(backend)?;
            Ok(times)
        })
        .await
    }

    async fn end_session(&self, cookie_hash: &str) -> Result<(), StoreError> {
        let cookie_hash = cookie_hash.to_owned();
        self.side_write(move |connection| {
            connection
                .execute("DELETE FROM sessions WHERE cookie_hash = ?1", [cookie_hash])
                .map_err(backend)?;
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
}
