//! The analyses over HTTP: `/api/v1/reach`, `/api/v1/coverage`, `/api/v1/actors/{id}/reach`,
//! `/api/v1/metrics` and `/api/v1/summary`, on the blocking pool, within the query time budget.

use axum::Json;
use axum::extract::{Path, Request, State};
use axum::response::Response;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::analysis::QueryDto;
use crate::analysis::{
    AnalysisError, CoverageReport, MAX_HOPS_LIMIT, MetricsOptions, ReachReport, Reached,
    RelayQuery, Summary, write_metrics,
};
use crate::domain::ActorId;
use crate::http::access::{Access, Caller, Routes};
use crate::http::api::counted;
use crate::http::extract::{Query, body_bytes, is_json};
use crate::http::{API_BODY_LIMIT, ApiError, AppState, ErrorBody};

pub fn routes() -> Routes {
    // Relay queries are reads (audited as reads of personal data: they answer with ids).
    Routes::new()
        .post_read("/api/v1/reach", Access::Network, post_reach)
        .post_read("/api/v1/coverage", Access::Network, post_coverage)
        .get(
            "/api/v1/actors/{id}/reach",
            Access::Network,
            get_actor_reach,
        )
        .get("/api/v1/scenarios", Access::Network, list_scenarios)
        .put("/api/v1/scenarios/{name}", Access::Network, save_scenario)
        .delete("/api/v1/scenarios/{name}", Access::Network, delete_scenario)
        .get("/api/v1/metrics", Access::Research, get_metrics)
        .get("/api/v1/summary", Access::Research, get_summary)
}

async fn read_query(state: &AppState, request: Request) -> Result<RelayQuery, ApiError> {
    if !is_json(&request) {
        return Err(ApiError::UnsupportedMediaType(
            "send the query as JSON with Content-Type: application/json".into(),
        ));
    }
    let bytes = body_bytes(request, state, API_BODY_LIMIT).await?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| ApiError::bad_request("malformed_json", "the body is not UTF-8", None))?;
    Ok(RelayQuery::from_json(text)?)
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
) -> Result<Json<ScenarioList>, ApiError> {
    let scenarios = state.store.scenarios().await?;
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
    let name = crate::domain::Scenario::parse_name(&name)
        .map_err(|e| ApiError::bad_request(e.code(), e.to_string(), Some("name")))?;
    if !is_json(&request) {
        return Err(ApiError::UnsupportedMediaType(
            "send the query as JSON with Content-Type: application/json".into(),
        ));
    }
    let bytes = body_bytes(request, &state, API_BODY_LIMIT).await?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| ApiError::bad_request("malformed_json", "the body is not UTF-8", None))?;
    RelayQuery::from_json(text)?;
    let query: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| ApiError::bad_request("malformed_json", e.to_string(), None))?;
    let scenario = crate::domain::Scenario {
        name,
        query: query.to_string(),
        saved_by: caller.label,
        saved_at: crate::domain::now(),
    };
    state.store.save_scenario(&scenario).await?;
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
    Path(name): Path<String>,
) -> Result<axum::http::StatusCode, ApiError> {
    state.store.delete_scenario(name.trim()).await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}

/// Who the sources can reach among the targets, over usable ties, and through whom.
#[utoipa::path(post, path = "/api/v1/reach", tag = "relay",
    request_body = QueryDto,
    responses(
        (status = 200, description = "Reached and unreached targets", body = ReachReport),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 422, description = "The query breaks a rule (`field` names it)", body = ErrorBody),
    ))]
