//! What crisis cells plan and run with beside the network: saved scenarios, city outlines and
//! activations. Not part of the relay graph: writing them does not move the change version.

use super::StoreError;
use crate::domain::{ActorId, Scenario};

/// Saved scenarios, city outlines and activations.
#[async_trait::async_trait]
pub trait PlanStore: Send + Sync {
    /// Saves a crisis scenario, replacing one of the same name. Not a change of the network.
    async fn save_scenario(&self, scenario: &Scenario) -> Result<(), StoreError>;

    /// Every saved scenario, by name.
    async fn scenarios(&self) -> Result<Vec<Scenario>, StoreError>;

    /// Deletes a saved scenario; `NotFound` when there is none of that name.
    async fn delete_scenario(&self, name: &str) -> Result<(), StoreError>;

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
