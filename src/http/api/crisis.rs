//! Running a crisis over HTTP: `/api/v1/activations` (live and drill), `/api/v1/simulate` and
//! `/api/v1/verification`. Coordinators and admins only; every call is audited, a contact with
//! the contacted actor named as the entry's subject (so that erasing them finds it).

use axum::Json;
use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use crate::analysis::{Delays, QueryDto, RelayQuery, Simulation, SimulationParams};
use crate::domain::{ActorId, Channel, Outcome};
use crate::http::access::{Access, AuditSubjects, Caller, Routes};
use crate::http::api::counted;
use crate::http::extract::{Query, body_bytes, is_json};
use crate::http::{API_BODY_LIMIT, ApiError, AppState, ErrorBody};
use crate::service::{
    ActivationList, ActivationReport, ActivationView, StartActivation, Verification,
};

pub fn routes() -> Routes {
    Routes::new()
        .post("/api/v1/activations", Access::Network, start_activation)
        .get("/api/v1/activations", Access::Network, list_activations)
        .get("/api/v1/activations/{id}", Access::Network, get_activation)
        .post(
            "/api/v1/activations/{id}/contacts",
            Access::Network,
            record_contact,
        )
        .post(
            "/api/v1/activations/{id}/close",
            Access::Network,
            close_activation,
        )
        .get(
            "/api/v1/activations/{id}/report",
            Access::Network,
            activation_report,
        )
        .post_read("/api/v1/simulate", Access::Network, post_simulate)
        .post_read("/api/v1/verification", Access::Network, post_verification)
}

/// The body of a JSON request as a JSON value (an empty body is `{}`).
async fn json_body(state: &AppState, request: Request) -> Result<serde_json::Value, ApiError> {
    let json = is_json(&request);
    let bytes = body_bytes(request, state, API_BODY_LIMIT).await?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(serde_json::json!({}));
    }
    if !json {
        return Err(ApiError::UnsupportedMediaType(
            "send JSON with Content-Type: application/json".into(),
        ));
    }
    serde_json::from_slice(&bytes).map_err(|e| {
        ApiError::bad_request("malformed_json", format!("the body is not JSON: {e}"), None)
    })
}

fn unprocessable(field: &'static str, message: impl Into<String>) -> ApiError {
    crate::analysis::AnalysisError::invalid(field, message).into()
}

/// How to start an activation.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // read as JSON by hand; the schema documents it
pub(super) struct StartDto {
    /// What the crisis cell calls it.
    name: String,
    /// A saved scenario's name (or give `query`).
    scenario: Option<String>,
    /// A relay query (or give `scenario`).
    query: Option<QueryDto>,
    /// A drill (default false): marked everywhere, never counted with live figures.
    drill: Option<bool>,
}

/// Starts an activation from a saved scenario or a query; its `plan` is the coverage report of
/// the query as the network stands now.
#[utoipa::path(post, path = "/api/v1/activations", tag = "crisis",
    request_body = StartDto,
    responses(
        (status = 201, description = "Started", body = ActivationView),
        (status = 400, description = "Malformed JSON, a bad name, an unknown scenario, or both a scenario and a query", body = ErrorBody),
        (status = 422, description = "A field of the wrong type, or a query that breaks a rule", body = ErrorBody),
    ))]
pub(super) async fn start_activation(
    State(state): State<AppState>,
    caller: Caller,
    request: Request,
) -> Result<Response, ApiError> {
    let body = json_body(&state, request).await?;
    let Some(fields) = body.as_object() else {
        return Err(unprocessable("body", "send a JSON object"));
    };
    for key in fields.keys() {
        if !["name", "scenario", "query", "drill"].contains(&key.as_str()) {
            return Err(unprocessable(
                "body",
                format!("unknown field {key:?}: use name, scenario, query and drill"),
            ));
        }
    }
    let name = fields
        .get("name")
        .and_then(|n| n.as_str())
        .ok_or_else(|| unprocessable("name", "give the activation a name"))?;
    let scenario = match fields.get("scenario") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s.clone()),
        Some(_) => return Err(unprocessable("scenario", "a scenario is named by a string")),
    };
    let drill = match fields.get("drill") {
        None | Some(serde_json::Value::Null) => false,
        Some(serde_json::Value::Bool(b)) => *b,
        Some(_) => return Err(unprocessable("drill", "drill is true or false")),
    };
    let request = StartActivation {
        name: name.to_owned(),
        scenario,
        query: fields.get("query").filter(|q| !q.is_null()).cloned(),
        drill,
    };
    let view = state.services.start_activation(&caller, request).await?;
    tracing::info!(drill = view.drill, "activation started");
    Ok(counted(
        view.plan.call_list.len(),
        (StatusCode::CREATED, Json(view)),
    ))
}

