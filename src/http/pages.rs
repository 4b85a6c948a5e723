//! The web pages (askama templates in `templates/`, scripts in `static/js/`): sign-in and
//! sign-out, the dashboard (suppressed counts, the same for every role), the map, the crisis
//! scenario, an actor's card, intermediaries, metrics and import. Each page is a route with its
//! access rule, like the API; the map, scenario and import pages read and write through the API.

use askama::Template;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};

use crate::domain::{ActorId, ActorKind, Channel, hash_secret};
use crate::http::access::{Access, Caller, Routes, SessionCsrf, audit, valid_token};
use crate::http::session::{
    SESSION_COOKIE, SESSION_LIFETIME, SIGNIN_CSRF_COOKIE, client, cookie, random_secret,
    same_secret, set_cookie,
};
use crate::http::{ApiError, AppState};

pub fn routes() -> Routes {
    Routes::new()
        .get("/", Access::Aggregates, get_dashboard)
        .get("/map", Access::Network, get_map)
        .get("/scenario", Access::Network, get_scenario)
        .get("/import", Access::Network, get_import)
        .get("/actors/{id}", Access::Network, get_actor)
        .post("/actors/{id}", Access::Network, post_actor)
        .post("/actors/{id}/ties", Access::Network, post_actor_tie)
        .post(
            "/actors/{id}/ties/{tie}/remove",
            Access::Network,
            post_remove_tie,
        )
        // The page for researchers, or (without text/html in Accept) the Prometheus counts, which
        // hold no personal data, for any token: a monitoring system needs no more than a viewer's.
        .get("/metrics", Access::Aggregates, get_metrics)
        .get("/intermediaries", Access::Network, get_intermediaries)
        .get("/network", Access::Network, get_network)
        .get("/signin", Access::Public, get_signin)
        // Public: there is no session yet. The form carries its own CSRF token, checked against
        // a cookie, and failures count towards the client's limit.
        .post("/signin", Access::Public, post_signin)
        .post("/signout", Access::Aggregates, post_signout)
}

/// Renders a page; a template error is an internal error, never a page showing it.
fn render(page: &impl Template) -> Result<Html<String>, ApiError> {
    page.render()
        .map(Html)
        .map_err(|e| ApiError::Internal(e.into()))
}

/// A row of a counts table; `None`: suppressed.
struct CountRow {
    label: String,
    count: Option<u64>,
}

/// What the navigation bar of a signed-in page shows.
struct Nav {
    label: String,
    role: &'static str,
    /// The session's CSRF token; empty when signed in with a bearer token (no session).
    csrf: String,
    /// Whether the role sees the network itself (the map and scenario pages).
    personal: bool,
    /// Whether the role reads metrics and exports.
    research: bool,
}

/// Who is looking at a page: the caller, and their web session's CSRF token for the page's
/// forms (empty when signed in with a bearer token).
pub(crate) struct Visitor {
    caller: Caller,
    csrf: String,
}

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Visitor {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, Self::Rejection> {
        let caller = Caller::from_request_parts(parts, state).await?;
        let SessionCsrf(csrf) = SessionCsrf::from_request_parts(parts, state)
            .await
            .unwrap_or_default();
        Ok(Self {
            caller,
            csrf: csrf.unwrap_or_default(),
        })
    }
}

impl Visitor {
    /// The navigation bar for this visitor.
    fn nav(&self) -> Nav {
        let role = self.caller.role;
        Nav {
            label: self.caller.label.clone(),
            role: role.as_str(),
            csrf: self.csrf.clone(),
            personal: role.sees_personal_data(),
            research: Access::Research.allows(role),
        }
    }
}

#[derive(Template)]
#[template(path = "pages/dashboard.html")]
struct DashboardPage {
    nav: Nav,
    /// Migrants the responders reach under the default conditions, and all migrants.
    reached: Option<u64>,
    migrants: Option<u64>,
    /// `reached` as a share, to one decimal.
    reached_share: String,
    /// Migrants without any relaying tie.
    isolated: Option<u64>,
    /// The last imports (for roles that see the network): when, by whom, how it went.
    imports: Vec<(String, String, String)>,
    kinds: Vec<CountRow>,
    cities: Vec<CountRow>,
    languages: Vec<CountRow>,
    threshold: u64,
    suppressed: usize,
}

