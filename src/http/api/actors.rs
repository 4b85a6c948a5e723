//! `/api/v1/actors`: list, create, read, replace and delete actors; an actor's ties.

use axum::Extension;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{PageQuery, counted, flag, next_cursor, parse_param, single_write};
use crate::document::{ActorRecord, TieRecord};
use crate::domain::{ActorId, ActorKind, Language, TieId, WriteMode};
use crate::http::access::{Access, AuditTarget, Caller, Routes};
use crate::http::extract::{Query, RecordJson};
use crate::http::{ApiError, AppState, ErrorBody};
use crate::store::{ActorFilter, BoundingBox};

pub fn routes() -> Routes {
    Routes::new()
        .get("/api/v1/actors", Access::Network, list_actors)
        .post("/api/v1/actors", Access::Network, create_actor)
        .get("/api/v1/actors/{id}", Access::Network, get_actor)
        .put("/api/v1/actors/{id}", Access::Network, replace_actor)
        .delete("/api/v1/actors/{id}", Access::Network, delete_actor)
        .get("/api/v1/actors/{id}/ties", Access::Network, list_actor_ties)
        .put("/api/v1/actors/{id}/outline", Access::Network, put_outline)
        .delete(
            "/api/v1/actors/{id}/outline",
            Access::Network,
            delete_outline,
        )
        .get("/api/v1/outlines", Access::Network, list_outlines)
}

#[utoipa::path(put, path = "/api/v1/actors/{id}/outline", tag = "actors",
    params(("id" = ActorId, Path, description = "A city's id", example = "c-01")),
    request_body(content = Object, content_type = "application/json",
        description = "A GeoJSON Polygon or MultiPolygon: a geometry, a Feature or a FeatureCollection"),
    responses(
        (status = 204, description = "The outline is set"),
        (status = 400, description = "Not a city (`not_a_city`), or not a polygon (`invalid_outline`)", body = ErrorBody),
        (status = 404, description = "No such actor", body = ErrorBody),
        (status = 422, description = "Not GeoJSON (`malformed_json`), or not a polygon", body = ErrorBody),
    ))]
/// Sets a city's outline: a GeoJSON Polygon or MultiPolygon (as a geometry, Feature or
/// FeatureCollection), stored as one MultiPolygon.
pub(super) async fn put_outline(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    RecordJson(body): RecordJson<serde_json::Value>,
) -> Result<StatusCode, ApiError> {
    let id = path_id(&id)?;
    let outline = crate::analysis::Area::from_geojson(body)
        .map_err(|e| ApiError::bad_request("invalid_outline", e.to_string(), Some("outline")))?;
    state
        .services
        .set_outline(&caller, &id, Some(outline))
        .await?;
    tracing::info!("city outline set");
    Ok(StatusCode::NO_CONTENT)
}

/// Removes a city's outline.
#[utoipa::path(delete, path = "/api/v1/actors/{id}/outline", tag = "actors",
    params(("id" = ActorId, Path, description = "A city's id", example = "c-01")),
    responses(
        (status = 204, description = "The city has no outline now"),
        (status = 400, description = "Not a city (`not_a_city`)", body = ErrorBody),
        (status = 404, description = "No such actor", body = ErrorBody),
    ))]
pub(super) async fn delete_outline(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let id = path_id(&id)?;
    state.services.set_outline(&caller, &id, None).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/api/v1/outlines", tag = "actors",
    responses((status = 200, description = "A GeoJSON FeatureCollection", content_type = "application/geo+json", body = Object)))]
