//! Finding and changing people: the list of actors with its search and filters (`/actors`), a
//! new actor (`/actors/new`), and deleting or erasing one (`/actors/{id}/delete`), each with a
//! clear warning first.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};

use super::forms::{FieldErrors, Typed, list, text};
use super::{Nav, Visitor, render, words};
use crate::document::{ActorRecord, ConsentRecord, LocationRecord};
use crate::domain::{ActorId, ActorKind, Channel, Purpose, StoredActor, WriteMode};
use crate::http::access::{Access, AuditTarget, Routes};
use crate::http::extract::Query;
use crate::http::{ApiError, AppState};
use crate::i18n::Tr;
use crate::service::Services;
use crate::store::{ActorFilter, Page};

pub(super) fn routes() -> Routes {
    Routes::new()
        .get("/actors", Access::Network, get_actors)
        .get("/actors/new", Access::Network, get_new_actor)
        .post("/actors", Access::Network, post_new_actor)
        .get("/actors/{id}/delete", Access::Network, get_delete)
        .post("/actors/{id}/delete", Access::Network, post_delete)
}

/// Actors a page of the list shows.
const PAGE: usize = 50;

/// One actor as the list shows it.
pub(super) struct ActorRow {
    id: String,
    name: String,
    kind: String,
    languages: String,
    city: String,
    channels: String,
}

impl ActorRow {
    fn of(tr: Tr, actor: &StoredActor, city_names: &[(String, String)]) -> Self {
        let city = actor.city.as_ref().map_or(String::new(), |c| {
            city_names
                .iter()
                .find(|(id, _)| id == c.as_str())
                .map_or_else(|| c.to_string(), |(_, name)| name.clone())
        });
        Self {
            id: actor.id.to_string(),
            name: actor.name.as_str().to_owned(),
            kind: words::kind(tr, actor.kind),
            languages: words::languages(tr, actor.languages.as_slice()),
            city,
            channels: words::channels(tr, actor.channels.as_slice()),
        }
    }
}

