//! Per-actor network metrics with NetworkX's definitions, over the relay graph taken undirected
//! and simple: parallel ties merged (keeping the highest trust as the weight), cities and
//! `located_in` ties left out. Pure and synchronous; sources of parallelism are per-source
//! searches (rayon).

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;
use serde::Serialize;

use super::graph::RelayGraph;
use super::relay::AnalysisError;
use crate::domain::{ActorId, ActorKind, Language, Network, TieKind};

/// The metric names, in the order of the CSV columns (after `id,kind`).
pub const METRIC_NAMES: [&str; 16] = [
    "degree",
    "strength",
    "betweenness",
    "closeness",
    "harmonic",
    "pagerank",
    "eigenvector",
    "clustering",
    "core_number",
    "component",
    "community",
    "constraint",
    "effective_size",
    "bonding",
    "bridging",
    "linking",
];

/// The metrics of one actor.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorMetrics {
    /// The actor.
    pub id: ActorId,
    /// Its kind.
    pub kind: ActorKind,
    /// Number of neighbours.
    pub degree: usize,
    /// Sum of the trust of its ties.
    pub strength: f64,
    /// `betweenness_centrality`, normalized, unweighted.
    pub betweenness: f64,
    /// `closeness_centrality` with the Wasserman–Faust correction.
    pub closeness: f64,
    /// `harmonic_centrality`.
    pub harmonic: f64,
    /// `pagerank`, alpha 0.85, unweighted.
    pub pagerank: f64,
    /// `eigenvector_centrality`, unweighted, over the whole graph as NetworkX computes it (the
    /// largest component dominates; small components tend to zero).
    pub eigenvector: f64,
    /// `clustering`, unweighted.
    pub clustering: f64,
    /// `core_number`.
    pub core_number: usize,
    /// The connected component: 0 for the largest, then by size (ties: smallest member id).
    pub component: usize,
    /// The Louvain community (seeded; 0 for the largest, then by size).
    pub community: usize,
    /// Burt's `constraint`; NaN (null in JSON, empty in CSV) for an isolated actor.
    pub constraint: f64,
    /// Burt's `effective_size`; NaN for an isolated actor.
    pub effective_size: f64,
    /// Bonding ties: between two migrants sharing a first language, or a migrant and an
    /// organisation working in the migrant's first language.
    pub bonding: usize,
    /// Bridging ties: every relaying tie that is neither bonding nor linking.
    pub bridging: usize,
    /// Linking ties: ties touching a responder.
    pub linking: usize,
}

/// The undirected simple graph the metrics are measured on.
struct Simple {
    /// Sorted neighbour lists with the highest trust among parallel ties.
    adjacency: Vec<Vec<(u32, f64)>>,
}

impl Simple {
    fn new(graph: &RelayGraph) -> Self {
        let adjacency = (0..graph.node_count() as u32)
            .map(|v| {
                let mut list: Vec<(u32, f64)> = graph
                    .edges(v)
                    .map(|(w, tie)| (w, graph.ties[tie as usize].trust))
                    .collect();
                list.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
                list.dedup_by_key(|(w, _)| *w);
                list
            })
            .collect();
        Self { adjacency }
    }

    fn n(&self) -> usize {
        self.adjacency.len()
    }

    /// Breadth-first distances from `s` (usize::MAX: unreachable), with the visiting order,
    /// shortest-path counts and predecessors for Brandes' accumulation.
    fn bfs(&self, s: usize) -> (Vec<usize>, Vec<u32>, Vec<f64>) {
        let n = self.n();
        let mut distance = vec![usize::MAX; n];
        let mut sigma = vec![0.0; n];
        let mut order = Vec::with_capacity(n);
        distance[s] = 0;
        sigma[s] = 1.0;
        order.push(s as u32);
        let mut head = 0;
        while head < order.len() {
            let v = order[head] as usize;
            head += 1;
            for &(w, _) in &self.adjacency[v] {
                let w = w as usize;
                if distance[w] == usize::MAX {
                    distance[w] = distance[v] + 1;
                    order.push(w as u32);
                }
                if distance[w] == distance[v] + 1 {
                    sigma[w] += sigma[v];
                }
            }
        }
        (distance, order, sigma)
    }
}

