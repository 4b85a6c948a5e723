//! The network as a whole: import, export, stats and health.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{DefaultBodyLimit, Multipart, Request, State};
use axum::http::{Method, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::document::{CsvFile, DocumentError, RawDocument, read_csv, read_json};
use crate::domain::{Batch, WriteMode, WriteSummary};
use crate::export::ExportFormat;
use crate::http::access::{Access, AuditTarget, Caller, Routes};
use crate::http::api::relay::metrics_options;
use crate::http::api::{counted, flag, whole_number};
use crate::http::extract::{Query, body_bytes, content_type, is_json};
use crate::http::{ApiError, AppState, ErrorBody};
use crate::service::{Aggregates, ExportRequest, Stats};
use crate::store::StoreError;

pub fn routes(max_import_bytes: usize) -> Routes {
    Routes::new()
        .add(
            Method::POST,
            "/api/v1/import",
            Access::Network,
            true,
            post(import_network).layer(DefaultBodyLimit::max(max_import_bytes)),
        )
        .get("/api/v1/export", Access::Research, export_network)
        .get("/api/v1/stats", Access::Aggregates, get_stats)
        .get("/api/v1/aggregates", Access::Aggregates, get_aggregates)
        .get("/api/v1/healthz", Access::Public, get_api_health)
        .get("/healthz", Access::Public, get_health)
        .get("/readyz", Access::Public, get_ready)
        .get("/api/v1/audit", Access::Admin, get_audit)
}

/// The parts of a CSV import.
#[derive(ToSchema)]
#[allow(dead_code)] // describes the form only: the handler reads the parts as they stream in
pub(super) struct ImportForm {
    /// `actors.csv`: the actors' columns (the import document's fields; lists separated by `;`).
    #[schema(value_type = Option<String>, format = Binary)]
    actors: Option<Vec<u8>>,
    /// `ties.csv`: the ties' columns.
    #[schema(value_type = Option<String>, format = Binary)]
    ties: Option<Vec<u8>>,
}

/// What an import wrote.
#[derive(Serialize, ToSchema)]
pub(super) struct ImportDto {
    /// What was written; on a dry run, what would have been.
    imported: WriteSummary,
    /// Whether this was a dry run: every rule checked against the store, nothing written.
    dry_run: bool,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(super) struct ImportParams {
    /// Check every rule against the store and say what would be written, without writing.
    #[param(value_type = Option<bool>)]
    dry_run: Option<String>,
}

/// Maps a document or store refusal of an import to the import error (every bad row).
fn import_error(error: DocumentError) -> ApiError {
    match error {
        DocumentError::Malformed(message) => {
            ApiError::bad_request("malformed_document", message, None)
        }
        DocumentError::Rows(rows) => ApiError::ImportRejected(rows),
    }
}

/// Imports a network, all or nothing: the JSON document, or CSV files as form parts. Records
/// are upserted by id.
#[utoipa::path(post, path = "/api/v1/import", tag = "network",
    params(ImportParams),
    request_body(content(
        (RawDocument = "application/json"),
        (ImportForm = "multipart/form-data"),
    )),
    responses(
        (status = 200, description = "Written (or, on a dry run, checked)", body = ImportDto),
        (status = 400, description = "Not a document, or a malformed form", body = ErrorBody),
        (status = 409, description = "A record conflicts with the network", body = ErrorBody),
        (status = 422, description = "Bad rows (`rows` lists every one); nothing was written", body = ErrorBody),
    ))]
pub(super) async fn import_network(
    State(state): State<AppState>,
    Query(params): Query<ImportParams>,
    request: Request,
) -> Result<Response, ApiError> {
    let dry_run = flag(params.dry_run.as_deref(), "dry_run")?;
    let outcome = import(&state, dry_run, request).await;
    if dry_run {
        // Audited as a dry run, however it ends, so that no one mistakes it for an import.
        let mut response = outcome.into_response();
        response
            .extensions_mut()
            .insert(AuditTarget("dry_run".into()));
        return Ok(response);
    }
    outcome
}

