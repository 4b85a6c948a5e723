//! Saved scenarios and city outlines in Neo4j.

use neo4rs::query;

use super::rows::*;
use super::{Neo4jStore, classify, collect};
use crate::domain::{ActorId, SavedRow, format_timestamp};
use crate::store::{PlanStore, Saved, StoreError, StoredDocument};

/// Nodes of JSON texts saved by name: their label, the text's property.
struct Named {
    label: &'static str,
    property: &'static str,
}

impl Named {
    fn of(kind: Saved) -> Self {
        match kind {
            Saved::Scenario => Named {
                label: "RelaymapScenario",
                property: "query",
            },
            Saved::Mapping => Named {
                label: "RelaymapMapping",
                property: "body",
            },
        }
    }
}

#[async_trait::async_trait]
impl PlanStore for Neo4jStore {
    async fn save_named(
        &self,
        kind: Saved,
        (name, text, saved_by, saved_at): SavedRow,
    ) -> Result<(), StoreError> {
        let saved_at = format_timestamp(&saved_at);
        let named = Named::of(kind);
        self.side_write(move |mut txn| async move {
            let Named {
                label, property, ..
            } = named;
            let q = query(&format!(
                "MERGE (s:{label} {{name: $name}}) \
                 SET s.{property} = $text, s.saved_by = $saved_by, s.saved_at = $saved_at"
            ))
            .param("name", name)
            .param("text", text)
            .param("saved_by", saved_by)
            .param("saved_at", saved_at);
            txn.run(q).await.map_err(classify)?;
            Ok(((), txn))
        })
        .await
    }

    async fn named(&self, kind: Saved) -> Result<Vec<SavedRow>, StoreError> {
        let named = Named::of(kind);
        let Named {
            label, property, ..
        } = named;
        self.read_records(
            format!(
                "MATCH (s:{label}) RETURN s.name AS name, s.{property} AS query, \
                 s.saved_by AS saved_by, s.saved_at AS saved_at ORDER BY s.name"
            ),
            Vec::new(),
            ScenarioRow::into_named,
        )
        .await
    }

    async fn delete_named(&self, kind: Saved, name: &str) -> Result<(), StoreError> {
        let named = Named::of(kind);
        let name = name.to_owned();
        self.side_write(move |mut txn| async move {
            let (Named { label, .. }, what) = (named, kind.what());
            let rows: Vec<CountRow> = collect(
                &mut txn,
                query(&format!(
                    "OPTIONAL MATCH (s:{label} {{name: $name}}) \
                     WITH s, count(s) AS n DETACH DELETE s RETURN n"
                ))
                .param("name", name.clone()),
            )
            .await?;
            if rows.first().is_none_or(|r| r.n == 0) {
                return Err(StoreError::NotFound(format!("{what} {name:?}")));
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