/// Computes every per-actor metric.
///
/// # Arguments
/// * `graph` - the relay graph snapshot.
/// * `network` - the network it was built from (for first languages and kinds of tie ends).
///
/// * `seed` - the Louvain visiting order; the same seed gives the same communities.
/// * `cancel` - set it to stop early (the answer is then `Cancelled`).
///
/// # Returns
/// One row per relaying actor, by id.
///
/// # Complexity
/// O(V·E) for betweenness, closeness and harmonic (one breadth-first search per actor, on every
/// core); O(E) per PageRank iteration; O(E^1.5) for clustering.
pub fn actor_metrics(
    graph: &RelayGraph,
    network: &Network,
    seed: u64,
    cancel: &AtomicBool,
) -> Result<Vec<ActorMetrics>, AnalysisError> {
    let simple = Simple::new(graph);
    let n = simple.n();
    // One search per source gives betweenness (Brandes), closeness and harmonic together. Each
    // worker sums its own betweenness vector, so memory stays O(threads · n).
    let zero = || (vec![0.0f64; n], Vec::<(usize, f64, f64)>::new());
    let (mut betweenness, per_source) = (0..n)
        .into_par_iter()
        .fold(zero, |(mut betweenness, mut per_source), s| {
            if cancel.load(Ordering::Relaxed) {
                return (betweenness, per_source);
            }
            let (distance, order, sigma) = simple.bfs(s);
            let mut delta = vec![0.0; n];
            for &w in order.iter().rev() {
                let w = w as usize;
                for &(v, _) in &simple.adjacency[w] {
                    let v = v as usize;
                    if distance[v] != usize::MAX && distance[v] + 1 == distance[w] {
                        delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
                    }
                }
                if w != s {
                    betweenness[w] += delta[w];
                }
            }
            let reachable = order.len() - 1;
            let total: usize = order.iter().map(|&v| distance[v as usize]).sum();
            let closeness = if total > 0 && n > 1 {
                (reachable as f64 / total as f64) * (reachable as f64 / (n - 1) as f64)
            } else {
                0.0
            };
            let harmonic: f64 = order
                .iter()
                .skip(1)
                .map(|&v| 1.0 / distance[v as usize] as f64)
                .sum();
            per_source.push((s, closeness, harmonic));
            (betweenness, per_source)
        })
        .reduce(zero, |(mut a, mut pa), (b, pb)| {
            a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
            pa.extend(pb);
            (a, pa)
        });
    if cancel.load(Ordering::Relaxed) {
        return Err(AnalysisError::Cancelled);
    }
    let mut closeness = vec![0.0; n];
    let mut harmonic = vec![0.0; n];
    for (s, c, h) in per_source {
        closeness[s] = c;
        harmonic[s] = h;
    }
    if n > 2 {
        let scale = 1.0 / ((n - 1) * (n - 2)) as f64;
        betweenness.iter_mut().for_each(|b| *b *= scale);
    }
    let pagerank = pagerank(&simple, 0.85);
    let eigenvector = eigenvector(&simple);
    let (constraint, effective_size) = structural_holes(&simple);
    let clustering = clustering(&simple);
    let cores = core_numbers(&simple);
    let components = components(&simple);
    let plain: Vec<Vec<u32>> = simple
        .adjacency
        .iter()
        .map(|ns| ns.iter().map(|&(w, _)| w).collect())
        .collect();
    let communities = super::community::louvain(&plain, seed);
    let profiles = profiles(graph, network);
    Ok((0..n)
        .map(|v| ActorMetrics {
            id: graph.ids[v].clone(),
            kind: graph.kinds[v],
            degree: simple.adjacency[v].len(),
            strength: simple.adjacency[v].iter().map(|(_, t)| t).sum(),
            betweenness: betweenness[v],
            closeness: closeness[v],
            harmonic: harmonic[v],
            pagerank: pagerank[v],
            eigenvector: eigenvector[v],
            clustering: clustering[v],
            core_number: cores[v],
            component: components[v],
            community: communities[v],
            constraint: constraint[v],
            effective_size: effective_size[v],
            bonding: profiles[v][0],
            bridging: profiles[v][1],
            linking: profiles[v][2],
        })
        .collect())
}

