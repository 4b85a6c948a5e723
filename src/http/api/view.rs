//! `GET /api/v1/view`: the network view's drawing (positions computed here, drawn by the
//! `/network` page), for one city, one community, or the whole relay graph.

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{counted, parse_param, whole_number};
use crate::domain::{ActorId, ActorKind};
use crate::http::access::{Access, Caller, Routes};
use crate::http::extract::Query;
use crate::http::{ApiError, AppState, ErrorBody};
use crate::service::{CommunityLabel, NamedView, ViewRequest};

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
    /// What each community drawn is: its main first languages and city.
    community_labels: Vec<CommunityLabel>,
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
    caller: Caller,
    Query(params): Query<ViewParams>,
) -> Result<Response, ApiError> {
    let city = parse_param("city", params.city.as_deref(), ActorId::parse)?;
    let number = |field, raw: Option<&str>| whole_number(field, raw, 0..=u32::MAX as usize);
    let community = number("community", params.community.as_deref())?.map(|c| c as u32);
    let seed = number("seed", params.seed.as_deref())?.map_or(1, |s| s as u64);
    let request = ViewRequest {
        city,
        community,
        seed,
    };
    let NamedView {
        view,
        names,
        communities: community_labels,
    } = state.services.view(&caller, request).await?;
    let nodes: Vec<NodeDto> = view
        .nodes
        .into_iter()
        .zip(names)
        .map(|(node, name)| NodeDto {
            kind: node.kind.as_str(),
            name,
            community: node.community,
            x: (node.x * 10.0).round() / 10.0,
            y: (node.y * 10.0).round() / 10.0,
            id: node.id,
        })
        .collect();
    Ok(counted(
        nodes.len(),
        Json(ViewDto {
            nodes,
            ties: view.ties,
            communities: view.communities,
            community_labels,
        }),
    ))
}
