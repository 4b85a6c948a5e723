//! The network view (`/network`): its drawing comes from `GET /api/v1/view`, read by
//! `static/js/network.js`.

use askama::Template;
use axum::extract::State;
use axum::response::Html;

use super::{Nav, Visitor, render};
use crate::domain::ActorKind;
use crate::http::access::{Access, Routes};
use crate::http::{ApiError, AppState};

pub(super) fn routes() -> Routes {
    Routes::new().get("/network", Access::Network, get_view)
}

#[derive(Template)]
#[template(path = "pages/view.html")]
struct ViewPage {
    nav: Nav,
    /// Every city: id and name.
    cities: Vec<(String, String)>,
    city: String,
    community: String,
    colour: String,
    /// The languages named by the server, for the legend.
    languages_known: Vec<(String, String)>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ViewQuery {
    city: Option<String>,
    community: Option<String>,
    colour: Option<String>,
}

/// The network view (its drawing comes from `GET /api/v1/view`, read by static/js/network.js,
/// which checks the form's values).
async fn get_view(
    State(state): State<AppState>,
    visitor: Visitor,
    crate::http::extract::Query(query): crate::http::extract::Query<ViewQuery>,
) -> Result<Html<String>, ApiError> {
    let tr = visitor.tr;
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
        .map(|a| (a.id.to_string(), a.name.as_str().to_owned()))
        .collect();
    render(&ViewPage {
        nav: visitor.nav(),
        cities,
        city: query.city.unwrap_or_default(),
        community: query.community.unwrap_or_default(),
        colour: query.colour.unwrap_or_default(),
        languages_known: super::actors::languages_known(tr),
    })
}