/// PageRank by power iteration, dangling nodes spread uniformly, iterated until the L1 change is
/// below 1e-12 · n (tighter than NetworkX's 1e-6 · n, so both land on the same vector).
fn pagerank(simple: &Simple, alpha: f64) -> Vec<f64> {
    let n = simple.n();
    if n == 0 {
        return Vec::new();
    }
    let mut rank = vec![1.0 / n as f64; n];
    for _ in 0..1000 {
        let dangling: f64 = (0..n)
            .filter(|&v| simple.adjacency[v].is_empty())
            .map(|v| rank[v])
            .sum();
        let base = (1.0 - alpha) / n as f64 + alpha * dangling / n as f64;
        let next: Vec<f64> = (0..n)
            .into_par_iter()
            .map(|v| {
                base + alpha
                    * simple.adjacency[v]
                        .iter()
                        .map(|&(w, _)| rank[w as usize] / simple.adjacency[w as usize].len() as f64)
                        .sum::<f64>()
            })
            .collect();
        let change: f64 = next.iter().zip(&rank).map(|(a, b)| (a - b).abs()).sum();
        rank = next;
        if change < 1e-12 * n as f64 {
            break;
        }
    }
    rank
}

/// Eigenvector centrality as NetworkX computes it: power iteration on A + I from a uniform start,
/// normalised to unit length, until the L1 change is below 1e-13 · n.
fn eigenvector(simple: &Simple) -> Vec<f64> {
    let n = simple.n();
    let mut x = vec![1.0 / n.max(1) as f64; n];
    for _ in 0..10_000 {
        let mut next: Vec<f64> = (0..n)
            .into_par_iter()
            .map(|v| {
                x[v] + simple.adjacency[v]
                    .iter()
                    .map(|&(w, _)| x[w as usize])
                    .sum::<f64>()
            })
            .collect();
        let norm = next.iter().map(|a| a * a).sum::<f64>().sqrt();
        if norm == 0.0 {
            return next;
        }
        next.iter_mut().for_each(|a| *a /= norm);
        let change: f64 = next.iter().zip(&x).map(|(a, b)| (a - b).abs()).sum();
        x = next;
        if change < 1e-13 * n as f64 {
            break;
        }
    }
    x
}

/// Burt's constraint and effective size, unweighted: with p(u, v) = 1/deg(u) for neighbours,
/// constraint(v) = Σ_{w ∈ N(v)} (p(v, w) + Σ_{u ∈ N(v)} p(v, u) p(u, w))², and effective
/// size(v) = deg(v) − 2·t/deg(v), t the ties among v's neighbours (Borgatti's form, which NetworkX
/// uses for undirected unweighted graphs). Both NaN for an isolated actor, as in NetworkX.
fn structural_holes(simple: &Simple) -> (Vec<f64>, Vec<f64>) {
    let adjacent = |a: u32, b: u32| {
        simple.adjacency[a as usize]
            .binary_search_by_key(&b, |&(x, _)| x)
            .is_ok()
    };
    let p = |a: u32, b: u32| {
        if adjacent(a, b) {
            1.0 / simple.adjacency[a as usize].len() as f64
        } else {
            0.0
        }
    };
    (0..simple.n())
        .into_par_iter()
        .map(|v| {
            let neighbours = &simple.adjacency[v];
            let k = neighbours.len();
            if k == 0 {
                return (f64::NAN, f64::NAN);
            }
            let v = v as u32;
            let constraint = neighbours
                .iter()
                .map(|&(w, _)| {
                    let indirect: f64 = neighbours.iter().map(|&(u, _)| p(v, u) * p(u, w)).sum();
                    (p(v, w) + indirect).powi(2)
                })
                .sum();
            let mut ties = 0usize;
            for (i, &(a, _)) in neighbours.iter().enumerate() {
                ties += neighbours[i + 1..]
                    .iter()
                    .filter(|&&(b, _)| adjacent(a, b))
                    .count();
            }
            (constraint, k as f64 - 2.0 * ties as f64 / k as f64)
        })
        .unzip()
}

