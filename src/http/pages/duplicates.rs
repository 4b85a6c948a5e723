//! Duplicates to review (`/duplicates`): the likely pairs side by side, with why they look like
//! one, and for each a choice — keep one record and merge the other into it, or mark them as
//! two. Coordinators and admins, as the API.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::forms::{Typed, sentence, text};
use super::{Nav, Visitor, render, words};
use crate::domain::{ActorId, StoredActor};
use crate::http::access::{Access, AuditSubjects, Routes};
use crate::http::extract::Query;
use crate::http::{ApiError, AppState};
use crate::i18n::Tr;

pub(super) fn routes() -> Routes {
    Routes::new()
        .get("/duplicates", Access::Network, get_duplicates)
        .post("/duplicates/merge", Access::Network, post_merge)
        .post("/duplicates/distinct", Access::Network, post_distinct)
}

/// Pairs the page shows at once.
const SHOWN: usize = 50;

/// One record of a pair, as the page shows it.
struct Side {
    id: String,
    name: String,
    kind: String,
    languages: String,
    city: String,
    channels: String,
}

struct Pair {
    /// The two records.
    sides: [Side; 2],
    /// The two ways to merge: (the record kept, the button's words, the other).
    choices: [(String, String, String); 2],
    /// "Yusuf Haddad and يوسف حداد".
    heading: String,
    /// "(87 % alike)".
    alike: String,
    /// The table's label: the two names, side by side.
    label: String,
    reasons: String,
}

/// Why a pair looks alike, in words: the finder's reasons (the API's English, stable) said in
/// the interface language, as a sentence.
fn reasons(tr: Tr, reasons: &[String]) -> String {
    let said: Vec<String> = reasons.iter().map(|r| reason(tr, r)).collect();
    sentence(&tr.t1(
        "duplicates-reasons",
        "reasons",
        said.join(&tr.t("words-list-separator")),
    ))
}

/// One of the finder's reasons ("similar names (0.94)", "same city", "1 of 2 ties in common")
/// in words; one it does not know as it is.
fn reason(tr: Tr, reason: &str) -> String {
    match reason {
        "same city" => return tr.t("duplicates-reason-city"),
        "same languages" => return tr.t("duplicates-reason-languages"),
        "a language in common" => return tr.t("duplicates-reason-language"),
        _ => {}
    }
    let likeness = reason
        .strip_prefix("similar names (")
        .and_then(|r| r.strip_suffix(')'))
        .and_then(|r| r.parse::<f64>().ok());
    if let Some(likeness) = likeness {
        return tr.t1(
            "duplicates-reason-names",
            "likeness",
            tr.decimal(likeness, 2),
        );
    }
    let common = reason
        .strip_suffix(" in common")
        .and_then(|r| r.rsplit_once(' '))
        .and_then(|(counts, _)| counts.split_once(" of "))
        .and_then(|(common, all)| Some((common.parse::<u64>().ok()?, all.parse::<u64>().ok()?)));
    match common {
        Some((common, all)) => tr.t2("duplicates-reason-ties", ("common", common), ("all", all)),
        None => reason.to_owned(),
    }
}

