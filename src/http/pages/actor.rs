//! An actor's card (`/actors/{id}`): details, ties with their social capital, who reaches the
//! actor and through whom, and the forms that change them: the details, a new tie with someone
//! picked by name (its direction follows from the two kinds), and a tie's removal after a
//! confirmation.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};

use super::actors::{
    ACTOR_FIELDS, ActorForm, actor_field, channel_choices, languages_hint, languages_known,
};
use super::forms::{FieldErrors, Typed, text};
use super::{Nav, Visitor, render, words};
use crate::analysis::Capital;
use crate::document::{ActorRecord, TieRecord};
use crate::domain::{ActorId, ActorKind, StoredActor, TieId, TieKind, WriteMode};
use crate::http::access::{Access, Caller, Routes};
use crate::http::extract::Query;
use crate::http::{ApiError, AppState};
use crate::i18n::Tr;
use crate::service::Card;

pub(super) fn routes() -> Routes {
    Routes::new()
        .get("/actors/{id}", Access::Network, get_actor)
        .post("/actors/{id}", Access::Network, post_actor)
        .post("/actors/{id}/ties", Access::Network, post_actor_tie)
        .get(
            "/actors/{id}/ties/{tie}/remove",
            Access::Network,
            get_remove_tie,
        )
        .post(
            "/actors/{id}/ties/{tie}/remove",
            Access::Network,
            post_remove_tie,
        )
}

/// An actor as a link on a card: their name, and their id for the address.
pub(super) struct Named {
    id: String,
    name: String,
}

impl Named {
    fn of(id: &ActorId, card: &Card) -> Self {
        let name = if *id == card.actor.id {
            card.actor.name.as_str().to_owned()
        } else {
            card.others
                .get(id)
                .map_or_else(|| id.to_string(), |a| a.name.as_str().to_owned())
        };
        Self {
            id: id.to_string(),
            name,
        }
    }
}

/// One of an actor's ties, as the card lists it.
struct TieRow {
    id: String,
    /// What the tie says, read from this actor: "is a member of", "has as a member".
    relation: String,
    other: Named,
    other_kind: String,
    trust: String,
    channels: String,
    last_verified: String,
    note: String,
    capital: String,
}

/// One responder that can reach the actor.
struct ReachRow {
    responder: Named,
    /// The fewest ties from the responder, as the interface language writes numbers.
    hops: String,
    /// The ties of the most reliable path, which may be more than `hops`.
    path_ties: usize,
    reliability: String,
    path: Vec<Named>,
}

/// The details of the card, in words.
struct Details {
    kind: String,
    languages: String,
    city: Option<Named>,
    location: String,
    channels: String,
    /// What consent means for this actor (migrants only), or nothing.
    consent: Option<String>,
    attributes: Vec<(String, String)>,
}

/// The tie form's values as typed.
#[derive(Debug, Clone, Default)]
struct TieForm {
    other: String,
    kind: String,
    trust: String,
    channels: Vec<String>,
    last_verified: String,
    note: String,
}

impl TieForm {
    /// Whether the form has this channel ticked.
    fn has_channel(&self, channel: &str) -> bool {
        self.channels.iter().any(|c| c == channel)
    }
}

