//! `/api/v1/ties`: list, create, read, replace and delete ties.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use serde::Deserialize;

use super::actors::TieList;
use super::{PageQuery, next_cursor, parse_param, single_write};
use crate::document::TieRecord;
use crate::domain::{ActorId, TieId, TieKind, WriteMode};
use crate::http::access::{Access, Routes};
use crate::http::extract::{Query, RecordJson};
use crate::http::{ApiError, AppState};
use crate::store::TieFilter;

pub fn routes() -> Routes {
    Routes::new()
        .get("/api/v1/ties", Access::Network, list_ties)
        .post("/api/v1/ties", Access::Network, create_tie)
        .get("/api/v1/ties/{id}", Access::Network, get_tie)
        .put("/api/v1/ties/{id}", Access::Network, replace_tie)
        .delete("/api/v1/ties/{id}", Access::Network, delete_tie)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TieQuery {
    kind: Option<String>,
    actor: Option<String>,
    #[serde(flatten)]
    page: PageQuery,
}

async fn list_ties(
    State(state): State<AppState>,
    Query(query): Query<TieQuery>,
) -> Result<Json<TieList>, ApiError> {
    let filter = TieFilter {
        kind: parse_param("kind", query.kind.as_deref(), TieKind::parse)?,
        actor: parse_param("actor", query.actor.as_deref(), ActorId::parse)?,
    };
    let page = query.page.page()?;
    let ties = state.store.list_ties(&filter, &page).await?;
    let ids: Vec<&str> = ties.iter().map(|t| t.record.id.as_str()).collect();
    let next_cursor = next_cursor(&ids, &page);
    Ok(Json(TieList {
        ties: ties.iter().map(TieRecord::from).collect(),
        next_cursor,
    }))
}

fn path_id(raw: &str) -> Result<TieId, ApiError> {
    TieId::parse(raw).map_err(|_| ApiError::NotFound("tie".into()))
}

async fn read_back(state: &AppState, id: &TieId) -> Result<TieRecord, ApiError> {
    let stored = state.store.get_tie(id).await?;
    stored
        .map(|t| TieRecord::from(&t))
        .ok_or_else(|| ApiError::NotFound(format!("tie {id}")))
}

async fn create_tie(
    State(state): State<AppState>,
    RecordJson(record): RecordJson<TieRecord>,
) -> Result<impl IntoResponse, ApiError> {
    let batch = single_write(record, None, WriteMode::Create)?;
    let id = batch.ties[0].record.id.clone();
    state.store.write(batch).await?;
    tracing::info!(tie_id = %id, "tie created");
    let location = format!("/api/v1/ties/{id}");
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(read_back(&state, &id).await?),
    ))
}

async fn get_tie(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<TieRecord>, ApiError> {
    let id = path_id(&id)?;
    Ok(Json(read_back(&state, &id).await?))
}

async fn replace_tie(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RecordJson(record): RecordJson<TieRecord>,
) -> Result<Json<TieRecord>, ApiError> {
    let id = path_id(&id)?;
    let batch = single_write(record, Some(id.as_str()), WriteMode::Replace)?;
    state.store.write(batch).await?;
    tracing::info!(tie_id = %id, "tie replaced");
    Ok(Json(read_back(&state, &id).await?))
}

async fn delete_tie(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let id = path_id(&id)?;
    state.store.delete_tie(&id).await?;
    tracing::info!(tie_id = %id, "tie deleted");
    Ok(StatusCode::NO_CONTENT)
}
