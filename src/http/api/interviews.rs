//! Interviews over HTTP: `POST /api/v1/interviews` (one interview, all or nothing, once per
//! key), the coordinators' reading of them, the protocol (`GET`, and `PUT` for admins) and the
//! roster interviewers pick known actors from.

use axum::Json;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, Path, Request, State};
use axum::http::{Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::domain::{ActorKind, Protocol};
use crate::http::access::{Access, AuditSubjects, AuditTarget, Caller, Routes};
use crate::http::api::counted;
use crate::http::extract::body_bytes;
use crate::http::extract::{Query, RecordJson};
use crate::http::{ApiError, AppState, ErrorBody};
use crate::service::ServiceError;
use crate::service::forms::ImportedSubmission;
use crate::service::interviews::{
    InterviewDocument, InterviewResult, InterviewSummary, RosterEntry,
};
use crate::store::StoreError;

pub fn routes(max_import_bytes: usize) -> Routes {
    Routes::new()
        .post("/api/v1/interviews", Access::Interview, submit_interview)
        .add(
            Method::POST,
            "/api/v1/interviews/import",
            Access::Network,
            true,
            post(import_interviews).layer(DefaultBodyLimit::max(max_import_bytes)),
        )
        .get("/api/v1/templates/xlsform", Access::Interview, get_xlsform)
        .get("/api/v1/interviews", Access::Network, list_interviews)
        .get("/api/v1/interviews/{id}", Access::Network, get_interview)
        .get(
            "/api/v1/interview-protocol",
            Access::Interview,
            get_protocol,
        )
        .put("/api/v1/interview-protocol", Access::Admin, put_protocol)
        .get("/api/v1/roster", Access::Interview, get_roster)
}

/// Writes one interview: the person interviewed with their consent, everyone named who is new,
/// a tie per answer and the record of the answers, all or nothing. Sending the same `key`
/// again (a retry, a second tab) writes nothing and answers with the first result (`200`,
/// `replayed: true`).
#[utoipa::path(post, path = "/api/v1/interviews", tag = "interviews",
    request_body = InterviewDocument,
    responses(
        (status = 201, description = "Written", body = InterviewResult),
        (status = 200, description = "This key was sent before: its first result", body = InterviewResult),
        (status = 400, description = "A bad key or unknown protocol version", body = ErrorBody),
        (status = 409, description = "The key belongs to another token's interview", body = ErrorBody),
        (status = 422, description = "Answers that break the model's rules (each with its part, position and field); nothing was written", body = ErrorBody),
    ))]
pub(super) async fn submit_interview(
    State(state): State<AppState>,
    caller: Caller,
    RecordJson(document): RecordJson<InterviewDocument>,
) -> Result<Response, ApiError> {
    let result = state.services.submit_interview(&caller, document).await?;
    tracing::info!(
        named = result.named.len(),
        ties = result.ties.len(),
        replayed = result.replayed,
        "interview received"
    );
    let status = if result.replayed {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    let mut subjects = vec![result.ego.clone()];
    subjects.extend(result.named.iter().map(|n| n.id.clone()));
    let target = result.id.clone();
    let records = 1 + result.named.len();
    let mut response = counted(records, (status, Json(result)));
    response.extensions_mut().insert(AuditTarget(target));
    response.extensions_mut().insert(AuditSubjects(subjects));
    Ok(response)
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(super) struct ListParams {
    /// At most this many, the latest first (1–1000, default 100).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 1000)]
    limit: Option<String>,
}

/// The interviews.
#[derive(Serialize, ToSchema)]
pub(super) struct InterviewList {
    /// The latest first.
    interviews: Vec<InterviewSummary>,
}

/// The latest interviews: who was interviewed, when, by which token, how many people named.
#[utoipa::path(get, path = "/api/v1/interviews", tag = "interviews",
    params(ListParams),
    responses(
        (status = 200, description = "The latest first", body = InterviewList),
        (status = 400, description = "A bad limit", body = ErrorBody),
    ))]
pub(super) async fn list_interviews(
    State(state): State<AppState>,
    _caller: Caller,
    Query(params): Query<ListParams>,
) -> Result<Response, ApiError> {
    let limit = match params.limit.as_deref() {
        None => 100,
        Some(raw) => raw
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=1000).contains(n))
            .ok_or_else(|| {
                ApiError::bad_request(
                    "invalid_query",
                    "limit must be from 1 to 1000",
                    Some("limit"),
                )
            })?,
    };
    let interviews = state.services.interviews(limit).await?;
    Ok(counted(
        interviews.len(),
        Json(InterviewList { interviews }),
    ))
}

/// One interview as recorded: consent, every person's id (new or known), the answers about
/// each, the sociogram's links, the ties written, the protocol version and language.
#[utoipa::path(get, path = "/api/v1/interviews/{id}", tag = "interviews",
    params(("id" = String, Path, description = "The interview's id")),
    responses(
        (status = 200, description = "The interview", body = Object),
        (status = 404, description = "No such interview", body = ErrorBody),
    ))]
pub(super) async fn get_interview(
    State(state): State<AppState>,
    _caller: Caller,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let interview = state.services.interview(&id).await?;
    Ok(counted(1, Json(interview)))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(super) struct ProtocolParams {
    /// A version (default: the latest).
    #[param(value_type = Option<u64>, minimum = 1)]
    version: Option<String>,
}

/// The interview protocol: the questions and their translations, with its version.
#[utoipa::path(get, path = "/api/v1/interview-protocol", tag = "interviews",
    params(ProtocolParams),
    responses(
        (status = 200, description = "The protocol", body = Protocol),
        (status = 404, description = "No such version", body = ErrorBody),
    ))]
