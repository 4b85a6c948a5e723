//! Running a crisis from the pages: the activations (`/activations`: the list, and a new one from
//! a saved scenario), an activation's live board (`/activations/{id}`: one click per contact's
//! outcome, the re-planned call list, kept up to date by `static/js/activation.js` from the
//! board's own fragment), a relay's printable call sheet, the after-action report, and the ties
//! to re-verify first (`/verification`). Coordinators and admins only, as the API.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};

use super::forms::{FieldErrors, Typed, sentence, text};
use super::{Nav, Visitor, render, words};
use crate::domain::{ActorId, Outcome};
use crate::http::access::{Access, AuditSubjects, Routes};
use crate::http::extract::Query;
use crate::http::{ApiError, AppState};
use crate::i18n::Tr;
use crate::service::{ActivationList, ActivationView, StartActivation};

pub(super) fn routes() -> Routes {
    Routes::new()
        .get("/activations", Access::Network, get_activations)
        .post("/activations", Access::Network, post_activation)
        .get("/activations/{id}", Access::Network, get_board)
        .post("/activations/{id}/contacts", Access::Network, post_contact)
        .post("/activations/{id}/close", Access::Network, post_close)
        .get(
            "/activations/{id}/sheets/{actor}",
            Access::Network,
            get_call_sheet,
        )
        .get("/activations/{id}/report", Access::Network, get_report)
        .get("/verification", Access::Network, get_verification)
}

/// An outcome as the pages say it.
fn outcome_words(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Reached => "Reached: has the message",
        Outcome::Confirmed => "Confirmed receipt",
        Outcome::NoAnswer => "No answer",
        Outcome::Unavailable => "Unavailable",
    }
}

/// A time of day in UTC, for boards read during one event.
fn clock(at: &str) -> String {
    crate::domain::parse_timestamp(at).map_or_else(
        |_| at.to_owned(),
        |t| t.format("%H:%M UTC, %d %b").to_string(),
    )
}

#[derive(Template)]
#[template(path = "pages/activations.html")]
struct ListPage {
    nav: Nav,
    list: ActivationList,
    scenarios: Vec<String>,
    form_name: String,
    form_scenario: String,
    form_drill: bool,
    errors: FieldErrors,
}

async fn list_page(
    state: &AppState,
    visitor: Visitor,
    form: (String, String, bool),
    errors: FieldErrors,
) -> Result<Html<String>, ApiError> {
    let list = state.services.activations(&visitor.caller).await?;
    let scenarios = state
        .services
        .scenarios(&visitor.caller)
        .await?
        .into_iter()
        .map(|s| s.name)
        .collect();
    render(&ListPage {
        nav: visitor.nav(),
        list,
        scenarios,
        form_name: form.0,
        form_scenario: form.1,
        form_drill: form.2,
        errors,
    })
}

/// Every activation, and a form to start one.
async fn get_activations(
    State(state): State<AppState>,
    visitor: Visitor,
) -> Result<Html<String>, ApiError> {
    list_page(&state, visitor, Default::default(), FieldErrors::none()).await
}

