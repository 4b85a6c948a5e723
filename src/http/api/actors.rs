//! `/api/v1/actors`: list, create, read, replace and delete actors; an actor's ties.

use axum::Extension;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::{PageQuery, flag, next_cursor, parse_param, single_write};
use crate::document::{ActorRecord, TieRecord};
use crate::domain::{ActorId, ActorKind, Language, WriteMode};
use crate::http::access::{Access, AuditTarget, Routes};
use crate::http::extract::{Query, RecordJson};
use crate::http::{ApiError, AppState};
use crate::store::{ActorFilter, BoundingBox, TieFilter};

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

/// Sets a city's outline: a GeoJSON Polygon or MultiPolygon (as a geometry, Feature or
/// FeatureCollection), stored as one MultiPolygon.
async fn put_outline(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RecordJson(body): RecordJson<serde_json::Value>,
) -> Result<StatusCode, ApiError> {
    let id = city_id(&state, &id).await?;
    let outline = crate::analysis::Area::from_geojson(body)
        .map_err(|e| ApiError::bad_request("invalid_outline", e.to_string(), Some("outline")))?;
    state
        .store
        .set_outline(&id, Some(outline.to_geojson().to_string()))
        .await?;
    tracing::info!(actor_id = %id, "city outline set");
    Ok(StatusCode::NO_CONTENT)
}

async fn delete_outline(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let id = city_id(&state, &id).await?;
    state.store.set_outline(&id, None).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The id of an existing city; outlines belong to cities only.
async fn city_id(state: &AppState, raw: &str) -> Result<ActorId, ApiError> {
    let id = path_id(raw)?;
    match state.store.get_actor(&id).await? {
        None => Err(ApiError::NotFound(format!("actor {id}"))),
        Some(actor) if actor.record.kind != ActorKind::City => Err(ApiError::bad_request(
            "not_a_city",
            format!(
                "{id} is a {}: only cities have outlines",
                actor.record.kind.as_str()
            ),
            Some("id"),
        )),
        Some(_) => Ok(id),
    }
}

/// Every city outline as a GeoJSON FeatureCollection, a feature per city (its id as the
/// feature's id).
async fn list_outlines(State(state): State<AppState>) -> Result<Response, ApiError> {
    let features = state
        .store
        .outlines()
        .await?
        .into_iter()
        .map(|(id, outline)| {
            let geometry: serde_json::Value = serde_json::from_str(&outline)
                .map_err(|e| ApiError::Internal(anyhow::anyhow!("stored outline of {id}: {e}")))?;
            Ok(serde_json::json!({
                "type": "Feature",
                "id": id.as_str(),
                "properties": {"city": id.as_str()},
                "geometry": geometry,
            }))
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    let collection = serde_json::json!({"type": "FeatureCollection", "features": features});
    Ok((
        [(header::CONTENT_TYPE, "application/geo+json")],
        collection.to_string(),
    )
        .into_response())
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ActorQuery {
    kind: Option<String>,
    city: Option<String>,
    language: Option<String>,
    bbox: Option<String>,
    #[serde(flatten)]
    page: PageQuery,
}

#[derive(Serialize)]
struct ActorList {
    actors: Vec<ActorRecord>,
    next_cursor: Option<String>,
}

#[derive(Serialize)]
pub(super) struct TieList {
    pub ties: Vec<TieRecord>,
    pub next_cursor: Option<String>,
}

async fn list_actors(
    State(state): State<AppState>,
    Query(query): Query<ActorQuery>,
) -> Result<Json<ActorList>, ApiError> {
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
    };
    let page = query.page.page()?;
    let actors = state.store.list_actors(&filter, &page).await?;
    let ids: Vec<&str> = actors.iter().map(|a| a.record.id.as_str()).collect();
    let next_cursor = next_cursor(&ids, &page);
    Ok(Json(ActorList {
        actors: actors.iter().map(ActorRecord::from).collect(),
        next_cursor,
    }))
}

fn path_id(raw: &str) -> Result<ActorId, ApiError> {
    ActorId::parse(raw).map_err(|_| ApiError::NotFound("actor".into()))
}

async fn read_back(state: &AppState, id: &ActorId) -> Result<ActorRecord, ApiError> {
    let stored = state.store.get_actor(id).await?;
    // The write just committed; a concurrent delete is the only way to miss it.
    stored
        .map(|a| ActorRecord::from(&a))
        .ok_or_else(|| ApiError::NotFound(format!("actor {id}")))
}

async fn create_actor(
    State(state): State<AppState>,
    RecordJson(record): RecordJson<ActorRecord>,
) -> Result<impl IntoResponse, ApiError> {
    let batch = single_write(record, None, WriteMode::Create)?;
    let id = batch.actors[0].record.id.clone();
    state.store.write(batch).await?;
    tracing::info!(actor_id = %id, "actor created");
    let location = format!("/api/v1/actors/{id}");
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(read_back(&state, &id).await?),
    ))
}

async fn get_actor(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<ActorRecord>, ApiError> {
    let id = path_id(&id)?;
    match state.store.get_actor(&id).await? {
        Some(actor) => Ok(Json(ActorRecord::from(&actor))),
        None => Err(ApiError::NotFound(format!("actor {id}"))),
    }
}

async fn replace_actor(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RecordJson(record): RecordJson<ActorRecord>,
) -> Result<Json<ActorRecord>, ApiError> {
    let id = path_id(&id)?;
    let batch = single_write(record, Some(id.as_str()), WriteMode::Replace)?;
    state.store.write(batch).await?;
    tracing::info!(actor_id = %id, "actor replaced");
    Ok(Json(read_back(&state, &id).await?))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DeleteQuery {
    erase: Option<String>,
}

/// Deletes an actor and its ties. With `erase=true`, also redacts the actor's id and its ties'
/// ids from the audit trail, and records the erasure itself without the id.
async fn delete_actor(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(query): Query<DeleteQuery>,
) -> Result<Response, ApiError> {
    let erase = flag(query.erase.as_deref(), "erase")?;
    let id = path_id(&id)?;
    if !erase {
        state.store.delete_actor(&id, false).await?;
        tracing::info!(actor_id = %id, "actor deleted");
        return Ok(StatusCode::NO_CONTENT.into_response());
    }
    // Whatever happens, the audit entry of an erasure does not name the person.
    let withheld = AuditTarget("erased".into());
    match state.store.delete_actor(&id, true).await {
        Ok(()) => {
            tracing::info!("an actor was erased");
            Ok((StatusCode::NO_CONTENT, Extension(withheld)).into_response())
        }
        Err(error) => Ok((Extension(withheld), ApiError::from(error)).into_response()),
    }
}

async fn list_actor_ties(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(query): Query<PageQuery>,
) -> Result<Json<TieList>, ApiError> {
    let id = path_id(&id)?;
    let page = query.page()?;
    if state.store.get_actor(&id).await?.is_none() {
        return Err(ApiError::NotFound(format!("actor {id}")));
    }
    let filter = TieFilter {
        actor: Some(id),
        ..TieFilter::default()
    };
    let ties = state.store.list_ties(&filter, &page).await?;
    let ids: Vec<&str> = ties.iter().map(|t| t.record.id.as_str()).collect();
    let next_cursor = next_cursor(&ids, &page);
    Ok(Json(TieList {
        ties: ties.iter().map(TieRecord::from).collect(),
        next_cursor,
    }))
}
