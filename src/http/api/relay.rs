//! The relay analyses over HTTP: `/api/v1/reach`, `/api/v1/coverage` (JSON or CSV) and
//! `/api/v1/actors/{id}/reach`, answered by the use cases within the budget.

use axum::Json;
use axum::extract::{Path, Request, State};
use axum::response::Response;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::analysis::QueryDto;
use crate::analysis::{MAX_HOPS_LIMIT, ReachPage, Reached, RelayQuery, TargetPage};
use crate::domain::ActorId;
use crate::http::access::{Access, Caller, Routes};
use crate::http::api::{PageQuery, counted};
use crate::http::extract::{Query, body_bytes, is_json};
use crate::http::{API_BODY_LIMIT, ApiError, AppState, ErrorBody};
use crate::service::CoverageView;

pub fn routes() -> Routes {
    // Relay queries are reads (audited as reads of personal data: they answer with ids).
    Routes::new()
        .post_read("/api/v1/reach", Access::Network, post_reach)
        .post_read("/api/v1/coverage", Access::Network, post_coverage)
        .get(
            "/api/v1/actors/{id}/reach",
            Access::Network,
            get_actor_reach,
        )
}

async fn read_query(state: &AppState, request: Request) -> Result<RelayQuery, ApiError> {
    if !is_json(&request) {
        return Err(ApiError::UnsupportedMediaType(
            "send the query as JSON with Content-Type: application/json".into(),
        ));
    }
    let bytes = body_bytes(request, state, API_BODY_LIMIT).await?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| ApiError::bad_request("malformed_json", "the body is not UTF-8", None))?;
    Ok(RelayQuery::from_json(text)?)
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(super) struct ReachParams {
    /// List at most this many targets (reached or not), in id order; every target when neither
    /// `limit` nor `cursor` is given. The counts always cover every target.
    #[param(value_type = Option<usize>, minimum = 1, maximum = 1000)]
    limit: Option<String>,
    /// The `next_cursor` of the previous page: targets after this id.
    #[param(value_type = Option<String>)]
    cursor: Option<String>,
}

impl ReachParams {
    /// The page asked for, if any (a cursor alone pages by the default limit).
    fn page(&self) -> Result<Option<TargetPage>, ApiError> {
        if self.limit.is_none() && self.cursor.is_none() {
            return Ok(None);
        }
        let page = PageQuery::of(self.limit.clone(), self.cursor.clone()).page()?;
        Ok(Some(TargetPage {
            after: page.after,
            limit: page.limit,
        }))
    }
}

/// Who the sources can reach among the targets, over usable ties, and through whom: every
/// target, or one page of them (`limit`, `cursor`) with the counts of all.
#[utoipa::path(post, path = "/api/v1/reach", tag = "relay",
    params(ReachParams),
    request_body = QueryDto,
    responses(
        (status = 200, description = "Reached and unreached targets", body = ReachPage),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 422, description = "The query breaks a rule (`field` names it)", body = ErrorBody),
    ))]
pub(super) async fn post_reach(
    State(state): State<AppState>,
    caller: Caller,
    Query(params): Query<ReachParams>,
    request: Request,
) -> Result<Response, ApiError> {
    let page = params.page()?;
    let query = read_query(&state, request).await?;
    let answer = state.services.reach(&caller, query, page).await?;
    tracing::info!(
        targets = answer.report.targets,
        reached = answer.report.reached_count,
        listed = answer.report.reached.len() + answer.report.unreached.len(),
        "reach answered"
    );
    Ok(counted(answer.report.reached.len(), Json(answer)))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(super) struct CoverageParams {
    /// `json` (default): the whole report; `csv`: a row per target (reached or not, hops,
    /// reliability, path), for spreadsheets.
    #[param(value_type = Option<String>, pattern = "^(csv|json)$")]
    format: Option<String>,
}

/// The reach report plus the call list, the single points of failure and the unreached by
/// language; or, as CSV, a row per target.
#[utoipa::path(post, path = "/api/v1/coverage", tag = "relay",
    params(CoverageParams),
    request_body = QueryDto,
    responses(
        (status = 200, description = "The coverage report", content(
            (CoverageView = "application/json"),
            (String = "text/csv"),
        )),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 422, description = "The query breaks a rule (`field` names it)", body = ErrorBody),
    ))]
pub(super) async fn post_coverage(
    State(state): State<AppState>,
    caller: Caller,
    Query(params): Query<CoverageParams>,
    request: Request,
) -> Result<Response, ApiError> {
    let csv = match params.format.as_deref() {
        None | Some("json") => false,
        Some("csv") => true,
        Some(other) => {
            return Err(ApiError::bad_request(
                "unsupported_format",
                format!("unknown coverage format {other:?}: use json or csv"),
                Some("format"),
            ));
        }
    };
    let query = read_query(&state, request).await?;
    if csv {
        let (body, records) = state.services.coverage_csv(&caller, query).await?;
        let disposition = format!(
            "attachment; filename=\"relaymap-scenario-{}.csv\"",
            chrono::Utc::now().format("%Y-%m-%d-%H%M")
        );
        let headers = [
            (
                axum::http::header::CONTENT_TYPE,
                "text/csv; charset=utf-8".to_owned(),
            ),
            (axum::http::header::CONTENT_DISPOSITION, disposition),
        ];
        return Ok(counted(records, (headers, body)));
    }
    let report = state.services.coverage(&caller, query).await?;
    tracing::info!(
        targets = report.reach.targets,
        reached = report.reach.reached_count,
        "coverage answered"
    );
    let records = report.reach.reached.len();
    Ok(counted(records, Json(report)))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(super) struct ActorReachQuery {
    /// The most ties a message may cross (default 3).
    #[param(value_type = Option<u8>, minimum = 1, maximum = 10)]
    max_hops: Option<String>,
}

/// Who can reach one actor.
#[derive(Serialize, ToSchema)]
pub(super) struct ActorReachDto {
    /// The actor.
    id: ActorId,
    /// As asked.
    max_hops: u8,
    /// The responders who reach the actor (each with the path from them), most reliable first.
    reached_by: Vec<Reached>,
}

/// The responders who can reach one actor, over the default usable ties.
#[utoipa::path(get, path = "/api/v1/actors/{id}/reach", tag = "relay",
    params(("id" = ActorId, Path, example = "m-0001"), ActorReachQuery),
    responses(
        (status = 200, description = "Who reaches the actor", body = ActorReachDto),
        (status = 404, description = "No such actor", body = ErrorBody),
        (status = 422, description = "The actor is a city: cities relay no message", body = ErrorBody),
    ))]
pub(super) async fn get_actor_reach(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    Query(query): Query<ActorReachQuery>,
) -> Result<Response, ApiError> {
    let id = ActorId::parse(&id).map_err(|_| ApiError::NotFound("actor".into()))?;
    let max_hops = match query.max_hops.as_deref() {
        None => RelayQuery::default().max_hops,
        Some(raw) => raw
            .parse::<u8>()
            .ok()
            .filter(|n| (1..=MAX_HOPS_LIMIT).contains(n))
            .ok_or_else(|| {
                ApiError::bad_request(
                    "invalid_query",
                    format!("max_hops must be from 1 to {MAX_HOPS_LIMIT}"),
                    Some("max_hops"),
                )
            })?,
    };
    let reached = state
        .services
        .actor_reach(&caller, id.clone(), max_hops)
        .await?;
    Ok(counted(
        reached.len(),
        Json(ActorReachDto {
            id,
            max_hops,
            reached_by: reached,
        }),
    ))
}