pub(super) async fn post_reach(
    State(state): State<AppState>,
    caller: Caller,
    request: Request,
) -> Result<Response, ApiError> {
    let query = read_query(&state, request).await?;
    let report = state.services.reach(&caller, query).await?;
    tracing::info!(
        targets = report.targets,
        reached = report.reached_count,
        "reach answered"
    );
    Ok(counted(report.reached.len(), Json(report)))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(super) struct CoverageParams {
    /// `json` (default): the whole report; `csv`: a row per target (reached or not, hops,
    /// reliability, path), for spreadsheets.
    #[param(value_type = Option<String>, pattern = "^(csv|json)$")]
    format: Option<String>,
}

/// The reach report plus the call list, the single points of failure and the unreached by
/// language; or, as CSV, a row per target.
#[utoipa::path(post, path = "/api/v1/coverage", tag = "relay",
    params(CoverageParams),
    request_body = QueryDto,
    responses(
        (status = 200, description = "The coverage report", content(
            (CoverageReport = "application/json"),
            (String = "text/csv"),
        )),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 422, description = "The query breaks a rule (`field` names it)", body = ErrorBody),
    ))]
pub(super) async fn post_coverage(
    State(state): State<AppState>,
    caller: Caller,
    Query(params): Query<CoverageParams>,
    request: Request,
) -> Result<Response, ApiError> {
    let csv = match params.format.as_deref() {
        None | Some("json") => false,
        Some("csv") => true,
        Some(other) => {
            return Err(ApiError::bad_request(
                "unsupported_format",
                format!("unknown coverage format {other:?}: use json or csv"),
                Some("format"),
            ));
        }
    };
    let query = read_query(&state, request).await?;
    let report = state.services.coverage(&caller, query).await?;
    tracing::info!(
        targets = report.reach.targets,
        reached = report.reach.reached_count,
        "coverage answered"
    );
    let records = report.reach.reached.len();
    if csv {
        let mut body = Vec::new();
        crate::export::write_reach_csv(&report.reach, &mut body)
            .map_err(|e| ApiError::Internal(e.into()))?;
        let headers = [
            (axum::http::header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                axum::http::header::CONTENT_DISPOSITION,
                "attachment; filename=\"relaymap-scenario.csv\"",
            ),
        ];
        return Ok(counted(records, (headers, body)));
    }
    Ok(counted(records, Json(report)))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(super) struct ActorReachQuery {
    /// The most ties a message may cross (default 3).
    #[param(value_type = Option<u8>, minimum = 1, maximum = 10)]
    max_hops: Option<String>,
}

/// Who can reach one actor.
#[derive(Serialize, ToSchema)]
pub(super) struct ActorReachDto {
    /// The actor.
    id: ActorId,
    /// As asked.
    max_hops: u8,
    /// The responders who reach the actor (each with the path from them), most reliable first.
    reached_by: Vec<Reached>,
}

/// The responders who can reach one actor, over the default usable ties.
#[utoipa::path(get, path = "/api/v1/actors/{id}/reach", tag = "relay",
    params(("id" = ActorId, Path, example = "m-0001"), ActorReachQuery),
    responses(
        (status = 200, description = "Who reaches the actor", body = ActorReachDto),
        (status = 404, description = "No such actor", body = ErrorBody),
        (status = 422, description = "The actor is a city: cities relay no message", body = ErrorBody),
    ))]
