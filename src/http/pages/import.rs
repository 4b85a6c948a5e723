//! The import page (`/import`), sent by `static/js/import.js` to `POST /api/v1/import`.

use askama::Template;
use axum::response::Html;

use super::{Nav, Visitor, render};
use crate::http::ApiError;
use crate::http::access::{Access, Routes};

pub(super) fn routes() -> Routes {
    Routes::new().get("/import", Access::Network, get_import)
}

#[derive(Template)]
#[template(path = "pages/import.html")]
struct ImportPage {
    nav: Nav,
}

/// The import form (sent by static/js/import.js to POST /api/v1/import).
async fn get_import(visitor: Visitor) -> Result<Html<String>, ApiError> {
    render(&ImportPage { nav: visitor.nav() })
}