/// Local clustering: triangles through v over deg(v)·(deg(v) − 1)/2.
fn clustering(simple: &Simple) -> Vec<f64> {
    (0..simple.n())
        .into_par_iter()
        .map(|v| {
            let neighbours = &simple.adjacency[v];
            let k = neighbours.len();
            if k < 2 {
                return 0.0;
            }
            let mut links = 0usize;
            for (i, &(a, _)) in neighbours.iter().enumerate() {
                let of_a = &simple.adjacency[a as usize];
                for &(b, _) in &neighbours[i + 1..] {
                    if of_a.binary_search_by_key(&b, |&(x, _)| x).is_ok() {
                        links += 1;
                    }
                }
            }
            2.0 * links as f64 / (k * (k - 1)) as f64
        })
        .collect()
}

/// Core numbers by repeatedly peeling the lowest-degree node (Batagelj–Zaversnik, bucketed).
fn core_numbers(simple: &Simple) -> Vec<usize> {
    let n = simple.n();
    let mut degree: Vec<usize> = simple.adjacency.iter().map(Vec::len).collect();
    let max = degree.iter().copied().max().unwrap_or(0);
    let mut buckets: Vec<Vec<usize>> = vec![Vec::new(); max + 1];
    for v in 0..n {
        buckets[degree[v]].push(v);
    }
    let mut core = vec![0; n];
    let mut done = vec![false; n];
    let mut current = 0;
    let mut processed = 0;
    while processed < n {
        let Some(v) = buckets[current].pop() else {
            current += 1;
            continue;
        };
        if done[v] || degree[v] != current {
            continue;
        }
        done[v] = true;
        processed += 1;
        core[v] = current;
        for &(w, _) in &simple.adjacency[v] {
            let w = w as usize;
            if !done[w] && degree[w] > current {
                degree[w] -= 1;
                buckets[degree[w]].push(w);
            }
        }
        // A neighbour may now sit in a lower bucket than `current`; never below it, as it was
        // only decremented from above `current`.
    }
    core
}

/// Component labels: 0 for the largest component, then by size, ties by smallest member id.
fn components(simple: &Simple) -> Vec<usize> {
    let n = simple.n();
    let mut label = vec![usize::MAX; n];
    let mut found: Vec<(usize, u32)> = Vec::new(); // (size, smallest member index)
    for start in 0..n {
        if label[start] != usize::MAX {
            continue;
        }
        let id = found.len();
        let mut stack = vec![start];
        label[start] = id;
        let mut size = 0;
        while let Some(v) = stack.pop() {
            size += 1;
            for &(w, _) in &simple.adjacency[v] {
                if label[w as usize] == usize::MAX {
                    label[w as usize] = id;
                    stack.push(w as usize);
                }
            }
        }
        // Node indices follow id order, so `start` is the smallest member.
        found.push((size, start as u32));
    }
    let mut ranked: Vec<usize> = (0..found.len()).collect();
    ranked.sort_by(|&a, &b| {
        found[b]
            .0
            .cmp(&found[a].0)
            .then(found[a].1.cmp(&found[b].1))
    });
    let mut rank_of = vec![0; found.len()];
    for (rank, &c) in ranked.iter().enumerate() {
        rank_of[c] = rank;
    }
    label.into_iter().map(|c| rank_of[c]).collect()
}

