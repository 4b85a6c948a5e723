//! The network as a whole: import, export, stats and health.

use std::collections::BTreeMap;

use axum::extract::{DefaultBodyLimit, Multipart, Request, State};
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};

use crate::document::{CsvFile, DocumentError, read_csv, read_json, write_json};
use crate::domain::{Batch, WriteMode, WriteSummary};
use crate::http::extract::{Query, body_bytes, content_type, is_json};
use crate::http::{ApiError, AppState};
use crate::store::StoreError;

pub fn router(max_import_bytes: usize) -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/import",
            post(import_network).layer(DefaultBodyLimit::max(max_import_bytes)),
        )
        .route("/api/v1/export", get(export_network))
        .route("/api/v1/stats", get(get_stats))
        .route("/api/v1/healthz", get(get_health))
        .route("/healthz", get(get_health))
}

#[derive(Serialize)]
struct ImportDto {
    imported: WriteSummary,
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

async fn import_network(
    State(state): State<AppState>,
    request: Request,
) -> Result<Json<ImportDto>, ApiError> {
    let batch = if is_json(&request) {
        let bytes = body_bytes(request, &state, state.max_import_bytes).await?;
        tokio::task::spawn_blocking(move || {
            let text = std::str::from_utf8(&bytes)
                .map_err(|_| DocumentError::Malformed("the document is not UTF-8".into()))?;
            read_json(text, WriteMode::Upsert)
        })
        .await?
        .map_err(import_error)?
    } else if content_type(&request).is_some_and(|ct| ct.starts_with("multipart/form-data")) {
        read_multipart(&state, request).await?
    } else {
        return Err(ApiError::UnsupportedMediaType(
            "send the JSON document as application/json, or CSV files as multipart/form-data parts named actors and ties".into(),
        ));
    };
    let imported = match state.store.write(batch).await {
        Err(StoreError::Rejected(rows)) => return Err(ApiError::ImportRejected(rows)),
        result => result?,
    };
    tracing::info!(
        actors_created = imported.actors_created,
        actors_updated = imported.actors_updated,
        ties_created = imported.ties_created,
        ties_updated = imported.ties_updated,
        "network imported"
    );
    Ok(Json(ImportDto { imported }))
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

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExportQuery {
    format: Option<String>,
}

async fn export_network(
    State(state): State<AppState>,
    Query(query): Query<ExportQuery>,
) -> Result<impl IntoResponse, ApiError> {
    match query.format.as_deref().unwrap_or("json") {
        "json" => {}
        other => {
            return Err(ApiError::bad_request(
                "unsupported_format",
                format!("unknown export format {other:?}: this relaymap exports json"),
                Some("format"),
            ));
        }
    }
    let network = state.store.network().await?;
    let body = tokio::task::spawn_blocking(move || {
        let mut body = Vec::new();
        write_json(&network, &mut body).map(|()| body)
    })
    .await?
    .map_err(|e| ApiError::Internal(e.into()))?;
    tracing::info!(bytes = body.len(), "network exported");
    Ok((
        [
            (header::CONTENT_TYPE, "application/json"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"relaymap-network.json\"",
            ),
        ],
        body,
    ))
}

#[derive(Serialize)]
struct CountsDto<K: Ord> {
    #[serde(flatten)]
    by_kind: BTreeMap<K, u64>,
    total: u64,
}

#[derive(Serialize)]
struct StatsDto {
    actors: CountsDto<crate::domain::ActorKind>,
    ties: CountsDto<crate::domain::TieKind>,
    version: u64,
}

async fn get_stats(State(state): State<AppState>) -> Result<Json<StatsDto>, ApiError> {
    let stats = state.store.stats().await?;
    let version = state.store.version().await?;
    let (actor_total, tie_total) = (stats.actor_total(), stats.tie_total());
    Ok(Json(StatsDto {
        actors: CountsDto {
            total: actor_total,
            by_kind: stats.actors,
        },
        ties: CountsDto {
            total: tie_total,
            by_kind: stats.ties,
        },
        version,
    }))
}

#[derive(Serialize)]
struct HealthDto {
    status: &'static str,
}

async fn get_health() -> Json<HealthDto> {
    Json(HealthDto { status: "ok" })
}
