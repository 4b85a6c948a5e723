//! The network view: a force-directed drawing of the relay graph, or of one city's or one
//! community's part of it, with each actor's community (Louvain, on the whole graph, so colours
//! mean the same whatever the selection). Positions come from [`super::force_layout`], so the
//! browser only draws.

use std::collections::HashSet;
use std::sync::atomic::AtomicBool;

use super::{AnalysisError, RelayGraph, SimpleGraph};
use crate::domain::{ActorId, ActorKind};

/// What to draw.
#[derive(Debug, Clone, Default)]
pub struct ViewQuery {
    /// Only these actors (for instance one city's); `None`: every relay actor.
    pub members: Option<HashSet<ActorId>>,
    /// Only the actors of this community (numbered as in [`NetworkView`]).
    pub community: Option<u32>,
    /// Refuse selections larger than this.
    pub max_nodes: usize,
    /// Seeds the communities and the layout: the same seed, the same picture.
    pub seed: u64,
}

/// One drawn actor.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewNode {
    pub id: ActorId,
    pub kind: ActorKind,
    /// Its community: 0 is the largest, 1 the next, and so on.
    pub community: u32,
    pub x: f32,
    pub y: f32,
}

/// The drawing: nodes, ties as pairs of node positions in `nodes` (parallel ties merged), and how
/// many communities the whole graph has.
#[derive(Debug, Clone, PartialEq)]
pub struct NetworkView {
    pub nodes: Vec<ViewNode>,
    pub ties: Vec<[u32; 2]>,
    pub communities: usize,
}

/// Lays out the selected part of the relay graph.
///
/// # Errors
/// `InvalidQuery` when the selection holds more than `max_nodes` actors (narrow it to a city or a
/// community), `Cancelled` when `cancel` is set.
///
/// # Complexity
/// Louvain on the whole graph, then O(iterations · n log n) for the layout of the n selected.
///
/// # Example
/// ```
/// # use std::sync::atomic::AtomicBool;
/// # use relaymap::analysis::*;
/// # use relaymap::document::read_json;
/// # use relaymap::domain::WriteMode;
/// // r-1 ── o-1 ── m-1     m-2 (alone)
/// # let document = r#"{"actors": [
/// #     {"id": "r-1", "kind": "responder", "name": "R", "languages": ["tir"], "city": "c-1"},
/// #     {"id": "o-1", "kind": "organisation", "name": "O", "languages": ["tir"], "city": "c-1"},
/// #     {"id": "m-1", "kind": "migrant", "name": "A", "languages": ["tir"], "city": "c-1", "consent": true},
/// #     {"id": "m-2", "kind": "migrant", "name": "B", "languages": ["ara"], "consent": false},
/// #     {"id": "c-1", "kind": "city", "name": "Harbour"}],
/// #   "ties": [{"source": "o-1", "target": "r-1", "kind": "partners_with", "trust": 0.8},
/// #            {"source": "m-1", "target": "o-1", "kind": "member_of", "trust": 0.5}]}"#;
/// # let network = read_json(document, WriteMode::Upsert).unwrap().into_network();
/// # let graph = RelayGraph::build(&network, 1);
/// # let never = AtomicBool::new(false);
/// let query = ViewQuery { members: None, community: None, max_nodes: 100, seed: 1 };
/// let view = network_view(&graph, &query, &never).unwrap();
/// assert_eq!(view.nodes.len(), 4);
/// assert_eq!(view.ties.len(), 2);
/// let too_small = ViewQuery { max_nodes: 2, ..query };
/// assert!(network_view(&graph, &too_small, &never).is_err());
/// ```
pub fn network_view(
    graph: &RelayGraph,
    query: &ViewQuery,
    cancel: &AtomicBool,
) -> Result<NetworkView, AnalysisError> {
    let simple = SimpleGraph::new(graph);
    let (community, communities) = by_size(&simple.louvain(query.seed));
    let keep: Vec<u32> = (0..graph.node_count() as u32)
        .filter(|&v| {
            query
                .members
                .as_ref()
                .is_none_or(|m| m.contains(&graph.ids[v as usize]))
                && query.community.is_none_or(|c| community[v as usize] == c)
        })
        .collect();
    if keep.len() > query.max_nodes {
        return Err(AnalysisError::invalid(
            "community",
            format!(
                "{} actors are more than the {} a view can draw: choose a city or a community",
                keep.len(),
                query.max_nodes
            ),
        ));
    }
    // The subgraph the kept actors induce, in compressed rows over their new numbers.
    let mut renumber = vec![u32::MAX; graph.node_count()];
    for (new, &old) in keep.iter().enumerate() {
        renumber[old as usize] = new as u32;
    }
    let mut offsets = Vec::with_capacity(keep.len() + 1);
    let mut targets = Vec::new();
    let mut ties = Vec::new();
    offsets.push(0);
    for (new, &old) in keep.iter().enumerate() {
        let row = simple.offsets[old as usize]..simple.offsets[old as usize + 1];
        for &w in &simple.targets[row] {
            let other = renumber[w as usize];
            if other == u32::MAX {
                continue;
            }
            targets.push(other);
            if (new as u32) < other {
                ties.push([new as u32, other]);
            }
        }
        offsets.push(targets.len());
    }
    let positions = place(&offsets, &targets, query.seed, cancel)?;
    let nodes = keep
        .iter()
        .zip(positions)
        .map(|(&v, [x, y])| ViewNode {
            id: graph.ids[v as usize].clone(),
            kind: graph.kinds[v as usize],
            community: community[v as usize],
            x,
            y,
        })
        .collect();
    Ok(NetworkView {
        nodes,
        ties,
        communities,
    })
}

