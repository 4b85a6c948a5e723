//! The research page (`/research`): the summary as tables, the degree distribution and the tie
//! types by first language as charts, and every export to download.

use askama::Template;
use axum::extract::State;
use axum::response::Html;

use super::{Nav, Visitor, render, words};
use crate::http::access::{Access, Routes};
use crate::http::{ApiError, AppState};
use crate::i18n::Tr;

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
    /// The actors in the bin, as the interface language writes them (none when withheld).
    count: Option<String>,
    /// Length in the chart's units (0–300).
    length: u64,
}

/// One language's row of the tie-types chart: bonding, bridging and linking shares of its
/// speakers' tie ends, as lengths in the chart's units (0–300) and as percentages.
struct TieTypesBar {
    /// The top of the row: each language its own row.
    y: usize,
    label: String,
    /// "(12 tie ends)".
    ties: String,
    lengths: [u64; 3],
    starts: [u64; 3],
    percents: [String; 3],
    /// Each segment's tooltip: the language and its share.
    titles: [String; 3],
}

/// A share (0–1) as a percentage with `digits` fraction digits, as the interface language
/// writes one ("12.5 %", "12,5 %", "١٢٫٥٪").
fn percent(tr: Tr, share: f64, digits: usize) -> String {
    tr.t1(
        "research-percent",
        "percent",
        tr.decimal(100.0 * share, digits),
    )
}

impl TieTypesBar {
    fn new(tr: Tr, row: usize, label: String, shares: &crate::analysis::CapitalShares) -> Self {
        let parts = [shares.bonding, shares.bridging, shares.linking];
        // Rounded ends of the running total, so the three segments always meet and end at 300.
        let ends = [
            (300.0 * parts[0]).round() as u64,
            (300.0 * (parts[0] + parts[1])).round() as u64,
            if shares.ties == 0 { 0 } else { 300 },
        ];
        let starts = [0, ends[0], ends[1]];
        let percents = parts.map(|p| percent(tr, p, 0));
        let titles = percents.clone().map(|percent| {
            tr.t2(
                "research-bar-title",
                ("language", label.as_str()),
                ("percent", percent),
            )
        });
        Self {
            y: row * ROW,
            ties: tr.t1("research-tie-ends", "count", shares.ties),
            label,
            lengths: [ends[0], ends[1] - ends[0], ends[2] - ends[1]],
            starts,
            percents,
            titles,
        }
    }
}

/// One group's row of a social capital table, written as the interface language writes
/// numbers.
struct CapitalRow {
    actors: String,
    bonding: String,
    bridging: String,
    linking: String,
}

impl CapitalRow {
    fn new(tr: Tr, shares: &crate::analysis::CapitalShares) -> Self {
        Self {
            actors: tr.number(shares.actors as f64),
            bonding: tr.decimal(shares.bonding, 2),
            bridging: tr.decimal(shares.bridging, 2),
            linking: tr.decimal(shares.linking, 2),
        }
    }
}

/// One entry of the tie-types chart's legend: its swatch's and its text's places, its words.
struct LegendItem {
    swatch: usize,
    text_x: usize,
    text: String,
}

/// The legend under the tie-types chart, each entry placed after the one before (the words'
/// lengths differ from one language to another).
fn legend(tr: Tr) -> Vec<LegendItem> {
    let texts = [
        tr.t("research-legend-bonding"),
        tr.t("research-legend-bridging"),
        tr.t("research-legend-linking"),
    ];
    let mut x = 0;
    texts
        .into_iter()
        .map(|text| {
            // About 7 units a character at the legend's size; wide scripts take about 12.
            let width: usize = text
                .chars()
                .map(|c| if c.is_ascii() { 7 } else { 12 })
                .sum();
            let item = LegendItem {
                swatch: x,
                text_x: x + 16,
                text,
            };
            x += 16 + width.max(60) + 20;
            item
        })
        .collect()
}

#[derive(Template)]
#[template(path = "pages/research.html")]
struct ResearchPage {
    nav: Nav,
    /// The summary's figures: each one's name and value, in words.
    figures: Vec<(String, String)>,
    /// "Groups of fewer than five actors are left out...", for roles without personal data.
    suppressed: String,
    /// "Of all tie ends: ... bonding, ... bridging, ... linking."
    capital: String,
    bars: Vec<Bar>,
    tie_types: Vec<TieTypesBar>,
    legend: Vec<LegendItem>,
    /// Social capital by city and by first language, by name.
    by_city: Vec<(String, CapitalRow)>,
    by_language: Vec<(String, CapitalRow)>,
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
            count: count.map(|n| tr.number(n as f64)),
        })
        .collect();
    let tie_types = summary
        .capital_by_first_language
        .iter()
        .enumerate()
        .map(|(row, (language, shares))| {
            TieTypesBar::new(tr, row, words::language(tr, language), shares)
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
            (name, CapitalRow::new(tr, shares))
        })
        .collect();
    let by_language = summary
        .capital_by_first_language
        .iter()
        .map(|(language, shares)| (words::language(tr, language), CapitalRow::new(tr, shares)))
        .collect();
    let count = |n: usize| tr.number(n as f64);
    let figures = [
        ("research-actors", count(summary.actors)),
        ("research-ties", count(summary.ties)),
        ("research-density", tr.decimal(summary.density, 5)),
        ("research-components", count(summary.components)),
        (
            "research-largest",
            percent(tr, summary.largest_component_share, 1),
        ),
        (
            "research-clustering",
            tr.decimal(summary.average_clustering, 3),
        ),
        ("research-transitivity", tr.decimal(summary.transitivity, 3)),
        ("research-communities", count(summary.communities)),
        ("research-modularity", tr.decimal(summary.modularity, 3)),
    ]
    .into_iter()
    .map(|(id, value)| (tr.t(id), value))
    .collect();
    let capital = tr.with(
        "research-capital-shares",
        [
            ("bonding", percent(tr, summary.capital.bonding, 1).into()),
            ("bridging", percent(tr, summary.capital.bridging, 1).into()),
            ("linking", percent(tr, summary.capital.linking, 1).into()),
        ],
    );
    render(&ResearchPage {
        nav: visitor.nav(),
        figures,
        suppressed: tr.t1("research-suppressed", "count", summary.suppressed_groups),
        capital,
        bars,
        tie_types,
        legend: legend(tr),
        by_city,
        by_language,
        formats: crate::export::ExportFormat::ALL
            .iter()
            .map(|f| f.name())
            .collect(),
    })
}
