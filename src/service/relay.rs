//! The relay use cases: who the responders reach (reach, coverage), who reaches one actor, and
//! the network view's drawing. They answer on the shared snapshot, within the time budget and
//! the caller's share of it.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use serde::Serialize;
use utoipa::ToSchema;

use super::budget::Admission;
use super::{ServiceError, Services, Snapshot, Weight};
use crate::analysis::{
    CallEntry, CoverageReport, NetworkView, PointOfFailure, ReachPage, ReachReport, ReachSearch,
    Reached, RelayQuery, TargetPage, ViewQuery, coverage, network_view, reached_by,
};
use crate::domain::{ActorId, ActorKind, Caller, Network};
use crate::export::{TargetRow, write_targets_csv};

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

/// Whom to reach and how: an actor's name, kind, languages and channels, as a coordinator needs
/// them to pick up the phone.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Contact {
    /// The actor's name.
    pub name: String,
    /// Its kind.
    pub kind: ActorKind,
    /// The languages they speak or work in (ISO 639-3 codes), first language first.
    pub languages: Vec<String>,
    /// How they can be reached (channel names).
    pub channels: Vec<String>,
}

impl Contact {
    /// The contact of an actor of the network, if it is there.
    pub fn of(network: &Network, id: &ActorId) -> Option<Self> {
        let at = network.actors.binary_search_by(|a| a.id.cmp(id)).ok()?;
        let actor = &network.actors[at];
        Some(Self {
            name: actor.name.as_str().to_owned(),
            kind: actor.kind,
            languages: actor
                .languages
                .as_slice()
                .iter()
                .map(ToString::to_string)
                .collect(),
            channels: actor
                .channels
                .as_slice()
                .iter()
                .map(|c| c.as_str().to_owned())
                .collect(),
        })
    }
}

/// An entry of the call list, with whom to call.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct CallListEntry {
    /// The entry.
    #[serde(flatten)]
    pub entry: CallEntry,
    /// Who it is and how to reach them.
    #[serde(flatten)]
    pub contact: Option<Contact>,
}

/// A single point of failure, with who it is.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct FailurePoint {
    /// The point of failure.
    #[serde(flatten)]
    pub point: PointOfFailure,
    /// Who it is and how to reach them.
    #[serde(flatten)]
    pub contact: Option<Contact>,
}

/// The coverage report as coordinators act on it: the actors to call named.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct CoverageView {
    /// As in the reach report.
    #[serde(flatten)]
    pub reach: ReachReport,
    /// Whom the sources should call first, with how to reach them.
    pub call_list: Vec<CallListEntry>,
    /// Single points of failure, most cut off first, then by id, with who they are.
    pub single_points_of_failure: Vec<FailurePoint>,
    /// Unreached targets by first language (`und` when unknown).
    pub unreached_by_language: BTreeMap<String, usize>,
    /// The reached targets that hang on a single path (`independent_paths` 1), by id.
    #[schema(value_type = Vec<String>)]
    pub fragile: Vec<ActorId>,
}

impl CoverageView {
    /// Names the actors of a coverage report from the network it was computed on.
    pub fn of(report: CoverageReport, network: &Network) -> Self {
        Self {
            call_list: report
                .call_list
                .into_iter()
                .map(|entry| CallListEntry {
                    contact: Contact::of(network, &entry.id),
                    entry,
                })
                .collect(),
            single_points_of_failure: report
                .single_points_of_failure
                .into_iter()
                .map(|point| FailurePoint {
                    contact: Contact::of(network, &point.id),
                    point,
                })
                .collect(),
            unreached_by_language: report.unreached_by_language,
            fragile: report.fragile,
            reach: report.reach,
        }
    }
}

/// The network view with each drawn actor's name.
pub struct NamedView {
    /// The drawing.
    pub view: NetworkView,
    /// The name of each node, in the order of `view.nodes`.
    pub names: Vec<String>,
    /// What each community drawn is, from its drawn members: in community order.
    pub communities: Vec<CommunityLabel>,
}

/// What a community is, for a legend: its size in the drawing, its members' most common first
/// languages and their most common city.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct CommunityLabel {
    /// The community's number (0: the largest of the whole graph).
    pub community: u32,
    /// Its members in the drawing.
    pub members: usize,
    /// The most common first languages, most common first (at most two).
    pub languages: Vec<String>,
    /// The name of the most common city, if any member has one.
    pub city: Option<String>,
}

impl CommunityLabel {
    /// The label of every community among `nodes`, from the network's actors.
    fn all(nodes: &[crate::analysis::ViewNode], network: &Network) -> Vec<Self> {
        let actor = |id: &ActorId| {
            network
                .actors
                .binary_search_by(|a| a.id.cmp(id))
                .ok()
                .map(|i| &network.actors[i])
        };
        /// Members, first languages and cities of one community, counted.
        type Tally = (usize, HashMap<String, usize>, HashMap<ActorId, usize>);
        let mut groups: BTreeMap<u32, Tally> = BTreeMap::new();
        for node in nodes {
            let group = groups.entry(node.community).or_default();
            group.0 += 1;
            if let Some(actor) = actor(&node.id) {
                if let Some(first) = actor.languages.as_slice().first() {
                    *group.1.entry(first.to_string()).or_default() += 1;
                }
                if let Some(city) = &actor.city {
                    *group.2.entry(city.clone()).or_default() += 1;
                }
            }
        }
        groups
            .into_iter()
            .map(|(community, (members, languages, cities))| {
                let mut languages: Vec<(String, usize)> = languages.into_iter().collect();
                languages.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                let city = cities
                    .into_iter()
                    .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
                    .and_then(|(id, _)| actor(&id).map(|c| c.name.as_str().to_owned()));
                Self {
                    community,
                    members,
                    languages: languages.into_iter().take(2).map(|(l, _)| l).collect(),
                    city,
                }
            })
            .collect()
    }
}

