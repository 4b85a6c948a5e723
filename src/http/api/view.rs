//! `GET /api/v1/view`: the network view's drawing (positions computed here, drawn by the
//! `/network` page), for one city, one community, or the whole relay graph.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};

use super::parse_param;
use crate::analysis::{NetworkView, RelayGraph, ViewQuery, network_view};
use crate::domain::ActorId;
use crate::http::access::{Access, Routes};
use crate::http::extract::Query;
use crate::http::{ApiError, AppState};

/// The most actors one view draws: beyond, the browser's renderer and the layout both slow down.
pub const MAX_VIEW_NODES: usize = 20_000;

pub fn routes() -> Routes {
    Routes::new().get("/api/v1/view", Access::Network, get_view)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ViewParams {
    /// Only the actors of this city (by their `city`).
    city: Option<String>,
    /// Only the actors of this community (0: the largest).
    community: Option<String>,
    /// Seeds communities and layout.
    seed: Option<String>,
}

#[derive(Serialize)]
struct NodeDto {
    id: ActorId,
    kind: &'static str,
    name: String,
    community: u32,
    x: f32,
    y: f32,
}

#[derive(Serialize)]
struct ViewDto {
    nodes: Vec<NodeDto>,
    /// Pairs of positions in `nodes`.
    ties: Vec<[u32; 2]>,
    /// Communities of the whole relay graph.
    communities: usize,
}

async fn get_view(
    State(state): State<AppState>,
    Query(params): Query<ViewParams>,
) -> Result<Json<ViewDto>, ApiError> {
    let city = parse_param("city", params.city.as_deref(), ActorId::parse)?;
    let number = |field: &'static str, raw: Option<&str>| {
        raw.map(|raw| {
            raw.trim().parse::<u32>().map_err(|_| {
                ApiError::bad_request("invalid_query", "expected a whole number", Some(field))
            })
        })
        .transpose()
    };
    let community = number("community", params.community.as_deref())?;
    let seed = number("seed", params.seed.as_deref())?.map_or(1, u64::from);
    let network = Arc::new(state.store.network().await?);
    if let Some(city) = &city
        && !network
            .actors
            .iter()
            .any(|a| &a.record.id == city && a.record.kind == crate::domain::ActorKind::City)
    {
        return Err(ApiError::NotFound(format!("city {city}")));
    }
    let members: Option<HashSet<ActorId>> = city.map(|city| {
        network
            .actors
            .iter()
            .filter(|a| a.record.city.as_ref() == Some(&city))
            .map(|a| a.record.id.clone())
            .collect()
    });
    let shared = network.clone();
    let view: NetworkView = super::within_budget(&state, move |cancel| {
        let graph = RelayGraph::build(&shared, 0);
        let query = ViewQuery {
            members,
            community,
            max_nodes: MAX_VIEW_NODES,
            seed,
        };
        network_view(&graph, &query, cancel).map_err(ApiError::from)
    })
    .await?;
    let names: HashMap<&ActorId, &str> = network
        .actors
        .iter()
        .map(|a| (&a.record.id, a.record.name.as_str()))
        .collect();
    let nodes = view
        .nodes
        .into_iter()
        .map(|node| {
            let name = names.get(&node.id).copied().unwrap_or_default().to_owned();
            NodeDto {
                kind: node.kind.as_str(),
                name,
                community: node.community,
                x: (node.x * 10.0).round() / 10.0,
                y: (node.y * 10.0).round() / 10.0,
                id: node.id,
            }
        })
        .collect();
    Ok(Json(ViewDto {
        nodes,
        ties: view.ties,
        communities: view.communities,
    }))
}