#[derive(Template)]
#[template(path = "pages/actor.html")]
struct ActorPage {
    nav: Nav,
    id: String,
    name: String,
    details: Details,
    /// The edit form's values: the stored ones, or those just refused.
    form: ActorForm,
    /// Why the last change of the details was refused, by field.
    errors: FieldErrors,
    form_id: &'static str,
    tie: TieForm,
    tie_errors: FieldErrors,
    /// What the last change did.
    notice: Option<String>,
    tie_kinds: Vec<(&'static str, String)>,
    ties: Vec<TieRow>,
    /// Bonding, bridging and linking ties, as the interface language writes numbers.
    profile: [String; 3],
    reached_by: Vec<ReachRow>,
    max_hops: u8,
    cities: Vec<(String, String)>,
    channels: Vec<(&'static str, String)>,
    languages_known: Vec<(String, String)>,
    languages_hint: String,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ActorPageQuery {
    saved: Option<String>,
}

/// An actor's card: details, ties with their social capital, and the responders that can reach
/// the actor under the default conditions, through whom.
async fn get_actor(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(raw): Path<String>,
    Query(query): Query<ActorPageQuery>,
) -> Result<Html<String>, ApiError> {
    let tr = visitor.tr;
    let notice = match query.saved.as_deref() {
        Some("created") => Some(tr.t("actor-card-created")),
        Some("actor") => Some(tr.t("actor-card-saved")),
        Some("tie") => Some(tr.t("actor-card-tie-added")),
        Some("removed") => Some(tr.t("actor-card-tie-removed")),
        _ => None,
    };
    let id = card_id(&raw)?;
    actor_page(&state, visitor, &id, Refused::Nothing, notice).await
}

/// What a refused change brings back to the card: the form as typed, with its errors.
enum Refused {
    Nothing,
    Details(ActorForm, FieldErrors),
    Tie(TieForm, FieldErrors),
}

/// Where a change from the card goes back to.
fn back_to(id: &ActorId, saved: &str) -> Response {
    Redirect::to(&format!("/actors/{id}?saved={saved}")).into_response()
}

/// The actor a card's form is about; an unknown id is a 404.
fn card_id(raw: &str) -> Result<ActorId, ApiError> {
    ActorId::parse(raw).map_err(|_| ApiError::NotFound(format!("actor {raw}")))
}

/// Writes one record from a card's form; a broken rule comes back as errors on the fields, in
/// the interface language.
#[allow(clippy::too_many_arguments)]
async fn write_from_card<R: crate::document::Record>(
    state: &AppState,
    tr: Tr,
    caller: &Caller,
    record: R,
    id: Option<&str>,
    mode: WriteMode,
    rename: impl Fn(&str) -> Option<&'static str>,
    fields: &[&str],
) -> Result<Result<(), FieldErrors>, ApiError> {
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
        Err(error) => Ok(Err(FieldErrors::of_refusal_in(tr, error, rename, fields)?)),
    }
}

/// Saves the card's edit form: the actor's record, replaced with the form's values.
async fn post_actor(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(raw): Path<String>,
    axum::Form(pairs): axum::Form<Vec<(String, String)>>,
) -> Result<Response, ApiError> {
    let tr = visitor.tr;
    let id = card_id(&raw)?;
    let stored = state.services.actor(&visitor.caller, &id).await?;
    let mut form = ActorForm::posted(&pairs);
    form.kind = stored.kind.as_str().to_owned();
    let written = match form.apply(tr, ActorRecord::from(&stored)) {
        Err(errors) => Err(errors),
        Ok(record) => {
            let (caller, mode) = (&visitor.caller, WriteMode::Replace);
            write_from_card(
                &state,
                tr,
                caller,
                record,
                Some(id.as_str()),
                mode,
                actor_field,
                &ACTOR_FIELDS,
            )
            .await?
        }
    };
    match written {
        Ok(()) => {
            tracing::info!(change = "actor", "changed on the actor's card");
            Ok(back_to(&id, "actor"))
        }
        Err(errors) => refused(&state, visitor, &id, Refused::Details(form, errors)).await,
    }
}

/// The card again, with what was refused and nothing written.
async fn refused(
    state: &AppState,
    visitor: Visitor,
    id: &ActorId,
    refused: Refused,
) -> Result<Response, ApiError> {
    let page = actor_page(state, visitor, id, refused, None).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

/// The fields of the tie form that errors can land on.
const TIE_FIELDS: [&str; 6] = [
    "other",
    "kind",
    "trust",
    "channels",
    "last_verified",
    "note",
];

/// The tie form's field a model field is shown on: either end is "the other".
fn tie_field(field: &str) -> Option<&'static str> {
    match field {
        "source" | "target" => Some("other"),
        _ => None,
    }
}

/// Which way a tie of `kind` between `this` and `other` goes: from this one (`Ok(true)`), to
/// it (`Ok(false)`), or neither, in words.
fn direction(
    tr: Tr,
    kind: TieKind,
    this: &StoredActor,
    other: &StoredActor,
) -> Result<bool, String> {
    if kind.fits(this.kind, other.kind) {
        Ok(true)
    } else if kind.fits(other.kind, this.kind) {
        Ok(false)
    } else {
        Err(tr.with(
            "actor-tie-kind-mismatch",
            [
                ("tie", words::tie_kind(tr, kind).into()),
                ("rule", super::forms::tie_rule(tr, kind).into()),
                ("name", other.name.as_str().into()),
                ("kind", words::a_kind(tr, other.kind).into()),
            ],
        ))
    }
}

/// Adds a tie from the card between this actor and another, picked by name or id; its
/// direction follows from the kinds of the two.
async fn post_actor_tie(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(raw): Path<String>,
    axum::Form(pairs): axum::Form<Vec<(String, String)>>,
) -> Result<Response, ApiError> {
    let tr = visitor.tr;
    let id = card_id(&raw)?;
    let this = state.services.actor(&visitor.caller, &id).await?;
    let typed: Typed = pairs.iter().cloned().collect();
    let form = TieForm {
        other: text(&typed, "other"),
        kind: text(&typed, "kind"),
        trust: text(&typed, "trust"),
        channels: pairs
            .iter()
            .filter(|(k, _)| k == "channel")
            .map(|(_, v)| v.clone())
            .collect(),
        last_verified: text(&typed, "last_verified"),
        note: text(&typed, "note"),
    };
    let mut errors = FieldErrors::none();
    let other = match state
        .services
        .find_actor(&visitor.caller, &form.other)
        .await
    {
        Ok(other) if other.id == id => {
            errors.add("other", tr.t("actor-tie-self"));
            None
        }
        Ok(other) => Some(other),
        Err(error) => {
            let refusal = FieldErrors::of_refusal_in(tr, error.into(), tie_field, &TIE_FIELDS)?;
            for (field, message) in refusal.summary() {
                errors.add(if field.is_empty() { "other" } else { &field }, message);
            }
            None
        }
    };
    let kind = TieKind::parse(&form.kind)
        .map_err(|_| errors.add("kind", tr.t("actor-tie-pick-kind")))
        .ok();
    let trust = match super::forms::decimal(&form.trust) {
        _ if form.trust.is_empty() => None,
        Some(trust) => Some(trust),
        None => {
            errors.add("trust", tr.t("actor-tie-trust-not-number"));
            None
        }
    };
    let mut record = None;
    if let (Some(other), Some(kind)) = (&other, kind) {
        match direction(tr, kind, &this, other) {
            Err(message) => errors.add("kind", message),
            Ok(from_this) => {
                let (source, target) = if from_this {
                    (&this.id, &other.id)
                } else {
                    (&other.id, &this.id)
                };
                record = Some(TieRecord {
                    source: Some(source.to_string()),
                    target: Some(target.to_string()),
                    kind: Some(kind.as_str().to_owned()),
                    trust,
                    channels: form.channels.clone(),
                    last_verified: (!form.last_verified.is_empty())
                        .then(|| form.last_verified.clone()),
                    note: (!form.note.is_empty()).then(|| form.note.clone()),
                    ..TieRecord::default()
                });
            }
        }
    }
    let written = match record {
        Some(record) if errors.is_empty() => {
            let mode = WriteMode::Create;
            write_from_card(
                &state,
                tr,
                &visitor.caller,
                record,
                None,
                mode,
                tie_field,
                &TIE_FIELDS,
            )
            .await?
        }
        _ => Err(errors),
    };
    match written {
        Ok(()) => {
            tracing::info!(change = "tie", "changed on the actor's card");
            Ok(back_to(&id, "tie"))
        }
        Err(errors) => refused(&state, visitor, &id, Refused::Tie(form, errors)).await,
    }
}

#[derive(Template)]
#[template(path = "pages/confirm.html")]
pub(super) struct ConfirmPage<B: std::fmt::Display = &'static str> {
    pub(super) nav: Nav,
    pub(super) title: String,
    pub(super) warning: String,
    pub(super) action: String,
    /// The button's words (a message, or the English of a page not translated yet).
    pub(super) button: B,
    pub(super) back: String,
}

/// Asks before a tie is removed.
async fn get_remove_tie(
    State(state): State<AppState>,
    visitor: Visitor,
    Path((raw, tie)): Path<(String, String)>,
) -> Result<Html<String>, ApiError> {
    let tr = visitor.tr;
    let id = card_id(&raw)?;
    let tie_id = TieId::parse(&tie).map_err(|_| ApiError::NotFound(format!("tie {tie}")))?;
    let stored = state.services.tie(&visitor.caller, &tie_id).await?;
    if stored.source != id && stored.target != id {
        return Err(ApiError::NotFound(format!("tie {tie}")));
    }
    let ends = state
        .services
        .actors_by_id(
            &visitor.caller,
            &[stored.source.clone(), stored.target.clone()],
        )
        .await?;
    let name = |end: &ActorId| {
        ends.iter()
            .find(|a| a.id == *end)
            .map_or_else(|| end.to_string(), |a| a.name.as_str().to_owned())
    };
    render(&ConfirmPage {
        nav: visitor.nav(),
        title: tr.t("actor-tie-remove-title"),
        warning: tr.with(
            "actor-tie-remove-warning",
            [
                ("source", name(&stored.source).into()),
                ("relation", words::relation(tr, stored.kind, true).into()),
                ("target", name(&stored.target).into()),
            ],
        ),
        action: format!("/actors/{id}/ties/{tie_id}/remove"),
        button: tr.t("actor-tie-remove-button"),
        back: format!("/actors/{id}#ties"),
    })
}

/// Removes one of the actor's ties, once confirmed.
async fn post_remove_tie(
    State(state): State<AppState>,
    caller: Caller,
    Path((raw, tie)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let id = card_id(&raw)?;
    let tie_id = TieId::parse(&tie).map_err(|_| ApiError::NotFound(format!("tie {tie}")))?;
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

/// The card's details in words.
fn details(tr: Tr, card: &Card) -> Details {
    let actor = &card.actor;
    let languages = actor.languages.as_slice();
    let record = ActorRecord::from(actor);
    Details {
        kind: words::kind(tr, actor.kind),
        languages: match languages {
            [] => "–".into(),
            [only] => words::language(tr, only.as_str()),
            [first, ..] => tr.t2(
                "actor-card-languages-first",
                ("languages", words::languages(tr, languages)),
                ("first", words::language(tr, first.as_str())),
            ),
        },
        city: actor.city.as_ref().map(|c| Named::of(c, card)),
        location: actor.location.map_or("–".into(), |l| {
            tr.t2(
                "actor-card-coordinates",
                ("lat", words::coordinate(tr, l.lat())),
                ("lon", words::coordinate(tr, l.lon())),
            )
        }),
        channels: words::channels(tr, actor.channels.as_slice()),
        consent: (actor.kind == ActorKind::Migrant)
            .then(|| words::consent(tr, &actor.consent, crate::domain::today())),
        attributes: record
            .attributes
            .as_ref()
            .and_then(|a| a.as_object())
            .map(|object| {
                object
                    .iter()
                    .map(|(key, value)| {
                        let value = value
                            .as_str()
                            .map_or_else(|| value.to_string(), str::to_owned);
                        (key.clone(), value)
                    })
                    .collect()
            })
            .unwrap_or_default(),
    }
}

async fn actor_page(
    state: &AppState,
    visitor: Visitor,
    id: &ActorId,
    refused: Refused,
    notice: Option<String>,
) -> Result<Html<String>, ApiError> {
    let tr = visitor.tr;
    let card = state.services.card(&visitor.caller, id).await?;
    let actor = &card.actor;
    let mut profile = [0u32; 3];
    let ties = card
        .ties
        .iter()
        .map(|stored| {
            let tie = &stored.value;
            let other_id = card.other_end(stored);
            let other = card.others.get(other_id);
            let capital = match (tie.kind, other) {
                (TieKind::LocatedIn, _) | (_, None) => String::new(),
                (_, Some(other)) => {
                    let class = Capital::of(
                        (actor.kind, &actor.languages),
                        (other.kind, &other.languages),
                    );
                    profile[class as usize] += 1;
                    words::capital(tr, class)
                }
            };
            TieRow {
                id: tie.id.to_string(),
                relation: words::relation(tr, tie.kind, tie.source == *id),
                other: Named::of(other_id, &card),
                other_kind: other.map_or_else(String::new, |o| words::kind(tr, o.kind)),
                trust: tr.decimal(tie.trust.value(), 2),
                channels: words::channels(tr, tie.channels.as_slice()),
                last_verified: tie.last_verified.map_or("–".into(), |d| d.to_string()),
                note: tie
                    .note
                    .as_ref()
                    .map_or(String::new(), |n| n.as_str().to_owned()),
                capital,
            }
        })
        .collect();
    let reached_by = card
        .reached_by
        .iter()
        .map(|r| ReachRow {
            responder: Named::of(r.path.first().unwrap_or(&r.id), &card),
            hops: tr.number(r.hops),
            path_ties: r.path.len().saturating_sub(1),
            reliability: tr.decimal(r.reliability, 2),
            path: r.path.iter().map(|p| Named::of(p, &card)).collect(),
        })
        .collect();
    let (mut form, mut errors) = (ActorForm::of(tr, actor), FieldErrors::none());
    let (mut tie, mut tie_errors) = (TieForm::default(), FieldErrors::none());
    match refused {
        Refused::Nothing => {}
        Refused::Details(typed, refused) => (form, errors) = (typed, refused),
        Refused::Tie(typed, refused) => (tie, tie_errors) = (typed, refused),
    }
    if tie.kind.is_empty() {
        tie.kind = TieKind::ALL
            .iter()
            .find(|k| words::can_join(**k, actor.kind))
            .map_or(String::new(), |k| k.as_str().to_owned());
    }
    render(&ActorPage {
        nav: visitor.nav(),
        id: id.to_string(),
        name: actor.name.as_str().to_owned(),
        details: details(tr, &card),
        form,
        errors,
        form_id: "edit",
        tie,
        tie_errors,
        notice,
        tie_kinds: TieKind::ALL
            .iter()
            .filter(|k| words::can_join(**k, actor.kind))
            .map(|k| (k.as_str(), words::tie_choice(tr, *k, actor.kind)))
            .collect(),
        ties,
        profile: profile.map(|n| tr.number(n)),
        reached_by,
        max_hops: card.max_hops,
        cities: super::actors::city_names(&state.services, &visitor).await?,
        channels: channel_choices(tr),
        languages_known: languages_known(tr),
        languages_hint: languages_hint(tr),
    })
}
