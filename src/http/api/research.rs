//! The research analyses: per-actor metrics (`/api/v1/metrics`) and the graph summary
//! (`/api/v1/summary`), computed on what the caller may receive.

use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::analysis::{AnalysisError, MetricsOptions, Summary, write_metrics};
use crate::http::access::{Access, Caller, Routes};
use crate::http::api::counted;
use crate::http::extract::Query;
use crate::http::{ApiError, AppState};

pub fn routes() -> Routes {
    Routes::new()
        .get("/api/v1/metrics", Access::Research, get_metrics)
        .get("/api/v1/summary", Access::Research, get_summary)
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
