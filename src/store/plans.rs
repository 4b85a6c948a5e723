//! What crisis cells plan and run with beside the network: saved scenarios, city outlines and
//! activations. Not part of the relay graph: writing them does not move the change version.

use super::StoreError;
use crate::domain::{ActorId, SavedMapping, SavedRow, Scenario};

/// Saved scenarios, city outlines and activations.
#[async_trait::async_trait]
pub trait PlanStore: Send + Sync {
    /// Saves a text by name (a scenario's query, a mapping), replacing the one of that kind and
    /// name. Not a change of the network.
    async fn save_named(&self, kind: Saved, row: SavedRow) -> Result<(), StoreError>;

    /// Every text of a kind: name, text, saved_by and saved_at, by name.
    async fn named(&self, kind: Saved) -> Result<Vec<SavedRow>, StoreError>;

    /// Deletes a text of a kind; `NotFound` when there is none of that name.
    async fn delete_named(&self, kind: Saved, name: &str) -> Result<(), StoreError>;

    /// Saves a crisis scenario, replacing one of the same name.
    async fn save_scenario(&self, scenario: &Scenario) -> Result<(), StoreError> {
        let row = (
            scenario.name.clone(),
            scenario.query.clone(),
            scenario.saved_by.clone(),
            scenario.saved_at,
        );
        self.save_named(Saved::Scenario, row).await
    }

    /// Every saved scenario, by name.
    async fn scenarios(&self) -> Result<Vec<Scenario>, StoreError> {
        let rows = self.named(Saved::Scenario).await?;
        Ok(rows.into_iter().map(Scenario::from).collect())
    }

    /// Deletes a saved scenario; `NotFound` when there is none of that name.
    async fn delete_scenario(&self, name: &str) -> Result<(), StoreError> {
        self.delete_named(Saved::Scenario, name).await
    }

    /// Saves a Network Canvas import mapping, replacing one of the same name.
    async fn save_mapping(&self, mapping: &SavedMapping) -> Result<(), StoreError> {
        let row = (
            mapping.name.clone(),
            mapping.body.clone(),
            mapping.saved_by.clone(),
            mapping.saved_at,
        );
        self.save_named(Saved::Mapping, row).await
    }

    /// Every saved mapping, by name.
    async fn mappings(&self) -> Result<Vec<SavedMapping>, StoreError> {
        let rows = self.named(Saved::Mapping).await?;
        Ok(rows.into_iter().map(SavedMapping::from).collect())
    }

    /// Deletes a saved mapping; `NotFound` when there is none of that name.
    async fn delete_mapping(&self, name: &str) -> Result<(), StoreError> {
        self.delete_named(Saved::Mapping, name).await
    }

    /// Sets a city's outline (a GeoJSON geometry, checked by the caller), or removes it with
    /// `None`; `NotFound` when there is no such actor. Not a change of the relay graph.
    async fn set_outline(&self, city: &ActorId, outline: Option<String>) -> Result<(), StoreError>;

    /// Every stored outline: the city's id and its GeoJSON geometry, by id.
    async fn outlines(&self) -> Result<Vec<(ActorId, String)>, StoreError>;

    /// Stores a new activation's JSON document at revision 1.
    async fn create_activation(
        &self,
        id: &str,
        started_at: &str,
        document: &str,
    ) -> Result<(), StoreError>;

    /// Every activation, the latest started first.
    async fn activations(&self) -> Result<Vec<StoredDocument>, StoreError>;

    /// One activation, if there is one of that id.
    async fn activation(&self, id: &str) -> Result<Option<StoredDocument>, StoreError>;

    /// Replaces an activation's document if it is still at `revision` (then at `revision + 1`);
    /// `Conflict` when another write came first, `NotFound` when there is no such activation.
    async fn update_activation(
        &self,
        id: &str,
        revision: u64,
        document: &str,
    ) -> Result<(), StoreError>;

    /// Records that two actors are two, not one (`a` before `b` in byte order); marking a pair
    /// again changes nothing.
    async fn mark_distinct(&self, a: &ActorId, b: &ActorId, by: &str) -> Result<(), StoreError>;

    /// Every pair marked distinct.
    async fn distinct_pairs(&self) -> Result<Vec<(ActorId, ActorId)>, StoreError>;
}

/// The kinds of text saved by name beside the network.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    /// Crisis scenarios (their coverage query).
    Scenario,
    /// Network Canvas import mappings.
    Mapping,
}

impl Saved {
    /// What one is called in an error.
    pub fn what(self) -> &'static str {
        match self {
            Saved::Scenario => "scenario",
            Saved::Mapping => "mapping",
        }
    }
}

/// A JSON document as the store keeps it, with its revision.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredDocument {
    /// Its id.
    pub id: String,
    /// Moves by one with every write.
    pub revision: u64,
    /// The JSON text.
    pub document: String,
}
