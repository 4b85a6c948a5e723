//! Interviews and protocol versions in Neo4j: nodes `(:RelaymapInterview)` and
//! `(:RelaymapProtocol)`, outside the network.

use neo4rs::query;
use serde::Deserialize;

use super::batch::write_batch;
use super::{Neo4jStore, classify, collect};
use crate::domain::Batch;
use crate::store::{InterviewStore, InterviewWrite, StoreError, StoredInterview, StoredProtocol};

const INTERVIEW_FIELDS: &str = "i.id AS id, i.key AS key, i.ego AS ego, \
    i.recorded_at AS recorded_at, i.recorded_by AS recorded_by, i.document AS document";

const PROTOCOL_FIELDS: &str =
    "p.version AS version, p.saved_at AS saved_at, p.saved_by AS saved_by, p.document AS document";

#[derive(Deserialize)]
struct InterviewRow {
    id: String,
    key: String,
    ego: String,
    recorded_at: String,
    recorded_by: String,
    document: String,
}

impl InterviewRow {
    fn into_interview(self) -> Result<StoredInterview, StoreError> {
        Ok(StoredInterview {
            id: self.id,
            key: self.key,
            ego: self.ego,
            recorded_at: self.recorded_at,
            recorded_by: self.recorded_by,
            document: self.document,
        })
    }
}

#[derive(Deserialize)]
struct ProtocolRow {
    version: i64,
    saved_at: String,
    saved_by: String,
    document: String,
}

impl ProtocolRow {
    fn into_protocol(self) -> Result<StoredProtocol, StoreError> {
        Ok(StoredProtocol {
            version: self.version as u64,
            saved_at: self.saved_at,
            saved_by: self.saved_by,
            document: self.document,
        })
    }
}

#[async_trait::async_trait]
impl InterviewStore for Neo4jStore {
    async fn write_interview(
        &self,
        interview: StoredInterview,
        batch: Batch,
    ) -> Result<InterviewWrite, StoreError> {
        let size = self.batch;
        self.write_with(move |mut txn| async move {
            let q = query(&format!(
                "MATCH (i:RelaymapInterview {{key: $key}}) RETURN {INTERVIEW_FIELDS}"
            ))
            .param("key", interview.key.as_str());
            if let Some(row) = collect::<InterviewRow>(&mut txn, q)
                .await?
                .into_iter()
                .next()
            {
                return Ok((InterviewWrite::Replayed(row.into_interview()?), txn));
            }
            let (summary, mut txn) = write_batch(txn, batch, size).await?;
            let q = query(
                "CREATE (:RelaymapInterview {id: $id, key: $key, ego: $ego, \
                 recorded_at: $recorded_at, recorded_by: $recorded_by, document: $document})",
            )
            .param("id", interview.id)
            .param("key", interview.key)
            .param("ego", interview.ego)
            .param("recorded_at", interview.recorded_at)
            .param("recorded_by", interview.recorded_by)
            .param("document", interview.document);
            txn.run(q).await.map_err(classify)?;
            Ok((InterviewWrite::Written(summary), txn))
        })
        .await
    }

    async fn interview_by_key(&self, key: &str) -> Result<Option<StoredInterview>, StoreError> {
        let found = self
            .read_records(
                format!("MATCH (i:RelaymapInterview {{key: $key}}) RETURN {INTERVIEW_FIELDS}"),
                vec![("key", key.into())],
                InterviewRow::into_interview,
            )
            .await?;
        Ok(found.into_iter().next())
    }

    async fn interview(&self, id: &str) -> Result<Option<StoredInterview>, StoreError> {
        let found = self
            .read_records(
                format!("MATCH (i:RelaymapInterview {{id: $id}}) RETURN {INTERVIEW_FIELDS}"),
                vec![("id", id.into())],
                InterviewRow::into_interview,
            )
            .await?;
        Ok(found.into_iter().next())
    }

    async fn interviews(&self, limit: usize) -> Result<Vec<StoredInterview>, StoreError> {
        self.read_records(
            format!(
                "MATCH (i:RelaymapInterview) RETURN {INTERVIEW_FIELDS} \
                 ORDER BY i.recorded_at DESC, i.id LIMIT $limit"
            ),
            vec![("limit", (limit as i64).into())],
            InterviewRow::into_interview,
        )
        .await
    }

    async fn save_protocol(&self, protocol: &StoredProtocol) -> Result<(), StoreError> {
        let q = query(
            "MERGE (p:RelaymapProtocol {version: $version}) \
             ON CREATE SET p.saved_at = $saved_at, p.saved_by = $saved_by, \
                 p.document = $document, p.fresh = true \
             WITH p, coalesce(p.fresh, false) AS fresh REMOVE p.fresh RETURN fresh AS n",
        )
        .param("version", protocol.version as i64)
        .param("saved_at", protocol.saved_at.as_str())
        .param("saved_by", protocol.saved_by.as_str())
        .param("document", protocol.document.as_str());
        let version = protocol.version;
        self.side_write(move |mut txn| async move {
            #[derive(Deserialize)]
            struct Fresh {
                n: bool,
            }
            let fresh = collect::<Fresh>(&mut txn, q).await?;
            if !fresh.first().is_some_and(|f| f.n) {
                return Err(StoreError::Conflict(format!(
                    "protocol version {version} exists"
                )));
            }
            Ok(((), txn))
        })
        .await
    }

    async fn protocol(&self, version: Option<u64>) -> Result<Option<StoredProtocol>, StoreError> {
        let found = match version {
            Some(version) => {
                self.read_records(
                    format!(
                        "MATCH (p:RelaymapProtocol {{version: $version}}) RETURN {PROTOCOL_FIELDS}"
                    ),
                    vec![("version", (version as i64).into())],
                    ProtocolRow::into_protocol,
                )
                .await?
            }
            None => {
                self.read_records(
                    format!(
                        "MATCH (p:RelaymapProtocol) RETURN {PROTOCOL_FIELDS} \
                         ORDER BY p.version DESC LIMIT 1"
                    ),
                    Vec::new(),
                    ProtocolRow::into_protocol,
                )
                .await?
            }
        };
        Ok(found.into_iter().next())
    }
}