async fn import(state: &AppState, dry_run: bool, request: Request) -> Result<Response, ApiError> {
    let batch = if is_json(&request) {
        let bytes = body_bytes(request, state, state.max_import_bytes).await?;
        tokio::task::spawn_blocking(move || {
            let text = std::str::from_utf8(&bytes)
                .map_err(|_| DocumentError::Malformed("the document is not UTF-8".into()))?;
            read_json(text, WriteMode::Upsert)
        })
        .await?
        .map_err(import_error)?
    } else if content_type(&request).is_some_and(|ct| ct.starts_with("multipart/form-data")) {
        read_multipart(state, request).await?
    } else {
        return Err(ApiError::UnsupportedMediaType(
            "send the JSON document as application/json, or CSV files as multipart/form-data parts named actors and ties".into(),
        ));
    };
    let result = if dry_run {
        state.store.check(batch).await
    } else {
        state.store.write(batch).await
    };
    let imported = match result {
        Err(StoreError::Rejected(rows)) => return Err(ApiError::ImportRejected(rows)),
        result => result?,
    };
    let records = imported.actors_created
        + imported.actors_updated
        + imported.ties_created
        + imported.ties_updated;
    if dry_run {
        return Ok(Json(ImportDto { imported, dry_run }).into_response());
    }
    tracing::info!(
        actors_created = imported.actors_created,
        actors_updated = imported.actors_updated,
        ties_created = imported.ties_created,
        ties_updated = imported.ties_updated,
        "network imported"
    );
    Ok(counted(records, Json(ImportDto { imported, dry_run })))
}

async fn read_multipart(state: &AppState, request: Request) -> Result<Batch, ApiError> {
    use axum::extract::FromRequest;
    let limit = state.max_import_bytes;
    let mut multipart = Multipart::from_request(request, state)
        .await
        .map_err(|rejection| {
            ApiError::bad_request("malformed_multipart", rejection.body_text(), None)
        })?;
    let mut parts: BTreeMap<String, axum::body::Bytes> = BTreeMap::new();
    loop {
        let field = multipart
            .next_field()
            .await
            .map_err(|e| multipart_error(e, limit))?;
        let Some(field) = field else { break };
        let name = field.name().unwrap_or("").to_owned();
        if name != "actors" && name != "ties" {
            return Err(ApiError::bad_request(
                "malformed_multipart",
                format!("unknown part {name:?}: the parts are actors and ties"),
                Some(&name),
            ));
        }
        let bytes = field.bytes().await.map_err(|e| multipart_error(e, limit))?;
        if parts.insert(name.clone(), bytes).is_some() {
            return Err(ApiError::bad_request(
                "malformed_multipart",
                format!("part {name} appears twice"),
                Some(&name),
            ));
        }
    }
    if parts.is_empty() {
        return Err(ApiError::bad_request(
            "malformed_multipart",
            "send a part named actors, ties or both",
            None,
        ));
    }
    let actors = parts.remove("actors");
    let ties = parts.remove("ties");
    tokio::task::spawn_blocking(move || {
        read_csv(
            actors.as_deref().map(|reader| CsvFile {
                name: "actors".into(),
                reader,
            }),
            ties.as_deref().map(|reader| CsvFile {
                name: "ties".into(),
                reader,
            }),
            WriteMode::Upsert,
        )
    })
    .await?
    .map_err(import_error)
}

fn multipart_error(error: axum::extract::multipart::MultipartError, limit: usize) -> ApiError {
    if error.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::PayloadTooLarge(limit)
    } else {
        ApiError::bad_request("malformed_multipart", error.body_text(), None)
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(super) struct ExportQuery {
    /// The format (default `json`, the import document).
    #[param(value_type = Option<ExportFormat>)]
    format: Option<String>,
    /// Replace ids and names by pseudonyms and leave out people without consent. Always on for
    /// analysts; `false` is refused to them.
    #[param(value_type = Option<bool>)]
    pseudonymize: Option<String>,
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
    let request = ExportRequest {
        format,
        pseudonymize,
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
    let body = crate::http::stream::streamed(state.client_timeout, move |out| job.write(out));
    Ok(counted(
        records,
        (
            [
                (header::CONTENT_TYPE, format.content_type().to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{}\"", format.file_name()),
                ),
            ],
            body,
        ),
    ))
}

#[utoipa::path(get, path = "/api/v1/stats", tag = "network",
    responses((status = 200, description = "Counts", body = Stats)))]
/// Counts by kind, computed once per version of the network. For roles without access to
/// personal data, of the consenting part only, small counts withheld (`null`), with whatever a
/// total would give away.
pub(super) async fn get_stats(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Stats>, ApiError> {
    Ok(Json(state.services.stats(&caller).await?))
}

#[utoipa::path(get, path = "/api/v1/aggregates", tag = "network",
    responses((status = 200, description = "Counts, small cells withheld", body = Aggregates)))]