/// Every activation, the latest first; open activations' figures summed apart for live ones and
/// drills.
#[utoipa::path(get, path = "/api/v1/activations", tag = "crisis",
    responses((status = 200, description = "Every activation", body = ActivationList)))]
pub(super) async fn list_activations(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<ActivationList>, ApiError> {
    Ok(Json(state.services.activations(&caller).await?))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(super) struct ActivationParams {
    /// `true`: the plan without its lists of reached and unreached targets (for boards that ask
    /// every few seconds).
    #[param(value_type = Option<bool>)]
    brief: Option<String>,
}

/// One activation: its contacts, who is unavailable, the current plan (re-planned without the
/// unavailable) and the progress.
#[utoipa::path(get, path = "/api/v1/activations/{id}", tag = "crisis",
    params(("id" = String, Path, example = "act-0123456789ab"), ActivationParams),
    responses(
        (status = 200, description = "The activation", body = ActivationView),
        (status = 404, description = "No such activation", body = ErrorBody),
    ))]
pub(super) async fn get_activation(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    Query(params): Query<ActivationParams>,
) -> Result<Response, ApiError> {
    let brief = match params.brief.as_deref() {
        None | Some("false") => false,
        Some("true") => true,
        Some(_) => {
            return Err(ApiError::bad_request(
                "invalid_query",
                "brief is true or false",
                Some("brief"),
            ));
        }
    };
    let view = state.services.activation(&caller, &id, brief).await?;
    Ok(counted(view.contacts.len(), Json(view)))
}

/// One contact attempt.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct ContactDto {
    /// The actor contacted.
    actor: String,
    /// `reached`, `confirmed`, `no_answer` or `unavailable`.
    #[schema(value_type = Outcome)]
    outcome: String,
    /// A note (at most 2000 characters).
    note: Option<String>,
}

/// Records one contact attempt. `unavailable` (or three `no_answer`s in a row) takes the actor
/// out of the plan, which is recomputed; the answer is the activation with its brief plan.
#[utoipa::path(post, path = "/api/v1/activations/{id}/contacts", tag = "crisis",
    params(("id" = String, Path, example = "act-0123456789ab")),
    request_body = ContactDto,
    responses(
        (status = 200, description = "Recorded", body = ActivationView),
        (status = 404, description = "No such activation", body = ErrorBody),
        (status = 409, description = "The activation is closed", body = ErrorBody),
        (status = 400, description = "An actor not in the network, or a bad note", body = ErrorBody),
        (status = 422, description = "A malformed actor id or an unknown outcome", body = ErrorBody),
    ))]
pub(super) async fn record_contact(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    request: Request,
) -> Result<Response, ApiError> {
    let body = json_body(&state, request).await?;
    let contact: ContactDto = serde_json::from_value(body).map_err(|e| {
        unprocessable(
            "body",
            format!("a contact is {{actor, outcome, note}}: {e}"),
        )
    })?;
    let actor =
        ActorId::parse(&contact.actor).map_err(|e| unprocessable("actor", e.to_string()))?;
    let outcome =
        Outcome::parse(&contact.outcome).map_err(|e| unprocessable("outcome", e.to_string()))?;
    let view = state
        .services
        .record_contact(
            &caller,
            &id,
            actor.clone(),
            outcome,
            contact.note.as_deref(),
        )
        .await?;
    let mut response = counted(1, Json(view));
    response
        .extensions_mut()
        .insert(AuditSubjects(vec![actor.to_string()]));
    Ok(response)
}

/// Closes an activation.
#[utoipa::path(post, path = "/api/v1/activations/{id}/close", tag = "crisis",
    params(("id" = String, Path, example = "act-0123456789ab")),
    responses(
        (status = 200, description = "Closed", body = ActivationView),
        (status = 404, description = "No such activation", body = ErrorBody),
        (status = 409, description = "Already closed", body = ErrorBody),
    ))]
pub(super) async fn close_activation(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<ActivationView>, ApiError> {
    Ok(Json(state.services.close_activation(&caller, &id).await?))
}

/// The after-action report: per language, minutes from the start to each contact and
/// confirmation; the planned relays that failed; how the plan changed.
#[utoipa::path(get, path = "/api/v1/activations/{id}/report", tag = "crisis",
    params(("id" = String, Path, example = "act-0123456789ab")),
    responses(
        (status = 200, description = "The report", body = ActivationReport),
        (status = 404, description = "No such activation", body = ErrorBody),
    ))]
