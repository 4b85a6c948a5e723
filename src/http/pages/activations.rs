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
fn outcome_words(tr: Tr, outcome: Outcome) -> String {
    tr.t(match outcome {
        Outcome::Reached => "activation-outcome-reached",
        Outcome::Confirmed => "activation-outcome-confirmed",
        Outcome::NoAnswer => "activation-outcome-no-answer",
        Outcome::Unavailable => "activation-outcome-unavailable",
    })
}

/// A time of a day's events (UTC), for boards read during one event, as the interface language
/// writes it (CLDR): "Dec 3, 2:05 PM UTC".
fn clock(tr: Tr, at: &str) -> String {
    crate::domain::parse_timestamp(at).map_or_else(|_| at.to_owned(), |t| tr.clock(&t))
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

impl ListPage {
    /// A count as the interface language writes it.
    fn number(&self, n: &usize) -> String {
        self.nav.tr.number(*n as f64)
    }
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
            let errors = FieldErrors::of_refusal_in(
                visitor.tr,
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
    languages: String,
    channels: String,
    /// How many more migrants they reach, as the interface language writes it.
    covers: String,
    /// Their kind, and whether they are in the area, in words.
    about: String,
    /// The last outcome recorded for them, in words.
    last: String,
    /// The outcome buttons: the outcome, the button's words, its label for screen readers.
    buttons: Vec<(&'static str, String, String)>,
}

/// Call-list entries the board shows at once (the rest, each adding fewer, fold away).
const CALLS_SHOWN: usize = 25;

/// One contact as the board shows it.
struct ContactRow {
    at: String,
    name: String,
    outcome: String,
    by: String,
    note: String,
}

/// The board: everything of an activation that changes while it runs.
struct Board {
    id: String,
    open: bool,
    drill: bool,
    relays_reached: String,
    migrants_confirmed: String,
    /// How many of the targets the plan reaches, in words ("12 of 40").
    plan_reaches: String,
    /// The call list's table: its first [`CALLS_SHOWN`] entries, then (folded) the rest.
    call_tables: Vec<(&'static str, Vec<CallRow>)>,
    /// Who was found unavailable, in words ("nobody" for none).
    unavailable: String,
    /// Migrants not reached yet, by first language: the language, how many.
    still_unreached: Vec<(String, String)>,
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
                    || tr.t("activation-not-called-yet"),
                    |c| outcome_words(tr, c.outcome),
                )
        };
        let mut still_unreached: Vec<(String, usize)> = view
            .progress
            .still_unreached_by_language
            .iter()
            .map(|(code, n)| (words::language(tr, code), *n))
            .collect();
        still_unreached.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let still_unreached = still_unreached
            .into_iter()
            .map(|(language, n)| (language, tr.number(n as f64)))
            .collect();
        let names = |ids: &[ActorId]| words::list(tr, ids.iter().map(name));
        let buttons = |who: &str| {
            [
                ("reached", "activation-button-reached"),
                ("no_answer", "activation-button-no-answer"),
                ("unavailable", "activation-button-unavailable"),
            ]
            .into_iter()
            .map(|(value, id)| {
                let label = tr.t(id);
                let aria = tr.t2(
                    "activation-button-for",
                    ("outcome", label.as_str()),
                    ("name", who),
                );
                (value, label, aria)
            })
            .collect()
        };
        let mut calls: Vec<CallRow> = view
            .plan
            .call_list
            .iter()
            .map(|c| {
                let contact = c.contact.as_ref();
                let who = name(&c.entry.id);
                let kind = contact.map_or_else(String::new, |c| words::kind(tr, c.kind));
                CallRow {
                    id: c.entry.id.to_string(),
                    buttons: buttons(&who),
                    name: who,
                    about: if c.entry.inside_area {
                        tr.t1("activation-kind-inside-area", "kind", kind)
                    } else {
                        kind
                    },
                    languages: contact
                        .map_or_else(String::new, |c| words::languages(tr, &c.languages)),
                    channels: contact
                        .map_or_else(String::new, |c| words::channels(tr, &c.channels)),
                    covers: tr.number(c.entry.covers as f64),
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
            relays_reached: tr.number(view.progress.relays_reached as f64),
            migrants_confirmed: tr.number(view.progress.migrants_confirmed as f64),
            plan_reaches: tr.t2(
                "activation-progress-of",
                ("reached", view.plan.reach.reached_count),
                ("targets", view.plan.reach.targets),
            ),
            call_tables,
            unavailable: if view.unavailable.is_empty() {
                tr.t("activation-nobody")
            } else {
                names(&view.unavailable)
            },
            still_unreached,
            changes: view
                .plan_changes
                .iter()
                .map(|change| {
                    let mut line = vec![tr.t2(
                        "activation-change-unavailable",
                        ("time", change.at.format("%H:%M UTC").to_string()),
                        ("name", name(&change.unavailable)),
                    )];
                    if !change.added.is_empty() {
                        line.push(tr.t1(
                            "activation-change-call-instead",
                            "names",
                            names(&change.added),
                        ));
                    }
                    if !change.dropped.is_empty() {
                        line.push(tr.t1(
                            "activation-change-off-list",
                            "names",
                            names(&change.dropped),
                        ));
                    }
                    line.join(&tr.t("activation-sentence-separator"))
                })
                .collect(),
            contacts: view
                .contacts
                .iter()
                .rev()
                .map(|c| ContactRow {
                    at: c.at.format("%H:%M:%S UTC").to_string(),
                    name: name(&c.actor),
                    outcome: outcome_words(tr, c.outcome),
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
    /// "Started … by …, from the scenario …. Open." (or "Closed ….")
    about: String,
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
        about: [started_by(tr, &view), state_of(tr, &view)]
            .join(&tr.t("activation-sentence-separator")),
        board: Board::of(tr, &view),
        contact_actor,
        errors,
    })
}

/// Who started an activation, when, from which scenario, in a sentence.
fn started_by(tr: Tr, view: &ActivationView) -> String {
    let started = clock(tr, &view.started_at);
    let who = view.started_by.as_str();
    match view.scenario.as_deref().filter(|s| !s.is_empty()) {
        Some(scenario) => tr.with(
            "activation-started-by-scenario",
            [
                ("time", started.into()),
                ("who", who.into()),
                ("scenario", scenario.into()),
            ],
        ),
        None => tr.t2("activation-started-by", ("time", started), ("who", who)),
    }
}

/// Whether an activation is open, or when it was closed, in a sentence.
fn state_of(tr: Tr, view: &ActivationView) -> String {
    if view.state == crate::domain::ActivationState::Open {
        tr.t("activation-board-open")
    } else {
        tr.t1(
            "activation-board-closed",
            "time",
            view.closed_at
                .as_deref()
                .map(|at| clock(tr, at))
                .unwrap_or_default(),
        )
    }
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
        errors.add("outcome", visitor.tr.t("activation-error-outcome"));
    }
    let actor = match state.services.find_actor(&visitor.caller, &typed).await {
        Ok(actor) => Some(actor.id.clone()),
        Err(error) => {
            let refused = FieldErrors::of_refusal_in(
                visitor.tr,
                ApiError::from(error),
                |_| Some("actor"),
                &["actor"],
            )?;
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
                let refused = FieldErrors::of_refusal_in(
                    visitor.tr,
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
            let tr = visitor.tr;
            let mut errors = FieldErrors::none();
            errors.add(
                "close",
                if message.ends_with("is already closed") {
                    tr.t1("activation-error-already-closed", "id", id.as_str())
                } else if message.ends_with("try again") {
                    tr.t1("activation-error-busy", "id", id.as_str())
                } else {
                    sentence(&message)
                },
            );
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
    /// The relay's name and kind ("Harbour gym (Organisation)").
    relay_about: String,
    rows: Vec<SheetRow>,
    /// "{activation} — a drill…. Made …."
    made: String,
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
    let relay = sheet_row(tr, &sheet.relay, sheet.relay_contact.as_ref());
    let relay_about = if relay.kind.is_empty() {
        relay.name.clone()
    } else {
        tr.t2(
            "activation-sheet-relay-kind",
            ("name", relay.name.as_str()),
            ("kind", relay.kind.as_str()),
        )
    };
    let page = render(&SheetPage {
        nav: visitor.nav(),
        activation_id: id,
        activation: sheet.activation.clone(),
        drill: sheet.drill,
        relay,
        relay_about,
        rows: sheet
            .pass_to
            .iter()
            .map(|(id, contact)| sheet_row(tr, id, contact.as_ref()))
            .collect(),
        made: tr.t2(
            if sheet.drill {
                "activation-sheet-made-drill"
            } else {
                "activation-sheet-made"
            },
            ("activation", sheet.activation.as_str()),
            ("time", clock(tr, &sheet.made_at)),
        ),
    })?;
    Ok(crate::http::api::counted(records, page))
}

/// One contact in the report.
struct ReportRow {
    after: String,
    name: String,
    outcome: String,
}

#[derive(Template)]
#[template(path = "pages/activation-report.html")]
struct ReportPage {
    nav: Nav,
    id: String,
    name: String,
    drill: bool,
    /// The report in one sentence: when, how many contacts, relays, confirmations, changes.
    summary: String,
    languages: Vec<(String, Vec<ReportRow>)>,
    /// Each failed relay, in words.
    failed: Vec<String>,
}

/// A time after the start ("12 min", "1 h 05 min").
fn after(tr: Tr, minutes: f64) -> String {
    if minutes < 60.0 {
        tr.t1("activation-after-minutes", "minutes", minutes)
    } else {
        tr.t2(
            "activation-after-hours",
            ("hours", (minutes / 60.0).floor()),
            ("minutes", format!("{:02.0}", minutes % 60.0)),
        )
    }
}

/// The report's summary sentence.
fn report_summary(tr: Tr, report: &crate::service::ActivationReport) -> String {
    let started = clock(tr, &report.started_at);
    let state = if report.state == crate::domain::ActivationState::Open {
        tr.t("activation-report-still-open")
    } else {
        tr.t1(
            "activation-report-closed",
            "time",
            report
                .closed_at
                .as_deref()
                .map(|at| clock(tr, at))
                .unwrap_or_default(),
        )
    };
    tr.with(
        "activation-report-summary",
        [
            ("started", started.into()),
            ("state", state.into()),
            (
                "attempts",
                tr.t1("activation-report-attempts", "count", report.contacts)
                    .into(),
            ),
            (
                "relays",
                tr.t1("activation-report-relays", "count", report.relays_reached)
                    .into(),
            ),
            (
                "confirmations",
                tr.t1(
                    "activation-report-confirmations",
                    "count",
                    report.migrants_confirmed,
                )
                .into(),
            ),
            (
                "changes",
                tr.t1(
                    "activation-report-changes",
                    "count",
                    report.plan_changes.len(),
                )
                .into(),
            ),
        ],
    )
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
        summary: report_summary(tr, &report),
        languages: report
            .by_language
            .iter()
            .map(|(code, lines)| {
                (
                    words::language(tr, code),
                    lines
                        .iter()
                        .map(|l| ReportRow {
                            after: after(tr, l.after_minutes),
                            name: name(&l.actor),
                            outcome: outcome_words(tr, l.outcome),
                        })
                        .collect(),
                )
            })
            .collect(),
        failed: report
            .failed_relays
            .iter()
            .map(|f| {
                tr.t2(
                    "activation-failed-relay",
                    ("name", name(&f.actor)),
                    ("after", after(tr, f.after_minutes)),
                )
            })
            .collect(),
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
    let tr = visitor.tr;
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
                    .unwrap_or_else(|| tr.t("activation-verify-never")),
            })
            .collect(),
        total: verification.ties.len(),
    })?;
    Ok(crate::http::api::counted(shown.len(), page))
}
