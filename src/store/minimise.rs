//! Location minimisation on every write: a store wrapper that snaps migrants' locations to the
//! deployment's grid (`RELAYMAP_PERSON_PRECISION_M`) before the wrapped store sees them. Every
//! write of actors goes through [`GraphStore::write`], and [`super::open`] wraps every store it
//! opens, so no write path can store a home address.

use std::sync::Arc;

use super::{
    AccessStore, ActorFilter, GraphStore, NetworkStore, Page, PlanStore, Saved, Stats, StoreError,
    TieFilter,
};
use crate::domain::{
    ActorId, AuditEntry, Batch, Network, SavedRow, StoredActor, StoredTie, TieId, Timestamp, Token,
    WriteSummary,
};

/// A store whose migrants' locations are snapped to cells of `metres` when written.
pub(super) struct Minimised {
    inner: Arc<dyn GraphStore>,
    metres: f64,
}

impl Minimised {
    /// Wraps `inner`; with 0 metres, `inner` itself is returned (locations kept as given).
    pub(super) fn wrap(inner: Arc<dyn GraphStore>, metres: u32) -> Arc<dyn GraphStore> {
        if metres == 0 {
            return inner;
        }
        Arc::new(Self {
            inner,
            metres: f64::from(metres),
        })
    }
}

#[async_trait::async_trait]
impl NetworkStore for Minimised {
    async fn write(&self, mut batch: Batch) -> Result<WriteSummary, StoreError> {
        batch.snap_people(self.metres);
        self.inner.write(batch).await
    }

    async fn check(&self, mut batch: Batch) -> Result<WriteSummary, StoreError> {
        batch.snap_people(self.metres);
        self.inner.check(batch).await
    }

    async fn get_actor(&self, id: &ActorId) -> Result<Option<StoredActor>, StoreError> {
        self.inner.get_actor(id).await
    }

    async fn actors_by_id(&self, ids: &[ActorId]) -> Result<Vec<StoredActor>, StoreError> {
        self.inner.actors_by_id(ids).await
    }

    async fn list_actors(
        &self,
        filter: &ActorFilter,
        page: &Page,
    ) -> Result<Vec<StoredActor>, StoreError> {
        self.inner.list_actors(filter, page).await
    }

    async fn merge_actor(
        &self,
        from: &ActorId,
        mut batch: Batch,
    ) -> Result<WriteSummary, StoreError> {
        batch.snap_people(self.metres);
        self.inner.merge_actor(from, batch).await
    }

    async fn delete_actor(&self, id: &ActorId, erase: bool) -> Result<(), StoreError> {
        self.inner.delete_actor(id, erase).await
    }

    async fn get_tie(&self, id: &TieId) -> Result<Option<StoredTie>, StoreError> {
        self.inner.get_tie(id).await
    }

    async fn list_ties(
        &self,
        filter: &TieFilter,
        page: &Page,
    ) -> Result<Vec<StoredTie>, StoreError> {
        self.inner.list_ties(filter, page).await
    }

    async fn delete_tie(&self, id: &TieId) -> Result<(), StoreError> {
        self.inner.delete_tie(id).await
    }

    async fn network(&self) -> Result<Network, StoreError> {
        self.inner.network().await
    }

    async fn stats(&self) -> Result<Stats, StoreError> {
        self.inner.stats().await
    }

    async fn changes_since(
        &self,
        version: u64,
    ) -> Result<Option<crate::domain::Delta>, StoreError> {
        self.inner.changes_since(version).await
    }

    async fn version(&self) -> Result<u64, StoreError> {
        self.inner.version().await
    }
}

#[async_trait::async_trait]
impl AccessStore for Minimised {
    async fn secret(&self, name: &str, fresh: &[u8; 32]) -> Result<Vec<u8>, StoreError> {
        self.inner.secret(name, fresh).await
    }

    async fn create_token(&self, token: &Token, secret_hash: &str) -> Result<(), StoreError> {
        self.inner.create_token(token, secret_hash).await
    }

    async fn create_first_admin(
        &self,
        token: &Token,
        secret_hash: &str,
    ) -> Result<bool, StoreError> {
        self.inner.create_first_admin(token, secret_hash).await
    }

    async fn create_session(
        &self,
        cookie_hash: &str,
        session: &super::StoredSession,
    ) -> Result<(), StoreError> {
        self.inner.create_session(cookie_hash, session).await
    }