pub(super) async fn activation_report(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let report = state.services.activation_report(&caller, &id).await?;
    Ok(counted(report.contacts, Json(report)).into_response())
}

/// A relay query plus what the simulation needs.
#[derive(Deserialize, ToSchema)]
#[allow(dead_code)] // read as JSON by hand; the schema documents it
pub(super) struct SimulateDto {
    /// The relay query's fields, as for `POST /api/v1/coverage`.
    #[serde(flatten)]
    query: QueryDto,
    /// Runs (default 1000, at most 10,000).
    #[schema(minimum = 1, maximum = 10000)]
    runs: Option<u32>,
    /// Seeds the runs (default 1): the same seed gives the same answer.
    seed: Option<u64>,
    /// The horizon in hours (default 48, at most 168).
    #[schema(minimum = 1, maximum = 168)]
    hours: Option<u32>,
    /// Hours per hop per channel (any left out keep their defaults: in_person 2, phone 0.25,
    /// sms 0.5, whatsapp 0.25, radio 1, social_media 1, email 4).
    #[schema(value_type = Option<Object>)]
    delays: Option<serde_json::Value>,
}

fn simulation_params(
    fields: &mut serde_json::Map<String, serde_json::Value>,
) -> Result<SimulationParams, ApiError> {
    let mut params = SimulationParams::default();
    let whole = |field: &'static str, value: &serde_json::Value| {
        value
            .as_u64()
            .ok_or_else(|| unprocessable(field, "must be a whole number"))
    };
    if let Some(runs) = fields.remove("runs") {
        params.runs = u32::try_from(whole("runs", &runs)?).unwrap_or(u32::MAX);
    }
    if let Some(seed) = fields.remove("seed") {
        params.seed = whole("seed", &seed)?;
    }
    if let Some(hours) = fields.remove("hours") {
        params.hours = u32::try_from(whole("hours", &hours)?).unwrap_or(u32::MAX);
    }
    if let Some(delays) = fields.remove("delays") {
        let delays = delays
            .as_object()
            .ok_or_else(|| unprocessable("delays", "give hours per channel as an object"))?;
        let mut set = Delays::default();
        for (channel, hours) in delays {
            let channel =
                Channel::parse(channel).map_err(|e| unprocessable("delays", e.to_string()))?;
            let hours = hours
                .as_f64()
                .ok_or_else(|| unprocessable("delays", "each delay is a number of hours"))?;
            set.set(channel, hours);
        }
        params.delays = set;
    }
    Ok(params)
}

/// Simulates the cascade of a relay query: how many targets are reached by each hour when every
/// pair of actors passes the message on with the best trust of their usable ties.
#[utoipa::path(post, path = "/api/v1/simulate", tag = "crisis",
    request_body = SimulateDto,
    responses(
        (status = 200, description = "Reached by hour, with the 5th and 95th percentiles", body = Simulation),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 422, description = "A field breaks a rule (`field` names it)", body = ErrorBody),
        (status = 503, description = "Ran past the query timeout", body = ErrorBody),
    ))]
pub(super) async fn post_simulate(
    State(state): State<AppState>,
    caller: Caller,
    request: Request,
) -> Result<Json<Simulation>, ApiError> {
    let mut body = json_body(&state, request).await?;
    let fields = body
        .as_object_mut()
        .ok_or_else(|| unprocessable("query", "send a JSON object"))?;
    let params = simulation_params(fields)?;
    let query = RelayQuery::from_json(&body.to_string())?;
    let simulation = state.services.simulate(&caller, query, params).await?;
    tracing::info!(runs = simulation.runs, "simulation answered");
    Ok(Json(simulation))
}

/// The ties whose failure alone would cut reached targets off: re-verify these first. The body
/// is a relay query (empty: the defaults).
#[utoipa::path(post, path = "/api/v1/verification", tag = "crisis",
    request_body = QueryDto,
    responses(
        (status = 200, description = "Most cut off first, then never verified, then oldest", body = Verification),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 422, description = "The query breaks a rule (`field` names it)", body = ErrorBody),
    ))]
pub(super) async fn post_verification(
    State(state): State<AppState>,
    caller: Caller,
    request: Request,
) -> Result<Response, ApiError> {
    let body = json_body(&state, request).await?;
    let query = RelayQuery::from_json(&body.to_string())?;
    let verification = state.services.verification(&caller, query).await?;
    Ok(counted(verification.ties.len(), Json(verification)))
}