async fn get_dashboard(
    State(state): State<AppState>,
    visitor: Visitor,
) -> Result<Html<String>, ApiError> {
    let services = &state.services;
    let figures = services.dashboard(&visitor.caller).await?;
    let imports = services
        .recent_imports(&visitor.caller)
        .await?
        .into_iter()
        .map(|e| (crate::domain::format_timestamp(&e.at), e.who, e.outcome))
        .collect();
    let rows = |cells: Vec<(String, Option<u64>)>| -> Vec<CountRow> {
        cells
            .into_iter()
            .map(|(label, count)| CountRow { label, count })
            .collect()
    };
    let page = DashboardPage {
        nav: visitor.nav(),
        reached: figures.reached,
        migrants: figures.migrants,
        reached_share: figures
            .reached_share
            .map_or("–".into(), |share| format!("{:.1} %", 100.0 * share)),
        isolated: figures.isolated,
        imports,
        kinds: figures
            .kinds
            .into_iter()
            .map(|(kind, count)| CountRow {
                label: kind.as_str().to_owned(),
                count,
            })
            .collect(),
        cities: rows(figures.cities),
        languages: rows(figures.languages),
        threshold: figures.threshold,
        suppressed: figures.suppressed,
    };
    render(&page)
}

#[derive(Template)]
#[template(path = "pages/map.html")]
struct MapPage {
    nav: Nav,
    tiles: Option<std::sync::Arc<crate::config::Tiles>>,
    kinds: Vec<&'static str>,
    channels: Vec<&'static str>,
}

/// The network map (its data comes from the API, read by static/js/map.js).
async fn get_map(
    State(state): State<AppState>,
    visitor: Visitor,
) -> Result<Html<String>, ApiError> {
    render(&MapPage {
        nav: visitor.nav(),
        tiles: state.tiles.clone(),
        kinds: ActorKind::ALL.iter().map(|k| k.as_str()).collect(),
        channels: Channel::ALL.iter().map(|c| c.as_str()).collect(),
    })
}

#[derive(Template)]
#[template(path = "pages/scenario.html")]
struct ScenarioPage {
    nav: Nav,
    tiles: Option<std::sync::Arc<crate::config::Tiles>>,
    channels: Vec<&'static str>,
}

#[derive(Template)]
#[template(path = "pages/import.html")]
struct ImportPage {
    nav: Nav,
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
    record: R,
    id: Option<&str>,
    mode: crate::domain::WriteMode,
) -> Result<Result<(), Vec<String>>, ApiError> {
    let written = match crate::http::api::single_write(record, id, mode) {
        Ok(batch) => state.store.write(batch).await.map_err(ApiError::from),
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
    let stored = state
        .store
        .get_actor(&id)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("actor {id}")))?;
    let edit = ActorEdit::from_form(&form);
    let written = match edit.apply(crate::document::ActorRecord::from(&stored)) {
        Err(errors) => Err(errors),
        Ok(record) => {
            let mode = crate::domain::WriteMode::Replace;
            write_from_card(&state, record, Some(id.as_str()), mode).await?
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
            write_from_card(&state, record, None, crate::domain::WriteMode::Create).await?
        }
    };
    card_outcome(&state, visitor, &id, written, None, "tie").await
}