/// Migrants by city and first language, actors by kind, small cells withheld: for every role
/// (of the consenting part for roles without access to personal data).
pub(super) async fn get_aggregates(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Aggregates>, ApiError> {
    Ok(Json(state.services.aggregates(&caller).await?))
}

/// A health answer.
#[derive(Serialize, ToSchema)]
pub(super) struct HealthDto {
    /// `ok`, `ready`, `store_failed` or `store_timeout`.
    status: &'static str,
}

/// How long readiness waits for the store.
const READY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

#[utoipa::path(get, path = "/readyz", tag = "health", security(()),
    responses(
        (status = 200, description = "The store answers", body = HealthDto),
        (status = 503, description = "It does not (`store_failed`, `store_timeout`)", body = HealthDto),
    ))]
/// Ready when the store answers (it reads the change version): 200, or 503 with the reason's
/// kind, never its details.
pub(super) async fn get_ready(State(state): State<AppState>) -> Response {
    let status = match tokio::time::timeout(READY_TIMEOUT, state.store.version()).await {
        Ok(Ok(_)) => return Json(HealthDto { status: "ready" }).into_response(),
        Ok(Err(error)) => {
            tracing::warn!(error = %error, "not ready: the store failed");
            "store_failed"
        }
        Err(_) => {
            tracing::warn!("not ready: the store did not answer in time");
            "store_timeout"
        }
    };
    (
        axum::http::StatusCode::SERVICE_UNAVAILABLE,
        Json(HealthDto { status }),
    )
        .into_response()
}

/// The process is up.
#[utoipa::path(get, path = "/healthz", tag = "health", security(()),
    responses((status = 200, description = "Up", body = HealthDto)))]
pub(super) async fn get_health() -> Json<HealthDto> {
    Json(HealthDto { status: "ok" })
}

/// The process is up (the same as `/healthz`, under the API's prefix).
#[utoipa::path(get, path = "/api/v1/healthz", tag = "health", security(()),
    responses((status = 200, description = "Up", body = HealthDto)))]
pub(super) async fn get_api_health() -> Json<HealthDto> {
    get_health().await
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(super) struct AuditQuery {
    /// Entries older than this `seq` (the previous page's `next_before`).
    #[param(value_type = Option<u64>, minimum = 1)]
    before: Option<String>,
    /// How many entries at most (default 100).
    #[param(value_type = Option<usize>, minimum = 1, maximum = 1000)]
    limit: Option<String>,
}

/// One audited call.
#[derive(Serialize, ToSchema)]
pub(super) struct AuditEntryDto {
    /// Its place in the trail.
    seq: u64,
    /// When (RFC 3339, UTC).
    at: String,
    /// The token's label, or `anonymous`.
    who: String,
    /// The caller's role, when known.
    #[schema(value_type = Option<crate::domain::Role>)]
    role: Option<&'static str>,
    /// Method and route template, such as `POST /api/v1/actors`.
    action: String,
    /// What was touched (an id; `erased` and `dry_run` stand in where the id must not be kept).
    target: Option<String>,
    /// `ok`, or why not: an HTTP status, `unauthenticated`, `forbidden`, `csrf`,
    /// `too_many_failures`, or `client_left` (a read whose client hung up).
    outcome: String,
    /// How many records the call handed out or wrote, when it says.
    #[serde(skip_serializing_if = "Option::is_none")]
    records: Option<u64>,
}

/// A page of the audit trail, newest first.
#[derive(Serialize, ToSchema)]
pub(super) struct AuditDto {
    entries: Vec<AuditEntryDto>,
    /// Pass as `before` for the next (older) page; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    next_before: Option<u64>,
}

#[utoipa::path(get, path = "/api/v1/audit", tag = "admin",
    params(AuditQuery),
    responses((status = 200, description = "A page of the trail", body = AuditDto)))]
/// The audit trail, newest first, for admins.
pub(super) async fn get_audit(
    State(state): State<AppState>,
    Query(query): Query<AuditQuery>,
) -> Result<Response, ApiError> {
    let before = whole_number("before", query.before.as_deref(), 1..=usize::MAX / 2)?;
    let limit = whole_number("limit", query.limit.as_deref(), 1..=1000)?.unwrap_or(100);
    let entries = state.store.audit(before.map(|b| b as u64), limit).await?;
    let next_before = (entries.len() == limit)
        .then(|| entries.last().map(|e| e.seq))
        .flatten();
    let records = entries.len();
    Ok(counted(
        records,
        Json(AuditDto {
            entries: entries
                .into_iter()
                .map(|e| AuditEntryDto {
                    seq: e.seq,
                    at: crate::domain::format_timestamp(&e.at),
                    who: e.who,
                    role: e.role.map(crate::domain::Role::as_str),
                    action: e.action,
                    target: e.target,
                    outcome: e.outcome,
                    records: e.records,
                })
                .collect(),
            next_before,
        }),
    ))
}
