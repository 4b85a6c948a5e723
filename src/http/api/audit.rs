//! `GET /api/v1/audit`: the audit trail, newest first, for admins.

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::http::access::{Access, Routes};
use crate::http::api::{counted, whole_number};
use crate::http::extract::Query;
use crate::http::{ApiError, AppState};

pub fn routes() -> Routes {
    Routes::new().get("/api/v1/audit", Access::Admin, get_audit)
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(super) struct AuditQuery {
    /// Entries older than this `seq` (the previous page's `next_before`).
    #[param(value_type = Option<u64>, minimum = 1)]
    before: Option<String>,
    /// How many entries at most (default 100).
    #[param(value_type = Option<usize>, minimum = 1, maximum = 1000)]
    limit: Option<String>,
}

/// One audited call.
#[derive(Serialize, ToSchema)]
pub(super) struct AuditEntryDto {
    /// Its place in the trail.
    seq: u64,
    /// When (RFC 3339, UTC).
    at: String,
    /// The token's label, or `anonymous`.
    who: String,
    /// The caller's role, when known.
    #[schema(value_type = Option<crate::domain::Role>)]
    role: Option<&'static str>,
    /// Method and route template, such as `POST /api/v1/actors`.
    action: String,
    /// What was touched (an id; `erased` and `dry_run` stand in where the id must not be kept).
    target: Option<String>,
    /// `ok`, or why not: an HTTP status, `unauthenticated`, `forbidden`, `csrf`,
    /// `too_many_failures`, or `client_left` (a read whose client hung up).
    outcome: String,
    /// How many records the call handed out or wrote, when it says.
    #[serde(skip_serializing_if = "Option::is_none")]
    records: Option<u64>,
}

/// A page of the audit trail, newest first.
#[derive(Serialize, ToSchema)]
pub(super) struct AuditDto {
    entries: Vec<AuditEntryDto>,
    /// Pass as `before` for the next (older) page; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    next_before: Option<u64>,
}

#[utoipa::path(get, path = "/api/v1/audit", tag = "admin",
    params(AuditQuery),
    responses((status = 200, description = "A page of the trail", body = AuditDto)))]
/// The audit trail, newest first, for admins.
pub(super) async fn get_audit(
    State(state): State<AppState>,
    Query(query): Query<AuditQuery>,
) -> Result<Response, ApiError> {
    let before = whole_number("before", query.before.as_deref(), 1..=usize::MAX / 2)?;
    let limit = whole_number("limit", query.limit.as_deref(), 1..=1000)?.unwrap_or(100);
    let entries = state.store.audit(before.map(|b| b as u64), limit).await?;
    let next_before = (entries.len() == limit)
        .then(|| entries.last().map(|e| e.seq))
        .flatten();
    let records = entries.len();
    Ok(counted(
        records,
        Json(AuditDto {
            entries: entries
                .into_iter()
                .map(|e| AuditEntryDto {
                    seq: e.seq,
                    at: crate::domain::format_timestamp(&e.at),
                    who: e.who,
                    role: e.role.map(crate::domain::Role::as_str),
                    action: e.action,
                    target: e.target,
                    outcome: e.outcome,
                    records: e.records,
                })
                .collect(),
            next_before,
        }),
    ))
}
