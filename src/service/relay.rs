//! The relay use cases: who the responders reach (reach, coverage), who reaches one actor, and
//! the network view's drawing. They answer on the shared snapshot, within the time budget and
//! the caller's share of it.

use std::collections::{HashMap, HashSet};

use super::{ServiceError, Services, Weight};
use crate::analysis::{
    CoverageReport, NetworkView, ReachReport, Reached, RelayQuery, ViewQuery, coverage,
    network_view, reach, reached_by,
};
use crate::domain::{ActorId, ActorKind, Caller};

/// The most actors one view draws: beyond, the browser's renderer and the layout both slow down.
pub const MAX_VIEW_NODES: usize = 20_000;

/// What the network view asks for.
#[derive(Debug, Clone, Default)]
pub struct ViewRequest {
    /// Only the actors of this city.
    pub city: Option<ActorId>,
    /// Only the actors of this community (0: the largest).
    pub community: Option<u32>,
    /// Seeds communities and layout.
    pub seed: u64,
}

/// The network view with each drawn actor's name.
pub struct NamedView {
    /// The drawing.
    pub view: NetworkView,
    /// The name of each node, in the order of `view.nodes`.
    pub names: Vec<String>,
}

impl Services {
    /// Who the query's sources reach among its targets, over usable ties, and through whom.
    pub async fn reach(
        &self,
        caller: &Caller,
        query: RelayQuery,
    ) -> Result<ReachReport, ServiceError> {
        let snapshot = self.snapshot().await?;
        let mut admission = self.budget.admit(caller)?;
        admission
            .run(Weight::Graph, move |cancel| {
                Ok(reach(&snapshot.graph, &query, cancel)?)
            })
            .await
    }

    /// The reach report plus the call list, the single points of failure and the unreached by
    /// language.
    pub async fn coverage(
        &self,
        caller: &Caller,
        query: RelayQuery,
    ) -> Result<CoverageReport, ServiceError> {
        let (mut admission, snapshot) = self.begin(caller, Weight::Graph).await?;
        admission
            .run(Weight::Graph, move |cancel| {
                Ok(coverage(&snapshot.graph, &query, cancel)?)
            })
            .await
    }

    /// The responders who reach one actor within `max_hops`, most reliable first.
    pub async fn actor_reach(
        &self,
        caller: &Caller,
        actor: ActorId,
        max_hops: u8,
    ) -> Result<Vec<Reached>, ServiceError> {
        let (mut admission, snapshot) = self.begin(caller, Weight::Graph).await?;
        let known = snapshot
            .network
            .actors
            .binary_search_by(|a| a.id.cmp(&actor))
            .is_ok();
        if !known {
            return Err(ServiceError::NotFound(format!("actor {actor}")));
        }
        admission
            .run(Weight::Graph, move |cancel| {
                Ok(reached_by(&snapshot.graph, &actor, max_hops, cancel)?)
            })
            .await
    }

    /// The relay graph laid out for drawing: the whole of it, one city or one community.
    pub async fn view(
        &self,
        caller: &Caller,
        request: ViewRequest,
    ) -> Result<NamedView, ServiceError> {
        let (mut admission, snapshot) = self.begin(caller, Weight::WholeNetwork).await?;
        let network = &snapshot.network;
        if let Some(city) = &request.city
            && !network
                .actors
                .iter()
                .any(|a| &a.id == city && a.kind == ActorKind::City)
        {
            return Err(ServiceError::NotFound(format!("city {city}")));
        }
        admission
            .run(Weight::WholeNetwork, move |cancel| {
                let network = &snapshot.network;
                let members: Option<HashSet<ActorId>> = request.city.map(|city| {
                    network
                        .actors
                        .iter()
                        .filter(|a| a.city.as_ref() == Some(&city))
                        .map(|a| a.id.clone())
                        .collect()
                });
                let query = ViewQuery {
                    members,
                    community: request.community,
                    max_nodes: MAX_VIEW_NODES,
                    seed: request.seed,
                };
                let view = network_view(&snapshot.graph, &query, cancel)?;
                let names: HashMap<&ActorId, &str> = network
                    .actors
                    .iter()
                    .map(|a| (&a.id, a.name.as_str()))
                    .collect();
                let names = view
                    .nodes
                    .iter()
                    .map(|node| names.get(&node.id).copied().unwrap_or_default().to_owned())
                    .collect();
                Ok(NamedView { view, names })
            })
            .await
    }
}
