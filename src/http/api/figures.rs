//! `GET /api/v1/stats` and `GET /api/v1/aggregates`: the counts every role may see.

use axum::Json;
use axum::extract::State;

use crate::http::access::{Access, Caller, Routes};
use crate::http::{ApiError, AppState};
use crate::service::{Aggregates, Stats};

pub fn routes() -> Routes {
    Routes::new()
        .get("/api/v1/stats", Access::Aggregates, get_stats)
        .get("/api/v1/aggregates", Access::Aggregates, get_aggregates)
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
