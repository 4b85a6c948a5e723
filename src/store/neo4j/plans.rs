//! Saved scenarios and city outlines in Neo4j.

use neo4rs::query;

use super::rows::*;
use super::{Neo4jStore, classify, collect};
use crate::domain::{ActorId, Scenario, format_timestamp};
use crate::store::{PlanStore, StoreError, StoredDocument};

#[async_trait::async_trait]
impl PlanStore for Neo4jStore {
    async fn save_scenario(&self, scenario: &Scenario) -> Result<(), StoreError> {
        let scenario = scenario.clone();
        self.side_write(move |mut txn| async move {
            let q = query(
                "MERGE (s:RelaymapScenario {name: $name}) \
                 SET s.query = $query, s.saved_by = $saved_by, s.saved_at = $saved_at",
            )
            .param("name", scenario.name)
            .param("query", scenario.query)
            .param("saved_by", scenario.saved_by)
            .param("saved_at", format_timestamp(&scenario.saved_at));
            txn.run(q).await.map_err(classify)?;
            Ok(((), txn))
        })
        .await
    }

    async fn scenarios(&self) -> Result<Vec<Scenario>, StoreError> {
        self.read_records(
            "MATCH (s:RelaymapScenario) RETURN s.name AS name, s.query AS query, \
             s.saved_by AS saved_by, s.saved_at AS saved_at ORDER BY s.name"
                .to_owned(),
            Vec::new(),
            ScenarioRow::into_scenario,
        )
        .await
    }

    async fn delete_scenario(&self, name: &str) -> Result<(), StoreError> {
        let name = name.to_owned();
        self.side_write(move |mut txn| async move {
            let rows: Vec<CountRow> = collect(
                &mut txn,
                query(
                    "OPTIONAL MATCH (s:RelaymapScenario {name: $name}) \
                     WITH s, count(s) AS n DETACH DELETE s RETURN n",
                )
                .param("name", name.clone()),
            )
            .await?;
            if rows.first().is_none_or(|r| r.n == 0) {
                return Err(StoreError::NotFound(format!("scenario {name:?}")));
            }
            Ok(((), txn))
        })
        .await
    }

    async fn set_outline(&self, city: &ActorId, outline: Option<String>) -> Result<(), StoreError> {
        let id = city.as_str().to_owned();
        self.side_write(move |mut txn| async move {
            let rows: Vec<CountRow> = collect(
                &mut txn,
                query(
                    "OPTIONAL MATCH (a:Actor {id: $id}) SET a.outline = $outline \
                     RETURN count(a) AS n",
                )
                .param("id", id.clone())
                .param("outline", outline),
            )
            .await?;
            if rows.first().is_none_or(|r| r.n == 0) {
                return Err(StoreError::NotFound(format!("actor {id}")));
            }
            Ok(((), txn))
        })
        .await
    }

    async fn outlines(&self) -> Result<Vec<(ActorId, String)>, StoreError> {
        self.read_records(
            "MATCH (a:Actor) WHERE a.outline IS NOT NULL \
             RETURN a.id AS id, a.outline AS outline ORDER BY a.id"
                .to_owned(),
            Vec::new(),
            OutlineRow::into_pair,
        )
        .await
    }

    async fn create_activation(
        &self,
        id: &str,
        started_at: &str,
        document: &str,
    ) -> Result<(), StoreError> {
        let q = query(
            "CREATE (a:RelaymapActivation {id: $id, revision: 1, started_at: $started_at, \
             document: $document})",
        )
        .param("id", id)
        .param("started_at", started_at)
        .param("document", document);
        self.side_write(move |mut txn| async move {
            txn.run(q).await.map_err(classify)?;
            Ok(((), txn))
        })
        .await
    }

    async fn activations(&self) -> Result<Vec<StoredDocument>, StoreError> {
        self.read_records(
            "MATCH (a:RelaymapActivation) RETURN a.id AS id, a.revision AS revision, \
             a.document AS document ORDER BY a.started_at DESC, a.id"
                .to_owned(),
            Vec::new(),
            DocumentRow::into_document,
        )
        .await
    }

    async fn activation(&self, id: &str) -> Result<Option<StoredDocument>, StoreError> {
        let found = self
            .read_records(
                "MATCH (a:RelaymapActivation {id: $id}) RETURN a.id AS id, \
                 a.revision AS revision, a.document AS document"
                    .to_owned(),
                vec![("id", id.into())],
                DocumentRow::into_document,
            )
            .await?;
        Ok(found.into_iter().next())
    }

    async fn update_activation(
        &self,
        id: &str,
        revision: u64,
        document: &str,
    ) -> Result<(), StoreError> {
        let id = id.to_owned();
        let q = query(
            "OPTIONAL MATCH (a:RelaymapActivation {id: $id}) \
             WITH a, a IS NOT NULL AND a.revision = $revision AS fresh \
             FOREACH (_ IN CASE WHEN fresh THEN [1] ELSE [] END | \
                 SET a.document = $document, a.revision = a.revision + 1) \
             RETURN CASE WHEN a IS NULL THEN -1 WHEN fresh THEN 1 ELSE 0 END AS n",
        )
        .param("id", id.clone())
        .param("revision", revision as i64)
        .param("document", document);
        self.side_write(move |mut txn| async move {
            let rows: Vec<CountRow> = collect(&mut txn, q).await?;
            match rows.first().map(|r| r.n) {
                Some(1) => Ok(((), txn)),
                Some(0) => Err(StoreError::Conflict(format!(
                    "activation {id} changed meanwhile"
                ))),
                _ => Err(StoreError::NotFound(format!("activation {id}"))),
            }
        })
        .await
    }

    async fn mark_distinct(&self, a: &ActorId, b: &ActorId, by: &str) -> Result<(), StoreError> {
        let q = query(
            "MERGE (d:RelaymapDistinct {pair: $pair}) \
             ON CREATE SET d.a = $a, d.b = $b, d.marked_by = $by, d.marked_at = $at",
        )
        .param("pair", format!("{a} {b}"))
        .param("a", a.as_str())
        .param("b", b.as_str())
        .param("by", by)
        .param("at", format_timestamp(&crate::domain::now()));
        self.side_write(move |mut txn| async move {
            txn.run(q).await.map_err(classify)?;
            Ok(((), txn))
        })
        .await
    }

    async fn distinct_pairs(&self) -> Result<Vec<(ActorId, ActorId)>, StoreError> {
        self.read_records(
            "MATCH (d:RelaymapDistinct) RETURN d.a AS a, d.b AS b ORDER BY d.a, d.b".to_owned(),
            Vec::new(),
            PairRow::into_pair,
        )
        .await
    }
}
