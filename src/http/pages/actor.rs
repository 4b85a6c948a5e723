//! An actor's card (`/actors/{id}`): details, ties with their social capital, who reaches the
//! actor and through whom, and the forms that change them.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};

use super::{Nav, Visitor, render};
use crate::domain::ActorId;
use crate::http::access::{Access, Caller, Routes};
use crate::http::{ApiError, AppState};

pub(super) fn routes() -> Routes {
    Routes::new()
        .get("/actors/{id}", Access::Network, get_actor)
        .post("/actors/{id}", Access::Network, post_actor)
        .post("/actors/{id}/ties", Access::Network, post_actor_tie)
        .post(
            "/actors/{id}/ties/{tie}/remove",
            Access::Network,
            post_remove_tie,
        )
}

/// One of an actor's ties, as the actor page lists it.
struct TieRow {
    id: String,
    kind: String,
    other: String,
    other_kind: String,
    trust: String,
    channels: String,
    last_verified: String,
    capital: &'static str,
}

/// One responder that can reach the actor.
struct ReachRow {
    responder: String,
    hops: u8,
    reliability: String,
    path: String,
}

#[derive(Template)]
#[template(path = "pages/actor.html")]
struct ActorPage {
    nav: Nav,
    actor: crate::document::ActorRecord,
    /// The edit form's values: the stored ones, or those just refused.
    edit: ActorEdit,
    /// Why the last change was refused, one line per broken rule.
    errors: Vec<String>,
    /// What the last change did.
    notice: Option<&'static str>,
    tie_kinds: Vec<&'static str>,
    attributes: String,
    ties: Vec<TieRow>,
    /// Bonding, bridging and linking ties.
    profile: [usize; 3],
    reached_by: Vec<ReachRow>,
    max_hops: u8,
}

/// The edit form of an actor's card, as text fields (lists comma-separated).
#[derive(Debug, Clone, Default)]
struct ActorEdit {
    name: String,
    languages: String,
    city: String,
    channels: String,
    lat: String,
    lon: String,
    consent: bool,
}

impl ActorEdit {
    fn of(record: &crate::document::ActorRecord) -> Self {
        Self {
            name: record.name.clone().unwrap_or_default(),
            languages: record.languages.join(", "),
            city: record.city.clone().unwrap_or_default(),
            channels: record.channels.join(", "),
            lat: record
                .location
                .as_ref()
                .map_or(String::new(), |l| l.lat.to_string()),
            lon: record
                .location
                .as_ref()
                .map_or(String::new(), |l| l.lon.to_string()),
            consent: record.consent,
        }
    }

    fn from_form(form: &std::collections::HashMap<String, String>) -> Self {
        let text = |name: &str| {
            form.get(name)
                .map_or(String::new(), |v| v.trim().to_owned())
        };
        Self {
            name: text("name"),
            languages: text("languages"),
            city: text("city"),
            channels: text("channels"),
            lat: text("lat"),
            lon: text("lon"),
            consent: form.contains_key("consent"),
        }
    }

    /// The stored record with this form's changes (attributes and kind stay as they are).
    fn apply(
        &self,
        mut record: crate::document::ActorRecord,
    ) -> Result<crate::document::ActorRecord, Vec<String>> {
        record.name = Some(self.name.clone());
        record.languages = list(&self.languages);
        record.city = (!self.city.is_empty()).then(|| self.city.clone());
        record.channels = list(&self.channels);
        record.consent = self.consent;
        record.location = match (self.lat.as_str(), self.lon.as_str()) {
            ("", "") => None,
            (lat, lon) => match (lat.parse::<f64>(), lon.parse::<f64>()) {
                (Ok(lat), Ok(lon)) => Some(crate::document::LocationRecord { lat, lon }),
                _ => {
                    return Err(vec![
                        "location: give both latitude and longitude as decimal degrees, or neither"
                            .into(),
                    ]);
                }
            },
        };
        Ok(record)
    }
}