#[derive(Template)]
#[template(path = "pages/actors.html")]
struct ActorsPage {
    nav: Nav,
    rows: Vec<ActorRow>,
    q: String,
    kind: String,
    language: String,
    city: String,
    kinds: Vec<(&'static str, String)>,
    cities: Vec<(String, String)>,
    languages_known: Vec<(String, String)>,
    /// The query string of the next page, when there is one.
    next: Option<String>,
    /// Whether this is a later page.
    after: bool,
    error: Option<String>,
    /// What the last change did.
    done: Option<String>,
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ActorsQuery {
    q: Option<String>,
    kind: Option<String>,
    language: Option<String>,
    city: Option<String>,
    after: Option<String>,
    done: Option<String>,
}

/// Every city as (id, name), for the pages' city choices; none for roles that do not see the
/// network (a district's name can narrow a small count down to people: they read ids).
pub(super) async fn city_names(
    services: &Services,
    visitor: &Visitor,
) -> Result<Vec<(String, String)>, ApiError> {
    if !visitor.caller.role.sees_personal_data() {
        return Ok(Vec::new());
    }
    Ok(services
        .cities(&visitor.caller)
        .await?
        .iter()
        .map(|c| (c.id.to_string(), c.name.as_str().to_owned()))
        .collect())
}

/// The languages a form offers to pick from, by their name in the interface language (as
/// (code, name), in the order of the names): the demo city's and the most spoken. What is
/// typed back is read by [`super::forms::language`].
pub(super) fn languages_known(tr: Tr) -> Vec<(String, String)> {
    const OFFERED: [&str; 24] = [
        "ara", "eng", "fra", "spa", "por", "tir", "amh", "som", "prs", "pus", "urd", "hin", "ben",
        "tgl", "vie", "swa", "ukr", "rus", "tur", "kur", "fas", "zho", "jpn", "hau",
    ];
    let mut known: Vec<(String, String)> = OFFERED
        .iter()
        .map(|code| ((*code).to_owned(), words::language(tr, code)))
        .collect();
    known.sort_by_cached_key(|(_, name)| super::forms::folded(name));
    known
}

/// The hint of the languages field: names or codes, with two names as an example.
pub(super) fn languages_hint(tr: Tr) -> String {
    tr.t1(
        "actor-field-languages-hint",
        "example",
        words::languages(tr, &["tir", "eng"]),
    )
}

/// The list of actors: search by part of the name, filter by kind, language (by name or code)
/// and city, a page at a time.
async fn get_actors(
    State(state): State<AppState>,
    visitor: Visitor,
    Query(query): Query<ActorsQuery>,
) -> Result<Response, ApiError> {
    let tr = visitor.tr;
    let blank = |v: &Option<String>| v.as_deref().map(str::trim).unwrap_or("").to_owned();
    let (q, kind, language, city) = (
        blank(&query.q),
        blank(&query.kind),
        blank(&query.language),
        blank(&query.city),
    );
    let mut error = None;
    let mut filter = ActorFilter {
        name: crate::http::api::search_text(Some(&q))?,
        ..ActorFilter::default()
    };
    if !kind.is_empty() {
        match ActorKind::parse(&kind) {
            Ok(k) => filter.kind = Some(k),
            Err(e) => error = Some(super::forms::domain_error(tr, &e)),
        }
    }
    if !language.is_empty() {
        match super::forms::language(tr, &language) {
            Some(l) => filter.language = Some(l),
            None => error = Some(tr.t1("actor-list-unknown-language", "language", &language)),
        }
    }
    if !city.is_empty() {
        filter.city = ActorId::parse(&city).ok();
    }
    let page = Page {
        limit: PAGE,
        after: query.after.clone().filter(|a| !a.is_empty()),
        ..Page::default()
    };
    let cities = city_names(&state.services, &visitor).await?;
    let found = if error.is_none() {
        state
            .services
            .actors(&visitor.caller, &filter, &page)
            .await?
    } else {
        Vec::new()
    };
    let next = (found.len() == PAGE).then(|| {
        let mut next = form_urlencoded::Serializer::new(String::new());
        for (key, value) in [
            ("q", &q),
            ("kind", &kind),
            ("language", &language),
            ("city", &city),
        ] {
            if !value.is_empty() {
                next.append_pair(key, value);
            }
        }
        next.append_pair("after", found.last().map_or("", |a| a.id.as_str()));
        next.finish()
    });
    let rows: Vec<ActorRow> = found.iter().map(|a| ActorRow::of(tr, a, &cities)).collect();
    let count = rows.len();
    let page = render(&ActorsPage {
        nav: visitor.nav(),
        rows,
        q,
        kind,
        language,
        city,
        kinds: ActorKind::ALL
            .iter()
            .map(|k| (k.as_str(), words::kind(tr, *k)))
            .collect(),
        cities,
        languages_known: languages_known(tr),
        next,
        after: query.after.as_deref().is_some_and(|a| !a.is_empty()),
        error,
        done: match query.done.as_deref() {
            Some("deleted") => Some(tr.t("actor-list-done-deleted")),
            Some("erased") => Some(tr.t("actor-list-done-erased")),
            _ => None,
        },
    })?;
    Ok(crate::http::api::counted(count, page))
}

/// An actor's form as typed: what a new actor or a changed one holds.
#[derive(Debug, Clone, Default)]
pub(super) struct ActorForm {
    pub(super) kind: String,
    pub(super) name: String,
    pub(super) languages: String,
    pub(super) city: String,
    pub(super) channels: Vec<String>,
    pub(super) lat: String,
    pub(super) lon: String,
    /// The consent purposes ticked.
    pub(super) consent_purposes: Vec<String>,
    /// `YYYY-MM-DD` or empty.
    pub(super) consent_expires: String,
}

impl ActorForm {
    /// Whether the form has this channel ticked.
    pub(super) fn has_channel(&self, channel: &str) -> bool {
        self.channels.iter().any(|c| c == channel)
    }

    /// The consent purposes to tick, by value and label.
    pub(super) fn purpose_choices(&self, tr: &Tr) -> Vec<(&'static str, String)> {
        let tr = *tr;
        Purpose::ALL
            .iter()
            .map(|&p| (p.as_str(), words::purpose(tr, p)))
            .collect()
    }

    /// Whether the form has this consent purpose ticked.
    pub(super) fn has_purpose(&self, purpose: &str) -> bool {
        self.consent_purposes.iter().any(|p| p == purpose)
    }

    /// The form of a stored actor.
    pub(super) fn of(tr: Tr, actor: &StoredActor) -> Self {
        Self {
            kind: actor.kind.as_str().to_owned(),
            name: actor.name.as_str().to_owned(),
            languages: words::languages(tr, actor.languages.as_slice()).replace('–', ""),
            city: actor
                .city
                .as_ref()
                .map_or(String::new(), ToString::to_string),
            channels: actor
                .channels
                .as_slice()
                .iter()
                .map(|c| c.as_str().to_owned())
                .collect(),
            lat: actor
                .location
                .map_or(String::new(), |l| words::coordinate(tr, l.lat())),
            lon: actor
                .location
                .map_or(String::new(), |l| words::coordinate(tr, l.lon())),
            consent_purposes: actor
                .consent
                .purposes()
                .map(|p| p.as_str().to_owned())
                .collect(),
            consent_expires: actor
                .consent
                .expires()
                .map_or(String::new(), |d| d.to_string()),
        }
    }

    /// The form as posted (channels are the ticked boxes).
    pub(super) fn posted(pairs: &[(String, String)]) -> Self {
        let form: Typed = pairs.iter().cloned().collect();
        Self {
            kind: text(&form, "kind"),
            name: text(&form, "name"),
            languages: text(&form, "languages"),
            city: text(&form, "city"),
            channels: pairs
                .iter()
                .filter(|(k, _)| k == "channel")
                .map(|(_, v)| v.clone())
                .collect(),
            lat: text(&form, "lat"),
            lon: text(&form, "lon"),
            consent_purposes: pairs
                .iter()
                .filter(|(k, _)| k == "consent_purpose")
                .map(|(_, v)| v.clone())
                .collect(),
            consent_expires: text(&form, "consent_expires"),
        }
    }

    /// The consent this form records (migrants only): the one stored when neither the purposes
    /// nor the expiry changed, else a new record dated today.
    fn consent_record(
        &self,
        stored: Option<ConsentRecord>,
        kind: Option<&str>,
    ) -> Option<ConsentRecord> {
        if kind != Some("migrant") || self.consent_purposes.is_empty() {
            return None;
        }
        let expires = (!self.consent_expires.is_empty()).then(|| self.consent_expires.clone());
        match stored {
            Some(stored)
                if stored.purposes == self.consent_purposes && stored.expires == expires =>
            {
                Some(stored)
            }
            _ => Some(ConsentRecord {
                purposes: self.consent_purposes.clone(),
                recorded_on: Some(crate::domain::today().to_string()),
                recorded_by: None,
                expires,
            }),
        }
    }

    /// The record this form writes onto `record` (attributes stay as they are), or the errors of
    /// the fields the model cannot read, in the interface language. Languages are read by name
    /// in the interface language, in English, or by code; coordinates as the language writes
    /// decimals.
    pub(super) fn apply(
        &self,
        tr: Tr,
        mut record: ActorRecord,
    ) -> Result<ActorRecord, FieldErrors> {
        let mut errors = FieldErrors::none();
        let mut languages = Vec::new();
        for raw in list(&self.languages) {
            match super::forms::language(tr, &raw) {
                Some(language) => languages.push(language.to_string()),
                None => errors.add(
                    "languages",
                    tr.t1("actor-field-unknown-language", "language", &raw),
                ),
            }
        }
        record.name = Some(self.name.clone());
        record.languages = languages;
        record.city = (!self.city.is_empty()).then(|| self.city.clone());
        record.channels = self.channels.clone();
        record.consent_record =
            self.consent_record(record.consent_record.take(), record.kind.as_deref());
        record.consent = record.consent_record.is_some();
        record.location = match (self.lat.as_str(), self.lon.as_str()) {
            ("", "") => None,
            (lat, lon) => match (super::forms::decimal(lat), super::forms::decimal(lon)) {
                (Some(lat), Some(lon)) => Some(LocationRecord { lat, lon }),
                _ => {
                    errors.add("location", tr.t("actor-field-location-invalid"));
                    None
                }
            },
        };
        if errors.is_empty() {
            Ok(record)
        } else {
            Err(errors)
        }
    }
}

/// The fields of the actor's form the model's errors can land on.
pub(super) const ACTOR_FIELDS: [&str; 5] = ["name", "languages", "city", "channels", "location"];

/// The model's name for a form field that differs.
pub(super) fn actor_field(field: &str) -> Option<&'static str> {
    match field {
        "lat" | "lon" => Some("location"),
        _ => None,
    }
}

/// Every channel as (value, words).
pub(super) fn channel_choices(tr: Tr) -> Vec<(&'static str, String)> {
    Channel::ALL
        .iter()
        .map(|c| (c.as_str(), words::channel(tr, c.as_str())))
        .collect()
}

#[derive(Template)]
#[template(path = "pages/actor-new.html")]
struct NewActorPage {
    nav: Nav,
    form: ActorForm,
    errors: FieldErrors,
    form_id: &'static str,
    kinds: Vec<(&'static str, String)>,
    cities: Vec<(String, String)>,
    channels: Vec<(&'static str, String)>,
    languages_known: Vec<(String, String)>,
    languages_hint: String,
}

async fn new_actor_page(
    state: &AppState,
    visitor: Visitor,
    form: ActorForm,
    errors: FieldErrors,
) -> Result<Html<String>, ApiError> {
    let tr = visitor.tr;
    let cities = city_names(&state.services, &visitor).await?;
    render(&NewActorPage {
        nav: visitor.nav(),
        form,
        errors,
        form_id: "new",
        kinds: ActorKind::ALL
            .iter()
            .map(|k| (k.as_str(), words::kind(tr, *k)))
            .collect(),
        cities,
        channels: channel_choices(tr),
        languages_known: languages_known(tr),
        languages_hint: languages_hint(tr),
    })
}

/// The form for a new actor.
async fn get_new_actor(
    State(state): State<AppState>,
    visitor: Visitor,
) -> Result<Html<String>, ApiError> {
    let form = ActorForm {
        kind: "migrant".into(),
        ..ActorForm::default()
    };
    new_actor_page(&state, visitor, form, FieldErrors::none()).await
}

/// Creates the actor of the form, then shows their card; a refused one comes back with the
/// errors next to the fields and what was typed kept.
async fn post_new_actor(
    State(state): State<AppState>,
    visitor: Visitor,
    axum::Form(pairs): axum::Form<Vec<(String, String)>>,
) -> Result<Response, ApiError> {
    let tr = visitor.tr;
    let form = ActorForm::posted(&pairs);
    let record = ActorRecord {
        kind: Some(form.kind.clone()),
        ..ActorRecord::default()
    };
    let written = match form.apply(tr, record) {
        Err(errors) => Err(errors),
        Ok(record) => {
            let batch = crate::http::api::single_write(record, None, WriteMode::Create);
            let outcome = match batch {
                Ok(batch) => state
                    .services
                    .write_actor(&visitor.caller, batch)
                    .await
                    .map_err(ApiError::from),
                Err(error) => Err(error),
            };
            match outcome {
                Ok(actor) => Ok(actor),
                Err(error) => Err(FieldErrors::of_refusal_in(
                    tr,
                    error,
                    actor_field,
                    &ACTOR_FIELDS,
                )?),
            }
        }
    };
    match written {
        Ok(actor) => {
            tracing::info!("actor created from the pages");
            Ok(Redirect::to(&format!("/actors/{}?saved=created", actor.id)).into_response())
        }
        Err(errors) => {
            let page = new_actor_page(&state, visitor, form, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

#[derive(Template)]
#[template(path = "pages/actor-delete.html")]
struct DeletePage {
    nav: Nav,
    id: String,
    name: String,
    /// Who they are and how many ties they have, in a sentence.
    summary: String,
    error: Option<String>,
}

/// "Selam is a migrant with 3 ties. Either way, ..."
fn delete_summary(tr: Tr, actor: &StoredActor, ties: usize) -> String {
    tr.with(
        "actor-delete-summary",
        [
            ("name", actor.name.as_str().into()),
            ("kind", words::a_kind(tr, actor.kind).into()),
            ("ties", ties.into()),
        ],
    )
}

/// The warning before a deletion or an erasure.
async fn get_delete(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(raw): Path<String>,
) -> Result<Response, ApiError> {
    let tr = visitor.tr;
    let id = ActorId::parse(&raw).map_err(|_| ApiError::NotFound(format!("actor {raw}")))?;
    let card = state.services.card(&visitor.caller, &id).await?;
    let page = render(&DeletePage {
        nav: visitor.nav(),
        id: id.to_string(),
        name: card.actor.name.as_str().to_owned(),
        summary: delete_summary(tr, &card.actor, card.ties.len()),
        error: None,
    })?;
    Ok(crate::http::api::counted(1, page))
}

/// Deletes the actor and their ties, or with `erase`, every trace of them too; then the list.
async fn post_delete(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(raw): Path<String>,
    axum::Form(form): axum::Form<Typed>,
) -> Result<Response, ApiError> {
    let tr = visitor.tr;
    let id = ActorId::parse(&raw).map_err(|_| ApiError::NotFound(format!("actor {raw}")))?;
    let erase = text(&form, "how") == "erase";
    let outcome = state
        .services
        .delete_actor(&visitor.caller, &id, erase)
        .await;
    let mut response = match outcome {
        Ok(()) => Redirect::to(if erase {
            "/actors?done=erased"
        } else {
            "/actors?done=deleted"
        })
        .into_response(),
        Err(crate::service::ServiceError::Store(crate::store::StoreError::Conflict(message))) => {
            let actor = state.services.actor(&visitor.caller, &id).await?;
            let page = render(&DeletePage {
                nav: visitor.nav(),
                id: id.to_string(),
                name: actor.name.as_str().to_owned(),
                summary: delete_summary(tr, &actor, 0),
                error: Some(conflict(tr, &message)),
            })?;
            (StatusCode::CONFLICT, page).into_response()
        }
        Err(error) => ApiError::from(error).into_response(),
    };
    if erase {
        // The audit entry of an erasure never names the person.
        response
            .extensions_mut()
            .insert(AuditTarget("erased".into()));
    }
    Ok(response)
}

/// Why a deletion was refused, in words: a city that is still some actors' city.
fn conflict(tr: Tr, message: &str) -> String {
    let members = message
        .strip_prefix("city ")
        .and_then(|rest| rest.split_once(" is the city of "))
        .and_then(|(id, rest)| {
            let (count, _) = rest.split_once(" actor(s)")?;
            Some((id, count.parse::<u64>().ok()?))
        });
    match members {
        Some((id, count)) => tr.t2("actor-delete-city-members", ("id", id), ("count", count)),
        None => super::forms::sentence(message),
    }
}
