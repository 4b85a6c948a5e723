//! Interviews and the versions of the interview protocol: written beside the network, an
//! interview together with the actors and ties it adds, in one transaction.

use super::StoreError;
use crate::domain::{Batch, WriteSummary};

/// An interview as the store keeps it: the answers as a JSON document (ids, never names: the
/// people are in the network), under the client's key.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredInterview {
    /// `i-` and 32 hex digits.
    pub id: String,
    /// The client-generated idempotency key.
    pub key: String,
    /// The id of the person interviewed.
    pub ego: String,
    /// When the server wrote it (RFC 3339).
    pub recorded_at: String,
    /// The label of the token that sent it.
    pub recorded_by: String,
    /// The interview document with every person's id.
    pub document: String,
}

/// What writing an interview did.
#[derive(Debug)]
pub enum InterviewWrite {
    /// It was new: the network and the interview were written.
    Written(WriteSummary),
    /// An interview of that key was already stored: nothing was written; this is it.
    Replayed(StoredInterview),
}

/// A version of the interview protocol.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredProtocol {
    /// From 1, one more with every version saved.
    pub version: u64,
    /// When it was saved (RFC 3339).
    pub saved_at: String,
    /// Who saved it (a token's label).
    pub saved_by: String,
    /// The protocol as JSON.
    pub document: String,
}

/// Interviews and protocol versions.
#[async_trait::async_trait]
pub trait InterviewStore: Send + Sync {
    /// Writes the batch and the interview in one transaction, unless an interview of the same
    /// key is stored (then nothing is written and that one is returned). The batch moves the
    /// change version like any write.
    async fn write_interview(
        &self,
        interview: StoredInterview,
        batch: Batch,
    ) -> Result<InterviewWrite, StoreError>;

    /// The interview sent with this key, if any.
    async fn interview_by_key(&self, key: &str) -> Result<Option<StoredInterview>, StoreError>;

    /// One interview by id.
    async fn interview(&self, id: &str) -> Result<Option<StoredInterview>, StoreError>;

    /// The latest interviews first, at most `limit`.
    async fn interviews(&self, limit: usize) -> Result<Vec<StoredInterview>, StoreError>;

    /// Saves a protocol version; `Conflict` when that version exists (versions never change).
    async fn save_protocol(&self, protocol: &StoredProtocol) -> Result<(), StoreError>;

    /// A protocol version, or the latest with `None`; `None` when none is saved.
    async fn protocol(&self, version: Option<u64>) -> Result<Option<StoredProtocol>, StoreError>;
}