/// A form's list field: comma- or semicolon-separated, blanks dropped (as in the CSV files).
fn list(raw: &str) -> Vec<String> {
    raw.split([',', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// An actor's card: details, ties with their social capital, and the responders that can reach
/// the actor under the default conditions, through whom.
async fn get_actor(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(raw): Path<String>,
    crate::http::extract::Query(query): crate::http::extract::Query<ActorPageQuery>,
) -> Result<Html<String>, ApiError> {
    let notice = match query.saved.as_deref() {
        Some("actor") => Some("Saved."),
        Some("tie") => Some("Tie added."),
        Some("removed") => Some("Tie removed."),
        _ => None,
    };
    actor_page(&state, visitor, &raw, None, Vec::new(), notice).await
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ActorPageQuery {
    saved: Option<String>,
}

/// Where a change from the card goes back to.
fn back_to(id: &ActorId, saved: &str) -> Response {
    Redirect::to(&format!("/actors/{id}?saved={saved}")).into_response()
}

/// The rules a refused change broke, as lines for the card.
fn refusal(error: ApiError) -> Result<Vec<String>, ApiError> {
    match error {
        ApiError::Invalid(rows) => Ok(rows.iter().map(ToString::to_string).collect()),
        error @ (ApiError::NotFound(_) | ApiError::Conflict(_) | ApiError::BadRequest { .. }) => {
            Ok(vec![error.to_string()])
        }
        other => Err(other),
    }
}

/// Writes one record from a card's form; a broken rule comes back as lines to show.
async fn write_from_card<R: crate::document::Record>(
    state: &AppState,
    caller: &Caller,
    record: R,
    id: Option<&str>,
    mode: crate::domain::WriteMode,
) -> Result<Result<(), Vec<String>>, ApiError> {
    let written = match crate::http::api::single_write(record, id, mode) {
        Ok(batch) => state
            .services
            .import(caller, batch, false)
            .await
            .map_err(ApiError::from),
        Err(error) => Err(error),
    };
    match written {
        Ok(_) => Ok(Ok(())),
        Err(error) => Ok(Err(refusal(error)?)),
    }
}

/// Saves the card's edit form: the actor's record, replaced with the form's values.
async fn post_actor(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(raw): Path<String>,
    axum::Form(form): axum::Form<std::collections::HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let id = card_id(&raw)?;
    let stored = state.services.actor(&visitor.caller, &id).await?;
    let edit = ActorEdit::from_form(&form);
    let written = match edit.apply(crate::document::ActorRecord::from(&stored)) {
        Err(errors) => Err(errors),
        Ok(record) => {
            let mode = crate::domain::WriteMode::Replace;
            let caller = &visitor.caller;
            write_from_card(&state, caller, record, Some(id.as_str()), mode).await?
        }
    };
    card_outcome(&state, visitor, &id, written, Some(edit), "actor").await
}

/// Back to the card after a change: with a notice when it was saved, or with what was refused
/// (and the form as typed) and nothing written.
async fn card_outcome(
    state: &AppState,
    visitor: Visitor,
    id: &ActorId,
    written: Result<(), Vec<String>>,
    edit: Option<ActorEdit>,
    saved: &str,
) -> Result<Response, ApiError> {
    match written {
        Ok(()) => {
            tracing::info!(change = saved, "changed on the actor's card");
            Ok(back_to(id, saved))
        }
        Err(errors) => {
            let page = actor_page(state, visitor, id.as_str(), edit, errors, None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// The actor a card's form is about; an unknown id is a 404.
fn card_id(raw: &str) -> Result<ActorId, ApiError> {
    ActorId::parse(raw).map_err(|_| ApiError::NotFound(format!("actor {raw}")))
}

/// Adds a tie from the card: from this actor to another, of a kind, with trust and channels.
async fn post_actor_tie(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(raw): Path<String>,
    axum::Form(form): axum::Form<std::collections::HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let id = card_id(&raw)?;
    let text = |name: &str| {
        form.get(name)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let trust = match text("trust").map(|t| t.parse::<f64>()) {
        None => Ok(None),
        Some(Ok(t)) => Ok(Some(t)),
        Some(Err(_)) => Err(vec!["trust: a number from 0 to 1".to_owned()]),
    };
    let written = match trust {
        Err(errors) => Err(errors),
        Ok(trust) => {
            let record = crate::document::TieRecord {
                source: Some(id.to_string()),
                target: text("other"),
                kind: text("kind"),
                trust,
                channels: list(&text("channels").unwrap_or_default()),
                ..Default::default()
            };
            let mode = crate::domain::WriteMode::Create;
            write_from_card(&state, &visitor.caller, record, None, mode).await?
        }
    };
    card_outcome(&state, visitor, &id, written, None, "tie").await
}

/// Removes one of the actor's ties from the card.
async fn post_remove_tie(
    State(state): State<AppState>,
    caller: Caller,
    Path((raw, tie)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let id = card_id(&raw)?;
    let tie_id =
        crate::domain::TieId::parse(&tie).map_err(|_| ApiError::NotFound(format!("tie {tie}")))?;
    let removed = state
        .services
        .delete_tie(&caller, &tie_id, Some(&id))
        .await?;
    // Its ends go to the audit entry, as for the API's DELETE.
    Ok(crate::http::api::about_tie(
        &removed.value,
        back_to(&id, "removed"),
    ))
}

async fn actor_page(
    state: &AppState,
    visitor: Visitor,
    raw: &str,
    edit: Option<ActorEdit>,
    errors: Vec<String>,
    notice: Option<&'static str>,
) -> Result<Html<String>, ApiError> {
    use crate::analysis::Capital;
    let not_found = || ApiError::NotFound(format!("actor {raw}"));
    let id = ActorId::parse(raw).map_err(|_| not_found())?;
    let card = state.services.card(&visitor.caller, &id).await?;
    let (actor, others) = (&card.actor, &card.others);
    let mut profile = [0usize; 3];
    let rows = card
        .ties
        .iter()
        .map(|stored| {
            let tie = &stored.value;
            let other_id = if tie.source == id {
                &tie.target
            } else {
                &tie.source
            };
            let other = others.get(other_id);
            let capital = match (tie.kind, other) {
                (crate::domain::TieKind::LocatedIn, _) | (_, None) => "",
                (_, Some(other)) => {
                    let class = Capital::of(
                        (actor.kind, &actor.languages),
                        (other.kind, &other.languages),
                    );
                    profile[class as usize] += 1;
                    class.as_str()
                }
            };
            TieRow {
                id: tie.id.to_string(),
                kind: tie.kind.as_str().to_owned(),
                other: other_id.to_string(),
                other_kind: other.map_or(String::new(), |o| o.kind.to_string()),
                trust: format!("{:.2}", tie.trust.value()),
                channels: tie
                    .channels
                    .as_slice()
                    .iter()
                    .map(|c| c.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                last_verified: tie.last_verified.map_or(String::new(), |d| d.to_string()),
                capital,
            }
        })
        .collect();
    let (reached, max_hops) = (card.reached_by.clone(), card.max_hops);
    let record = crate::document::ActorRecord::from(actor);
    render(&ActorPage {
        nav: visitor.nav(),
        edit: edit.unwrap_or_else(|| ActorEdit::of(&record)),
        errors,
        notice,
        tie_kinds: crate::domain::TieKind::ALL
            .iter()
            .map(|k| k.as_str())
            .collect(),
        attributes: record
            .attributes
            .as_ref()
            .map_or(String::new(), ToString::to_string),
        actor: record,
        ties: rows,
        profile,
        reached_by: reached
            .into_iter()
            .map(|r| ReachRow {
                responder: r.id.to_string(),
                hops: r.hops,
                reliability: format!("{:.2}", r.reliability),
                path: r
                    .path
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(" → "),
            })
            .collect(),
        max_hops,
    })
}