/// Every city outline as a GeoJSON FeatureCollection, a feature per city (its id as the
/// feature's id).
pub(super) async fn list_outlines(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Response, ApiError> {
    let features: Vec<serde_json::Value> = state
        .services
        .outlines(&caller)
        .await?
        .into_iter()
        .map(|(id, geometry)| {
            serde_json::json!({
                "type": "Feature",
                "id": id.as_str(),
                "properties": {"city": id.as_str()},
                "geometry": geometry,
            })
        })
        .collect();
    let count = features.len();
    let collection = serde_json::json!({"type": "FeatureCollection", "features": features});
    Ok(counted(
        count,
        (
            [(header::CONTENT_TYPE, "application/geo+json")],
            collection.to_string(),
        ),
    ))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(super) struct ActorQuery {
    /// Only actors of this kind.
    #[param(value_type = Option<ActorKind>)]
    kind: Option<String>,
    /// Only actors of this city (the city's id).
    #[param(value_type = Option<ActorId>)]
    city: Option<String>,
    /// Only actors who speak this language.
    #[param(value_type = Option<Language>)]
    language: Option<String>,
    /// Only actors located in this box: `west,south,east,north` in degrees.
    #[param(example = "29.9,-2.0,30.2,-1.8")]
    bbox: Option<String>,
    /// Only actors whose name holds this text (any letter case).
    #[param(example = "sel")]
    q: Option<String>,
    #[serde(flatten)]
    #[param(ignore)]
    page: PageQuery,
}

/// A page of actors.
#[derive(Serialize, ToSchema)]
pub(super) struct ActorList {
    actors: Vec<ActorRecord>,
    /// Pass as `cursor` for the next page; null on the last page.
    #[schema(value_type = Option<ActorId>)]
    next_cursor: Option<String>,
}

/// A page of ties.
#[derive(Serialize, ToSchema)]
pub(super) struct TieList {
    pub ties: Vec<TieRecord>,
    /// Pass as `cursor` for the next page; null on the last page.
    #[schema(value_type = Option<TieId>)]
    pub next_cursor: Option<String>,
}

/// Lists actors by id, filtered, a page at a time.
#[utoipa::path(get, path = "/api/v1/actors", tag = "actors",
    params(ActorQuery, PageQuery),
    responses((status = 200, description = "A page of actors", body = ActorList)))]
pub(super) async fn list_actors(
    State(state): State<AppState>,
    caller: Caller,
    Query(query): Query<ActorQuery>,
) -> Result<Response, ApiError> {
    let filter = ActorFilter {
        kind: parse_param("kind", query.kind.as_deref(), ActorKind::parse)?,
        city: parse_param("city", query.city.as_deref(), ActorId::parse)?,
        language: parse_param("language", query.language.as_deref(), Language::parse)?,
        bbox: query
            .bbox
            .as_deref()
            .map(BoundingBox::parse)
            .transpose()
            .map_err(|message| ApiError::bad_request("invalid_query", message, Some("bbox")))?,
        name: search_text(query.q.as_deref())?,
    };
    let page = query.page.page()?;
    let actors = state.services.actors(&caller, &filter, &page).await?;
    let ids: Vec<&str> = actors.iter().map(|a| a.id.as_str()).collect();
    let next_cursor = next_cursor(&ids, &page);
    let list = ActorList {
        actors: actors.iter().map(ActorRecord::from).collect(),
        next_cursor,
    };
    Ok(counted(list.actors.len(), Json(list)))
}

fn path_id(raw: &str) -> Result<ActorId, ApiError> {
    ActorId::parse(raw).map_err(|_| ApiError::NotFound("actor".into()))
}

/// A search for part of a name: trimmed, 1 to 100 characters, no control characters; none
/// when blank.
pub(crate) fn search_text(raw: Option<&str>) -> Result<Option<String>, ApiError> {
    let Some(text) = raw.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    if text.chars().count() > 100 || text.chars().any(char::is_control) {
        return Err(ApiError::bad_request(
            "invalid_query",
            "q must be 1 to 100 characters of a name, without control characters",
            Some("q"),
        ));
    }
    Ok(Some(text.to_owned()))
}

/// Creates an actor; the id is generated when absent.
#[utoipa::path(post, path = "/api/v1/actors", tag = "actors",
    request_body = ActorRecord,
    responses(
        (status = 201, description = "Created; `Location` names it", body = ActorRecord,
            headers(("Location" = String, description = "The new actor's address"))),
        (status = 409, description = "The id is taken", body = ErrorBody),
        (status = 422, description = "A rule is broken (`details` lists every one)", body = ErrorBody),
    ))]
pub(super) async fn create_actor(
    State(state): State<AppState>,
    caller: Caller,
    RecordJson(record): RecordJson<ActorRecord>,
) -> Result<impl IntoResponse, ApiError> {
    let batch = single_write(record, None, WriteMode::Create)?;
    let actor = state.services.write_actor(&caller, batch).await?;
    tracing::info!("actor created");
    let location = format!("/api/v1/actors/{}", actor.id);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(ActorRecord::from(&actor)),
    ))
}

