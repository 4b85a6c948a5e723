//! Saved crisis scenarios: `/api/v1/scenarios`, each a coverage query checked before it is saved.

use axum::Json;
use axum::extract::{Path, Request, State};
use serde::Serialize;
use utoipa::ToSchema;

use crate::analysis::QueryDto;
use crate::http::access::{Access, Caller, Routes};
use crate::http::extract::{body_bytes, is_json};
use crate::http::{API_BODY_LIMIT, ApiError, AppState, ErrorBody};

pub fn routes() -> Routes {
    Routes::new()
        .get("/api/v1/scenarios", Access::Network, list_scenarios)
        .put("/api/v1/scenarios/{name}", Access::Network, save_scenario)
        .delete("/api/v1/scenarios/{name}", Access::Network, delete_scenario)
}

/// A saved scenario as the API shows it.
#[derive(Serialize, ToSchema)]
pub(super) struct ScenarioDto {
    /// Its name.
    name: String,
    /// The coverage query, as saved.
    #[schema(value_type = QueryDto)]
    query: serde_json::Value,
    /// The label of the token that saved it.
    saved_by: String,
    /// When (RFC 3339, UTC).
    saved_at: String,
}

impl From<crate::domain::Scenario> for ScenarioDto {
    fn from(scenario: crate::domain::Scenario) -> Self {
        Self {
            query: serde_json::from_str(&scenario.query).unwrap_or(serde_json::Value::Null),
            name: scenario.name,
            saved_by: scenario.saved_by,
            saved_at: crate::domain::format_timestamp(&scenario.saved_at),
        }
    }
}

/// Every saved scenario.
#[derive(Serialize, ToSchema)]
pub(super) struct ScenarioList {
    /// By name.
    scenarios: Vec<ScenarioDto>,
}

/// The saved scenarios.
#[utoipa::path(get, path = "/api/v1/scenarios", tag = "relay",
    responses((status = 200, description = "Every saved scenario", body = ScenarioList)))]
pub(super) async fn list_scenarios(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<ScenarioList>, ApiError> {
    let scenarios = state.services.scenarios(&caller).await?;
    Ok(Json(ScenarioList {
        scenarios: scenarios.into_iter().map(ScenarioDto::from).collect(),
    }))
}

#[utoipa::path(put, path = "/api/v1/scenarios/{name}", tag = "relay",
    params(("name" = String, Path, description = "1 to 100 characters, no control characters", example = "flood")),
    request_body = QueryDto,
    responses(
        (status = 200, description = "Saved", body = ScenarioDto),
        (status = 400, description = "A bad name or malformed JSON", body = ErrorBody),
        (status = 422, description = "The query breaks a rule (`field` names it)", body = ErrorBody),
    ))]
/// Saves (or replaces) a scenario: the body is a coverage query, checked as `POST
/// /api/v1/coverage` checks it, so a saved scenario always runs.
pub(super) async fn save_scenario(
    State(state): State<AppState>,
    caller: Caller,
    Path(name): Path<String>,
    request: Request,
) -> Result<Json<ScenarioDto>, ApiError> {
    if !is_json(&request) {
        return Err(ApiError::UnsupportedMediaType(
            "send the query as JSON with Content-Type: application/json".into(),
        ));
    }
    let bytes = body_bytes(request, &state, API_BODY_LIMIT).await?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| ApiError::bad_request("malformed_json", "the body is not UTF-8", None))?;
    let scenario = state.services.save_scenario(&caller, &name, text).await?;
    Ok(Json(ScenarioDto::from(scenario)))
}

/// Deletes a saved scenario.
#[utoipa::path(delete, path = "/api/v1/scenarios/{name}", tag = "relay",
    params(("name" = String, Path, example = "flood")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, description = "No such scenario", body = ErrorBody),
    ))]
pub(super) async fn delete_scenario(
    State(state): State<AppState>,
    caller: Caller,
    Path(name): Path<String>,
) -> Result<axum::http::StatusCode, ApiError> {
    state.services.delete_scenario(&caller, &name).await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}
