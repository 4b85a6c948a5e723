//! The dashboard (`/`): the network at a glance, for every role, as the disclosure rule lets
//! each role see it.

use askama::Template;
use axum::extract::State;
use axum::response::Html;

use super::{Nav, Visitor, render, words};
use crate::http::access::{Access, Routes};
use crate::http::{ApiError, AppState};

pub(super) fn routes() -> Routes {
    Routes::new().get("/", Access::Aggregates, get_dashboard)
}

/// A row of a counts table; `None`: suppressed.
struct CountRow {
    label: String,
    count: Option<u64>,
    /// The bar's length, in pixels of 120 (the table's largest count is 120).
    bar: u64,
}

/// An import as the dashboard lists it.
struct ImportRow {
    at: String,
    who: String,
    outcome: String,
    records: String,
}

/// Rows of a counts table, each with a bar as long as its share of the largest count.
fn counted(cells: Vec<(String, Option<u64>)>) -> Vec<CountRow> {
    let largest = cells
        .iter()
        .filter_map(|(_, c)| *c)
        .max()
        .unwrap_or(0)
        .max(1);
    cells
        .into_iter()
        .map(|(label, count)| CountRow {
            bar: count.map_or(0, |c| (c * 120).div_ceil(largest)),
            label,
            count,
        })
        .collect()
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
    imports: Vec<ImportRow>,
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
    let tr = visitor.tr;
    let services = &state.services;
    let figures = services.dashboard(&visitor.caller).await?;
    let imports = services
        .recent_imports(&visitor.caller)
        .await?
        .into_iter()
        .map(|e| ImportRow {
            at: words::moment(&e.at),
            who: e.who,
            outcome: words::outcome(tr, &e.outcome),
            records: e.records.map_or("–".into(), |r| r.to_string()),
        })
        .collect();
    // Cities by name for the roles that see the network; the others read ids.
    let city_names = super::actors::city_names(services, &visitor).await?;
    let city = |id: String| {
        city_names.iter().find(|(c, _)| *c == id).map_or_else(
            || {
                if id == "none" {
                    "No city".into()
                } else {
                    id.clone()
                }
            },
            |(_, name)| name.clone(),
        )
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
        kinds: counted(
            figures
                .kinds
                .into_iter()
                .map(|(kind, count)| (words::kind(tr, kind).to_owned(), count))
                .collect(),
        ),
        cities: counted(
            figures
                .cities
                .into_iter()
                .map(|(c, n)| (city(c), n))
                .collect(),
        ),
        languages: counted(
            figures
                .languages
                .into_iter()
                .map(|(l, n)| (words::language(tr, &l), n))
                .collect(),
        ),
        threshold: figures.threshold,
        suppressed: figures.suppressed,
    };
    render(&page)
}
