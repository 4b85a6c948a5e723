//! The research page (`/research`): the summary as tables, the degree distribution and the tie
//! types by first language as charts, and every export to download.

use askama::Template;
use axum::extract::State;
use axum::response::Html;

use super::{Nav, Visitor, render, words};
use crate::http::access::{Access, Routes};
use crate::http::{ApiError, AppState};

pub(super) fn routes() -> Routes {
    Routes::new().get("/research", Access::Research, get_research)
}

/// The research page (it used to be `/metrics`, which now redirects browsers here).
async fn get_research(
    State(state): State<AppState>,
    visitor: Visitor,
) -> Result<Html<String>, ApiError> {
    research_page(&state, visitor).await
}

/// The height of a chart's row, in the chart's units.
const ROW: usize = 22;

/// One bar of the degree chart.
struct Bar {
    /// The top of the bar's row.
    y: usize,
    label: String,
    count: Option<u64>,
    /// Length in the chart's units (0–300).
    length: u64,
}

/// One language's row of the tie-types chart: bonding, bridging and linking shares of its
/// speakers' tie ends, as lengths in the chart's units (0–300) and as percentages.
struct TieTypesBar {
    /// The top of the row: each language its own row.
    y: usize,
    label: String,
    ties: usize,
    lengths: [u64; 3],
    starts: [u64; 3],
    percents: [String; 3],
}

impl TieTypesBar {
    fn new(row: usize, label: String, shares: &crate::analysis::CapitalShares) -> Self {
        let parts = [shares.bonding, shares.bridging, shares.linking];
        // Rounded ends of the running total, so the three segments always meet and end at 300.
        let ends = [
            (300.0 * parts[0]).round() as u64,
            (300.0 * (parts[0] + parts[1])).round() as u64,
            if shares.ties == 0 { 0 } else { 300 },
        ];
        let starts = [0, ends[0], ends[1]];
        Self {
            y: row * ROW,
            label,
            ties: shares.ties,
            lengths: [ends[0], ends[1] - ends[0], ends[2] - ends[1]],
            starts,
            percents: parts.map(|p| format!("{:.0} %", 100.0 * p)),
        }
    }
}

#[derive(Template)]
#[template(path = "pages/research.html")]
struct ResearchPage {
    nav: Nav,
    summary: crate::analysis::Summary,
    bars: Vec<Bar>,
    tie_types: Vec<TieTypesBar>,
    /// Social capital by city and by first language, by name.
    by_city: Vec<(String, crate::analysis::CapitalShares)>,
    by_language: Vec<(String, crate::analysis::CapitalShares)>,
    formats: Vec<&'static str>,
}

/// The summary as tables, the degree distribution and tie types as charts, and the downloads.
async fn research_page(state: &AppState, visitor: Visitor) -> Result<Html<String>, ApiError> {
    let tr = visitor.tr;
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
        .enumerate()
        .map(|(row, (label, count))| Bar {
            y: row * ROW,
            length: count.map_or(0, |n| (300 * n).div_ceil(most)),
            label,
            count,
        })
        .collect();
    let tie_types = summary
        .capital_by_first_language
        .iter()
        .enumerate()
        .map(|(row, (language, shares))| {
            TieTypesBar::new(row, words::language(tr, language), shares)
        })
        .collect();
    let city_names = super::actors::city_names(&state.services, &visitor).await?;
    let by_city = summary
        .capital_by_city
        .iter()
        .map(|(city, shares)| {
            let name = city_names
                .iter()
                .find(|(id, _)| id == city)
                .map_or_else(|| city.clone(), |(_, name)| name.clone());
            (name, *shares)
        })
        .collect();
    let by_language = summary
        .capital_by_first_language
        .iter()
        .map(|(language, shares)| (words::language(tr, language), *shares))
        .collect();
    render(&ResearchPage {
        nav: visitor.nav(),
        summary,
        bars,
        tie_types,
        by_city,
        by_language,
        formats: crate::export::ExportFormat::ALL
            .iter()
            .map(|f| f.name())
            .collect(),
    })
}