impl Services {
    /// Who the query's sources reach among its targets, over usable ties, and through whom:
    /// every target listed, or (with `page`) one page of them, with the counts of all. The
    /// search is made once per query and version: the next page, or another caller asking the
    /// same, lists from it.
    pub async fn reach(
        &self,
        caller: &Caller,
        query: RelayQuery,
        page: Option<TargetPage>,
    ) -> Result<ReachPage, ServiceError> {
        let (mut admission, snapshot) = self.begin(caller, Weight::Graph).await?;
        let searched = self.searched(&mut admission, &snapshot, query).await?;
        admission
            .run(Weight::Graph, move |_| {
                let graph = &snapshot.graph;
                match page {
                    Some(page) => Ok(searched.page(graph, &page)?),
                    None => Ok(ReachPage {
                        report: searched.report(graph),
                        next_cursor: None,
                    }),
                }
            })
            .await
    }

    /// The reach search of a query on a snapshot: the one kept for it, or made now within the
    /// caller's budget (callers asking meanwhile wait for it rather than search too).
    async fn searched(
        &self,
        admission: &mut Admission,
        snapshot: &Arc<Snapshot>,
        query: RelayQuery,
    ) -> Result<Arc<ReachSearch>, ServiceError> {
        let cell = snapshot.search_cell(query.key());
        let remaining = admission.remaining();
        let graph = snapshot.graph.clone();
        let search = cell.get_or_try_init(|| async {
            let searched = admission
                .run(Weight::Graph, move |cancel| {
                    Ok(Arc::new(ReachSearch::new(&graph, &query, cancel)?))
                })
                .await?;
            self.snapshots.count_search();
            Ok::<_, ServiceError>(searched)
        });
        match tokio::time::timeout(remaining, search).await {
            Ok(searched) => searched.cloned(),
            Err(_) => Err(ServiceError::Timeout(self.budget.timeout())),
        }
    }

    /// The reach report plus the call list, the single points of failure and the unreached by
    /// language, each actor to call named with their languages and channels (coverage is for
    /// the roles that see the network).
    pub async fn coverage(
        &self,
        caller: &Caller,
        query: RelayQuery,
    ) -> Result<CoverageView, ServiceError> {
        let (mut admission, snapshot) = self.begin(caller, Weight::Graph).await?;
        admission
            .run(Weight::Graph, move |cancel| {
                let report = coverage(&snapshot.graph, &query, cancel)?;
                Ok(CoverageView::of(report, &snapshot.network))
            })
            .await
    }

    /// The scenario's result as CSV: one row per target, reached or not, named, with their first
    /// language and channels, and the most reliable path by names.
    pub async fn coverage_csv(
        &self,
        caller: &Caller,
        query: RelayQuery,
    ) -> Result<(Vec<u8>, usize), ServiceError> {
        let (mut admission, snapshot) = self.begin(caller, Weight::Graph).await?;
        let searched = self.searched(&mut admission, &snapshot, query).await?;
        admission
            .run(Weight::Graph, move |_| {
                let report = searched.report(&snapshot.graph);
                let network = &snapshot.network;
                let name = |id: &ActorId| {
                    Contact::of(network, id).map_or_else(|| id.to_string(), |c| c.name)
                };
                let row = |id: &ActorId, reached: Option<&Reached>| {
                    let contact = Contact::of(network, id);
                    TargetRow {
                        id: id.to_string(),
                        name: contact
                            .as_ref()
                            .map_or_else(String::new, |c| c.name.clone()),
                        language: contact
                            .as_ref()
                            .and_then(|c| c.languages.first())
                            .map_or_else(String::new, ToString::to_string),
                        channels: contact
                            .as_ref()
                            .map_or_else(String::new, |c| c.channels.join(";")),
                        reached: reached.map(|r| (r.hops, r.reliability)),
                        path: reached.map_or_else(Vec::new, |r| r.path.iter().map(name).collect()),
                    }
                };
                let mut rows: Vec<TargetRow> =
                    report.reached.iter().map(|r| row(&r.id, Some(r))).collect();
                rows.extend(report.unreached.iter().map(|id| row(id, None)));
                let mut body = Vec::new();
                write_targets_csv(&rows, &mut body)
                    .map_err(|e| ServiceError::Internal(e.into()))?;
                Ok((body, report.reached.len()))
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
                let communities = CommunityLabel::all(&view.nodes, network);
                Ok(NamedView {
                    view,
                    names,
                    communities,
                })
            })
            .await
    }
}