/// Lays out the actors with ties by force, and sets the lone ones apart in rows beneath: left
/// to the forces, a few lone actors would orbit far out and shrink the rest to a dot.
fn place(
    offsets: &[usize],
    targets: &[u32],
    seed: u64,
    cancel: &AtomicBool,
) -> Result<Vec<[f32; 2]>, AnalysisError> {
    let n = offsets.len() - 1;
    let tied: Vec<usize> = (0..n).filter(|&v| offsets[v + 1] > offsets[v]).collect();
    let mut renumber = vec![u32::MAX; n];
    for (new, &old) in tied.iter().enumerate() {
        renumber[old] = new as u32;
    }
    let mut tied_offsets = Vec::with_capacity(tied.len() + 1);
    let mut tied_targets = Vec::with_capacity(targets.len());
    tied_offsets.push(0);
    for &v in &tied {
        tied_targets.extend(
            targets[offsets[v]..offsets[v + 1]]
                .iter()
                .map(|&w| renumber[w as usize]),
        );
        tied_offsets.push(tied_targets.len());
    }
    let drawn = super::force_layout(&tied_offsets, &tied_targets, seed, cancel)?;
    let bottom = drawn.iter().map(|p| p[1]).fold(0.0f32, f32::max);
    let (left, right) = drawn
        .iter()
        .fold((0.0f32, 0.0f32), |(l, r), p| (l.min(p[0]), r.max(p[0])));
    let (left, width) = if right > left {
        (left, right - left)
    } else {
        (-1000.0, 2000.0)
    };
    let lone = n - tied.len();
    let per_row = (lone as f32).sqrt().ceil().max(1.0) * 2.0;
    let step = width / per_row;
    let mut positions = vec![[0.0f32; 2]; n];
    let mut next_lone = 0usize;
    let mut next_tied = drawn.into_iter();
    for (v, position) in positions.iter_mut().enumerate() {
        *position = if renumber[v] == u32::MAX {
            let (row, column) = (next_lone / per_row as usize, next_lone % per_row as usize);
            next_lone += 1;
            let first_row = if tied.is_empty() {
                0.0
            } else {
                bottom + 2.0 * step.max(20.0)
            };
            [
                left + (column as f32 + 0.5) * step,
                first_row + row as f32 * step,
            ]
        } else {
            next_tied.next().expect("one position per tied actor")
        };
    }
    Ok(positions)
}

