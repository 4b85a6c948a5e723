//! `GET /api/v1/export`: the network in every export format, streamed.

use axum::extract::State;
use axum::http::header;
use axum::response::Response;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::domain::Purpose;
use crate::export::ExportFormat;
use crate::http::access::{Access, Caller, Routes};
use crate::http::api::research::metrics_options;
use crate::http::api::{counted, flag};
use crate::http::extract::Query;
use crate::http::{ApiError, AppState};
use crate::service::ExportRequest;

pub fn routes() -> Routes {
    Routes::new().get("/api/v1/export", Access::Research, export_network)
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(super) struct ExportQuery {
    /// The format (default `json`, the import document).
    #[param(value_type = Option<ExportFormat>)]
    format: Option<String>,
    /// Replace ids and names by pseudonyms. Always on for analysts; `false` is refused to them.
    #[param(value_type = Option<bool>)]
    pseudonymize: Option<String>,
    /// What the export is for: `research` (default) or `partners` (sharing with partner
    /// organisations; not for analysts). Only migrants whose consent covers it, and has not
    /// expired, are in it.
    #[param(value_type = Option<String>, example = "research")]
    purpose: Option<String>,
    /// Add each actor's metrics (not with `json`).
    #[param(value_type = Option<bool>)]
    with_metrics: Option<String>,
    /// With `with_metrics`: only these metrics, comma-separated.
    #[param(example = "degree,betweenness")]
    only: Option<String>,
    /// With `with_metrics`: estimate betweenness from this many sampled sources.
    #[param(value_type = Option<usize>, minimum = 1)]
    sample: Option<String>,
    /// With `with_metrics`: the seed of sampling and communities (default 1).
    #[param(value_type = Option<u64>)]
    seed: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/export", tag = "network",
    params(ExportQuery),
    responses(
        (status = 200, description = "The export, as a download", content(
            (Object = "application/json"),
            (String = "application/zip"),
            (String = "application/graphml+xml"),
            (String = "application/gexf+xml"),
            (Object = "application/geo+json"),
            (String = "application/geopackage+sqlite3"),
        )),
    ))]
/// The network in any export format, pseudonymised and with metrics when asked: prepared
/// within the analysis time budget, then streamed.
pub(super) async fn export_network(
    State(state): State<AppState>,
    caller: Caller,
    Query(query): Query<ExportQuery>,
) -> Result<Response, ApiError> {
    let raw_format = query.format.as_deref().unwrap_or("json");
    let format = ExportFormat::parse(raw_format).ok_or_else(|| {
        let names: Vec<&str> = ExportFormat::ALL.iter().map(|f| f.name()).collect();
        ApiError::bad_request(
            "unsupported_format",
            format!(
                "unknown export format {raw_format:?}: use one of {}",
                names.join(", ")
            ),
            Some("format"),
        )
    })?;
    let pseudonymize = query
        .pseudonymize
        .is_some()
        .then(|| flag(query.pseudonymize.as_deref(), "pseudonymize"))
        .transpose()?;
    let with_metrics = flag(query.with_metrics.as_deref(), "with_metrics")?;
    let metrics = if with_metrics {
        Some(metrics_options(
            query.only.as_deref(),
            query.sample.as_deref(),
            query.seed.as_deref(),
        )?)
    } else if query.only.is_some() || query.sample.is_some() || query.seed.is_some() {
        return Err(ApiError::bad_request(
            "invalid_query",
            "only, sample and seed choose the metrics of with_metrics=true",
            Some("with_metrics"),
        ));
    } else {
        None
    };
    let purpose = match query.purpose.as_deref() {
        None => None,
        Some(raw) => match Purpose::parse(raw) {
            Ok(purpose @ (Purpose::Research | Purpose::Partners)) => Some(purpose),
            _ => {
                return Err(ApiError::bad_request(
                    "invalid_query",
                    "purpose is research or partners",
                    Some("purpose"),
                ));
            }
        },
    };
    let request = ExportRequest {
        format,
        pseudonymize,
        purpose,
        metrics,
    };
    let job = state.services.export(&caller, request).await?;
    let records = job.actors();
    tracing::info!(
        format = format.name(),
        pseudonymized = job.pseudonymized(),
        with_metrics,
        actors = records,
        "network exported"
    );
    // Each variant its own name, dated: a plain, a pseudonymised and a with-metrics download of
    // the same day never overwrite each other.
    let (stem, extension) = format
        .file_name()
        .split_once('.')
        .expect("export file names have an extension");
    let file_name = format!(
        "{stem}{}{}-{}.{extension}",
        if job.pseudonymized() {
            "-pseudonymised"
        } else {
            ""
        },
        if with_metrics { "-with-metrics" } else { "" },
        chrono::Utc::now().format("%Y-%m-%d"),
    );
    let body = crate::http::stream::streamed(state.client_timeout, move |out| job.write(out));
    Ok(counted(
        records,
        (
            [
                (header::CONTENT_TYPE, format.content_type().to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{file_name}\""),
                ),
            ],
            body,
        ),
    ))
}