pub(super) async fn get_protocol(
    State(state): State<AppState>,
    _caller: Caller,
    Query(params): Query<ProtocolParams>,
) -> Result<Response, ApiError> {
    let version = match params.version.as_deref() {
        None => None,
        Some(raw) => Some(raw.parse::<u64>().ok().filter(|v| *v > 0).ok_or_else(|| {
            ApiError::bad_request(
                "invalid_query",
                "version is a positive number",
                Some("version"),
            )
        })?),
    };
    let protocol = state.services.protocol(version).await?;
    Ok(Json(protocol).into_response())
}

/// Saves a new version of the protocol (questions, translations); interviews keep the version
/// they were asked with.
#[utoipa::path(put, path = "/api/v1/interview-protocol", tag = "interviews",
    request_body = Protocol,
    responses(
        (status = 201, description = "Saved as the next version", body = Protocol),
        (status = 400, description = "A rule of the protocol broken", body = ErrorBody),
        (status = 422, description = "A field missing or of the wrong type", body = ErrorBody),
    ))]
pub(super) async fn put_protocol(
    State(state): State<AppState>,
    caller: Caller,
    RecordJson(protocol): RecordJson<Protocol>,
) -> Result<Response, ApiError> {
    let saved = state.services.save_protocol(&caller, protocol).await?;
    let target = format!("interview-protocol/{}", saved.version);
    let mut response = (StatusCode::CREATED, Json(saved)).into_response();
    response.extensions_mut().insert(AuditTarget(target));
    Ok(response)
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(super) struct RosterParams {
    /// Part of the name (two letters at least).
    q: Option<String>,
    /// Only this kind (`migrant`, `organisation`, `responder`, `city`).
    #[param(value_type = Option<ActorKind>)]
    kind: Option<String>,
}

/// The roster's answer.
#[derive(Serialize, ToSchema)]
pub(super) struct Roster {
    /// At most 20, by id.
    actors: Vec<RosterEntry>,
}

/// Known actors by part of their name, for an interviewer to pick: id, kind, name and city name
/// only (no contacts, places or ties), with alike names hinted as possible duplicates.
#[utoipa::path(get, path = "/api/v1/roster", tag = "interviews",
    params(RosterParams),
    responses(
        (status = 200, description = "At most 20 actors", body = Roster),
        (status = 400, description = "Fewer than two letters, or a bad kind", body = ErrorBody),
    ))]
pub(super) async fn get_roster(
    State(state): State<AppState>,
    caller: Caller,
    Query(params): Query<RosterParams>,
) -> Result<Response, ApiError> {
    let kind = params
        .kind
        .as_deref()
        .map(ActorKind::parse)
        .transpose()
        .map_err(|e| ApiError::bad_request("invalid_query", e.to_string(), Some("kind")))?;
    let actors = state
        .services
        .roster(&caller, params.q.as_deref().unwrap_or(""), kind)
        .await?;
    Ok(counted(actors.len(), Json(Roster { actors })))
}

/// The interview as an XLSForm for KoboToolbox and ODK (sheets `survey`, `choices`,
/// `settings`): the current protocol's questions in its languages, choice names that are
/// relaymap's codes, the people named as a repeat group.
#[utoipa::path(get, path = "/api/v1/templates/xlsform", tag = "interviews",
    responses(
        (status = 200, description = "The XLSForm",
         content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
         body = Vec<u8>),
    ))]
pub(super) async fn get_xlsform(
    State(state): State<AppState>,
    _caller: Caller,
) -> Result<Response, ApiError> {
    let bytes = state.services.interview_xlsform().await?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"relaymap-interview.xlsx\"",
            ),
        ],
        Body::from(bytes),
    )
        .into_response())
}

/// What an import of form submissions wrote.
#[derive(Serialize, ToSchema)]
pub(super) struct ImportedInterviews {
    /// Each submission, in the export's order, with its interview (`replayed`: written by an
    /// earlier import of the same submission, nothing written now).
    interviews: Vec<ImportedSubmission>,
}

/// Imports an export of the XLSForm's submissions from KoboToolbox or ODK Central (XLSX, CSV
/// with `,` or `;`, or a zip of CSV files; the people named in the repeat group's sheet or
/// file). Every submission is read first and nothing is written if one is unreadable; then each
/// is written as one interview, once per submission (`_uuid`), as `POST /api/v1/interviews`.
#[utoipa::path(post, path = "/api/v1/interviews/import", tag = "interviews",
    request_body(content(
        (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (Vec<u8> = "text/csv"),
        (Vec<u8> = "application/zip"),
    )),
    responses(
        (status = 200, description = "Every submission written (or written before)", body = ImportedInterviews),
        (status = 400, description = "Not an export of the form, or a submission the model refuses (said with its place; those before it were written)", body = ErrorBody),
        (status = 422, description = "Unreadable submissions (every row said); nothing was written", body = ErrorBody),
    ))]
pub(super) async fn import_interviews(
    State(state): State<AppState>,
    caller: Caller,
    request: Request,
) -> Result<Response, ApiError> {
    let bytes = body_bytes(request, &state, state.max_import_bytes).await?;
    let interviews = match state
        .services
        .import_interviews(&caller, bytes.to_vec())
        .await
    {
        Err(ServiceError::Store(StoreError::Rejected(rows))) => {
            return Err(ApiError::ImportRejected(rows));
        }
        result => result?,
    };
    let written = interviews.iter().filter(|i| !i.interview.replayed).count();
    tracing::info!(
        submissions = interviews.len(),
        written,
        "form submissions imported"
    );
    Ok(counted(written, Json(ImportedInterviews { interviews })))
}