/// Renumbers community labels by size, largest first (ties between equal sizes by first
/// member), and counts them.
fn by_size(labels: &[usize]) -> (Vec<u32>, usize) {
    let count = labels.iter().max().map_or(0, |&m| m + 1);
    let mut size = vec![0usize; count];
    let mut first = vec![usize::MAX; count];
    for (v, &label) in labels.iter().enumerate() {
        size[label] += 1;
        first[label] = first[label].min(v);
    }
    let mut order: Vec<usize> = (0..count).filter(|&c| size[c] > 0).collect();
    order.sort_by(|&a, &b| size[b].cmp(&size[a]).then(first[a].cmp(&first[b])));
    let mut rank = vec![0u32; count];
    for (r, &c) in order.iter().enumerate() {
        rank[c] = r as u32;
    }
    (labels.iter().map(|&l| rank[l]).collect(), order.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::read_json;
    use crate::domain::WriteMode;

    /// Two groups of four migrants, each a clique, joined through one organisation.
    fn two_groups() -> RelayGraph {
        let mut actors =
            vec![serde_json::json!({"id": "o-1", "kind": "organisation", "name": "Bridge"})];
        let mut ties = Vec::new();
        for group in 0..2 {
            for i in 0..4 {
                let id = format!("m-{group}{i}");
                actors.push(
                    serde_json::json!({"id": id, "kind": "migrant", "name": "P", "consent": true}),
                );
                for j in 0..i {
                    ties.push(serde_json::json!({"source": format!("m-{group}{j}"), "target": id, "kind": "knows"}));
                }
            }
            ties.push(serde_json::json!({"source": format!("m-{group}0"), "target": "o-1", "kind": "member_of"}));
        }
        for (i, tie) in ties.iter_mut().enumerate() {
            tie["id"] = serde_json::json!(format!("t-{i}"));
        }
        let document = serde_json::json!({"actors": actors, "ties": ties}).to_string();
        let batch = read_json(&document, WriteMode::Create).unwrap();
        RelayGraph::build(&batch.into_network(), 0)
    }

    fn view(query: &ViewQuery) -> Result<NetworkView, AnalysisError> {
        network_view(&two_groups(), query, &AtomicBool::new(false))
    }

    fn all() -> ViewQuery {
        ViewQuery {
            max_nodes: 100,
            seed: 1,
            ..ViewQuery::default()
        }
    }

    #[test]
    fn the_whole_graph_is_drawn_with_its_communities() {
        let drawn = view(&all()).unwrap();
        assert_eq!(drawn.nodes.len(), 9);
        // Two cliques of six ties each, and the two ties to the organisation.
        assert_eq!(drawn.ties.len(), 14);
        assert!(drawn.ties.iter().all(|[a, b]| a < b && (*b as usize) < 9));
        let community = |id: &str| {
            drawn
                .nodes
                .iter()
                .find(|n| n.id.as_str() == id)
                .unwrap()
                .community
        };
        assert_eq!(community("m-00"), community("m-03"));
        assert_eq!(community("m-10"), community("m-13"));
        assert_ne!(community("m-00"), community("m-10"));
        assert!(drawn.communities >= 2);
        assert!(
            drawn
                .nodes
                .iter()
                .all(|n| n.x.is_finite() && n.y.is_finite())
        );
    }

    #[test]
    fn lone_actors_are_set_apart_below_the_tied_ones() {
        // A path of three, and four lone actors.
        let offsets = [0, 1, 3, 4, 4, 4, 4, 4];
        let targets = [1, 0, 2, 1];
        let placed = place(&offsets, &targets, 3, &AtomicBool::new(false)).unwrap();
        let xs = |points: &[[f32; 2]]| {
            let min = points.iter().map(|p| p[0]).fold(f32::MAX, f32::min);
            let max = points.iter().map(|p| p[0]).fold(f32::MIN, f32::max);
            max - min
        };
        let lowest_tied = placed[..3].iter().map(|p| p[1]).fold(f32::MIN, f32::max);
        for lone in &placed[3..] {
            assert!(lone[1] > lowest_tied, "{placed:?}");
        }
        // Neither squashed nor far away: the lone rows sit within the drawing's own width.
        let (tied_width, lone_width) = (xs(&placed[..3]), xs(&placed[3..]));
        assert!(lone_width > 0.0 && lone_width <= tied_width, "{placed:?}");
        let all_lone = place(&[0, 0, 0], &[], 3, &AtomicBool::new(false)).unwrap();
        assert!(all_lone.iter().flatten().all(|c| c.is_finite()));
        assert_ne!(all_lone[0], all_lone[1]);
    }

    #[test]
    fn a_selection_draws_only_its_members_and_the_ties_among_them() {
        let members: HashSet<ActorId> = ["m-00", "m-01", "o-1", "m-10"]
            .iter()
            .map(|id| ActorId::parse(id).unwrap())
            .collect();
        let drawn = view(&ViewQuery {
            members: Some(members),
            ..all()
        })
        .unwrap();
        let ids: Vec<&str> = drawn.nodes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["m-00", "m-01", "m-10", "o-1"]);
        // m-00–m-01, m-00–o-1, m-10–o-1.
        assert_eq!(drawn.ties.len(), 3);

        let largest = view(&ViewQuery {
            community: Some(0),
            ..all()
        })
        .unwrap();
        assert!(!largest.nodes.is_empty() && largest.nodes.len() < 9);
        assert!(largest.nodes.iter().all(|n| n.community == 0));
    }

    #[test]
    fn too_large_a_selection_is_refused_and_cancellation_stops() {
        let refused = view(&ViewQuery {
            max_nodes: 8,
            ..all()
        });
        assert!(matches!(refused, Err(AnalysisError::InvalidQuery { .. })));
        let cancelled = network_view(&two_groups(), &all(), &AtomicBool::new(true));
        assert!(matches!(cancelled, Err(AnalysisError::Cancelled)));
    }

    #[test]
    fn communities_are_numbered_by_size() {
        let (ranks, count) = by_size(&[4, 4, 1, 4, 1, 7]);
        assert_eq!(ranks, [0, 0, 1, 0, 1, 2]);
        assert_eq!(count, 3);
    }
}
