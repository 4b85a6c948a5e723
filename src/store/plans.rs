//! What crisis cells plan with beside the network: saved scenarios and city outlines. Not part
//! of the relay graph: writing them does not move the change version.

use super::StoreError;
use crate::domain::{ActorId, Scenario};

/// Saved scenarios and city outlines.
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
}
