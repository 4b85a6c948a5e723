//! The whole graph in a few numbers, and its degree distribution.

use super::*;

/// Relaying actors by degree in the simple relay graph, in doubling bins: `0`, `1`, `2–3`,
/// `4–7`, ... up to the largest degree.
///
/// # Complexity
/// O(V + E).
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
/// assert_eq!(degree_histogram(&graph), [("0".to_owned(), 1), ("1".to_owned(), 2), ("2–3".to_owned(), 1)]);
/// ```
pub fn degree_histogram(graph: &RelayGraph) -> Vec<(String, u64)> {
    let simple = SimpleGraph::new(graph);
    let mut bins: Vec<u64> = Vec::new();
    for v in 0..simple.n() {
        let degree = simple.degree(v);
        let bin = if degree == 0 {
            0
        } else {
            1 + degree.ilog2() as usize
        };
        if bins.len() <= bin {
            bins.resize(bin + 1, 0);
        }
        bins[bin] += 1;
    }
    bins.into_iter()
        .enumerate()
        .map(|(bin, count)| {
            let label = match bin {
                0 | 1 => bin.to_string(),
                _ => format!("{}–{}", 1u64 << (bin - 1), (1u64 << bin) - 1),
            };
            (label, count)
        })
        .collect()
}

/// The whole graph in a few numbers (NetworkX definitions, unweighted).
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Summary {
    /// Relaying actors.
    pub actors: usize,
    /// Ties of the simple graph (parallel ties merged).
    pub ties: usize,
    /// `density`.
    pub density: f64,
    /// Connected components.
    pub components: usize,
    /// Share of actors in the largest component.
    pub largest_component_share: f64,
    /// `average_clustering`.
    pub average_clustering: f64,
    /// `transitivity`.
    pub transitivity: f64,
    /// `degree_assortativity_coefficient` (null when every tie joins equal degrees).
    pub degree_assortativity: Option<f64>,
    /// Modularity of the Louvain communities.
    pub modularity: f64,
    /// Communities found.
    pub communities: usize,
    /// Social capital over every relaying tie (each tie counted once).
    pub capital: CapitalShares,
    /// Social capital of the tie ends of the actors of each city (`none`: no city).
    pub capital_by_city: BTreeMap<String, CapitalShares>,
    /// Social capital of the tie ends of the actors of each first language (`und`: unknown).
    pub capital_by_first_language: BTreeMap<String, CapitalShares>,
    /// Groups of fewer actors than the small-cell threshold, left out of the two breakdowns above
    /// for roles that see no personal data (0 for the others).
    pub suppressed_groups: usize,
}

