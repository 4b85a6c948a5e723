//! The import page (`/import`), sent by `static/js/import.js` to `POST /api/v1/import`.

use askama::Template;
use axum::extract::State;
use axum::response::Html;

use super::{Nav, Visitor, render};
use crate::http::access::{Access, Routes};
use crate::http::{ApiError, AppState};

pub(super) fn routes() -> Routes {
    Routes::new().get("/import", Access::Network, get_import)
}

#[derive(Template)]
#[template(path = "pages/import.html")]
struct ImportPage {
    nav: Nav,
    /// The names of the saved Network Canvas mappings.
    mappings: Vec<String>,
}

/// The import form (sent by static/js/import.js to POST /api/v1/import), with the saved
/// mappings to read a Network Canvas export by.
async fn get_import(
    State(state): State<AppState>,
    visitor: Visitor,
) -> Result<Html<String>, ApiError> {
    let saved = state.services.mappings(&visitor.caller).await?;
    render(&ImportPage {
        nav: visitor.nav(),
        mappings: saved.into_iter().map(|m| m.name).collect(),
    })
}