/// Removes one of the actor's ties from the card.
async fn post_remove_tie(
    State(state): State<AppState>,
    Path((raw, tie)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let id = card_id(&raw)?;
    let tie_id =
        crate::domain::TieId::parse(&tie).map_err(|_| ApiError::NotFound(format!("tie {tie}")))?;
    let stored = state
        .store
        .get_tie(&tie_id)
        .await?
        .filter(|t| t.record.source == id || t.record.target == id)
        .ok_or_else(|| ApiError::NotFound(format!("tie {tie_id} of actor {id}")))?;
    state.store.delete_tie(&stored.record.id).await?;
    Ok(back_to(&id, "removed"))
}

async fn actor_page(
    state: &AppState,
    visitor: Visitor,
    raw: &str,
    edit: Option<ActorEdit>,
    errors: Vec<String>,
    notice: Option<&'static str>,
) -> Result<Html<String>, ApiError> {
    use crate::analysis::{Capital, RelayQuery};
    use crate::store::{Page, TieFilter};
    let not_found = || ApiError::NotFound(format!("actor {raw}"));
    let id = ActorId::parse(raw).map_err(|_| not_found())?;
    let actor = state.store.get_actor(&id).await?.ok_or_else(not_found)?;
    let filter = TieFilter {
        actor: Some(id.clone()),
        ..TieFilter::default()
    };
    let mut page = Page {
        limit: 1000,
        ..Page::default()
    };
    let mut ties = Vec::new();
    loop {
        let batch = state.store.list_ties(&filter, &page).await?;
        let full = batch.len() == page.limit;
        page.after = batch.last().map(|t| t.record.id.to_string());
        ties.extend(batch);
        if !full {
            break;
        }
    }
    let mut others = std::collections::HashMap::new();
    for tie in &ties {
        let other = if tie.record.source == id {
            &tie.record.target
        } else {
            &tie.record.source
        };
        if !others.contains_key(other)
            && let Some(found) = state.store.get_actor(other).await?
        {
            others.insert(other.clone(), found);
        }
    }
    let mut profile = [0usize; 3];
    let rows = ties
        .iter()
        .map(|stored| {
            let tie = &stored.record;
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
                        (actor.record.kind, &actor.record.languages),
                        (other.record.kind, &other.record.languages),
                    );
                    profile[class as usize] += 1;
                    class.as_str()
                }
            };
            TieRow {
                id: tie.id.to_string(),
                kind: tie.kind.as_str().to_owned(),
                other: other_id.to_string(),
                other_kind: other.map_or(String::new(), |o| o.record.kind.to_string()),
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
    let max_hops = RelayQuery::default().max_hops;
    let reached = if actor.record.kind == ActorKind::City {
        Vec::new()
    } else {
        state
            .services
            .actor_reach(&visitor.caller, id.clone(), max_hops)
            .await?
    };
    let record = crate::document::ActorRecord::from(&actor);
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

/// One bar of the degree chart.
struct Bar {
    label: String,
    count: Option<u64>,
    /// Length in the chart's units (0–300).
    length: u64,
}

/// One language's row of the tie-types chart: bonding, bridging and linking shares of its
/// speakers' tie ends, as lengths in the chart's units (0–300) and as percentages.
struct TieTypesBar {
    label: String,
    ties: usize,
    lengths: [u64; 3],
    starts: [u64; 3],
    percents: [String; 3],
}

impl TieTypesBar {
    fn new(label: &str, shares: &crate::analysis::CapitalShares) -> Self {
        let parts = [shares.bonding, shares.bridging, shares.linking];
        // Rounded ends of the running total, so the three segments always meet and end at 300.
        let ends = [
            (300.0 * parts[0]).round() as u64,
            (300.0 * (parts[0] + parts[1])).round() as u64,
            if shares.ties == 0 { 0 } else { 300 },
        ];
        let starts = [0, ends[0], ends[1]];
        Self {
            label: label.to_owned(),
            ties: shares.ties,
            lengths: [ends[0], ends[1] - ends[0], ends[2] - ends[1]],
            starts,
            percents: parts.map(|p| format!("{:.0} %", 100.0 * p)),
        }
    }
}

#[derive(Template)]
#[template(path = "pages/metrics.html")]
struct MetricsPage {
    nav: Nav,
    summary: crate::analysis::Summary,
    bars: Vec<Bar>,
    tie_types: Vec<TieTypesBar>,
    formats: Vec<&'static str>,
}

#[utoipa::path(get, path = "/metrics", tag = "monitoring",
    responses((status = 200,
        description = "Prometheus text: requests by method, route template and status, latencies, \
            snapshot rebuilds, store failures. No personal data. (A browser, asking for \
            `text/html`, gets the research page instead.)",
        content_type = "text/plain", body = String)))]
/// The summary as tables, the degree distribution as a chart, and the downloads; or, for a
/// client that does not ask for HTML (Prometheus), the operators' counts.
pub(crate) async fn get_metrics(
    State(state): State<AppState>,
    visitor: Visitor,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let wants_html = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"));
    if !wants_html {
        let services = &state.services;
        let text = state
            .monitor
            .render(services.rebuilds(), services.budget().running());
        return Ok((
            [(
                header::CONTENT_TYPE,
                "text/plain; version=0.0.4; charset=utf-8",
            )],
            text,
        )
            .into_response());
    }
    if !Access::Research.allows(visitor.caller.role) {
        return Err(ApiError::Forbidden(format!(
            "a {} token may not read the network's metrics",
            visitor.caller.role
        )));
    }
    metrics_page(&state, visitor)
        .await
        .map(IntoResponse::into_response)
}

/// The summary as tables, the degree distribution and tie types as charts, and the downloads.
async fn metrics_page(state: &AppState, visitor: Visitor) -> Result<Html<String>, ApiError> {
    let view = state.services.summary(&visitor.caller, 1).await?;
    let (summary, degrees) = (view.summary, view.degrees);
    let most = degrees
        .iter()
        .filter_map(|(_, n)| *n)
        .max()
        .unwrap_or(0)
        .max(1);
    let bars = degrees
        .into_iter()
        .map(|(label, count)| Bar {
            length: count.map_or(0, |n| (300 * n).div_ceil(most)),
            label,
            count,
        })
        .collect();
    let tie_types = summary
        .capital_by_first_language
        .iter()
        .map(|(language, shares)| TieTypesBar::new(language, shares))
        .collect();
    render(&MetricsPage {
        nav: visitor.nav(),
        summary,
        bars,
        tie_types,
        formats: crate::export::ExportFormat::ALL
            .iter()
            .map(|f| f.name())
            .collect(),
    })
}

