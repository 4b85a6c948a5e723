//! `POST /api/v1/import`: the JSON document, a graph file or CSV files, all or nothing, with a
//! dry run.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{DefaultBodyLimit, Multipart, Path, Request, State};
use axum::http::Method;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::analysis::METRIC_NAMES;
use crate::document::{
    CsvFile, DocumentError, GraphImport, Mapping, RawDocument, read_csv, read_graph,
};
use crate::domain::{SavedMapping, WriteMode, WriteSummary};
use crate::http::access::{Access, AuditTarget, Caller, Routes};
use crate::http::api::{counted, flag};
use crate::http::extract::{Query, body_bytes, content_type, is_json};
use crate::http::{API_BODY_LIMIT, ApiError, AppState, ErrorBody};
use crate::service::ServiceError;
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
        .get("/api/v1/mappings", Access::Network, list_mappings)
        .put("/api/v1/mappings/{name}", Access::Network, save_mapping)
        .delete("/api/v1/mappings/{name}", Access::Network, delete_mapping)
}

/// A saved Network Canvas mapping as the API shows it.
#[derive(Serialize, ToSchema)]
pub(super) struct MappingDto {
    /// The mapping, as saved (its `name` is the one to import with).
    mapping: Mapping,
    /// The label of the token that saved it.
    saved_by: String,
    /// When (RFC 3339, UTC).
    saved_at: String,
}

impl TryFrom<SavedMapping> for MappingDto {
    type Error = ApiError;

    fn try_from(saved: SavedMapping) -> Result<Self, ApiError> {
        let mapping = Mapping::parse(&saved.body).map_err(|e| {
            ApiError::from(ServiceError::Internal(anyhow::anyhow!(
                "the saved mapping {:?} breaks: {e}",
                saved.name
            )))
        })?;
        Ok(Self {
            mapping,
            saved_by: saved.saved_by,
            saved_at: crate::domain::format_timestamp(&saved.saved_at),
        })
    }
}

/// Every saved mapping.
#[derive(Serialize, ToSchema)]
pub(super) struct MappingList {
    /// By name.
    mappings: Vec<MappingDto>,
}

/// The saved Network Canvas mappings.
#[utoipa::path(get, path = "/api/v1/mappings", tag = "network",
    responses((status = 200, description = "Every saved mapping", body = MappingList)))]
pub(super) async fn list_mappings(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<MappingList>, ApiError> {
    let saved = state.services.mappings(&caller).await?;
    let mappings = saved
        .into_iter()
        .map(MappingDto::try_from)
        .collect::<Result<_, _>>()?;
    Ok(Json(MappingList { mappings }))
}

/// Saves (or replaces) the mapping that reads a Network Canvas study's exports: which node
/// and edge types become which actors and ties, which variables hold names, languages,
/// channels, trust and consent. The body's `name`, when given, is the path's.
#[utoipa::path(put, path = "/api/v1/mappings/{name}", tag = "network",
    params(("name" = String, Path, description = "1 to 100 characters", example = "Harbour study")),
    request_body = Mapping,
    responses(
        (status = 200, description = "Saved", body = MappingDto),
        (status = 400, description = "Malformed JSON, a name other than the path's, or a rule broken (the message names the field)", body = ErrorBody),
    ))]
pub(super) async fn save_mapping(
    State(state): State<AppState>,
    caller: Caller,
    Path(name): Path<String>,
    request: Request,
) -> Result<Json<MappingDto>, ApiError> {
    if !is_json(&request) {
        return Err(ApiError::UnsupportedMediaType(
            "send the mapping as JSON with Content-Type: application/json".into(),
        ));
    }
    let bytes = body_bytes(request, &state, API_BODY_LIMIT).await?;
    let mut body: serde_json::Value = serde_json::from_slice(&bytes)
        .map_err(|e| ApiError::bad_request("malformed_json", e.to_string(), None))?;
    let Some(object) = body.as_object_mut() else {
        return Err(ApiError::bad_request(
            "malformed_json",
            "a mapping is a JSON object",
            None,
        ));
    };
    let name = name.trim().to_owned();
    match object.get("name").and_then(|n| n.as_str()) {
        Some(given) if given.trim() != name => {
            return Err(ApiError::bad_request(
                "name_mismatch",
                format!("the body names the mapping {given:?}, the path {name:?}"),
                Some("name"),
            ));
        }
        _ => {
            object.insert("name".into(), serde_json::Value::String(name));
        }
    }
    let saved = state
        .services
        .save_mapping(&caller, &body.to_string())
        .await?;
    Ok(Json(MappingDto::try_from(saved)?))
}

/// Deletes a saved mapping.
#[utoipa::path(delete, path = "/api/v1/mappings/{name}", tag = "network",
    params(("name" = String, Path, example = "Harbour study")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, description = "No such mapping", body = ErrorBody),
    ))]
pub(super) async fn delete_mapping(
    State(state): State<AppState>,
    caller: Caller,
    Path(name): Path<String>,
) -> Result<axum::http::StatusCode, ApiError> {
    state.services.delete_mapping(&caller, &name).await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
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
    /// The kind of file read: `json` (the document), `csv`, `graphml`, `gexf`, `nodelink` or
    /// `network_canvas`.
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
    /// The saved mapping that reads a Network Canvas export (`PUT /api/v1/mappings/{name}`).
    mapping: Option<String>,
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
/// parts; a Network Canvas export (its GraphML, or the zip of its GraphML or CSV files) with a
/// saved `mapping`. Records are upserted by id.
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
        (status = 404, description = "No saved mapping of that name", body = ErrorBody),
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
    let mapping = match params.mapping.as_deref() {
        Some(name) => Some(state.services.mapping(&caller, name).await?),
        None => None,
    };
    let outcome = import(&state, &caller, dry_run, mapping, request).await;
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
    mapping: Option<Mapping>,
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
        tokio::task::spawn_blocking(move || {
            read_graph(&bytes, WriteMode::Upsert, &METRIC_NAMES, mapping.as_ref())
        })
        .await?
        .map_err(import_error)?
    } else if mime == "multipart/form-data" && mapping.is_none() {
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
