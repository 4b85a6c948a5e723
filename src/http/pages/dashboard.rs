//! The dashboard (`/`): the network at a glance, for every role, as the disclosure rule lets
//! each role see it.

use askama::Template;
use axum::extract::State;
use axum::response::Html;

use super::{Nav, Visitor, render};
use crate::http::access::{Access, Routes};
use crate::http::{ApiError, AppState};

pub(super) fn routes() -> Routes {
    Routes::new().get("/", Access::Aggregates, get_dashboard)
}

/// A row of a counts table; `None`: suppressed.
struct CountRow {
    label: String,
    count: Option<u64>,
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