/// Bonding, bridging and linking tie counts per actor (every relaying tie, parallel ties
/// counted each).
fn profiles(graph: &RelayGraph, network: &Network) -> Vec<[usize; 3]> {
    let languages: BTreeMap<&ActorId, &crate::domain::Languages> = network
        .actors
        .iter()
        .map(|a| (&a.record.id, &a.record.languages))
        .collect();
    let mut counts = vec![[0usize; 3]; graph.node_count()];
    for stored in &network.ties {
        let tie = &stored.record;
        if tie.kind == TieKind::LocatedIn {
            continue;
        }
        let (Some(&s), Some(&t)) = (graph.index.get(&tie.source), graph.index.get(&tie.target))
        else {
            continue;
        };
        let (ks, kt) = (graph.kinds[s as usize], graph.kinds[t as usize]);
        let first =
            |id: &ActorId| -> Option<Language> { languages.get(id).and_then(|l| l.first()) };
        let works_in = |id: &ActorId, language: Option<Language>| {
            language.is_some_and(|l| {
                languages
                    .get(id)
                    .is_some_and(|ls| ls.as_slice().contains(&l))
            })
        };
        let class = if ks == ActorKind::Responder || kt == ActorKind::Responder {
            2
        } else if (ks == ActorKind::Migrant
            && kt == ActorKind::Migrant
            && first(&tie.source).is_some()
            && first(&tie.source) == first(&tie.target))
            || (ks == ActorKind::Migrant
                && kt == ActorKind::Organisation
                && works_in(&tie.target, first(&tie.source)))
            || (ks == ActorKind::Organisation
                && kt == ActorKind::Migrant
                && works_in(&tie.source, first(&tie.target)))
        {
            0
        } else {
            1
        };
        counts[s as usize][class] += 1;
        counts[t as usize][class] += 1;
    }
    counts
}

impl ActorMetrics {
    /// The value of a metric by name, as written in CSV and JSON.
    pub fn value(&self, name: &str) -> Option<serde_json::Value> {
        use serde_json::json;
        Some(match name {
            "degree" => json!(self.degree),
            "strength" => json!(self.strength),
            "betweenness" => json!(self.betweenness),
            "closeness" => json!(self.closeness),
            "harmonic" => json!(self.harmonic),
            "pagerank" => json!(self.pagerank),
            "eigenvector" => json!(self.eigenvector),
            "constraint" => json!(self.constraint),
            "effective_size" => json!(self.effective_size),
            "clustering" => json!(self.clustering),
            "core_number" => json!(self.core_number),
            "component" => json!(self.component),
            "community" => json!(self.community),
            "bonding" => json!(self.bonding),
            "bridging" => json!(self.bridging),
            "linking" => json!(self.linking),
            _ => return None,
        })
    }
}

