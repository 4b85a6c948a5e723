//! Duplicates over HTTP: `GET /api/v1/duplicates` (likely pairs with a score and reasons),
//! `POST /api/v1/actors/{id}/merge` (all or nothing, audited with both records as subjects) and
//! `POST /api/v1/duplicates/distinct` (a pair marked as two).

use axum::Json;
use axum::extract::{Path, State};
use axum::response::Response;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::analysis::DuplicatePair;
use crate::domain::ActorId;
use crate::http::access::{Access, AuditSubjects, Caller, Routes};
use crate::http::api::counted;
use crate::http::extract::{Query, RecordJson};
use crate::http::{ApiError, AppState, ErrorBody};
use crate::service::duplicates::{MAX_PAIRS, Merged};

pub fn routes() -> Routes {
    Routes::new()
        .get("/api/v1/duplicates", Access::Network, list_duplicates)
        .post(
            "/api/v1/duplicates/distinct",
            Access::Network,
            mark_distinct,
        )
        .post("/api/v1/actors/{id}/merge", Access::Network, merge_actor)
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(super) struct DuplicatesParams {
    /// At most this many pairs (1–500, default 100).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 500)]
    limit: Option<String>,
}

/// The likely duplicates.
#[derive(Serialize, ToSchema)]
pub(super) struct DuplicateList {
    /// Most likely first.
    pairs: Vec<DuplicatePair>,
}

/// Likely duplicate pairs: similar names (also across scripts), same city, same languages,
/// ties in common; those marked distinct are left out.
#[utoipa::path(get, path = "/api/v1/duplicates", tag = "network",
    params(DuplicatesParams),
    responses(
        (status = 200, description = "Likely pairs, most likely first", body = DuplicateList),
        (status = 400, description = "A bad limit", body = ErrorBody),
    ))]
pub(super) async fn list_duplicates(
    State(state): State<AppState>,
    caller: Caller,
    Query(params): Query<DuplicatesParams>,
) -> Result<Response, ApiError> {
    let limit = match params.limit.as_deref() {
        None => 100,
        Some(raw) => raw
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=MAX_PAIRS).contains(n))
            .ok_or_else(|| {
                ApiError::bad_request(
                    "invalid_query",
                    format!("limit must be from 1 to {MAX_PAIRS}"),
                    Some("limit"),
                )
            })?,
    };
    let pairs = state.services.duplicates(&caller, limit).await?;
    Ok(counted(pairs.len(), Json(DuplicateList { pairs })))
}

fn actor_id(field: &'static str, raw: &str) -> Result<ActorId, ApiError> {
    ActorId::parse(raw).map_err(|e| ApiError::bad_request("invalid_id", e.to_string(), Some(field)))
}

/// A pair of actors.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct PairDto {
    /// One actor.
    a: String,
    /// The other.
    b: String,
}

/// Marks two actors as two different people or organisations: the finder skips the pair.
#[utoipa::path(post, path = "/api/v1/duplicates/distinct", tag = "network",
    request_body = PairDto,
    responses(
        (status = 204, description = "Marked"),
        (status = 400, description = "A bad id, or the same actor twice", body = ErrorBody),
        (status = 404, description = "No such actor", body = ErrorBody),
        (status = 422, description = "A field missing or of the wrong type", body = ErrorBody),
    ))]
pub(super) async fn mark_distinct(
    State(state): State<AppState>,
    caller: Caller,
    RecordJson(pair): RecordJson<PairDto>,
) -> Result<Response, ApiError> {
    let (a, b) = (actor_id("a", &pair.a)?, actor_id("b", &pair.b)?);
    state.services.mark_distinct(&caller, &a, &b).await?;
    let mut response = counted(2, axum::http::StatusCode::NO_CONTENT);
    response
        .extensions_mut()
        .insert(AuditSubjects(vec![a.to_string(), b.to_string()]));
    Ok(response)
}

/// Which record the merged one goes into.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct MergeDto {
    /// The record kept.
    into: String,
}

/// Merges this actor into another, all or nothing: every tie moves to the kept record (ties
/// between the two are dropped), the kept record gains the languages, channels, location, city
/// and attributes only this one had, consent stays only if both agreed, and this one is deleted.
#[utoipa::path(post, path = "/api/v1/actors/{id}/merge", tag = "network",
    params(("id" = String, Path, description = "The record merged away", example = "m-0002")),
    request_body = MergeDto,
    responses(
        (status = 200, description = "Merged", body = Merged),
        (status = 400, description = "The same actor, another kind, a city, or an unknown one to keep", body = ErrorBody),
        (status = 404, description = "No such actor", body = ErrorBody),
        (status = 422, description = "A field missing or of the wrong type", body = ErrorBody),
    ))]
pub(super) async fn merge_actor(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    RecordJson(body): RecordJson<MergeDto>,
) -> Result<Response, ApiError> {
    let from = ActorId::parse(&id).map_err(|_| ApiError::NotFound(format!("actor {id}")))?;
    let into = actor_id("into", &body.into)?;
    let (merged, _) = state.services.merge(&caller, &from, &into).await?;
    tracing::info!(ties = merged.ties_moved, "actors merged");
    let mut response = counted(2, Json(merged));
    response
        .extensions_mut()
        .insert(AuditSubjects(vec![from.to_string(), into.to_string()]));
    Ok(response)
}