/// Summarises the graph.
///
/// # Arguments
/// * `seed` - Louvain's visiting order, for the communities and their modularity.
///
/// # Complexity
/// O(E^1.5) (triangles) plus Louvain; no shortest paths.
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
/// let whole = summary(&graph, &network, 1, &never).unwrap();
/// assert_eq!((whole.actors, whole.ties, whole.components), (4, 2, 2));
/// assert!((whole.largest_component_share - 0.75).abs() < 1e-12);
/// ```
pub fn summary(
    graph: &RelayGraph,
    network: &Network,
    seed: u64,
    cancel: &AtomicBool,
) -> Result<Summary, AnalysisError> {
    let simple = SimpleGraph::new(graph);
    let n = simple.n();
    let edges = simple.edge_count();
    let density = if n > 1 {
        2.0 * edges as f64 / (n * (n - 1)) as f64
    } else {
        0.0
    };
    let component = components(&simple);
    let components = component.iter().map(|c| c + 1).max().unwrap_or(0);
    let largest = component.iter().filter(|&&c| c == 0).count();
    let clustering = clustering(&simple);
    let average_clustering = if n == 0 {
        0.0
    } else {
        clustering.iter().sum::<f64>() / n as f64
    };
    if cancel.load(Ordering::Relaxed) {
        return Err(AnalysisError::Cancelled);
    }
    let mut closed = 0.0;
    let mut triads = 0.0;
    for (v, c) in clustering.iter().enumerate() {
        let k = simple.degree(v) as f64;
        closed += c * k * (k - 1.0) / 2.0;
        triads += k * (k - 1.0) / 2.0;
    }
    let transitivity = if triads == 0.0 { 0.0 } else { closed / triads };
    // Pearson correlation of the degrees at the two ends of every tie, both ways round.
    let (mut sx, mut sxx, mut sxy, mut count) = (0.0, 0.0, 0.0, 0.0);
    for v in 0..n {
        let dv = simple.degree(v) as f64;
        for &w in simple.neighbours(v) {
            let dw = simple.degree(w as usize) as f64;
            sx += dv;
            sxx += dv * dv;
            sxy += dv * dw;
            count += 1.0;
        }
    }
    let degree_assortativity = (count > 0.0)
        .then(|| {
            let mean = sx / count;
            let variance = sxx / count - mean * mean;
            (variance > 1e-12).then(|| (sxy / count - mean * mean) / variance)
        })
        .flatten();
    let labels = simple.louvain(seed);
    if cancel.load(Ordering::Relaxed) {
        return Err(AnalysisError::Cancelled);
    }
    let modularity =
        crate::analysis::community::modularity(&simple.offsets, &simple.targets, &labels);
    let communities = labels.iter().map(|c| c + 1).max().unwrap_or(0);
    let profiles = profiles(graph, network);
    let (b, r, l) = profiles
        .iter()
        .fold((0, 0, 0), |(b, r, l), p| (b + p[0], r + p[1], l + p[2]));
    // Each tie has two ends among the actors: halve for the overall count.
    let capital = CapitalShares::from_counts(n, [b / 2, r / 2, l / 2]);
    let city_of: BTreeMap<&ActorId, String> = network
        .actors
        .iter()
        .map(|a| {
            (
                &a.id,
                a.value
                    .city
                    .as_ref()
                    .map_or("none".to_owned(), ToString::to_string),
            )
        })
        .collect();
    // Per group: actors, then bonding, bridging and linking tie ends.
    let mut by_city: BTreeMap<String, (usize, [usize; 3])> = BTreeMap::new();
    let mut by_language: BTreeMap<String, (usize, [usize; 3])> = BTreeMap::new();
    for (v, profile) in profiles.iter().enumerate() {
        let language = graph.first_language[v].map_or("und".to_owned(), |l| l.to_string());
        for (key, map) in [
            (city_of[&graph.ids[v]].clone(), &mut by_city),
            (language, &mut by_language),
        ] {
            let entry = map.entry(key).or_default();
            entry.0 += 1;
            for (sum, count) in entry.1.iter_mut().zip(profile) {
                *sum += count;
            }
        }
    }
    let shares = |map: BTreeMap<String, (usize, [usize; 3])>| {
        map.into_iter()
            .map(|(k, (actors, ends))| (k, CapitalShares::from_counts(actors, ends)))
            .collect()
    };
    Ok(Summary {
        actors: n,
        ties: edges,
        density,
        components,
        largest_component_share: if n == 0 {
            0.0
        } else {
            largest as f64 / n as f64
        },
        average_clustering,
        transitivity,
        degree_assortativity,
        modularity,
        communities,
        capital,
        capital_by_city: shares(by_city),
        capital_by_first_language: shares(by_language),
        suppressed_groups: 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn degrees_fall_in_doubling_bins() {
        // A star of five leaves around a centre, and one isolated actor.
        use crate::domain::*;
        let actor = |id: &str| Stored {
            value: Actor {
                id: ActorId::parse(id).unwrap(),
                kind: ActorKind::Migrant,
                name: Name::parse(id).unwrap(),
                languages: Languages::default(),
                location: None,
                city: None,
                channels: Channels::default(),
                consent: crate::domain::Consent::every_purpose(),
                attributes: Attributes::default(),
            },
            created_at: now(),
            updated_at: now(),
        };
        let actors = ["c", "l1", "l2", "l3", "l4", "l5", "z"]
            .into_iter()
            .map(|id| std::sync::Arc::new(actor(id)))
            .collect();
        let ties = (1..=5)
            .map(|i| {
                std::sync::Arc::new(Stored {
                    value: Tie {
                        id: TieId::parse(&format!("t{i}")).unwrap(),
                        source: ActorId::parse("c").unwrap(),
                        target: ActorId::parse(&format!("l{i}")).unwrap(),
                        kind: TieKind::Knows,
                        trust: Trust::parse(0.5).unwrap(),
                        channels: Channels::default(),
                        last_verified: None,
                        note: None,
                    },
                    created_at: now(),
                    updated_at: now(),
                })
            })
            .collect();
        let network = Network { actors, ties };
        let graph = RelayGraph::build(&network, 0);

        let bins = degree_histogram(&graph);

        let expected: Vec<(String, u64)> = [("0", 1), ("1", 5), ("2–3", 0), ("4–7", 1)]
            .map(|(l, n)| (l.to_owned(), n))
            .into();
        assert_eq!(bins, expected);
    }
}
