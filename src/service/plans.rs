//! The use cases of what crisis cells plan with beside the network: city outlines and saved
//! scenarios.

use super::{ServiceError, Services};
use crate::analysis::{Area, RelayQuery};
use crate::domain::{ActorId, ActorKind, Caller, Scenario, now};

impl Services {
    /// Sets a city's outline, or removes it with `None`; outlines belong to cities only.
    pub async fn set_outline(
        &self,
        caller: &Caller,
        city: &ActorId,
        outline: Option<Area>,
    ) -> Result<(), ServiceError> {
        let actor = self.actor(caller, city).await?;
        if actor.kind != ActorKind::City {
            return Err(ServiceError::invalid(
                "not_a_city",
                "id",
                format!(
                    "{city} is a {}: only cities have outlines",
                    actor.kind.as_str()
                ),
            ));
        }
        let outline = outline.map(|area| area.to_geojson().to_string());
        Ok(self.store.set_outline(city, outline).await?)
    }

    /// Every city's outline: its id and its GeoJSON geometry, by id.
    pub async fn outlines(
        &self,
        _caller: &Caller,
    ) -> Result<Vec<(ActorId, serde_json::Value)>, ServiceError> {
        self.store
            .outlines()
            .await?
            .into_iter()
            .map(|(id, outline)| {
                let geometry = serde_json::from_str(&outline).map_err(|e| {
                    ServiceError::Internal(anyhow::anyhow!("a stored outline is not JSON: {e}"))
                })?;
                Ok((id, geometry))
            })
            .collect()
    }

    /// Every saved scenario, by name.
    pub async fn scenarios(&self, _caller: &Caller) -> Result<Vec<Scenario>, ServiceError> {
        Ok(self.store.scenarios().await?)
    }

    /// Saves a scenario (replacing one of the same name): its query, as JSON text, is checked
    /// as a coverage query is, so a saved scenario always runs.
    pub async fn save_scenario(
        &self,
        caller: &Caller,
        name: &str,
        query: &str,
    ) -> Result<Scenario, ServiceError> {
        let name = Scenario::parse_name(name)
            .map_err(|e| ServiceError::invalid(e.code(), "name", e.to_string()))?;
        RelayQuery::from_json(query)?;
        let value: serde_json::Value = serde_json::from_str(query)
            .map_err(|e| ServiceError::invalid("malformed_json", "query", e.to_string()))?;
        let scenario = Scenario {
            name,
            query: value.to_string(),
            saved_by: caller.label.clone(),
            saved_at: now(),
        };
        self.store.save_scenario(&scenario).await?;
        Ok(scenario)
    }

    /// Deletes a saved scenario.
    pub async fn delete_scenario(&self, _caller: &Caller, name: &str) -> Result<(), ServiceError> {
        Ok(self.store.delete_scenario(name.trim()).await?)
    }
}
