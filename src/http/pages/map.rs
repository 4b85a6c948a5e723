//! The map (`/map`) and the crisis scenario (`/scenario`): their data comes from the API, read by
//! `static/js/map.js` and `static/js/scenario.js`.

use askama::Template;
use axum::extract::State;
use axum::response::Html;

use super::{Nav, Visitor, render, words};
use crate::domain::ActorKind;
use crate::http::access::{Access, Routes};
use crate::http::{ApiError, AppState};

pub(super) fn routes() -> Routes {
    Routes::new().get("/map", Access::Network, get_map).get(
        "/scenario",
        Access::Network,
        get_scenario,
    )
}

#[derive(Template)]
#[template(path = "pages/map.html")]
struct MapPage {
    nav: Nav,
    tiles: Option<std::sync::Arc<crate::config::Tiles>>,
    kinds: Vec<(&'static str, String)>,
    channels: Vec<(&'static str, String)>,
    languages_known: Vec<(String, String)>,
}

/// The network map (its data comes from the API, read by static/js/map.js).
async fn get_map(
    State(state): State<AppState>,
    visitor: Visitor,
) -> Result<Html<String>, ApiError> {
    let tr = visitor.tr;
    render(&MapPage {
        nav: visitor.nav(),
        tiles: state.tiles.clone(),
        kinds: ActorKind::ALL
            .iter()
            .filter(|k| **k != ActorKind::City)
            .map(|k| (k.as_str(), words::kind(tr, *k)))
            .collect(),
        channels: super::actors::channel_choices(tr),
        languages_known: super::actors::languages_known(tr),
    })
}

#[derive(Template)]
#[template(path = "pages/scenario.html")]
struct ScenarioPage {
    nav: Nav,
    tiles: Option<std::sync::Arc<crate::config::Tiles>>,
    channels: Vec<(&'static str, String)>,
    languages_known: Vec<(String, String)>,
}

/// The crisis scenario (run by static/js/scenario.js through POST /api/v1/coverage).
async fn get_scenario(
    State(state): State<AppState>,
    visitor: Visitor,
) -> Result<Html<String>, ApiError> {
    let tr = visitor.tr;
    render(&ScenarioPage {
        nav: visitor.nav(),
        tiles: state.tiles.clone(),
        channels: super::actors::channel_choices(tr),
        languages_known: super::actors::languages_known(tr),
    })
}
