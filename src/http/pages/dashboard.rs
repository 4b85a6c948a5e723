//! The dashboard (`/`): the network at a glance, for every role, as the disclosure rule lets
//! each role see it.

use askama::Template;
use axum::extract::State;
use axum::response::Html;

use super::{Nav, Visitor, render, words};
use crate::http::access::{Access, Routes};
use crate::http::{ApiError, AppState};
use crate::i18n::{Arg, Tr};

pub(super) fn routes() -> Routes {
    Routes::new().get("/", Access::Aggregates, get_dashboard)
}

/// A row of a counts table.
struct CountRow {
    label: String,
    /// The count as the interface language writes it; a dash when suppressed.
    count: String,
    /// The bar's length, in pixels of 120 (the table's largest count is 120).
    bar: u64,
    /// Where the bar starts: at the left, or, right to left, at the right.
    x: u64,
}

/// An import as the dashboard lists it.
struct ImportRow {
    at: String,
    who: String,
    outcome: String,
    records: String,
}

/// A count as the interface language writes it; a dash when suppressed.
fn count_text(tr: Tr, count: Option<u64>) -> String {
    count.map_or("–".into(), |n| tr.number(n as f64))
}

/// A count as a message's value: a number, or a dash when suppressed.
fn count_arg<'a>(count: Option<u64>) -> Arg<'a> {
    count.map_or(Arg::from("–"), Arg::from)
}

/// Rows of a counts table, each with a bar as long as its share of the largest count, drawn
/// from the start of the line (the right, right to left).
fn counted(tr: Tr, cells: Vec<(String, Option<u64>)>) -> Vec<CountRow> {
    let rtl = tr.dir() == "rtl";
    let largest = cells
        .iter()
        .filter_map(|(_, c)| *c)
        .max()
        .unwrap_or(0)
        .max(1);
    cells
        .into_iter()
        .map(|(label, count)| {
            let bar = count.map_or(0, |c| (c * 120).div_ceil(largest));
            CountRow {
                bar,
                x: if rtl { 120 - bar } else { 0 },
                label,
                count: count_text(tr, count),
            }
        })
        .collect()
}

#[derive(Template)]
#[template(path = "pages/dashboard.html")]
struct DashboardPage {
    nav: Nav,
    /// The share of migrants the responders reach under the default conditions, to one
    /// decimal, and the sentence after it (with the counts).
    reached_share: String,
    reachable_after: String,
    /// Migrants without any relaying tie (a dash when suppressed), and the sentence after it.
    isolated: String,
    isolated_after: String,
    /// The last imports (for roles that see the network): when, by whom, how it went.
    imports: Vec<ImportRow>,
    kinds: Vec<CountRow>,
    cities: Vec<CountRow>,
    languages: Vec<CountRow>,
    /// What is withheld, and why.
    withheld: String,
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
            at: words::moment(tr, &e.at),
            who: e.who,
            outcome: words::outcome(tr, &e.outcome),
            records: e.records.map_or("–".into(), |r| tr.number(r as f64)),
        })
        .collect();
    // Cities by name for the roles that see the network; the others read ids.
    let city_names = super::actors::city_names(services, &visitor).await?;
    let city = |id: String| {
        city_names.iter().find(|(c, _)| *c == id).map_or_else(
            || {
                if id == "none" {
                    tr.t("dashboard-no-city")
                } else {
                    id.clone()
                }
            },
            |(_, name)| name.clone(),
        )
    };
    let page = DashboardPage {
        nav: visitor.nav(),
        reached_share: figures.reached_share.map_or("–".into(), |share| {
            tr.t1("dashboard-share", "percent", tr.decimal(100.0 * share, 1))
        }),
        reachable_after: tr.t2(
            "dashboard-reachable-after",
            ("reached", count_arg(figures.reached)),
            ("migrants", count_arg(figures.migrants)),
        ),
        isolated: count_text(tr, figures.isolated),
        isolated_after: tr.t1(
            "dashboard-isolated-after",
            "count",
            count_arg(figures.isolated),
        ),
        imports,
        kinds: counted(
            tr,
            figures
                .kinds
                .into_iter()
                .map(|(kind, count)| (words::kind(tr, kind).to_owned(), count))
                .collect(),
        ),
        cities: counted(
            tr,
            figures
                .cities
                .into_iter()
                .map(|(c, n)| (city(c), n))
                .collect(),
        ),
        languages: counted(
            tr,
            figures
                .languages
                .into_iter()
                .map(|(l, n)| (words::language(tr, &l), n))
                .collect(),
        ),
        withheld: tr.t2(
            "dashboard-withheld",
            ("threshold", figures.threshold),
            ("count", figures.suppressed),
        ),
    };
    render(&page)
}
