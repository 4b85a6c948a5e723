//! The web pages (askama templates in `templates/`). For now the dashboard: counts only, no names.

use askama::Template;
use axum::extract::State;
use axum::response::Html;

use crate::http::access::{Access, Routes};
use crate::http::{ApiError, AppState};

pub fn routes() -> Routes {
    // Counts by kind only, until web sign-in comes: no personal data.
    Routes::new().get("/", Access::Public, get_dashboard)
}

/// A row of a counts table.
struct CountRow {
    kind: &'static str,
    count: u64,
}

#[derive(Template)]
#[template(path = "pages/dashboard.html")]
struct DashboardPage {
    actors: Vec<CountRow>,
    ties: Vec<CountRow>,
    actor_total: u64,
    tie_total: u64,
    store: String,
}

/// Renders a page; a template error is an internal error, never a page showing it.
fn render(page: &impl Template) -> Result<Html<String>, ApiError> {
    page.render()
        .map(Html)
        .map_err(|e| ApiError::Internal(e.into()))
}

async fn get_dashboard(State(state): State<AppState>) -> Result<Html<String>, ApiError> {
    let stats = state.store.stats().await?;
    let page = DashboardPage {
        actor_total: stats.actor_total(),
        tie_total: stats.tie_total(),
        actors: stats
            .actors
            .iter()
            .map(|(k, &count)| CountRow {
                kind: k.as_str(),
                count,
            })
            .collect(),
        ties: stats
            .ties
            .iter()
            .map(|(k, &count)| CountRow {
                kind: k.as_str(),
                count,
            })
            .collect(),
        store: state.store.describe(),
    };
    render(&page)
}