/// Starts an activation from a saved scenario, then shows its board.
async fn post_activation(
    State(state): State<AppState>,
    visitor: Visitor,
    axum::Form(form): axum::Form<Typed>,
) -> Result<Response, ApiError> {
    let typed = (
        text(&form, "name"),
        text(&form, "scenario"),
        text(&form, "drill") == "yes",
    );
    let request = StartActivation {
        name: typed.0.clone(),
        scenario: Some(typed.1.clone()).filter(|s| !s.is_empty()),
        query: None,
        drill: typed.2,
    };
    match state
        .services
        .start_activation(&visitor.caller, request)
        .await
    {
        Ok(view) => Ok(Redirect::to(&format!("/activations/{}", view.id)).into_response()),
        Err(error) => {
            let errors = FieldErrors::of_refusal(
                ApiError::from(error),
                |f| (f == "query").then_some("scenario"),
                &["name", "scenario"],
            )?;
            let page = list_page(&state, visitor, typed, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// One call-list entry as the board shows it.
struct CallRow {
    id: String,
    name: String,
    kind: String,
    languages: String,
    channels: String,
    covers: usize,
    inside_area: bool,
    /// The last outcome recorded for them, in words.
    last: String,
}

/// Call-list entries the board shows at once (the rest, each adding fewer, fold away).
const CALLS_SHOWN: usize = 25;

/// One contact as the board shows it.
struct ContactRow {
    at: String,
    name: String,
    outcome: &'static str,
    by: String,
    note: String,
}

/// The board: everything of an activation that changes while it runs.
struct Board {
    id: String,
    open: bool,
    drill: bool,
    relays_reached: usize,
    migrants_confirmed: usize,
    reached: usize,
    targets: usize,
    /// The call list's table: its first [`CALLS_SHOWN`] entries, then (folded) the rest.
    call_tables: Vec<(&'static str, Vec<CallRow>)>,
    unavailable: Vec<String>,
    still_unreached: Vec<(String, usize)>,
    changes: Vec<String>,
    contacts: Vec<ContactRow>,
}

impl Board {
    fn of(tr: Tr, view: &ActivationView) -> Self {
        let name = |id: &ActorId| -> String {
            view.plan
                .call_list
                .iter()
                .find(|c| &c.entry.id == id)
                .and_then(|c| c.contact.as_ref().map(|c| c.name.clone()))
                .or_else(|| view.names.get(id).cloned())
                .unwrap_or_else(|| id.to_string())
        };
        let last = |id: &ActorId| {
            view.contacts
                .iter()
                .rev()
                .find(|c| &c.actor == id)
                .map_or_else(
                    || "Not called yet".to_owned(),
                    |c| outcome_words(c.outcome).to_owned(),
                )
        };
        let mut still_unreached: Vec<(String, usize)> = view
            .progress
            .still_unreached_by_language
            .iter()
            .map(|(code, n)| (words::language(tr, code), *n))
            .collect();
        still_unreached.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let names = |ids: &[ActorId]| ids.iter().map(name).collect::<Vec<_>>().join(", ");
        let mut calls: Vec<CallRow> = view
            .plan
            .call_list
            .iter()
            .map(|c| {
                let contact = c.contact.as_ref();
                CallRow {
                    id: c.entry.id.to_string(),
                    name: name(&c.entry.id),
                    kind: contact.map_or_else(String::new, |c| words::kind(tr, c.kind)),
                    languages: contact
                        .map_or_else(String::new, |c| words::languages(tr, &c.languages)),
                    channels: contact
                        .map_or_else(String::new, |c| words::channels(tr, &c.channels)),
                    covers: c.entry.covers,
                    inside_area: c.entry.inside_area,
                    last: last(&c.entry.id),
                }
            })
            .collect();
        let more_calls = calls.split_off(calls.len().min(CALLS_SHOWN));
        let mut call_tables = Vec::new();
        if !calls.is_empty() {
            call_tables.push(("call-list", calls));
        }
        if !more_calls.is_empty() {
            call_tables.push(("more-call-list", more_calls));
        }
        Self {
            id: view.id.clone(),
            open: view.state == crate::domain::ActivationState::Open,
            drill: view.drill,
            relays_reached: view.progress.relays_reached,
            migrants_confirmed: view.progress.migrants_confirmed,
            reached: view.plan.reach.reached_count,
            targets: view.plan.reach.targets,
            call_tables,
            unavailable: view.unavailable.iter().map(name).collect(),
            still_unreached,
            changes: view
                .plan_changes
                .iter()
                .map(|change| {
                    let mut line = format!(
                        "{}: {} unavailable.",
                        change.at.format("%H:%M UTC"),
                        name(&change.unavailable)
                    );
                    if !change.added.is_empty() {
                        line.push_str(&format!(" Call instead: {}.", names(&change.added)));
                    }
                    if !change.dropped.is_empty() {
                        line.push_str(&format!(" Off the list: {}.", names(&change.dropped)));
                    }
                    line
                })
                .collect(),
            contacts: view
                .contacts
                .iter()
                .rev()
                .map(|c| ContactRow {
                    at: c.at.format("%H:%M:%S UTC").to_string(),
                    name: name(&c.actor),
                    outcome: outcome_words(c.outcome),
                    by: c.by.clone(),
                    note: c.note.clone().unwrap_or_default(),
                })
                .collect(),
        }
    }
}

#[derive(Template)]
#[template(path = "pages/activation.html")]
struct BoardPage {
    nav: Nav,
    tiles: Option<std::sync::Arc<crate::config::Tiles>>,
    languages_known: Vec<(String, String)>,
    name: String,
    scenario: String,
    started: String,
    started_by: String,
    closed: String,
    board: Board,
    contact_actor: String,
    errors: FieldErrors,
}

#[derive(Template)]
#[template(path = "partials/activation-board.html")]
struct BoardPart {
    nav: Nav,
    board: Board,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct BoardParams {
    part: Option<String>,
}

async fn board_page(
    state: &AppState,
    visitor: Visitor,
    id: &str,
    contact_actor: String,
    errors: FieldErrors,
) -> Result<Html<String>, ApiError> {
    let tr = visitor.tr;
    let view = state.services.activation(&visitor.caller, id, true).await?;
    render(&BoardPage {
        nav: visitor.nav(),
        tiles: state.tiles.clone(),
        languages_known: super::actors::languages_known(tr),
        name: view.name.clone(),
        scenario: view.scenario.clone().unwrap_or_default(),
        started: clock(&view.started_at),
        started_by: view.started_by.clone(),
        closed: view.closed_at.as_deref().map(clock).unwrap_or_default(),
        board: Board::of(tr, &view),
        contact_actor,
        errors,
    })
}

/// An activation's live board; with `?part=board`, only the part that changes (for the script
/// that keeps the page up to date).
async fn get_board(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(id): Path<String>,
    Query(params): Query<BoardParams>,
) -> Result<Response, ApiError> {
    let tr = visitor.tr;
    match params.part.as_deref() {
        None => Ok(
            board_page(&state, visitor, &id, String::new(), FieldErrors::none())
                .await?
                .into_response(),
        ),
        Some("board") => {
            let view = state
                .services
                .activation(&visitor.caller, &id, true)
                .await?;
            Ok(render(&BoardPart {
                nav: visitor.nav(),
                board: Board::of(tr, &view),
            })?
            .into_response())
        }
        Some(_) => Err(ApiError::bad_request(
            "invalid_query",
            "part is board",
            Some("part"),
        )),
    }
}

/// Records a contact from the board (a click on an outcome, or the form for anyone else), then
/// the board again.
async fn post_contact(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(id): Path<String>,
    axum::Form(form): axum::Form<Typed>,
) -> Result<Response, ApiError> {
    let typed = text(&form, "actor");
    let mut errors = FieldErrors::none();
    let outcome = Outcome::parse(&text(&form, "outcome"));
    if outcome.is_err() {
        errors.add("outcome", "Choose what came of the call.");
    }
    let actor = match state.services.find_actor(&visitor.caller, &typed).await {
        Ok(actor) => Some(actor.id.clone()),
        Err(error) => {
            let refused =
                FieldErrors::of_refusal(ApiError::from(error), |_| Some("actor"), &["actor"])?;
            for (_, message) in refused.summary() {
                errors.add("actor", message);
            }
            None
        }
    };
    if let (Some(actor), Ok(outcome)) = (actor, outcome) {
        let note = text(&form, "note");
        let recorded = state
            .services
            .record_contact(
                &visitor.caller,
                &id,
                actor.clone(),
                outcome,
                Some(note.as_str()).filter(|n| !n.is_empty()),
            )
            .await;
        match recorded {
            Ok(_) => {
                let mut response =
                    Redirect::to(&format!("/activations/{id}#board")).into_response();
                response
                    .extensions_mut()
                    .insert(AuditSubjects(vec![actor.to_string()]));
                return Ok(response);
            }
            Err(error) => {
                let refused = FieldErrors::of_refusal(
                    ApiError::from(error),
                    |f| (f != "note").then_some("actor"),
                    &["actor", "note"],
                )?;
                for (field, message) in refused.summary() {
                    errors.add(if field.is_empty() { "actor" } else { &field }, message);
                }
            }
        }
    }
    let page = board_page(&state, visitor, &id, typed, errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

/// Closes an activation.
async fn post_close(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    match state.services.close_activation(&visitor.caller, &id).await {
        Ok(_) => Ok(Redirect::to(&format!("/activations/{id}/report")).into_response()),
        Err(crate::service::ServiceError::Store(crate::store::StoreError::Conflict(message))) => {
            let mut errors = FieldErrors::none();
            errors.add("close", sentence(&message));
            let page = board_page(&state, visitor, &id, String::new(), errors).await?;
            Ok((StatusCode::CONFLICT, page).into_response())
        }
        Err(error) => Err(error.into()),
    }
}

/// One person on a call sheet.
struct SheetRow {
    name: String,
    kind: String,
    languages: String,
    channels: String,
}

#[derive(Template)]
#[template(path = "pages/call-sheet.html")]
struct SheetPage {
    nav: Nav,
    activation_id: String,
    activation: String,
    drill: bool,
    relay: SheetRow,
    rows: Vec<SheetRow>,
    made_at: String,
}

fn sheet_row(tr: Tr, id: &ActorId, contact: Option<&crate::service::Contact>) -> SheetRow {
    SheetRow {
        name: contact.map_or_else(|| id.to_string(), |c| c.name.clone()),
        kind: contact.map_or_else(String::new, |c| words::kind(tr, c.kind)),
        languages: contact.map_or_else(String::new, |c| words::languages(tr, &c.languages)),
        channels: contact.map_or_else(String::new, |c| words::channels(tr, &c.channels)),
    }
}

/// A relay's call sheet, to print: whom they pass the message on to, with each person's
/// languages and how to reach them.
async fn get_call_sheet(
    State(state): State<AppState>,
    visitor: Visitor,
    Path((id, actor)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let tr = visitor.tr;
    let relay = ActorId::parse(&actor).map_err(|_| ApiError::NotFound(format!("actor {actor}")))?;
    let sheet = state
        .services
        .call_sheet(&visitor.caller, &id, &relay)
        .await?;
    let records = sheet.pass_to.len();
    let page = render(&SheetPage {
        nav: visitor.nav(),
        activation_id: id,
        activation: sheet.activation.clone(),
        drill: sheet.drill,
        relay: sheet_row(tr, &sheet.relay, sheet.relay_contact.as_ref()),
        rows: sheet
            .pass_to
            .iter()
            .map(|(id, contact)| sheet_row(tr, id, contact.as_ref()))
            .collect(),
        made_at: clock(&sheet.made_at),
    })?;
    Ok(crate::http::api::counted(records, page))
}

/// One contact in the report.
struct ReportRow {
    after: String,
    name: String,
    outcome: &'static str,
}

#[derive(Template)]
#[template(path = "pages/activation-report.html")]
struct ReportPage {
    nav: Nav,
    id: String,
    name: String,
    drill: bool,
    open: bool,
    started: String,
    closed: String,
    contacts: usize,
    relays_reached: usize,
    migrants_confirmed: usize,
    languages: Vec<(String, Vec<ReportRow>)>,
    failed: Vec<(String, String)>,
    changes: usize,
}

fn after(minutes: f64) -> String {
    if minutes < 60.0 {
        format!("{minutes:.0} min")
    } else {
        format!("{} h {:02.0} min", (minutes / 60.0).floor(), minutes % 60.0)
    }
}

/// The after-action report.
async fn get_report(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let tr = visitor.tr;
    let report = state
        .services
        .activation_report(&visitor.caller, &id)
        .await?;
    let name = |id: &ActorId| {
        report
            .names
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.to_string())
    };
    let page = render(&ReportPage {
        nav: visitor.nav(),
        id: report.id.clone(),
        name: report.name.clone(),
        drill: report.drill,
        open: report.state == crate::domain::ActivationState::Open,
        started: clock(&report.started_at),
        closed: report.closed_at.as_deref().map(clock).unwrap_or_default(),
        contacts: report.contacts,
        relays_reached: report.relays_reached,
        migrants_confirmed: report.migrants_confirmed,
        languages: report
            .by_language
            .iter()
            .map(|(code, lines)| {
                (
                    words::language(tr, code),
                    lines
                        .iter()
                        .map(|l| ReportRow {
                            after: after(l.after_minutes),
                            name: name(&l.actor),
                            outcome: outcome_words(l.outcome),
                        })
                        .collect(),
                )
            })
            .collect(),
        failed: report
            .failed_relays
            .iter()
            .map(|f| (name(&f.actor), after(f.after_minutes)))
            .collect(),
        changes: report.plan_changes.len(),
    })?;
    Ok(crate::http::api::counted(report.contacts, page))
}

/// A tie to re-verify, as the page shows it.
struct VerifyRow {
    source: String,
    target: String,
    cut_off: usize,
    last_verified: String,
}

#[derive(Template)]
#[template(path = "pages/verification.html")]
struct VerificationPage {
    nav: Nav,
    rows: Vec<VerifyRow>,
    total: usize,
}

/// Ties to re-verify first: those whose failure alone cuts migrants off (default conditions).
async fn get_verification(
    State(state): State<AppState>,
    visitor: Visitor,
) -> Result<Response, ApiError> {
    let verification = state
        .services
        .verification(&visitor.caller, crate::analysis::RelayQuery::default())
        .await?;
    let shown: Vec<&crate::service::VerifyTie> = verification.ties.iter().take(100).collect();
    let ids: Vec<ActorId> = shown
        .iter()
        .flat_map(|t| [&t.source, &t.target])
        .filter_map(|id| ActorId::parse(id).ok())
        .collect();
    let names: std::collections::HashMap<String, String> = state
        .services
        .actors_by_id(&visitor.caller, &ids)
        .await?
        .into_iter()
        .map(|a| (a.id.to_string(), a.name.as_str().to_owned()))
        .collect();
    let name = |id: &str| names.get(id).cloned().unwrap_or_else(|| id.to_owned());
    let page = render(&VerificationPage {
        nav: visitor.nav(),
        rows: shown
            .iter()
            .map(|t| VerifyRow {
                source: name(&t.source),
                target: name(&t.target),
                cut_off: t.cut_off,
                last_verified: t
                    .last_verified
                    .clone()
                    .unwrap_or_else(|| "never".to_owned()),
            })
            .collect(),
        total: verification.ties.len(),
    })?;
    Ok(crate::http::api::counted(shown.len(), page))
}
