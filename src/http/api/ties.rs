//! `/api/v1/ties`: list, create, read, replace and delete ties.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::Response;
use serde::Deserialize;
use utoipa::IntoParams;

use super::actors::TieList;
use super::{PageQuery, about_tie, counted, next_cursor, parse_param, single_write};
use crate::document::TieRecord;
use crate::domain::{ActorId, TieId, TieKind, WriteMode};
use crate::http::access::{Access, Caller, Routes};
use crate::http::extract::{Query, RecordJson};
use crate::http::{ApiError, AppState, ErrorBody};
use crate::store::TieFilter;

pub fn routes() -> Routes {
    Routes::new()
        .get("/api/v1/ties", Access::Network, list_ties)
        .post("/api/v1/ties", Access::Network, create_tie)
        .get("/api/v1/ties/{id}", Access::Network, get_tie)
        .put("/api/v1/ties/{id}", Access::Network, replace_tie)
        .delete("/api/v1/ties/{id}", Access::Network, delete_tie)
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(super) struct TieQuery {
    /// Only ties of this kind.
    #[param(value_type = Option<TieKind>)]
    kind: Option<String>,
    /// Only ties with this actor at either end.
    #[param(value_type = Option<ActorId>)]
    actor: Option<String>,
    #[serde(flatten)]
    #[param(ignore)]
    page: PageQuery,
}

/// Lists ties by id, filtered, a page at a time.
#[utoipa::path(get, path = "/api/v1/ties", tag = "ties",
    params(TieQuery, PageQuery),
    responses((status = 200, description = "A page of ties", body = TieList)))]
pub(super) async fn list_ties(
    State(state): State<AppState>,
    caller: Caller,
    Query(query): Query<TieQuery>,
) -> Result<Response, ApiError> {
    let filter = TieFilter {
        kind: parse_param("kind", query.kind.as_deref(), TieKind::parse)?,
        actor: parse_param("actor", query.actor.as_deref(), ActorId::parse)?,
    };
    let page = query.page.page()?;
    let ties = state.services.ties(&caller, &filter, &page).await?;
    let ids: Vec<&str> = ties.iter().map(|t| t.id.as_str()).collect();
    let next_cursor = next_cursor(&ids, &page);
    let list = TieList {
        ties: ties.iter().map(TieRecord::from).collect(),
        next_cursor,
    };
    Ok(counted(list.ties.len(), Json(list)))
}

fn path_id(raw: &str) -> Result<TieId, ApiError> {
    TieId::parse(raw).map_err(|_| ApiError::NotFound("tie".into()))
}

/// Creates a tie between two existing actors; the id is generated when absent.
#[utoipa::path(post, path = "/api/v1/ties", tag = "ties",
    request_body = TieRecord,
    responses(
        (status = 201, description = "Created; `Location` names it", body = TieRecord,
            headers(("Location" = String, description = "The new tie's address"))),
        (status = 404, description = "An end does not exist", body = ErrorBody),
        (status = 409, description = "The id is taken", body = ErrorBody),
        (status = 422, description = "A rule is broken (`details` lists every one)", body = ErrorBody),
    ))]
pub(super) async fn create_tie(
    State(state): State<AppState>,
    caller: Caller,
    RecordJson(record): RecordJson<TieRecord>,
) -> Result<Response, ApiError> {
    let batch = single_write(record, None, WriteMode::Create)?;
    let tie = state.services.write_tie(&caller, batch).await?;
    tracing::info!("tie created");
    let location = format!("/api/v1/ties/{}", tie.id);
    let body = (
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(TieRecord::from(&tie)),
    );
    Ok(about_tie(&tie.value, body))
}

/// One tie.
#[utoipa::path(get, path = "/api/v1/ties/{id}", tag = "ties",
    params(("id" = TieId, Path, example = "t-0001")),
    responses(
        (status = 200, description = "The tie", body = TieRecord),
        (status = 404, description = "No such tie", body = ErrorBody),
    ))]
pub(super) async fn get_tie(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let id = path_id(&id)?;
    let tie = state.services.tie(&caller, &id).await?;
    Ok(about_tie(&tie.value, Json(TieRecord::from(&tie))))
}

/// Replaces a tie; creates none.
#[utoipa::path(put, path = "/api/v1/ties/{id}", tag = "ties",
    params(("id" = TieId, Path, example = "t-0001")),
    request_body = TieRecord,
    responses(
        (status = 200, description = "The tie as stored", body = TieRecord),
        (status = 404, description = "No such tie, or an end does not exist", body = ErrorBody),
        (status = 409, description = "The change conflicts with the network", body = ErrorBody),
        (status = 422, description = "A rule is broken (`details` lists every one)", body = ErrorBody),
    ))]
pub(super) async fn replace_tie(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    RecordJson(record): RecordJson<TieRecord>,
) -> Result<Response, ApiError> {
    let id = path_id(&id)?;
    let batch = single_write(record, Some(id.as_str()), WriteMode::Replace)?;
    let tie = state.services.write_tie(&caller, batch).await?;
    tracing::info!("tie replaced");
    Ok(about_tie(&tie.value, Json(TieRecord::from(&tie))))
}

/// Deletes a tie.
#[utoipa::path(delete, path = "/api/v1/ties/{id}", tag = "ties",
    params(("id" = TieId, Path, example = "t-0001")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, description = "No such tie", body = ErrorBody),
    ))]
pub(super) async fn delete_tie(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let id = path_id(&id)?;
    // Its ends go to the audit entry: the tie's id alone would not lead an erasure to it.
    let tie = state.services.delete_tie(&caller, &id, None).await?;
    tracing::info!("tie deleted");
    Ok(about_tie(&tie.value, StatusCode::NO_CONTENT))
}
