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
    /// The two ways to merge: (the record kept, its name, the other).
    choices: [(String, String, String); 2],
    score: String,
    reasons: String,
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
            Pair {
                choices: [
                    (a.id.clone(), a.name.clone(), b.id.clone()),
                    (b.id.clone(), b.name.clone(), a.id.clone()),
                ],
                sides: [a, b],
                score: format!("{:.0} %", p.score * 100.0),
                reasons: sentence(&p.reasons.join(", ")),
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
    let done = match params.done.as_deref() {
        Some("merged") => Some("Merged: one record is left, with every tie.".to_owned()),
        Some("distinct") => Some("Marked as two: the pair is not listed again.".to_owned()),
        _ => None,
    };
    page(&state, visitor, done, None).await
}

fn pair_of(form: &Typed) -> Result<(ActorId, ActorId), String> {
    let parse = |field: &str| {
        ActorId::parse(&text(form, field))
            .map_err(|_| "The pair was not understood: reload the page.".to_owned())
    };
    Ok((parse("keep")?, parse("other")?))
}

/// Keeps one record and merges the other into it.
async fn post_merge(
    State(state): State<AppState>,
    visitor: Visitor,
    axum::Form(form): axum::Form<Typed>,
) -> Result<Response, ApiError> {
    let (keep, other) = match pair_of(&form) {
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
            let message = sentence(&ApiError::from(error).to_string());
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
    let (a, b) = match pair_of(&form) {
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
            let message = sentence(&ApiError::from(error).to_string());
            page(&state, visitor, None, Some(message)).await
        }
    }
}