/// Writes metrics as CSV (`id,kind,` then the chosen metrics) or as a JSON array of objects.
pub fn write_metrics(
    rows: &[ActorMetrics],
    names: &[&str],
    json: bool,
    mut out: impl std::io::Write,
) -> std::io::Result<()> {
    if json {
        let objects: Vec<serde_json::Map<String, serde_json::Value>> = rows
            .iter()
            .map(|row| {
                let mut object = serde_json::Map::new();
                object.insert("id".into(), row.id.as_str().into());
                object.insert("kind".into(), row.kind.as_str().into());
                for name in names {
                    object.insert((*name).into(), row.value(name).unwrap_or_default());
                }
                object
            })
            .collect();
        serde_json::to_writer(&mut out, &objects)?;
        writeln!(out)?;
    } else {
        writeln!(out, "id,kind,{}", names.join(","))?;
        for row in rows {
            // NaN (an isolated actor's constraint) is an empty cell, as pandas and R read it.
            let values: Vec<String> = names
                .iter()
                .map(|n| match row.value(n).unwrap_or_default() {
                    serde_json::Value::Null => String::new(),
                    value => value.to_string(),
                })
                .collect();
            writeln!(out, "{},{},{}", row.id, row.kind, values.join(","))?;
        }
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::document::read_json;
    use crate::domain::WriteMode;

    fn metrics(document: serde_json::Value) -> Vec<ActorMetrics> {
        let network = read_json(&document.to_string(), WriteMode::Upsert)
            .unwrap()
            .into_network();
        actor_metrics(
            &RelayGraph::build(&network, 1),
            &network,
            1,
            &AtomicBool::new(false),
        )
        .unwrap()
    }

    #[test]
    fn ties_are_bonding_bridging_or_linking_by_who_they_join_and_in_what_language() {
        // m-1 (tir) knows m-2 (tir): bonding; m-1 knows m-3 (ara, speaks tir too): bridging;
        // m-1 member of o-1 working in tir: bonding; m-3 member of o-1: bridging (o-1 has no ara);
        // r-1 serves m-3: linking.
        let rows = metrics(json!({
            "actors": [
                {"id": "m-1", "kind": "migrant", "name": "a", "languages": ["tir"]},
                {"id": "m-2", "kind": "migrant", "name": "b", "languages": ["tir"]},
                {"id": "m-3", "kind": "migrant", "name": "c", "languages": ["ara", "tir"]},
                {"id": "o-1", "kind": "organisation", "name": "d", "languages": ["eng", "tir"]},
                {"id": "r-1", "kind": "responder", "name": "e", "languages": ["eng"]}
            ],
            "ties": [
                {"source": "m-1", "target": "m-2", "kind": "knows"},
                {"source": "m-1", "target": "m-3", "kind": "knows"},
                {"source": "m-1", "target": "o-1", "kind": "member_of"},
                {"source": "m-3", "target": "o-1", "kind": "member_of"},
                {"source": "r-1", "target": "m-3", "kind": "serves"}
            ]
        }));
        let profile = |id: &str| {
            let row = rows.iter().find(|r| r.id.as_str() == id).unwrap();
            (row.bonding, row.bridging, row.linking)
        };
        assert_eq!(profile("m-1"), (2, 1, 0));
        assert_eq!(profile("m-3"), (0, 2, 1));
        assert_eq!(profile("o-1"), (1, 1, 0));
        assert_eq!(profile("r-1"), (0, 0, 1));
    }

    #[test]
    fn parallel_ties_count_once_for_degree_and_keep_the_highest_trust() {
        let rows = metrics(json!({
            "actors": [
                {"id": "m-1", "kind": "migrant", "name": "a"},
                {"id": "m-2", "kind": "migrant", "name": "b"},
                {"id": "m-3", "kind": "migrant", "name": "c"}
            ],
            "ties": [
                {"source": "m-1", "target": "m-2", "kind": "knows", "trust": 0.2},
                {"source": "m-2", "target": "m-1", "kind": "knows", "trust": 0.7}
            ]
        }));
        assert_eq!(rows[0].degree, 1);
        assert!((rows[0].strength - 0.7).abs() < 1e-12);
        assert_eq!(
            (rows[0].component, rows[2].component),
            (0, 1),
            "the largest component is 0"
        );
        assert_eq!(rows[2].core_number, 0);
        assert!(
            rows[2].constraint.is_nan() && rows[2].effective_size.is_nan(),
            "isolated: NaN as in NetworkX"
        );
        let mut csv = Vec::new();
        write_metrics(&rows, &["constraint"], false, &mut csv).unwrap();
        assert!(
            String::from_utf8(csv.clone())
                .unwrap()
                .ends_with("m-3,migrant,\n"),
            "NaN is an empty cell: {:?}",
            String::from_utf8(csv)
        );
    }
}

/// Shares of bonding, bridging and linking tie ends.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct CapitalShares {
    /// Tie ends counted.
    pub ties: usize,
    /// Share that is bonding.
    pub bonding: f64,
    /// Share that is bridging.
    pub bridging: f64,
    /// Share that is linking.
    pub linking: f64,
}