#[derive(Template)]
#[template(path = "pages/duplicates.html")]
struct DuplicatesPage {
    nav: Nav,
    pairs: Vec<Pair>,
    done: Option<String>,
    error: Option<String>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Params {
    done: Option<String>,
}

async fn page(
    state: &AppState,
    visitor: Visitor,
    done: Option<String>,
    error: Option<String>,
) -> Result<Response, ApiError> {
    let tr = visitor.tr;
    let pairs = state.services.duplicates(&visitor.caller, SHOWN).await?;
    let ids: Vec<ActorId> = pairs
        .iter()
        .flat_map(|p| [p.a.clone(), p.b.clone()])
        .collect();
    let cities = super::actors::city_names(&state.services, &visitor).await?;
    let actors: Vec<StoredActor> = state.services.actors_by_id(&visitor.caller, &ids).await?;
    let side = |id: &ActorId| {
        let actor = actors.iter().find(|a| &a.id == id);
        Side {
            id: id.to_string(),
            name: actor.map_or_else(|| id.to_string(), |a| a.name.as_str().to_owned()),
            kind: actor.map_or_else(String::new, |a| words::kind(tr, a.kind)),
            languages: actor.map_or_else(String::new, |a| {
                words::languages(tr, a.languages.as_slice())
            }),
            city: actor
                .and_then(|a| a.city.as_ref())
                .and_then(|c| cities.iter().find(|(id, _)| id == c.as_str()))
                .map_or_else(String::new, |(_, name)| name.clone()),
            channels: actor
                .map_or_else(String::new, |a| words::channels(tr, a.channels.as_slice())),
        }
    };
    let shown: Vec<Pair> = pairs
        .iter()
        .map(|p| {
            let (a, b) = (side(&p.a), side(&p.b));
            let keep = |kept: &Side, other: &Side| {
                let words = tr.with(
                    "duplicates-keep",
                    [
                        ("name", kept.name.as_str().into()),
                        ("id", kept.id.as_str().into()),
                        ("other", other.id.as_str().into()),
                    ],
                );
                (kept.id.clone(), words, other.id.clone())
            };
            let names = (("a", a.name.as_str()), ("b", b.name.as_str()));
            Pair {
                choices: [keep(&a, &b), keep(&b, &a)],
                heading: tr.t2("duplicates-pair", names.0, names.1),
                alike: tr.t1("duplicates-alike", "percent", (p.score * 100.0).round()),
                label: tr.t2("duplicates-side-by-side", names.0, names.1),
                sides: [a, b],
                reasons: reasons(tr, &p.reasons),
            }
        })
        .collect();
    let records = shown.len() * 2;
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let html = render(&DuplicatesPage {
        nav: visitor.nav(),
        pairs: shown,
        done,
        error,
    })?;
    Ok(crate::http::api::counted(records, (status, html)))
}

/// The likely duplicates, to review.
async fn get_duplicates(
    State(state): State<AppState>,
    visitor: Visitor,
    Query(params): Query<Params>,
) -> Result<Response, ApiError> {
    let tr = visitor.tr;
    let done = match params.done.as_deref() {
        Some("merged") => Some(tr.t("duplicates-done-merged")),
        Some("distinct") => Some(tr.t("duplicates-done-distinct")),
        _ => None,
    };
    page(&state, visitor, done, None).await
}

fn pair_of(tr: Tr, form: &Typed) -> Result<(ActorId, ActorId), String> {
    let parse = |field: &str| {
        ActorId::parse(&text(form, field)).map_err(|_| tr.t("duplicates-pair-unknown"))
    };
    Ok((parse("keep")?, parse("other")?))
}

/// Keeps one record and merges the other into it.
async fn post_merge(
    State(state): State<AppState>,
    visitor: Visitor,
    axum::Form(form): axum::Form<Typed>,
) -> Result<Response, ApiError> {
    let tr = visitor.tr;
    let (keep, other) = match pair_of(tr, &form) {
        Ok(pair) => pair,
        Err(message) => return page(&state, visitor, None, Some(message)).await,
    };
    match state.services.merge(&visitor.caller, &other, &keep).await {
        Ok(_) => {
            tracing::info!("actors merged from the pages");
            let mut response = Redirect::to("/duplicates?done=merged").into_response();
            response
                .extensions_mut()
                .insert(AuditSubjects(vec![other.to_string(), keep.to_string()]));
            Ok(response)
        }
        Err(error) => {
            let message = super::forms::api_error(tr, &ApiError::from(error));
            page(&state, visitor, None, Some(message)).await
        }
    }
}

/// Marks a pair as two different people or organisations.
async fn post_distinct(
    State(state): State<AppState>,
    visitor: Visitor,
    axum::Form(form): axum::Form<Typed>,
) -> Result<Response, ApiError> {
    let tr = visitor.tr;
    let (a, b) = match pair_of(tr, &form) {
        Ok(pair) => pair,
        Err(message) => return page(&state, visitor, None, Some(message)).await,
    };
    match state.services.mark_distinct(&visitor.caller, &a, &b).await {
        Ok(()) => {
            let mut response = Redirect::to("/duplicates?done=distinct").into_response();
            response
                .extensions_mut()
                .insert(AuditSubjects(vec![a.to_string(), b.to_string()]));
            Ok(response)
        }
        Err(error) => {
            let message = super::forms::api_error(tr, &ApiError::from(error));
            page(&state, visitor, None, Some(message)).await
        }
    }
}
