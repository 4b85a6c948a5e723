//! Who may use relaymap and what they did: API tokens, the audit trail, and the deployment's
//! secrets. Not part of the network: writing them does not move the change version.

use super::StoreError;
use crate::domain::{AuditEntry, Timestamp, Token};

/// A signed-in browser's session, as the store keeps it (under the hash of its cookie).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSession {
    /// The hash of the token it signed in with: checked again on every request.
    pub token_hash: String,
    /// The token every form and scripted write of the session must carry.
    pub csrf: String,
    /// When it ends at the latest.
    pub expires_at: Timestamp,
}

/// Tokens, sessions, the audit trail and secrets.
#[async_trait::async_trait]
pub trait AccessStore: Send + Sync {
    /// The deployment's secret called `name`: `fresh` the first time it is asked for, and the
    /// same bytes ever after, from any process (for instance the key of research pseudonyms).
    /// Secrets are not part of the network: they do not move the version and are never exported.
    async fn secret(&self, name: &str, fresh: &[u8; 32]) -> Result<Vec<u8>, StoreError>;

    /// Stores a new API token under the hash of its secret (never the secret).
    async fn create_token(&self, token: &Token, secret_hash: &str) -> Result<(), StoreError>;

    /// Stores `token` (an admin token) unless an admin token valid when it was made exists:
    /// checked and stored in one transaction, so that of several processes starting at once on
    /// a store without an admin, one makes it. Whether it was stored.
    async fn create_first_admin(
        &self,
        token: &Token,
        secret_hash: &str,
    ) -> Result<bool, StoreError>;

    /// Every token, revoked and expired ones included, oldest first.
    async fn tokens(&self) -> Result<Vec<Token>, StoreError>;

    /// The token whose secret has this hash, whatever its state.
    async fn token_by_hash(&self, secret_hash: &str) -> Result<Option<Token>, StoreError>;

    /// Revokes a token (revoking twice keeps the first time); `NotFound` for an unknown id.
    async fn revoke_token(&self, id: &str, at: &Timestamp) -> Result<(), StoreError>;

    /// Appends to the audit trail, which nothing ever changes or shortens; returns the entry's
    /// position. Like secrets and tokens, not a change of the network: the version stays.
    async fn append_audit(&self, entry: &AuditEntry) -> Result<u64, StoreError>;

    /// Stores a new web session under the hash of its cookie, and forgets the sessions that have
    /// expired. Every server process on the store finds it.
    async fn create_session(
        &self,
        cookie_hash: &str,
        session: &StoredSession,
    ) -> Result<(), StoreError>;

    /// The session stored under a cookie's hash, expired or not.
    async fn session(&self, cookie_hash: &str) -> Result<Option<StoredSession>, StoreError>;

    /// Forgets a session (nothing when there is none).
    async fn end_session(&self, cookie_hash: &str) -> Result<(), StoreError>;

    /// Counts a failed credential (an unknown token, a failed sign-in) from `client` at `at`,
    /// forgets every failure before `since` (of any client), and returns the times of `client`'s
    /// failures from `since` on, oldest first: what every server process on the store has
    /// counted. `client` is a keyed hash, never an address. Not a change of the network.
    async fn record_failure(
        &self,
        client: &str,
        at: &Timestamp,
        since: &Timestamp,
    ) -> Result<Vec<Timestamp>, StoreError>;

    /// The audit trail, newest first: up to `limit` entries before position `before`.
    async fn audit(&self, before: Option<u64>, limit: usize)
    -> Result<Vec<AuditEntry>, StoreError>;
}