pub(super) async fn get_actor_reach(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    Query(query): Query<ActorReachQuery>,
) -> Result<Response, ApiError> {
    let id = ActorId::parse(&id).map_err(|_| ApiError::NotFound("actor".into()))?;
    let max_hops = match query.max_hops.as_deref() {
        None => RelayQuery::default().max_hops,
        Some(raw) => raw
            .parse::<u8>()
            .ok()
            .filter(|n| (1..=MAX_HOPS_LIMIT).contains(n))
            .ok_or_else(|| {
                ApiError::bad_request(
                    "invalid_query",
                    format!("max_hops must be from 1 to {MAX_HOPS_LIMIT}"),
                    Some("max_hops"),
                )
            })?,
    };
    let reached = state
        .services
        .actor_reach(&caller, id.clone(), max_hops)
        .await?;
    Ok(counted(
        reached.len(),
        Json(ActorReachDto {
            id,
            max_hops,
            reached_by: reached,
        }),
    ))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(super) struct MetricsQuery {
    /// `csv` (default) or `json`.
    #[param(value_type = Option<String>, pattern = "^(csv|json)$")]
    format: Option<String>,
    /// Only these metrics, comma-separated.
    #[param(example = "degree,betweenness")]
    only: Option<String>,
    /// Estimate betweenness from this many sampled sources.
    #[param(value_type = Option<usize>, minimum = 1)]
    sample: Option<String>,
    /// The seed of sampling and communities (default 1).
    #[param(value_type = Option<u64>)]
    seed: Option<String>,
}

/// Reads `only`, `sample` and `seed` from a query string (as in `relaymap metrics`).
pub(crate) fn metrics_options(
    only: Option<&str>,
    sample: Option<&str>,
    seed: Option<&str>,
) -> Result<MetricsOptions, ApiError> {
    let names: Vec<&str> = only.map(|l| l.split(',').collect()).unwrap_or_default();
    let names = MetricsOptions::select(&names).map_err(|error| match error {
        AnalysisError::InvalidQuery { field, message } => {
            ApiError::bad_request("invalid_query", message, Some(field))
        }
        AnalysisError::Cancelled => ApiError::from(error),
    })?;
    let sample = sample
        .map(|raw| {
            raw.parse::<usize>().ok().filter(|&k| k > 0).ok_or_else(|| {
                ApiError::bad_request(
                    "invalid_query",
                    "sample must be a whole number of sources, at least 1",
                    Some("sample"),
                )
            })
        })
        .transpose()?;
    Ok(MetricsOptions {
        names,
        seed: parse_seed(seed)?,
        sample,
    })
}

#[utoipa::path(get, path = "/api/v1/metrics", tag = "research",
    params(MetricsQuery),
    responses(
        (status = 200, description = "A row per relaying actor (pseudonymised for analysts)", content(
            (String = "text/csv"),
            (Vec<Object> = "application/json"),
        )),
    ))]
/// Per-actor metrics as CSV or JSON, within the analysis time budget.
pub(super) async fn get_metrics(
    State(state): State<AppState>,
    caller: Caller,
    Query(query): Query<MetricsQuery>,
) -> Result<axum::response::Response, ApiError> {
    let json = match query.format.as_deref().unwrap_or("csv") {
        "csv" => false,
        "json" => true,
        other => {
            return Err(ApiError::bad_request(
                "unsupported_format",
                format!("unknown metrics format {other:?}: use csv or json"),
                Some("format"),
            ));
        }
    };
    let options = metrics_options(
        query.only.as_deref(),
        query.sample.as_deref(),
        query.seed.as_deref(),
    )?;
    // Computed on the part of the network the caller may receive; pseudonyms for roles that
    // see no personal data.
    let table = state.services.metrics(&caller, options).await?;
    let mut body = Vec::new();
    write_metrics(&table, json, &mut body).map_err(|e| ApiError::Internal(e.into()))?;
    let content_type = if json {
        "application/json"
    } else {
        "text/csv; charset=utf-8"
    };
    Ok(counted(
        table.len(),
        ([(axum::http::header::CONTENT_TYPE, content_type)], body),
    ))
}

fn parse_seed(raw: Option<&str>) -> Result<u64, ApiError> {
    raw.map_or(Ok(1), |raw| {
        raw.parse::<u64>().map_err(|_| {
            ApiError::bad_request("invalid_query", "seed must be a whole number", Some("seed"))
        })
    })
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(super) struct SummaryQuery {
    /// The seed of the communities (default 1).
    #[param(value_type = Option<u64>)]
    seed: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/summary", tag = "research",
    params(SummaryQuery),
    responses((status = 200, description = "The summary (for analysts: of the consenting part, small groups left out)", body = Summary)))]
/// The graph summary, computed once per version of the network and seed.
pub(super) async fn get_summary(
    State(state): State<AppState>,
    caller: Caller,
    Query(query): Query<SummaryQuery>,
) -> Result<Json<Summary>, ApiError> {
    let seed = parse_seed(query.seed.as_deref())?;
    Ok(Json(state.services.summary(&caller, seed).await?.summary))
}
