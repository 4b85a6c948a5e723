//! Saved scenarios and city outlines in Neo4j.

use neo4rs::query;

use super::rows::*;
use super::{Neo4jStore, classify, collect};
use crate::domain::{ActorId, Scenario, format_timestamp};
use crate::store::{PlanStore, StoreError};

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
}
