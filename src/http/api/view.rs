//! `GET /api/v1/view`: the network view's drawing (positions computed here, drawn by the
//! `/network` page), for one city, one community, or the whole relay graph.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{parse_param, whole_number};
use crate::analysis::{NetworkView, RelayGraph, ViewQuery, network_view};
use crate::domain::{ActorId, ActorKind};
use crate::http::access::{Access, Routes};
use crate::http::extract::Query;
use crate::http::{ApiError, AppState, ErrorBody};

/// The most actors one view draws: beyond, the browser's renderer and the layout both slow down.
pub const MAX_VIEW_NODES: usize = 20_000;

pub fn routes() -> Routes {
    Routes::new().get("/api/v1/view", Access::Network, get_view)
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(super) struct ViewParams {
    /// Only the actors of this city (by their `city`).
    #[param(value_type = Option<ActorId>)]
    city: Option<String>,
    /// Only the actors of this community (0: the largest).
    #[param(value_type = Option<u32>)]
    community: Option<String>,
    /// Seeds communities and layout.
    #[param(value_type = Option<u32>)]
    seed: Option<String>,
}

/// An actor in the drawing.
#[derive(Serialize, ToSchema)]
pub(super) struct NodeDto {
    /// The actor.
    id: ActorId,
    /// Its kind.
    #[schema(value_type = ActorKind)]
    kind: &'static str,
    /// Its name.
    name: String,
    /// Its community in the whole relay graph (0: the largest).
    community: u32,
    /// Position, in layout units.
    x: f32,
    /// Position, in layout units.
    y: f32,
}

/// The drawing of a network view.
#[derive(Serialize, ToSchema)]
pub(super) struct ViewDto {
    nodes: Vec<NodeDto>,
    /// Pairs of positions in `nodes`.
    ties: Vec<[u32; 2]>,
    /// Communities of the whole relay graph.
    communities: usize,
}

/// The relay graph laid out for drawing: the whole of it, one city or one community.
#[utoipa::path(get, path = "/api/v1/view", tag = "view",
    params(ViewParams),
    responses(
        (status = 200, description = "Nodes with positions, and ties", body = ViewDto),
        (status = 404, description = "No such city", body = ErrorBody),
        (status = 422, description = "More actors than one view draws", body = ErrorBody),
    ))]
pub(super) async fn get_view(
    State(state): State<AppState>,
    Query(params): Query<ViewParams>,
) -> Result<Json<ViewDto>, ApiError> {
    let city = parse_param("city", params.city.as_deref(), ActorId::parse)?;
    let number = |field, raw: Option<&str>| whole_number(field, raw, 0..=u32::MAX as usize);
    let community = number("community", params.community.as_deref())?.map(|c| c as u32);
    let seed = number("seed", params.seed.as_deref())?.map_or(1, |s| s as u64);
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
