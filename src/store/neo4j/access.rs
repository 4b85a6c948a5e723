//! Tokens, the audit trail and the deployment's secrets in Neo4j.

use neo4rs::query;

use super::rows::*;
use super::{Neo4jStore, classify, collect, corrupt};
use crate::domain::{AuditEntry, Role, Timestamp, Token, format_timestamp, parse_timestamp};
use crate::store::{AccessStore, StoreError, StoredSession};

/// A session as Neo4j returns it.
#[derive(serde::Deserialize)]
struct SessionRow {
    token_hash: String,
    csrf: String,
    expires_at: String,
}

impl SessionRow {
    fn into_session(self) -> Result<StoredSession, StoreError> {
        Ok(StoredSession {
            token_hash: self.token_hash,
            csrf: self.csrf,
            expires_at: parse_timestamp(&self.expires_at)
                .map_err(|_| corrupt("session", "an expiry that is not a time"))?,
        })
    }
}

#[async_trait::async_trait]
impl AccessStore for Neo4jStore {
    async fn secret(&self, name: &str, fresh: &[u8; 32]) -> Result<Vec<u8>, StoreError> {
        let key = format!("secret:{name}");
        let fresh: String = fresh.iter().map(|b| format!("{b:02x}")).collect();
        // MERGE on the unique meta key: concurrent first uses agree on one secret. Not a write of
        // the network, so the version stays.
        let hex = self
            .side_write(move |mut txn| async move {
                let rows: Vec<SecretRow> = collect(
                    &mut txn,
                    query(
                        "MERGE (m:RelaymapMeta {key: $key}) ON CREATE SET m.secret = $fresh \
                         RETURN m.secret AS secret",
                    )
                    .param("key", key)
                    .param("fresh", fresh),
                )
                .await?;
                let secret = rows
                    .into_iter()
                    .next()
                    .map(|r| r.secret)
                    .ok_or_else(|| corrupt("secret", "MERGE returned no row"))?;
                Ok((secret, txn))
            })
            .await?;
        (0..hex.len())
            .step_by(2)
            .map(|i| {
                hex.get(i..i + 2)
                    .and_then(|b| u8::from_str_radix(b, 16).ok())
            })
            .collect::<Option<Vec<u8>>>()
            .filter(|bytes| bytes.len() == 32)
            .ok_or_else(|| corrupt("secret", "not 32 bytes of hex"))
    }

    async fn create_token(&self, token: &Token, secret_hash: &str) -> Result<(), StoreError> {
        let (token, hash) = (token.clone(), secret_hash.to_owned());
        self.side_write(move |mut txn| async move {
            insert_token(&mut txn, &token, hash).await?;
            Ok(((), txn))
        })
        .await
    }

    async fn create_first_admin(
        &self,
        token: &Token,
        secret_hash: &str,
    ) -> Result<bool, StoreError> {
        let (token, hash) = (token.clone(), secret_hash.to_owned());
        self.side_write(move |mut txn| async move {
            // The version node's lock first, so another process cannot store its admin between
            // the check and the create (the version itself stays).
            super::lock_version(&mut txn).await?;
            let admins: Vec<TokenRow> = collect(
                &mut txn,
                query(&format!(
                    "MATCH (t:RelaymapToken {{role: 'admin'}}) RETURN {TOKEN_FIELDS}"
                )),
            )
            .await?;
            for admin in admins {
                if admin.into_token()?.is_valid_at(&token.created_at) {
                    return Ok((false, txn));
                }
            }
            insert_token(&mut txn, &token, hash).await?;
            Ok((true, txn))
        })
        .await
    }

    async fn tokens(&self) -> Result<Vec<Token>, StoreError> {
        self.read_records(
            format!("MATCH (t:RelaymapToken) RETURN {TOKEN_FIELDS} ORDER BY t.created_at, t.id"),
            Vec::new(),
            TokenRow::into_token,
        )
        .await
    }

    async fn token_by_hash(&self, secret_hash: &str) -> Result<Option<Token>, StoreError> {
        let tokens = self
            .read_records(
                format!("MATCH (t:RelaymapToken {{secret_hash: $hash}}) RETURN {TOKEN_FIELDS}"),
                vec![("hash", secret_hash.into())],
                TokenRow::into_token,
            )
            .await?;
        Ok(tokens.into_iter().next())
    }

