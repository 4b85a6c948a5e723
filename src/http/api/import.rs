//! `POST /api/v1/import`: the JSON document, a graph file or CSV files, all or nothing, with a
//! dry run.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{DefaultBodyLimit, Multipart, Request, State};
use axum::http::Method;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::analysis::METRIC_NAMES;
use crate::document::{CsvFile, DocumentError, GraphImport, RawDocument, read_csv, read_graph};
use crate::domain::{WriteMode, WriteSummary};
use crate::http::access::{Access, AuditTarget, Caller, Routes};
use crate::http::api::{counted, flag};
use crate::http::extract::{Query, body_bytes, content_type, is_json};
use crate::http::{ApiError, AppState, ErrorBody};
use crate::service::ServiceError;
use crate::store::StoreError;

pub fn routes(max_import_bytes: usize) -> Routes {
    Routes::new().add(
        Method::POST,
        "/api/v1/import",
        Access::Network,
        true,
        post(import_network).layer(DefaultBodyLimit::max(max_import_bytes)),
    )
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
    /// The kind of file read: `json` (the document), `csv`, `graphml`, `gexf` or `nodelink`.
    format: &'static str,
    /// What was read differently or left out, in words (metric columns, attributes ties do
    /// not have, an undirected graph).
    notes: Vec<String>,
}

/// The content types of a single graph file (the kind is recognised from the content).
const GRAPH_TYPES: [&str; 7] = [
    "application/graphml+xml",
    "application/gexf+xml",
    "application/xml",
    "text/xml",
    "application/zip",
    "application/octet-stream",
    "text/plain",
];

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

/// Imports a network, all or nothing: the JSON document, a graph file (GraphML, GEXF,
/// node-link JSON, the CSV zip of an export; recognised from the content), or CSV files as form
/// parts. Records are upserted by id.
#[utoipa::path(post, path = "/api/v1/import", tag = "network",
    params(ImportParams),
    request_body(content(
        (RawDocument = "application/json"),
        (ImportForm = "multipart/form-data"),
        (Vec<u8> = "application/graphml+xml"),
        (Vec<u8> = "application/gexf+xml"),
        (Vec<u8> = "application/zip"),
    )),
    responses(
        (status = 200, description = "Written (or, on a dry run, checked)", body = ImportDto),
        (status = 400, description = "Not a document, or a malformed form", body = ErrorBody),
        (status = 409, description = "A record conflicts with the network", body = ErrorBody),
        (status = 422, description = "Bad rows (`rows` lists every one); nothing was written", body = ErrorBody),
    ))]
pub(super) async fn import_network(
    State(state): State<AppState>,
    caller: Caller,
    Query(params): Query<ImportParams>,
    request: Request,
) -> Result<Response, ApiError> {
    let dry_run = flag(params.dry_run.as_deref(), "dry_run")?;
    let outcome = import(&state, &caller, dry_run, request).await;
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

async fn import(
    state: &AppState,
    caller: &Caller,
    dry_run: bool,
    request: Request,
) -> Result<Response, ApiError> {
    let mime = content_type(&request)
        .map(|ct| {
            ct.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
        .unwrap_or_default();
    let read = if is_json(&request) || GRAPH_TYPES.contains(&mime.as_str()) {
        let bytes = body_bytes(request, state, state.max_import_bytes).await?;
        tokio::task::spawn_blocking(move || read_graph(&bytes, WriteMode::Upsert, &METRIC_NAMES))
            .await?
            .map_err(import_error)?
    } else if mime == "multipart/form-data" {
        read_multipart(state, request).await?
    } else {
        return Err(ApiError::UnsupportedMediaType(format!(
            "send the JSON document or node-link JSON as application/json, a GraphML, GEXF or \
             CSV zip file as one of {}, or CSV files as multipart/form-data parts named actors \
             and ties",
            GRAPH_TYPES.join(", ")
        )));
    };
    let GraphImport {
        batch,
        format,
        notes,
    } = read;
    let imported = match state.services.import(caller, batch, dry_run).await {
        Err(ServiceError::Store(StoreError::Rejected(rows))) => {
            return Err(ApiError::ImportRejected(rows));
        }
        result => result?,
    };
    let records = imported.actors_created
        + imported.actors_updated
        + imported.ties_created
        + imported.ties_updated;
    let answer = ImportDto {
        imported,
        dry_run,
        format,
        notes,
    };
    if dry_run {
        return Ok(Json(answer).into_response());
    }
    let imported = &answer.imported;
    tracing::info!(
        format,
        actors_created = imported.actors_created,
        actors_updated = imported.actors_updated,
        ties_created = imported.ties_created,
        ties_updated = imported.ties_updated,
        actors_unchanged = imported.actors_unchanged,
        ties_unchanged = imported.ties_unchanged,
        "network imported"
    );
    Ok(counted(records, Json(answer)))
}

async fn read_multipart(state: &AppState, request: Request) -> Result<GraphImport, ApiError> {
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
            &METRIC_NAMES,
        )
    })
    .await?
    .map(|read| GraphImport {
        batch: read.batch,
        format: "csv",
        notes: read.notes,
    })
    .map_err(import_error)
}

fn multipart_error(error: axum::extract::multipart::MultipartError, limit: usize) -> ApiError {
    if error.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::PayloadTooLarge(limit)
    } else {
        ApiError::bad_request("malformed_multipart", error.body_text(), None)
    }
}
