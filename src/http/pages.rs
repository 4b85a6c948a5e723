//! The web pages (askama templates in `templates/`, scripts in `static/js/`): sign-in and
//! sign-out, the dashboard (suppressed counts, the same for every role), the map, the crisis
//! scenario, an actor's card, intermediaries, metrics and import. Each page is a route with its
//! access rule, like the API; the map, scenario and import pages read and write through the API.

use askama::Template;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};

use crate::analysis::{Aggregates, aggregates};
use crate::domain::{ActorId, ActorKind, Channel, hash_secret};
use crate::http::access::{Access, Caller, Routes, audit, valid_token};
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

impl From<Caller> for Nav {
    fn from(caller: Caller) -> Self {
        Self {
            label: caller.label,
            role: caller.role.as_str(),
            csrf: caller.csrf.unwrap_or_default(),
            personal: caller.role.sees_personal_data(),
            research: Access::Research.allows(caller.role),
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
    caller: Caller,
) -> Result<Html<String>, ApiError> {
    use crate::analysis::{RelayQuery, SMALL_CELL, reach};
    let network = state.store.network().await?;
    let counts: Aggregates = tokio::task::spawn_blocking(move || aggregates(&network)).await?;
    let (reached, migrants, isolated) = crate::http::api::analyse(&state, |graph, cancel| {
        let report = reach(graph, &RelayQuery::default(), cancel)?;
        Ok((
            report.reached_count as u64,
            report.targets as u64,
            graph.isolated_migrants() as u64,
        ))
    })
    .await?;
    // Small counts of people are withheld from roles without access to personal data, and so
    // is a count whose complement is small.
    let personal = caller.role.sees_personal_data();
    let shown = |n: u64, of: u64| {
        let small = |k: u64| k > 0 && k < SMALL_CELL;
        (personal || !(small(n) || small(of - n.min(of)))).then_some(n)
    };
    let imports = if personal {
        state
            .store
            .audit(None, 500)
            .await?
            .into_iter()
            .filter(|e| e.action == "POST /api/v1/import" && e.target.as_deref() != Some("dry_run"))
            .take(5)
            .map(|e| (crate::domain::format_timestamp(&e.at), e.who, e.outcome))
            .collect()
    } else {
        Vec::new()
    };
    let rows = |cells: &[crate::analysis::Cell], by_city: bool| -> Vec<CountRow> {
        cells
            .iter()
            .map(|cell| CountRow {
                label: if by_city {
                    cell.city.clone().unwrap_or_default()
                } else {
                    cell.language.clone().unwrap_or_default()
                },
                count: cell.count,
            })
            .collect()
    };
    let page = DashboardPage {
        nav: Nav::from(caller),
        reached: shown(reached, migrants),
        migrants: shown(migrants, migrants),
        reached_share: if migrants == 0 {
            "–".into()
        } else {
            format!("{:.1} %", 100.0 * reached as f64 / migrants as f64)
        },
        isolated: shown(isolated, migrants),
        imports,
        kinds: ActorKind::ALL
            .iter()
            .map(|kind| CountRow {
                label: kind.as_str().to_owned(),
                count: counts.actors_by_kind.get(kind).copied().flatten(),
            })
            .collect(),
        cities: rows(&counts.migrants_by_city, true),
        languages: rows(&counts.migrants_by_first_language, false),
        threshold: counts.small_cell_threshold,
        suppressed: counts.suppressed_cells,
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
async fn get_map(State(state): State<AppState>, caller: Caller) -> Result<Html<String>, ApiError> {
    render(&MapPage {
        nav: Nav::from(caller),
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
    caller: Caller,
    Path(raw): Path<String>,
    crate::http::extract::Query(query): crate::http::extract::Query<ActorPageQuery>,
) -> Result<Html<String>, ApiError> {
    let notice = match query.saved.as_deref() {
        Some("actor") => Some("Saved."),
        Some("tie") => Some("Tie added."),
        Some("removed") => Some("Tie removed."),
        _ => None,
    };
    actor_page(&state, caller, &raw, None, Vec::new(), notice).await
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
    caller: Caller,
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
    card_outcome(&state, caller, &id, written, Some(edit), "actor").await
}

/// Back to the card after a change: with a notice when it was saved, or with what was refused
/// (and the form as typed) and nothing written.
async fn card_outcome(
    state: &AppState,
    caller: Caller,
    id: &ActorId,
    written: Result<(), Vec<String>>,
    edit: Option<ActorEdit>,
    saved: &str,
) -> Result<Response, ApiError> {
    match written {
        Ok(()) => {
            tracing::info!(actor_id = %id, change = saved, "changed on the actor's card");
            Ok(back_to(id, saved))
        }
        Err(errors) => {
            let page = actor_page(state, caller, id.as_str(), edit, errors, None).await?;
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
    caller: Caller,
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
    card_outcome(&state, caller, &id, written, None, "tie").await
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
    caller: Caller,
    raw: &str,
    edit: Option<ActorEdit>,
    errors: Vec<String>,
    notice: Option<&'static str>,
) -> Result<Html<String>, ApiError> {
    use crate::analysis::{Capital, RelayQuery, reached_by};
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
        let target = id.clone();
        crate::http::api::analyse(state, move |graph, cancel| {
            reached_by(graph, &target, max_hops, cancel)
        })
        .await?
    };
    let record = crate::document::ActorRecord::from(&actor);
    render(&ActorPage {
        nav: Nav::from(caller),
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
    caller: Caller,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let wants_html = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"));
    if !wants_html {
        let text = state.monitor.render(state.snapshots.rebuilds());
        return Ok((
            [(
                header::CONTENT_TYPE,
                "text/plain; version=0.0.4; charset=utf-8",
            )],
            text,
        )
            .into_response());
    }
    if !Access::Research.allows(caller.role) {
        return Err(ApiError::Forbidden(format!(
            "a {} token may not read the network's metrics",
            caller.role
        )));
    }
    metrics_page(&state, caller)
        .await
        .map(IntoResponse::into_response)
}

/// The summary as tables, the degree distribution and tie types as charts, and the downloads.
async fn metrics_page(state: &AppState, caller: Caller) -> Result<Html<String>, ApiError> {
    let (summary, degrees) = crate::http::api::role_summary(state, caller.role, 1).await?;
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
        nav: Nav::from(caller),
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

/// Betweenness is estimated from this many sources on networks larger than this.
const INTERMEDIARY_SAMPLE: usize = 500;

/// Organisations and people ranked by how many reached migrants the responders reach through
/// them (on the most reliable path, under the default conditions), with betweenness and Burt's
/// brokerage measures; filtered by a language they speak and their city.
async fn get_intermediaries(
    State(state): State<AppState>,
    caller: Caller,
    crate::http::extract::Query(query): crate::http::extract::Query<IntermediariesQuery>,
) -> Result<Html<String>, ApiError> {
    use crate::analysis::{MetricsOptions, RelayGraph, RelayQuery, actor_metrics, reach};
    let language = match query
        .language
        .as_deref()
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        Some(raw) => Some(
            crate::domain::Language::parse(raw)
                .map_err(|e| ApiError::bad_request(e.code(), e.to_string(), Some("language")))?,
        ),
        None => None,
    };
    let city = query.city.clone().filter(|c| !c.trim().is_empty());
    let network = std::sync::Arc::new(state.store.network().await?);
    let sample = (network.actors.len() > INTERMEDIARY_SAMPLE).then_some(INTERMEDIARY_SAMPLE);
    let shared = network.clone();
    // The graph of this very network (the metrics' ids must match it): no snapshot needed.
    let (bridged, table) = crate::http::api::within_budget(&state, move |cancel| {
        let graph = RelayGraph::build(&shared, 0);
        let report = reach(&graph, &RelayQuery::default(), cancel).map_err(ApiError::from)?;
        let mut bridged: std::collections::HashMap<ActorId, usize> = Default::default();
        for hit in &report.reached {
            for relay in hit
                .path
                .iter()
                .skip(1)
                .take(hit.path.len().saturating_sub(2))
            {
                *bridged.entry(relay.clone()).or_default() += 1;
            }
        }
        let options = MetricsOptions {
            names: vec!["betweenness", "effective_size", "constraint"],
            seed: 1,
            sample,
        };
        let table = actor_metrics(&graph, &shared, &options, cancel).map_err(ApiError::from)?;
        Ok((bridged, table))
    })
    .await?;
    let value = |name: &str, row: usize| -> String {
        match table.column(name) {
            Some(crate::analysis::Column::Real(values)) if values[row].is_finite() => {
                format!("{:.3}", values[row])
            }
            _ => "–".into(),
        }
    };
    let mut rows: Vec<(f64, Intermediary)> = Vec::new();
    for stored in &network.actors {
        let actor = &stored.record;
        if !matches!(actor.kind, ActorKind::Migrant | ActorKind::Organisation)
            || language.is_some_and(|l| !actor.languages.as_slice().contains(&l))
            || city
                .as_deref()
                .is_some_and(|c| actor.city.as_ref().is_none_or(|a| a.as_str() != c))
        {
            continue;
        }
        let Ok(row) = table.ids.binary_search(&actor.id) else {
            continue;
        };
        let bridged = bridged.get(&actor.id).copied().unwrap_or(0);
        let betweenness = match table.column("betweenness") {
            Some(crate::analysis::Column::Real(values)) => values[row],
            _ => 0.0,
        };
        if bridged == 0 && betweenness == 0.0 {
            continue;
        }
        rows.push((
            betweenness,
            Intermediary {
                actor: crate::document::ActorRecord::from(stored),
                bridged,
                betweenness: value("betweenness", row),
                effective_size: value("effective_size", row),
                constraint: value("constraint", row),
            },
        ));
    }
    rows.sort_by(|a, b| {
        b.1.bridged
            .cmp(&a.1.bridged)
            .then(b.0.total_cmp(&a.0))
            .then(a.1.actor.id.cmp(&b.1.actor.id))
    });
    rows.truncate(100);
    let cities = network
        .actors
        .iter()
        .filter(|a| a.record.kind == ActorKind::City)
        .map(|a| a.record.id.to_string())
        .collect();
    render(&IntermediariesPage {
        nav: Nav::from(caller),
        rows: rows.into_iter().map(|(_, row)| row).collect(),
        language: language.map_or(String::new(), |l| l.to_string()),
        city: city.unwrap_or_default(),
        cities,
        sampled: sample,
    })
}

/// The import form (sent by static/js/import.js to POST /api/v1/import).
async fn get_import(caller: Caller) -> Result<Html<String>, ApiError> {
    render(&ImportPage {
        nav: Nav::from(caller),
    })
}

/// The crisis scenario (run by static/js/scenario.js through POST /api/v1/coverage).
async fn get_scenario(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Html<String>, ApiError> {
    render(&ScenarioPage {
        nav: Nav::from(caller),
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
    caller: Caller,
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
        nav: Nav::from(caller),
        cities,
        city: query.city.unwrap_or_default(),
        community: query.community.unwrap_or_default(),
        colour: query.colour.unwrap_or_default(),
    })
}