    async fn revoke_token(&self, id: &str, at: &Timestamp) -> Result<(), StoreError> {
        let (id, at) = (id.to_owned(), format_timestamp(at));
        self.side_write(move |mut txn| async move {
            let rows: Vec<CountRow> = collect(
                &mut txn,
                query(
                    "MATCH (t:RelaymapToken {id: $id}) \
                     SET t.revoked_at = coalesce(t.revoked_at, $at) RETURN count(t) AS n",
                )
                .param("id", id.clone())
                .param("at", at),
            )
            .await?;
            if rows.first().is_none_or(|r| r.n == 0) {
                return Err(StoreError::NotFound(format!("token {id}")));
            }
            Ok(((), txn))
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
        self.side_write(move |mut txn| async move {
            txn.run(
                query("MATCH (s:RelaymapSession) WHERE s.expires_at < $now DELETE s")
                    .param("now", now),
            )
            .await
            .map_err(classify)?;
            txn.run(
                query(
                    "CREATE (:RelaymapSession {cookie_hash: $cookie_hash, token_hash: $token_hash, \
                     csrf: $csrf, expires_at: $expires_at})",
                )
                .param("cookie_hash", cookie_hash)
                .param("token_hash", session.token_hash)
                .param("csrf", session.csrf)
                .param("expires_at", format_timestamp(&session.expires_at)),
            )
            .await
            .map_err(classify)?;
            Ok(((), txn))
        })
        .await
    }

    async fn session(&self, cookie_hash: &str) -> Result<Option<StoredSession>, StoreError> {
        let sessions = self
            .read_records(
                "MATCH (s:RelaymapSession {cookie_hash: $hash}) \
                 RETURN s.token_hash AS token_hash, s.csrf AS csrf, s.expires_at AS expires_at"
                    .to_owned(),
                vec![("hash", cookie_hash.into())],
                SessionRow::into_session,
            )
            .await?;
        Ok(sessions.into_iter().next())
    }

    async fn record_failure(
        &self,
        client: &str,
        at: &Timestamp,
        since: &Timestamp,
    ) -> Result<Vec<Timestamp>, StoreError> {
        #[derive(serde::Deserialize)]
        struct Failure {
            at: String,
        }
        let client = client.to_owned();
        let (at, since) = (format_timestamp(at), format_timestamp(since));
        self.side_write(move |mut txn| async move {
            txn.run(
                query("MATCH (f:RelaymapFailure) WHERE f.at < $since DELETE f")
                    .param("since", since.clone()),
            )
            .await
            .map_err(classify)?;
            txn.run(
                query("CREATE (:RelaymapFailure {client: $client, at: $at})")
                    .param("client", client.clone())
                    .param("at", at),
            )
            .await
            .map_err(classify)?;
            let rows: Vec<Failure> = collect(
                &mut txn,
                query(
                    "MATCH (f:RelaymapFailure {client: $client}) WHERE f.at >= $since \
                     RETURN f.at AS at ORDER BY f.at",
                )
                .param("client", client)
                .param("since", since),
            )
            .await?;
            let times = rows
                .into_iter()
                .map(|f| parse_timestamp(&f.at).map_err(|e| corrupt("failure time", e)))
                .collect::<Result<Vec<_>, _>>()?;
            Ok((times, txn))
        })
        .await
    }

    async fn end_session(&self, cookie_hash: &str) -> Result<(), StoreError> {
        let cookie_hash = cookie_hash.to_owned();
        self.side_write(move |mut txn| async move {
            txn.run(
                query("MATCH (s:RelaymapSession {cookie_hash: $hash}) DELETE s")
                    .param("hash", cookie_hash),
            )
            .await
            .map_err(classify)?;
            Ok(((), txn))
        })
        .await
    }

    async fn append_audit(&self, entry: &AuditEntry) -> Result<u64, StoreError> {
        let entry = entry.clone();
        self.side_write(move |mut txn| async move {
            // The counter node's lock orders concurrent appends.
            let rows: Vec<CountRow> = collect(
                &mut txn,
                query(
                    "MERGE (c:RelaymapMeta {key: 'audit_seq'}) \
                     SET c.value = coalesce(c.value, 0) + 1 \
                     CREATE (:RelaymapAudit {seq: c.value, at: $at, who: $who, role: $role, \
                     action: $action, target: $target, outcome: $outcome, records: $records, \
                     subjects: $subjects}) \
                     RETURN c.value AS n",
                )
                .param("at", format_timestamp(&entry.at))
                .param("who", entry.who)
                .param("role", entry.role.map(Role::as_str))
                .param("action", entry.action)
                .param("target", entry.target)
                .param("outcome", entry.outcome)
                .param(
                    "records",
                    entry.records.map(|n| n.min(i64::MAX as u64) as i64),
                )
                .param(
                    "subjects",
                    (!entry.subjects.is_empty()).then_some(entry.subjects),
                ),
            )
            .await?;
            let seq = rows
                .first()
                .map(|r| r.n as u64)
                .ok_or_else(|| corrupt("audit", "no sequence number"))?;
            Ok((seq, txn))
        })
        .await
    }

    async fn audit(
        &self,
        before: Option<u64>,
        limit: usize,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        let before = before.map_or(i64::MAX, |b| b.min(i64::MAX as u64) as i64);
        self.read_records(
            "MATCH (a:RelaymapAudit) WHERE a.seq < $before \
             RETURN a.seq AS seq, a.at AS at, a.who AS who, a.role AS role, a.action AS action, \
             a.target AS target, a.outcome AS outcome, a.records AS records, \
             a.subjects AS subjects ORDER BY a.seq DESC LIMIT $limit"
                .to_owned(),
            vec![("before", before.into()), ("limit", (limit as i64).into())],
            AuditRow::into_entry,
        )
        .await
    }
}

/// Creates a token under the hash of its secret; a conflict when its id or hash is taken.
async fn insert_token(txn: &mut super::Txn, token: &Token, hash: String) -> Result<(), StoreError> {
    let taken: Vec<CountRow> = collect(
        txn,
        query(
            "MATCH (t:RelaymapToken) WHERE t.id = $id OR t.secret_hash = $hash \
             RETURN count(t) AS n",
        )
        .param("id", token.id.clone())
        .param("hash", hash.clone()),
    )
    .await?;
    if taken.first().is_some_and(|r| r.n > 0) {
        return Err(StoreError::Conflict(format!(
            "token {} already exists",
            token.id
        )));
    }
    txn.run(
        query(
            "CREATE (:RelaymapToken {id: $id, label: $label, role: $role, \
             secret_hash: $hash, created_at: $created_at, expires_at: $expires_at, \
             revoked_at: $revoked_at})",
        )
        .param("id", token.id.clone())
        .param("label", token.label.clone())
        .param("role", token.role.as_str())
        .param("hash", hash)
        .param("created_at", format_timestamp(&token.created_at))
        .param(
            "expires_at",
            token.expires_at.as_ref().map(format_timestamp),
        )
        .param(
            "revoked_at",
            token.revoked_at.as_ref().map(format_timestamp),
        ),
    )
    .await
    .map_err(classify)?;
    Ok(())
}