/// One ranked intermediary.
struct Intermediary {
    actor: crate::document::ActorRecord,
    bridged: usize,
    betweenness: String,
    effective_size: String,
    constraint: String,
}

#[derive(Template)]
#[template(path = "pages/intermediaries.html")]
struct IntermediariesPage {
    nav: Nav,
    rows: Vec<Intermediary>,
    language: String,
    city: String,
    cities: Vec<String>,
    sampled: Option<usize>,
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct IntermediariesQuery {
    language: Option<String>,
    city: Option<String>,
}

/// Organisations and people ranked by how many reached migrants the responders reach through
/// them, with betweenness and Burt's brokerage measures; filtered by language and city.
async fn get_intermediaries(
    State(state): State<AppState>,
    visitor: Visitor,
    crate::http::extract::Query(query): crate::http::extract::Query<IntermediariesQuery>,
) -> Result<Response, ApiError> {
    let blank = |raw: &Option<String>| {
        raw.as_deref()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
    };
    let language = blank(&query.language)
        .map(|raw| {
            crate::domain::Language::parse(&raw)
                .map_err(|e| ApiError::bad_request(e.code(), e.to_string(), Some("language")))
        })
        .transpose()?;
    let city = blank(&query.city);
    let city_id = city
        .as_deref()
        .map(|raw| {
            ActorId::parse(raw)
                .map_err(|e| ApiError::bad_request(e.code(), e.to_string(), Some("city")))
        })
        .transpose()?;
    let ranking = state
        .services
        .intermediaries(
            &visitor.caller,
            crate::service::intermediaries::IntermediariesQuery {
                language,
                city: city_id,
            },
        )
        .await?;
    let shown = |value: f64| {
        if value.is_finite() {
            format!("{value:.3}")
        } else {
            "–".into()
        }
    };
    let rows: Vec<Intermediary> = ranking
        .rows
        .iter()
        .map(|row| Intermediary {
            actor: crate::document::ActorRecord::from(&row.actor),
            bridged: row.bridged,
            betweenness: shown(row.betweenness),
            effective_size: shown(row.effective_size),
            constraint: shown(row.constraint),
        })
        .collect();
    let page = render(&IntermediariesPage {
        nav: visitor.nav(),
        language: language.map_or(String::new(), |l| l.to_string()),
        city: city.unwrap_or_default(),
        cities: ranking.cities.iter().map(ToString::to_string).collect(),
        sampled: ranking.sampled,
        rows,
    })?;
    Ok(crate::http::api::counted(ranking.rows.len(), page))
}

/// The import form (sent by static/js/import.js to POST /api/v1/import).
async fn get_import(visitor: Visitor) -> Result<Html<String>, ApiError> {
    render(&ImportPage { nav: visitor.nav() })
}

/// The crisis scenario (run by static/js/scenario.js through POST /api/v1/coverage).
async fn get_scenario(
    State(state): State<AppState>,
    visitor: Visitor,
) -> Result<Html<String>, ApiError> {
    render(&ScenarioPage {
        nav: visitor.nav(),
        tiles: state.tiles.clone(),
        channels: Channel::ALL.iter().map(|c| c.as_str()).collect(),
    })
}

#[derive(Template)]
#[template(path = "pages/signin.html")]
struct SignInPage {
    csrf: String,
    message: Option<String>,
}

/// The sign-in form, with a fresh CSRF token in a hidden field and in a cookie.
fn signin_page(status: StatusCode, message: Option<String>, secure: bool) -> Response {
    let csrf = random_secret();
    let page = SignInPage {
        csrf: csrf.clone(),
        message,
    };
    let cookie = set_cookie(
        SIGNIN_CSRF_COOKIE,
        Some(&csrf),
        std::time::Duration::from_secs(3600),
        secure,
    );
    match render(&page) {
        Ok(html) => (status, [(header::SET_COOKIE, cookie)], html).into_response(),
        Err(error) => error.into_response(),
    }
}

async fn get_signin(State(state): State<AppState>) -> Response {
    signin_page(StatusCode::OK, None, state.behind_proxy)
}

/// The largest sign-in form read.
const MAX_SIGNIN_BYTES: usize = 4096;

/// The longest the sign-in form may take to arrive.
const SIGNIN_READ_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

async fn post_signin(State(state): State<AppState>, request: Request) -> Response {
    let secure = state.behind_proxy;
    let (parts, body) = request.into_parts();
    let client = client(&parts.headers, &parts.extensions, state.behind_proxy);
    if let Some(wait) = state.limiter.blocked(client) {
        let mut response = signin_page(
            StatusCode::TOO_MANY_REQUESTS,
            Some(format!(
                "Too many failed sign-ins from here. Try again in {} seconds.",
                wait.as_secs()
            )),
            secure,
        );
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(wait.as_secs()));
        return response;
    }
    // A whole deadline for the form, not only between its bytes: a slow drip gets nowhere.
    let read = tokio::time::timeout(
        SIGNIN_READ_TIMEOUT,
        axum::body::to_bytes(body, MAX_SIGNIN_BYTES),
    );
    let bytes = match read.await {
        Ok(Ok(bytes)) => bytes,
        Ok(Err(_)) => return ApiError::PayloadTooLarge(MAX_SIGNIN_BYTES).into_response(),
        Err(_) => return StatusCode::REQUEST_TIMEOUT.into_response(),
    };
    let field = |name: &str| {
        form_urlencoded::parse(&bytes)
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.into_owned())
    };
    let expected = cookie(&parts.headers, SIGNIN_CSRF_COOKIE);
    let csrf_ok = matches!((field("csrf"), expected), (Some(sent), Some(expected)) if same_secret(&sent, expected));
    if !csrf_ok {
        return signin_page(
            StatusCode::FORBIDDEN,
            Some("The form was too old or not sent from this site. Please sign in again.".into()),
            secure,
        );
    }
    let store = state.store.as_ref();
    let action = "POST /signin".to_owned();
    let secret = field("token").unwrap_or_default();
    let token = match valid_token(store, &hash_secret(secret.trim())).await {
        Ok(token) => token,
        Err(error) => return error.into_response(),
    };
    let Some(token) = token else {
        state.limiter.failed(client);
        audit(store, "anonymous".into(), None, action, None, "failed").await;
        return signin_page(
            StatusCode::UNAUTHORIZED,
            Some("That token is unknown, expired or revoked.".into()),
            secure,
        );
    };
    audit(
        store,
        token.label.clone(),
        Some(token.role),
        action,
        None,
        "ok",
    )
    .await;
    let session = state.sessions.start(hash_secret(secret.trim()));
    let mut response = Redirect::to("/").into_response();
    let headers = response.headers_mut();
    for value in [
        set_cookie(SESSION_COOKIE, Some(&session), SESSION_LIFETIME, secure),
        set_cookie(SIGNIN_CSRF_COOKIE, None, SESSION_LIFETIME, secure),
    ] {
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.append(header::SET_COOKIE, value);
        }
    }
    response
}