impl CapitalShares {
    fn from_counts(bonding: usize, bridging: usize, linking: usize) -> Self {
        let ties = bonding + bridging + linking;
        let share = |k: usize| {
            if ties == 0 {
                0.0
            } else {
                k as f64 / ties as f64
            }
        };
        Self {
            ties,
            bonding: share(bonding),
            bridging: share(bridging),
            linking: share(linking),
        }
    }
}

/// The whole graph in a few numbers (NetworkX definitions, unweighted).
#[derive(Debug, Clone, PartialEq, Serialize)]
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
}

/// Summarises the graph from its per-actor metrics.
///
/// # Complexity
/// O(V + E^1.5) (triangles), after [`actor_metrics`].
pub fn summary(graph: &RelayGraph, network: &Network, rows: &[ActorMetrics]) -> Summary {
    let simple = Simple::new(graph);
    let n = simple.n();
    let edges: usize = simple.adjacency.iter().map(Vec::len).sum::<usize>() / 2;
    let density = if n > 1 {
        2.0 * edges as f64 / (n * (n - 1)) as f64
    } else {
        0.0
    };
    let components = rows.iter().map(|r| r.component + 1).max().unwrap_or(0);
    let largest = rows.iter().filter(|r| r.component == 0).count();
    let average_clustering = if n == 0 {
        0.0
    } else {
        rows.iter().map(|r| r.clustering).sum::<f64>() / n as f64
    };
    let mut closed = 0.0;
    let mut triads = 0.0;
    for (v, row) in rows.iter().enumerate() {
        let k = simple.adjacency[v].len() as f64;
        closed += row.clustering * k * (k - 1.0) / 2.0;
        triads += k * (k - 1.0) / 2.0;
    }
    let transitivity = if triads == 0.0 { 0.0 } else { closed / triads };
    // Pearson correlation of the degrees at the two ends of every tie, both ways round.
    let (mut sx, mut sxx, mut sxy, mut count) = (0.0, 0.0, 0.0, 0.0);
    for v in 0..n {
        let dv = simple.adjacency[v].len() as f64;
        for &(w, _) in &simple.adjacency[v] {
            let dw = simple.adjacency[w as usize].len() as f64;
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
    let plain: Vec<Vec<u32>> = simple
        .adjacency
        .iter()
        .map(|ns| ns.iter().map(|&(w, _)| w).collect())
        .collect();
    let labels: Vec<usize> = rows.iter().map(|r| r.community).collect();
    let modularity = super::community::modularity(&plain, &labels);
    let communities = labels.iter().map(|c| c + 1).max().unwrap_or(0);
    let (b, r, l) = rows.iter().fold((0, 0, 0), |(b, r, l), row| {
        (b + row.bonding, r + row.bridging, l + row.linking)
    });
    // Each tie has two ends among the actors: halve for the overall count.
    let capital = CapitalShares::from_counts(b / 2, r / 2, l / 2);
    let city_of: BTreeMap<&ActorId, String> = network
        .actors
        .iter()
        .map(|a| {
            (
                &a.record.id,
                a.record
                    .city
                    .as_ref()
                    .map_or("none".to_owned(), ToString::to_string),
            )
        })
        .collect();
    let mut by_city: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    let mut by_language: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    for (v, row) in rows.iter().enumerate() {
        let language = graph.first_language[v].map_or("und".to_owned(), |l| l.to_string());
        for (key, map) in [
            (city_of[&row.id].clone(), &mut by_city),
            (language, &mut by_language),
        ] {
            let entry = map.entry(key).or_default();
            entry.0 += row.bonding;
            entry.1 += row.bridging;
            entry.2 += row.linking;
        }
    }
    let shares = |map: BTreeMap<String, (usize, usize, usize)>| {
        map.into_iter()
            .map(|(k, (b, r, l))| (k, CapitalShares::from_counts(b, r, l)))
            .collect()
    };
    Summary {
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
    }
}