/// One actor.
#[utoipa::path(get, path = "/api/v1/actors/{id}", tag = "actors",
    params(("id" = ActorId, Path, example = "m-0001")),
    responses(
        (status = 200, description = "The actor", body = ActorRecord),
        (status = 404, description = "No such actor", body = ErrorBody),
    ))]
pub(super) async fn get_actor(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let id = path_id(&id)?;
    let actor = state.services.actor(&caller, &id).await?;
    Ok(counted(1, Json(ActorRecord::from(&actor))))
}

/// Replaces an actor (its kind stays); creates none.
#[utoipa::path(put, path = "/api/v1/actors/{id}", tag = "actors",
    params(("id" = ActorId, Path, example = "m-0001")),
    request_body = ActorRecord,
    responses(
        (status = 200, description = "The actor as stored", body = ActorRecord),
        (status = 404, description = "No such actor", body = ErrorBody),
        (status = 409, description = "The kind would change", body = ErrorBody),
        (status = 422, description = "A rule is broken (`details` lists every one)", body = ErrorBody),
    ))]
pub(super) async fn replace_actor(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    RecordJson(record): RecordJson<ActorRecord>,
) -> Result<Json<ActorRecord>, ApiError> {
    let id = path_id(&id)?;
    let batch = single_write(record, Some(id.as_str()), WriteMode::Replace)?;
    let actor = state.services.write_actor(&caller, batch).await?;
    tracing::info!("actor replaced");
    Ok(Json(ActorRecord::from(&actor)))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(super) struct DeleteQuery {
    /// Also redact the actor's id and its ties' ids from the audit trail (the right to be
    /// forgotten); the erasure itself is recorded without the id.
    #[param(value_type = Option<bool>)]
    erase: Option<String>,
}

#[utoipa::path(delete, path = "/api/v1/actors/{id}", tag = "actors",
    params(("id" = ActorId, Path, example = "m-0001"), DeleteQuery),
    responses(
        (status = 204, description = "Deleted, with its ties"),
        (status = 404, description = "No such actor", body = ErrorBody),
        (status = 409, description = "A city that actors still name as theirs", body = ErrorBody),
    ))]
/// Deletes an actor and its ties. With `erase=true`, also redacts the actor's id and its ties'
/// ids from the audit trail, and records the erasure itself without the id.
pub(super) async fn delete_actor(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    Query(query): Query<DeleteQuery>,
) -> Result<Response, ApiError> {
    let erase = flag(query.erase.as_deref(), "erase")?;
    let id = path_id(&id)?;
    if !erase {
        state.services.delete_actor(&caller, &id, false).await?;
        tracing::info!("actor deleted");
        return Ok(StatusCode::NO_CONTENT.into_response());
    }
    // Whatever happens, the audit entry of an erasure does not name the person.
    let withheld = AuditTarget("erased".into());
    match state.services.delete_actor(&caller, &id, true).await {
        Ok(()) => {
            tracing::info!("an actor was erased");
            Ok((StatusCode::NO_CONTENT, Extension(withheld)).into_response())
        }
        Err(error) => Ok((Extension(withheld), ApiError::from(error)).into_response()),
    }
}

/// The ties of one actor, either end, a page at a time.
#[utoipa::path(get, path = "/api/v1/actors/{id}/ties", tag = "actors",
    params(("id" = ActorId, Path, example = "m-0001"), PageQuery),
    responses(
        (status = 200, description = "A page of the actor's ties", body = TieList),
        (status = 404, description = "No such actor", body = ErrorBody),
    ))]
pub(super) async fn list_actor_ties(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    Query(query): Query<PageQuery>,
) -> Result<Response, ApiError> {
    let id = path_id(&id)?;
    let page = query.page()?;
    let ties = state.services.actor_ties(&caller, &id, &page).await?;
    let ids: Vec<&str> = ties.iter().map(|t| t.id.as_str()).collect();
    let next_cursor = next_cursor(&ids, &page);
    let list = TieList {
        ties: ties.iter().map(TieRecord::from).collect(),
        next_cursor,
    };
    Ok(counted(list.ties.len(), Json(list)))
}