/// Ends the session (its CSRF token was checked by the access middleware) and clears the cookie.
async fn post_signout(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Some(value) = cookie(&headers, SESSION_COOKIE) {
        state.sessions.end(value);
    }
    let clear = set_cookie(SESSION_COOKIE, None, SESSION_LIFETIME, state.behind_proxy);
    ([(header::SET_COOKIE, clear)], Redirect::to("/signin")).into_response()
}

#[derive(Template)]
#[template(path = "pages/network.html")]
struct NetworkPage {
    nav: Nav,
    /// Every city: id and name.
    cities: Vec<(String, String)>,
    city: String,
    community: String,
    colour: String,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct NetworkQuery {
    city: Option<String>,
    community: Option<String>,
    colour: Option<String>,
}

/// The network view (its drawing comes from `GET /api/v1/view`, read by static/js/network.js,
/// which checks the form's values).
async fn get_network(
    State(state): State<AppState>,
    visitor: Visitor,
    crate::http::extract::Query(query): crate::http::extract::Query<NetworkQuery>,
) -> Result<Html<String>, ApiError> {
    let filter = crate::store::ActorFilter {
        kind: Some(ActorKind::City),
        ..Default::default()
    };
    let page = crate::store::Page {
        limit: 1000,
        ..Default::default()
    };
    let cities = state
        .store
        .list_actors(&filter, &page)
        .await?
        .into_iter()
        .map(|a| (a.record.id.to_string(), a.record.name.as_str().to_owned()))
        .collect();
    render(&NetworkPage {
        nav: visitor.nav(),
        cities,
        city: query.city.unwrap_or_default(),
        community: query.community.unwrap_or_default(),
        colour: query.colour.unwrap_or_default(),
    })
}
