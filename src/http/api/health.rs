//! Liveness (`/healthz`, `/api/v1/healthz`) and readiness (`/readyz`), without a token.

use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

use crate::http::AppState;
use crate::http::access::{Access, Routes};

pub fn routes() -> Routes {
    Routes::new()
        .get("/api/v1/healthz", Access::Public, get_api_health)
        .get("/healthz", Access::Public, get_health)
        .get("/readyz", Access::Public, get_ready)
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