    async fn session(&self, cookie_hash: &str) -> Result<Option<super::StoredSession>, StoreError> {
        self.inner.session(cookie_hash).await
    }

    async fn end_session(&self, cookie_hash: &str) -> Result<(), StoreError> {
        self.inner.end_session(cookie_hash).await
    }

    async fn record_failure(
        &self,
        client: &str,
        at: &crate::domain::Timestamp,
        since: &crate::domain::Timestamp,
    ) -> Result<Vec<crate::domain::Timestamp>, StoreError> {
        self.inner.record_failure(client, at, since).await
    }

    async fn tokens(&self) -> Result<Vec<Token>, StoreError> {
        self.inner.tokens().await
    }

    async fn token_by_hash(&self, secret_hash: &str) -> Result<Option<Token>, StoreError> {
        self.inner.token_by_hash(secret_hash).await
    }

    async fn revoke_token(&self, id: &str, at: &Timestamp) -> Result<(), StoreError> {
        self.inner.revoke_token(id, at).await
    }

    async fn append_audit(&self, entry: &AuditEntry) -> Result<u64, StoreError> {
        self.inner.append_audit(entry).await
    }

    async fn audit(
        &self,
        before: Option<u64>,
        limit: usize,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        self.inner.audit(before, limit).await
    }
}

#[async_trait::async_trait]
impl PlanStore for Minimised {
    async fn save_named(&self, kind: Saved, row: SavedRow) -> Result<(), StoreError> {
        self.inner.save_named(kind, row).await
    }

    async fn named(&self, kind: Saved) -> Result<Vec<SavedRow>, StoreError> {
        self.inner.named(kind).await
    }

    async fn delete_named(&self, kind: Saved, name: &str) -> Result<(), StoreError> {
        self.inner.delete_named(kind, name).await
    }

    async fn set_outline(&self, city: &ActorId, outline: Option<String>) -> Result<(), StoreError> {
        self.inner.set_outline(city, outline).await
    }

    async fn outlines(&self) -> Result<Vec<(ActorId, String)>, StoreError> {
        self.inner.outlines().await
    }

    async fn create_activation(
        &self,
        id: &str,
        started_at: &str,
        document: &str,
    ) -> Result<(), StoreError> {
        self.inner.create_activation(id, started_at, document).await
    }

    async fn activations(&self) -> Result<Vec<super::StoredDocument>, StoreError> {
        self.inner.activations().await
    }

    async fn activation(&self, id: &str) -> Result<Option<super::StoredDocument>, StoreError> {
        self.inner.activation(id).await
    }

    async fn update_activation(
        &self,
        id: &str,
        revision: u64,
        document: &str,
    ) -> Result<(), StoreError> {
        self.inner.update_activation(id, revision, document).await
    }

    async fn mark_distinct(&self, a: &ActorId, b: &ActorId, by: &str) -> Result<(), StoreError> {
        self.inner.mark_distinct(a, b, by).await
    }

    async fn distinct_pairs(&self) -> Result<Vec<(ActorId, ActorId)>, StoreError> {
        self.inner.distinct_pairs().await
    }
}

#[async_trait::async_trait]
impl super::InterviewStore for Minimised {
    async fn write_interview(
        &self,
        interview: super::StoredInterview,
        mut batch: Batch,
    ) -> Result<super::InterviewWrite, StoreError> {
        batch.snap_people(self.metres);
        self.inner.write_interview(interview, batch).await
    }

    async fn interview_by_key(
        &self,
        key: &str,
    ) -> Result<Option<super::StoredInterview>, StoreError> {
        self.inner.interview_by_key(key).await
    }

    async fn interview(&self, id: &str) -> Result<Option<super::StoredInterview>, StoreError> {
        self.inner.interview(id).await
    }

    async fn interviews(&self, limit: usize) -> Result<Vec<super::StoredInterview>, StoreError> {
        self.inner.interviews(limit).await
    }

    async fn save_protocol(&self, protocol: &super::StoredProtocol) -> Result<(), StoreError> {
        self.inner.save_protocol(protocol).await
    }

    async fn protocol(
        &self,
        version: Option<u64>,
    ) -> Result<Option<super::StoredProtocol>, StoreError> {
        self.inner.protocol(version).await
    }
}

#[async_trait::async_trait]
impl GraphStore for Minimised {
    fn describe(&self) -> String {
        self.inner.describe()
    }

    async fn close(&self) -> Result<(), StoreError> {
        self.inner.close().await
    }
}
