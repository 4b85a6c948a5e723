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
use crate::domain::{ActorId, ActorKind, Network, TieKind};

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

/// What [`actor_metrics`] computes.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricsOptions {
    /// The metrics, in the order of their columns; only these are computed.
    pub names: Vec<&'static str>,
    /// Louvain's visiting order and the choice of sampled sources: the same seed gives the same
    /// answer.
    pub seed: u64,
    /// Estimate betweenness from this many sources chosen at random (NetworkX's `k`); `None` or
    /// at least the number of actors gives the exact value.
    pub sample: Option<usize>,
}

impl Default for MetricsOptions {
    fn default() -> Self {
        Self {
            names: METRIC_NAMES.to_vec(),
            seed: 1,
            sample: None,
        }
    }
}

impl MetricsOptions {
    /// Checks a list of metric names (`--only`, `?only=`): each known, none twice. An empty list
    /// means every metric.
    pub fn select<S: AsRef<str>>(names: &[S]) -> Result<Vec<&'static str>, AnalysisError> {
        if names.is_empty() {
            return Ok(METRIC_NAMES.to_vec());
        }
        let mut chosen: Vec<&'static str> = Vec::new();
        for name in names {
            let name = name.as_ref().trim();
            let known = METRIC_NAMES.iter().find(|m| **m == name).ok_or_else(|| {
                AnalysisError::invalid(
                    "only",
                    format!(
                        "unknown metric {name:?}: expected some of {}",
                        METRIC_NAMES.join(",")
                    ),
                )
            })?;
            if chosen.contains(known) {
                return Err(AnalysisError::invalid(
                    "only",
                    format!("metric {name} is named twice"),
                ));
            }
            chosen.push(known);
        }
        Ok(chosen)
    }

    fn wants(&self, name: &str) -> bool {
        self.names.contains(&name)
    }
}

/// The values of one metric for every actor.
#[derive(Debug, Clone, PartialEq)]
pub enum Column {
    /// Whole numbers (degree, core number, labels, tie counts).
    Count(Vec<usize>),
    /// Real numbers; NaN where undefined (an isolated actor's constraint).
    Real(Vec<f64>),
}

impl Column {
    /// The value of one actor, as JSON (NaN is null).
    pub fn value(&self, row: usize) -> serde_json::Value {
        match self {
            Column::Count(values) => values[row].into(),
            Column::Real(values) if values[row].is_finite() => values[row].into(),
            Column::Real(_) => serde_json::Value::Null,
        }
    }
}

/// Per-actor metrics: one row per relaying actor (by id), one column per chosen metric.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricsTable {
    /// The actors, sorted by id.
    pub ids: Vec<ActorId>,
    /// Their kinds.
    pub kinds: Vec<ActorKind>,
    /// The chosen metrics, in the order asked for.
    pub columns: Vec<(&'static str, Column)>,
}

impl MetricsTable {
    /// A metric's column, if it was computed.
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, c)| c)
    }

    /// The number of actors.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether there is no actor.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

/// The relay graph taken undirected and simple, as the metrics measure it.
pub struct SimpleGraph {
    /// Where each actor's neighbours start in `targets` (compressed sparse rows; n + 1 entries).
    pub(crate) offsets: Vec<usize>,
    /// Neighbours, sorted within each actor.
    pub(crate) targets: Vec<u32>,
    /// The highest trust among the parallel ties to each neighbour.
    trust: Vec<f64>,
}

impl SimpleGraph {
    /// Merges parallel ties (keeping the highest trust) and drops their direction.
    pub fn new(graph: &RelayGraph) -> Self {
        let n = graph.node_count();
        let mut offsets = Vec::with_capacity(n + 1);
        let mut targets = Vec::new();
        let mut trust = Vec::new();
        let mut list: Vec<(u32, f64)> = Vec::new();
        offsets.push(0);
        for v in 0..n as u32 {
            list.clear();
            list.extend(
                graph
                    .edges(v)
                    .map(|(w, tie)| (w, graph.ties[tie as usize].trust)),
            );
            list.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
            list.dedup_by_key(|(w, _)| *w);
            targets.extend(list.iter().map(|&(w, _)| w));
            trust.extend(list.iter().map(|&(_, t)| t));
            offsets.push(targets.len());
        }
        Self {
            offsets,
            targets,
            trust,
        }
    }

    /// The number of actors.
    pub fn n(&self) -> usize {
        self.offsets.len() - 1
    }

    /// The number of ties (parallel ties merged).
    pub fn edge_count(&self) -> usize {
        self.targets.len() / 2
    }

    /// An actor's neighbours, sorted.
    fn neighbours(&self, v: usize) -> &[u32] {
        &self.targets[self.offsets[v]..self.offsets[v + 1]]
    }

    /// An actor's number of neighbours.
    fn degree(&self, v: usize) -> usize {
        self.offsets[v + 1] - self.offsets[v]
    }

    /// Whether two actors are neighbours.
    fn adjacent(&self, a: u32, b: u32) -> bool {
        self.neighbours(a as usize).binary_search(&b).is_ok()
    }

    /// Every edge once, as (smaller index, larger index): actors are indexed in id order.
    pub fn edges(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        (0..self.n()).flat_map(move |v| {
            self.neighbours(v)
                .iter()
                .filter(move |&&w| w as usize > v)
                .map(move |&w| (v as u32, w))
        })
    }

    /// Betweenness (`betweenness_centrality`, normalized, unweighted), exact or estimated from
    /// `sample` sources drawn with `seed`, scaled as NetworkX 3.6 scales a sample (sources and
    /// other actors apart, so that sampling every actor gives the exact value).
    ///
    /// # Complexity
    /// O(k·E) for k sources, on every core; memory O(threads · V).
    pub fn betweenness(
        &self,
        sample: Option<usize>,
        seed: u64,
        cancel: &AtomicBool,
    ) -> Result<Vec<f64>, AnalysisError> {
        let n = self.n();
        let sources: Option<Vec<usize>> = sample
            .filter(|&k| k < n)
            .map(|k| crate::rng::Rng::new(seed).sample(n, k));
        let (mut betweenness, _) = self.searches(sources.as_deref(), false, cancel)?;
        if n > 2 {
            let pairs = (n - 2) as f64;
            match &sources {
                None => {
                    let scale = 1.0 / ((n - 1) as f64 * pairs);
                    betweenness.iter_mut().for_each(|b| *b *= scale);
                }
                Some(sources) => {
                    let k = sources.len() as f64;
                    let source_scale = if k > 1.0 {
                        1.0 / ((k - 1.0) * pairs)
                    } else {
                        f64::NAN
                    };
                    let other_scale = 1.0 / (k * pairs);
                    let mut is_source = vec![false; n];
                    sources.iter().for_each(|&s| is_source[s] = true);
                    for (v, b) in betweenness.iter_mut().enumerate() {
                        *b *= if is_source[v] {
                            source_scale
                        } else {
                            other_scale
                        };
                    }
                }
            }
        }
        Ok(betweenness)
    }

    /// Closeness (Wasserman–Faust corrected) and harmonic centrality, from one search per actor.
    ///
    /// # Complexity
    /// O(V·E), on every core.
    pub fn closeness_and_harmonic(
        &self,
        cancel: &AtomicBool,
    ) -> Result<(Vec<f64>, Vec<f64>), AnalysisError> {
        let (_, distances) = self.searches(Some(&[]), true, cancel)?;
        Ok(distances.into_iter().unzip())
    }

    /// Runs Brandes' searches: betweenness dependencies accumulated from `sources` (every actor
    /// when `None`; none when empty), and when `distances` is set, a search from every actor for
    /// closeness and harmonic centrality. Unscaled.
    #[allow(clippy::type_complexity)]
    fn searches(
        &self,
        sources: Option<&[usize]>,
        distances: bool,
        cancel: &AtomicBool,
    ) -> Result<(Vec<f64>, Vec<(f64, f64)>), AnalysisError> {
        /// Sources are summed in this many fixed chunks, each in order, and the chunks in order:
        /// the same answer to the last bit whatever the number of threads, in O(CHUNKS · n) memory.
        const CHUNKS: usize = 32;
        let n = self.n();
        let mut accumulate = vec![sources.is_none(); n];
        sources
            .unwrap_or_default()
            .iter()
            .for_each(|&s| accumulate[s] = true);
        let starts: Vec<usize> = if distances {
            (0..n).collect()
        } else {
            (0..n).filter(|&s| accumulate[s]).collect()
        };
        let chunk = starts.len().div_ceil(CHUNKS).max(1);
        let parts: Vec<(Vec<f64>, Vec<(usize, f64, f64)>)> = starts
            .par_chunks(chunk)
            .map(|chunk| {
                let mut search = Search::new(n);
                let mut betweenness = vec![0.0f64; n];
                let mut per_source = Vec::new();
                for &s in chunk {
                    if cancel.load(Ordering::Relaxed) {
                        break;
                    }
                    search.run(self, s);
                    if accumulate[s] {
                        search.accumulate(self, s, &mut betweenness);
                    }
                    if distances {
                        per_source.push((s, search.closeness(n), search.harmonic()));
                    }
                }
                (betweenness, per_source)
            })
            .collect();
        if cancel.load(Ordering::Relaxed) {
            return Err(AnalysisError::Cancelled);
        }
        let mut betweenness = vec![0.0f64; n];
        let mut by_actor = vec![(0.0, 0.0); if distances { n } else { 0 }];
        for (part, per_source) in parts {
            betweenness.iter_mut().zip(part).for_each(|(x, y)| *x += y);
            for (s, c, h) in per_source {
                by_actor[s] = (c, h);
            }
        }
        Ok((betweenness, by_actor))
    }

    /// Louvain communities (seeded, resolution 1, unweighted): 0 for the largest.
    pub fn louvain(&self, seed: u64) -> Vec<usize> {
        super::community::louvain(&self.offsets, &self.targets, seed)
    }

    /// PageRank (`pagerank`, unweighted), to 1e-12 · n in L1.
    pub fn pagerank(&self, alpha: f64) -> Vec<f64> {
        pagerank(self, alpha)
    }

    /// Local clustering coefficients (`clustering`).
    pub fn clustering(&self) -> Vec<f64> {
        clustering(self)
    }

    /// Core numbers (`core_number`).
    pub fn core_numbers(&self) -> Vec<usize> {
        core_numbers(self)
    }

    /// Connected component labels: 0 for the largest.
    pub fn components(&self) -> Vec<usize> {
        components(self)
    }
}

/// One breadth-first search with Brandes' bookkeeping, its buffers reused from source to source
/// (only the entries a search touched are reset).
struct Search {
    /// Hops from the source; `u32::MAX`: not reached.
    distance: Vec<u32>,
    /// Shortest paths from the source.
    sigma: Vec<f64>,
    /// Dependencies of the source on each actor.
    delta: Vec<f64>,
    /// Actors in the order reached, the source first.
    order: Vec<u32>,
}

impl Search {
    fn new(n: usize) -> Self {
        Self {
            distance: vec![u32::MAX; n],
            sigma: vec![0.0; n],
            delta: vec![0.0; n],
            order: Vec::with_capacity(n),
        }
    }

    fn run(&mut self, graph: &SimpleGraph, s: usize) {
        for &v in &self.order {
            let v = v as usize;
            self.distance[v] = u32::MAX;
            self.sigma[v] = 0.0;
            self.delta[v] = 0.0;
        }
        self.order.clear();
        self.distance[s] = 0;
        self.sigma[s] = 1.0;
        self.order.push(s as u32);
        let mut head = 0;
        while head < self.order.len() {
            let v = self.order[head] as usize;
            head += 1;
            let next = self.distance[v] + 1;
            for &w in graph.neighbours(v) {
                let w = w as usize;
                if self.distance[w] == u32::MAX {
                    self.distance[w] = next;
                    self.order.push(w as u32);
                }
                if self.distance[w] == next {
                    self.sigma[w] += self.sigma[v];
                }
            }
        }
    }

    /// Adds the source's dependencies to `betweenness` (Brandes' accumulation, unscaled).
    fn accumulate(&mut self, graph: &SimpleGraph, s: usize, betweenness: &mut [f64]) {
        for &w in self.order.iter().rev() {
            let w = w as usize;
            let before = self.distance[w].wrapping_sub(1);
            let carried = (1.0 + self.delta[w]) / self.sigma[w];
            for &v in graph.neighbours(w) {
                let v = v as usize;
                if self.distance[v] == before {
                    self.delta[v] += self.sigma[v] * carried;
                }
            }
            if w != s {
                betweenness[w] += self.delta[w];
            }
        }
    }

    /// Closeness with the Wasserman–Faust correction, from the last search.
    fn closeness(&self, n: usize) -> f64 {
        let reachable = self.order.len() - 1;
        let total: u64 = self
            .order
            .iter()
            .map(|&v| u64::from(self.distance[v as usize]))
            .sum();
        if total > 0 && n > 1 {
            (reachable as f64 / total as f64) * (reachable as f64 / (n - 1) as f64)
        } else {
            0.0
        }
    }

    /// Harmonic centrality, from the last search.
    fn harmonic(&self) -> f64 {
        self.order
            .iter()
            .skip(1)
            .map(|&v| 1.0 / f64::from(self.distance[v as usize]))
            .sum()
    }
}

/// Computes the chosen per-actor metrics.
///
/// # Arguments
/// * `graph` - the relay graph snapshot.
/// * `network` - the network it was built from (for first languages and kinds of tie ends).
/// * `options` - which metrics, the seed, and betweenness sampling.
/// * `cancel` - set it to stop early (the answer is then `Cancelled`).
///
/// # Returns
/// One row per relaying actor, by id; one column per chosen metric.
///
/// # Complexity
/// O(V·E) for exact betweenness and for closeness and harmonic (one breadth-first search per
/// actor, on every core), O(k·E) for betweenness sampled from k sources; O(E) per PageRank
/// iteration; O(E^1.5) for clustering and structural holes.
pub fn actor_metrics(
    graph: &RelayGraph,
    network: &Network,
    options: &MetricsOptions,
    cancel: &AtomicBool,
) -> Result<MetricsTable, AnalysisError> {
    let simple = SimpleGraph::new(graph);
    let mut betweenness = options
        .wants("betweenness")
        .then(|| simple.betweenness(options.sample, options.seed, cancel))
        .transpose()?;
    let (mut closeness, mut harmonic) = if options.wants("closeness") || options.wants("harmonic") {
        let (c, h) = simple.closeness_and_harmonic(cancel)?;
        (Some(c), Some(h))
    } else {
        (None, None)
    };
    let (mut constraint, mut effective_size) =
        if options.wants("constraint") || options.wants("effective_size") {
            let (c, e) = structural_holes(&simple);
            (Some(c), Some(e))
        } else {
            (None, None)
        };
    let profiles = ["bonding", "bridging", "linking"]
        .iter()
        .any(|n| options.wants(n))
        .then(|| profiles(graph, network));
    let profile = |class: usize| {
        let profiles = profiles.as_ref().expect("computed when asked for");
        Column::Count(profiles.iter().map(|p| p[class]).collect())
    };
    // Each name appears once (`MetricsOptions::select`), so each computed vector is taken once.
    let computed = |values: &mut Option<Vec<f64>>| {
        Column::Real(values.take().expect("computed when asked for"))
    };
    let mut columns = Vec::with_capacity(options.names.len());
    for &name in &options.names {
        if cancel.load(Ordering::Relaxed) {
            return Err(AnalysisError::Cancelled);
        }
        let column = match name {
            "degree" => Column::Count((0..simple.n()).map(|v| simple.degree(v)).collect()),
            "strength" => Column::Real(
                (0..simple.n())
                    .map(|v| {
                        simple.trust[simple.offsets[v]..simple.offsets[v + 1]]
                            .iter()
                            .sum()
                    })
                    .collect(),
            ),
            "betweenness" => computed(&mut betweenness),
            "closeness" => computed(&mut closeness),
            "harmonic" => computed(&mut harmonic),
            "pagerank" => Column::Real(pagerank(&simple, 0.85)),
            "eigenvector" => Column::Real(eigenvector(&simple)),
            "clustering" => Column::Real(clustering(&simple)),
            "core_number" => Column::Count(core_numbers(&simple)),
            "component" => Column::Count(components(&simple)),
            "community" => Column::Count(simple.louvain(options.seed)),
            "constraint" => computed(&mut constraint),
            "effective_size" => computed(&mut effective_size),
            "bonding" => profile(0),
            "bridging" => profile(1),
            "linking" => profile(2),
            other => unreachable!("MetricsOptions::select knows no metric {other}"),
        };
        columns.push((name, column));
    }
    Ok(MetricsTable {
        ids: graph.ids.clone(),
        kinds: graph.kinds.clone(),
        columns,
    })
}

/// PageRank by power iteration, dangling nodes spread uniformly, iterated until the L1 change is
/// below 1e-12 · n (tighter than NetworkX's 1e-6 · n, so both land on the same vector).
fn pagerank(simple: &SimpleGraph, alpha: f64) -> Vec<f64> {
    let n = simple.n();
    if n == 0 {
        return Vec::new();
    }
    let mut rank = vec![1.0 / n as f64; n];
    let mut share = vec![0.0; n];
    for _ in 0..1000 {
        // What each actor passes to each neighbour; dangling actors spread over everyone.
        let mut dangling = 0.0;
        for v in 0..n {
            match simple.degree(v) {
                0 => dangling += rank[v],
                d => share[v] = rank[v] / d as f64,
            }
        }
        let base = (1.0 - alpha) / n as f64 + alpha * dangling / n as f64;
        let next: Vec<f64> = (0..n)
            .into_par_iter()
            .map(|v| {
                base + alpha
                    * simple
                        .neighbours(v)
                        .iter()
                        .map(|&w| share[w as usize])
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
fn eigenvector(simple: &SimpleGraph) -> Vec<f64> {
    let n = simple.n();
    let mut x = vec![1.0 / n.max(1) as f64; n];
    for _ in 0..10_000 {
        let mut next: Vec<f64> = (0..n)
            .into_par_iter()
            .map(|v| {
                x[v] + simple
                    .neighbours(v)
                    .iter()
                    .map(|&w| x[w as usize])
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
fn structural_holes(simple: &SimpleGraph) -> (Vec<f64>, Vec<f64>) {
    let adjacent = |a: u32, b: u32| simple.adjacent(a, b);
    let p = |a: u32, b: u32| {
        if adjacent(a, b) {
            1.0 / simple.degree(a as usize) as f64
        } else {
            0.0
        }
    };
    (0..simple.n())
        .into_par_iter()
        .map(|v| {
            let neighbours = simple.neighbours(v);
            let k = neighbours.len();
            if k == 0 {
                return (f64::NAN, f64::NAN);
            }
            let v = v as u32;
            let constraint = neighbours
                .iter()
                .map(|&w| {
                    let indirect: f64 = neighbours.iter().map(|&u| p(v, u) * p(u, w)).sum();
                    (p(v, w) + indirect).powi(2)
                })
                .sum();
            let mut ties = 0usize;
            for (i, &a) in neighbours.iter().enumerate() {
                ties += neighbours[i + 1..]
                    .iter()
                    .filter(|&&b| adjacent(a, b))
                    .count();
            }
            (constraint, k as f64 - 2.0 * ties as f64 / k as f64)
        })
        .unzip()
}

/// Local clustering: triangles through v over deg(v)·(deg(v) − 1)/2. Triangles are counted once
/// each, from their lowest-ranked corner (rank: degree, then index) along edges that point up
/// the ranking, with a marker array per worker; every actor's out-list is then short (at most
/// √(2E) long), which keeps the work near O(E^1.5) in the worst case and far below it on
/// networks like these.
fn clustering(simple: &SimpleGraph) -> Vec<f64> {
    use std::sync::atomic::AtomicU32;
    let n = simple.n();
    let above = |a: usize, b: usize| (simple.degree(a), a) < (simple.degree(b), b);
    // Each actor's neighbours that rank above it, sorted.
    let up: Vec<Vec<u32>> = (0..n)
        .into_par_iter()
        .map(|v| {
            simple
                .neighbours(v)
                .iter()
                .copied()
                .filter(|&w| above(v, w as usize))
                .collect()
        })
        .collect();
    let triangles: Vec<AtomicU32> = (0..n).map(|_| AtomicU32::new(0)).collect();
    (0..n).into_par_iter().for_each_init(
        || vec![u32::MAX; n],
        |marked, u| {
            for &v in &up[u] {
                marked[v as usize] = u as u32;
            }
            for &v in &up[u] {
                for &w in &up[v as usize] {
                    if marked[w as usize] == u as u32 {
                        for corner in [u, v as usize, w as usize] {
                            triangles[corner].fetch_add(1, Ordering::Relaxed);
                        }
                    }
                }
            }
        },
    );
    (0..n)
        .map(|v| {
            let k = simple.degree(v);
            if k < 2 {
                0.0
            } else {
                2.0 * f64::from(triangles[v].load(Ordering::Relaxed)) / (k * (k - 1)) as f64
            }
        })
        .collect()
}

/// Core numbers by Batagelj and Zaversnik's O(E) peeling: actors kept sorted by current degree
/// in one array with the start of each degree's bin, so that lowering a degree is one swap.
fn core_numbers(simple: &SimpleGraph) -> Vec<usize> {
    // Batagelj and Zaversnik's peeling, on 32-bit arrays: half the memory traffic of usize.
    let n = simple.n();
    let mut degree: Vec<u32> = (0..n).map(|v| simple.degree(v) as u32).collect();
    let max = degree.iter().copied().max().unwrap_or(0) as usize;
    // bin[d]: where actors of degree d start in `order`.
    let mut bin = vec![0u32; max + 2];
    for &d in &degree {
        bin[d as usize + 1] += 1;
    }
    for d in 1..bin.len() {
        bin[d] += bin[d - 1];
    }
    let mut position = vec![0u32; n];
    let mut order = vec![0u32; n];
    let mut next = bin.clone();
    for v in 0..n {
        let d = degree[v] as usize;
        position[v] = next[d];
        order[next[d] as usize] = v as u32;
        next[d] += 1;
    }
    for i in 0..n {
        let v = order[i] as usize;
        let dv = degree[v];
        for &u in simple.neighbours(v) {
            let u = u as usize;
            let du = degree[u];
            if du > dv {
                // Move u to the front of its bin, then shrink the bin by one from the front.
                let first = bin[du as usize];
                let w = order[first as usize] as usize;
                if u != w {
                    let pu = position[u];
                    order[pu as usize] = w as u32;
                    order[first as usize] = u as u32;
                    position[w] = pu;
                    position[u] = first;
                }
                bin[du as usize] += 1;
                degree[u] = du - 1;
            }
        }
    }
    degree.into_iter().map(|d| d as usize).collect()
}

/// Component labels: 0 for the largest component, then by size, ties by smallest member id.
fn components(simple: &SimpleGraph) -> Vec<usize> {
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
            for &w in simple.neighbours(v) {
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
/// The social capital a tie carries: linking when it touches a responder; bonding between two
/// migrants who share a first language, or a migrant and an organisation that works in the
/// migrant's first language; bridging otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Capital {
    /// Within a community.
    Bonding = 0,
    /// Across communities.
    Bridging = 1,
    /// To those with power or resources: responders.
    Linking = 2,
}

impl Capital {
    /// The kind of capital of a tie between two actors, given their kinds and languages (in
    /// either order).
    pub fn of(
        a: (ActorKind, &crate::domain::Languages),
        b: (ActorKind, &crate::domain::Languages),
    ) -> Capital {
        use ActorKind::{Migrant, Organisation, Responder};
        let works_in_first = |migrant: &crate::domain::Languages,
                              org: &crate::domain::Languages| {
            migrant.first().is_some_and(|l| org.as_slice().contains(&l))
        };
        match (a.0, b.0) {
            (Responder, _) | (_, Responder) => Capital::Linking,
            (Migrant, Migrant) if a.1.first().is_some() && a.1.first() == b.1.first() => {
                Capital::Bonding
            }
            (Migrant, Organisation) if works_in_first(a.1, b.1) => Capital::Bonding,
            (Organisation, Migrant) if works_in_first(b.1, a.1) => Capital::Bonding,
            _ => Capital::Bridging,
        }
    }

    /// `bonding`, `bridging` or `linking`.
    pub fn as_str(self) -> &'static str {
        match self {
            Capital::Bonding => "bonding",
            Capital::Bridging => "bridging",
            Capital::Linking => "linking",
        }
    }
}

fn profiles(graph: &RelayGraph, network: &Network) -> Vec<[usize; 3]> {
    let languages: BTreeMap<&ActorId, &crate::domain::Languages> = network
        .actors
        .iter()
        .map(|a| (&a.record.id, &a.record.languages))
        .collect();
    let none = crate::domain::Languages::default();
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
        let end = |v: u32, id: &ActorId| {
            (
                graph.kinds[v as usize],
                languages.get(id).copied().unwrap_or(&none),
            )
        };
        let class = Capital::of(end(s, &tie.source), end(t, &tie.target)) as usize;
        counts[s as usize][class] += 1;
        counts[t as usize][class] += 1;
    }
    counts
}

/// Writes metrics as CSV (`id,kind,` then the table's metrics) or as a JSON array of objects.
/// NaN is an empty CSV cell (as pandas and R read it) and null in JSON.
pub fn write_metrics(
    table: &MetricsTable,
    json: bool,
    mut out: impl std::io::Write,
) -> std::io::Result<()> {
    if json {
        let objects: Vec<serde_json::Map<String, serde_json::Value>> = (0..table.len())
            .map(|row| {
                let mut object = serde_json::Map::new();
                object.insert("id".into(), table.ids[row].as_str().into());
                object.insert("kind".into(), table.kinds[row].as_str().into());
                for (name, column) in &table.columns {
                    object.insert((*name).into(), column.value(row));
                }
                object
            })
            .collect();
        serde_json::to_writer(&mut out, &objects)?;
        writeln!(out)?;
    } else {
        let names: Vec<&str> = table.columns.iter().map(|(n, _)| *n).collect();
        writeln!(out, "id,kind,{}", names.join(","))?;
        for row in 0..table.len() {
            // Ids may start with `-`: kept from running as a formula in a spreadsheet.
            let id = crate::document::spreadsheet_safe(table.ids[row].as_str());
            write!(out, "{id},{}", table.kinds[row])?;
            for (_, column) in &table.columns {
                match column.value(row) {
                    serde_json::Value::Null => write!(out, ",")?,
                    value => write!(out, ",{value}")?,
                }
            }
            writeln!(out)?;
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

    fn network(document: serde_json::Value) -> Network {
        read_json(&document.to_string(), WriteMode::Upsert)
            .unwrap()
            .into_network()
    }

    fn metrics(document: serde_json::Value) -> MetricsTable {
        let network = network(document);
        actor_metrics(
            &RelayGraph::build(&network, 1),
            &network,
            &MetricsOptions::default(),
            &AtomicBool::new(false),
        )
        .unwrap()
    }

    /// The value of a metric for an actor, as JSON.
    fn value(table: &MetricsTable, id: &str, name: &str) -> serde_json::Value {
        let row = table.ids.iter().position(|i| i.as_str() == id).unwrap();
        table.column(name).unwrap().value(row)
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
        let profile =
            |id: &str| ["bonding", "bridging", "linking"].map(|name| value(&rows, id, name));
        assert_eq!(profile("m-1"), [2, 1, 0].map(serde_json::Value::from));
        assert_eq!(profile("m-3"), [0, 2, 1].map(serde_json::Value::from));
        assert_eq!(profile("o-1"), [1, 1, 0].map(serde_json::Value::from));
        assert_eq!(profile("r-1"), [0, 0, 1].map(serde_json::Value::from));
    }

    /// A seeded random network of `n` migrants with about `ties` ties.
    fn random_network(n: usize, ties: usize, seed: u64) -> Network {
        let mut rng = crate::rng::Rng::new(seed);
        let actors: Vec<serde_json::Value> = (0..n)
            .map(|i| json!({"id": format!("m-{i:03}"), "kind": "migrant", "name": "x"}))
            .collect();
        let ties: Vec<serde_json::Value> = (0..ties)
            .map(|_| (rng.below(n), rng.below(n)))
            .filter(|(a, b)| a != b)
            .map(|(a, b)| {
                json!({"source": format!("m-{a:03}"), "target": format!("m-{b:03}"), "kind": "knows"})
            })
            .collect();
        network(json!({"actors": actors, "ties": ties}))
    }

    #[test]
    fn sampled_betweenness_is_exact_with_every_source_and_unbiased_with_fewer() {
        let network = random_network(60, 150, 3);
        let graph = SimpleGraph::new(&RelayGraph::build(&network, 1));
        let never = AtomicBool::new(false);
        let exact = graph.betweenness(None, 1, &never).unwrap();
        let every = graph.betweenness(Some(60), 9, &never).unwrap();
        let more = graph.betweenness(Some(1000), 9, &never).unwrap();
        assert_eq!(every, exact);
        assert_eq!(more, exact);

        let one = graph.betweenness(Some(15), 4, &never).unwrap();
        assert_eq!(one, graph.betweenness(Some(15), 4, &never).unwrap());
        assert_ne!(one, graph.betweenness(Some(15), 5, &never).unwrap());
        // The oracle: pair dependencies from all-pairs shortest-path counts, summed over the
        // sampled sources and scaled as NetworkX 3.6 does (sources by 1/((k-1)(n-2)), the
        // others by 1/(k(n-2))).
        let n = 60;
        let (distance, sigma): (Vec<Vec<usize>>, Vec<Vec<f64>>) = (0..n)
            .map(|s| {
                // Distances and path counts, level by level.
                let mut d = vec![usize::MAX; n];
                let mut g = vec![0.0; n];
                d[s] = 0;
                g[s] = 1.0;
                let mut frontier = vec![s];
                while !frontier.is_empty() {
                    let mut next = Vec::new();
                    for &v in &frontier {
                        for &w in graph.neighbours(v) {
                            let w = w as usize;
                            if d[w] == usize::MAX {
                                d[w] = d[v] + 1;
                                next.push(w);
                            }
                            if d[w] == d[v] + 1 {
                                g[w] += g[v];
                            }
                        }
                    }
                    frontier = next;
                }
                (d, g)
            })
            .unzip();
        let sources = crate::rng::Rng::new(4).sample(n, 15);
        for v in 0..n {
            let mut dependency = 0.0;
            for &s in sources.iter().filter(|&&s| s != v) {
                for t in (0..n).filter(|&t| t != s && t != v) {
                    let through = distance[s][v] != usize::MAX
                        && distance[v][t] != usize::MAX
                        && distance[s][v] + distance[v][t] == distance[s][t];
                    if through {
                        dependency += sigma[s][v] * sigma[v][t] / sigma[s][t];
                    }
                }
            }
            let scale = if sources.contains(&v) { 14.0 } else { 15.0 } * 58.0;
            assert!(
                (one[v] - dependency / scale).abs() < 1e-12,
                "actor {v}: {} against {}",
                one[v],
                dependency / scale
            );
        }
    }

    #[test]
    fn betweenness_is_the_same_to_the_bit_on_one_thread_or_many() {
        let network = random_network(120, 400, 11);
        let graph = SimpleGraph::new(&RelayGraph::build(&network, 1));
        let on = |threads: usize| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap()
                .install(|| {
                    let never = AtomicBool::new(false);
                    let (closeness, harmonic) = graph.closeness_and_harmonic(&never).unwrap();
                    (
                        graph.betweenness(None, 1, &never).unwrap(),
                        closeness,
                        harmonic,
                    )
                })
        };
        let one = on(1);
        assert_eq!(on(3), one);
        assert_eq!(on(8), one);
    }

    #[test]
    fn clustering_and_core_numbers_match_their_definitions_on_random_networks() {
        for seed in 0..8 {
            let network = random_network(40, 30 + 25 * seed as usize, seed);
            let graph = SimpleGraph::new(&RelayGraph::build(&network, 1));
            let n = graph.n();
            let clustering = graph.clustering();
            let cores = graph.core_numbers();
            for (v, &measured) in clustering.iter().enumerate() {
                let ns = graph.neighbours(v);
                let k = ns.len();
                let mut links = 0;
                for (i, &a) in ns.iter().enumerate() {
                    for &b in &ns[i + 1..] {
                        links += usize::from(graph.adjacent(a, b));
                    }
                }
                let want = if k < 2 {
                    0.0
                } else {
                    2.0 * links as f64 / (k * (k - 1)) as f64
                };
                assert!((measured - want).abs() < 1e-12, "seed {seed}, actor {v}");
            }
            // The k-core by definition: repeatedly drop actors with fewer than k neighbours left.
            for k in 0..=cores.iter().copied().max().unwrap_or(0) + 1 {
                let mut alive: Vec<bool> = vec![true; n];
                loop {
                    let drop: Vec<usize> = (0..n)
                        .filter(|&v| {
                            alive[v]
                                && graph
                                    .neighbours(v)
                                    .iter()
                                    .filter(|&&w| alive[w as usize])
                                    .count()
                                    < k
                        })
                        .collect();
                    if drop.is_empty() {
                        break;
                    }
                    drop.into_iter().for_each(|v| alive[v] = false);
                }
                for v in 0..n {
                    assert_eq!(alive[v], cores[v] >= k, "seed {seed}, actor {v}, k {k}");
                }
            }
        }
    }

    #[test]
    fn only_the_chosen_metrics_are_computed_in_the_order_asked() {
        let network = random_network(20, 40, 1);
        let options = MetricsOptions {
            names: MetricsOptions::select(&["pagerank", "degree"]).unwrap(),
            ..MetricsOptions::default()
        };
        let table = actor_metrics(
            &RelayGraph::build(&network, 1),
            &network,
            &options,
            &AtomicBool::new(false),
        )
        .unwrap();
        let names: Vec<&str> = table.columns.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, ["pagerank", "degree"]);
        assert_eq!(table.len(), 20);
        assert!(matches!(
            MetricsOptions::select(&["degree", "fame"]),
            Err(AnalysisError::InvalidQuery { field: "only", .. })
        ));
        assert!(MetricsOptions::select(&["degree", "degree"]).is_err());
        assert_eq!(MetricsOptions::select::<&str>(&[]).unwrap(), METRIC_NAMES);
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
        assert_eq!(value(&rows, "m-1", "degree"), 1);
        assert!((value(&rows, "m-1", "strength").as_f64().unwrap() - 0.7).abs() < 1e-12);
        assert_eq!(
            (
                value(&rows, "m-1", "component"),
                value(&rows, "m-3", "component")
            ),
            (0.into(), 1.into()),
            "the largest component is 0"
        );
        assert_eq!(value(&rows, "m-3", "core_number"), 0);
        assert!(
            value(&rows, "m-3", "constraint").is_null()
                && value(&rows, "m-3", "effective_size").is_null(),
            "isolated: NaN as in NetworkX"
        );
        let mut csv = Vec::new();
        let only = MetricsTable {
            columns: vec![("constraint", rows.column("constraint").unwrap().clone())],
            ..rows
        };
        write_metrics(&only, false, &mut csv).unwrap();
        assert!(
            String::from_utf8(csv.clone())
                .unwrap()
                .ends_with("m-3,migrant,\n"),
            "NaN is an empty cell: {:?}",
            String::from_utf8(csv)
        );
    }
}

#[cfg(test)]
mod suppression_tests {
    use super::*;

    fn group(actors: usize) -> CapitalShares {
        CapitalShares::from_counts(actors, [actors, 0, 0])
    }

    #[test]
    fn degrees_fall_in_doubling_bins() {
        // A star of five leaves around a centre, and one isolated actor.
        use crate::domain::*;
        let mut network = Network::default();
        let actor = |id: &str| Stored {
            record: Actor {
                id: ActorId::parse(id).unwrap(),
                kind: ActorKind::Migrant,
                name: Name::parse(id).unwrap(),
                languages: Languages::default(),
                location: None,
                city: None,
                channels: Channels::default(),
                consent: true,
                attributes: Attributes::default(),
            },
            created_at: now(),
            updated_at: now(),
        };
        for id in ["c", "l1", "l2", "l3", "l4", "l5", "z"] {
            network.actors.push(actor(id));
        }
        for i in 1..=5 {
            network.ties.push(Stored {
                record: Tie {
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
            });
        }
        let graph = RelayGraph::build(&network, 0);

        let bins = degree_histogram(&graph);

        let expected: Vec<(String, u64)> = [("0", 1), ("1", 5), ("2–3", 0), ("4–7", 1)]
            .map(|(l, n)| (l.to_owned(), n))
            .into();
        assert_eq!(bins, expected);
    }

    #[test]
    fn a_lone_small_group_takes_the_next_smallest_with_it() {
        let summary = Summary {
            actors: 30,
            ties: 0,
            density: 0.0,
            components: 1,
            largest_component_share: 1.0,
            average_clustering: 0.0,
            transitivity: 0.0,
            degree_assortativity: None,
            modularity: 0.0,
            communities: 1,
            capital: group(30),
            capital_by_city: [("a", 2), ("b", 8), ("c", 20)]
                .map(|(k, n)| (k.to_owned(), group(n)))
                .into(),
            capital_by_first_language: [("ara", 15), ("tir", 15)]
                .map(|(k, n)| (k.to_owned(), group(n)))
                .into(),
            suppressed_groups: 0,
        };

        let shown = summary.without_small_groups(5);

        assert_eq!(shown.capital_by_city.keys().collect::<Vec<_>>(), ["c"]);
        assert_eq!(shown.capital_by_first_language.len(), 2);
        assert_eq!(shown.suppressed_groups, 2);
    }
}

/// Relaying actors by degree in the simple relay graph, in doubling bins: `0`, `1`, `2–3`,
/// `4–7`, ... up to the largest degree.
///
/// # Complexity
/// O(V + E).
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

/// Shares of bonding, bridging and linking tie ends.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default, utoipa::ToSchema)]
pub struct CapitalShares {
    /// Relaying actors counted.
    pub actors: usize,
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
    fn from_counts(actors: usize, [bonding, bridging, linking]: [usize; 3]) -> Self {
        let ties = bonding + bridging + linking;
        let share = |k: usize| {
            if ties == 0 {
                0.0
            } else {
                k as f64 / ties as f64
            }
        };
        Self {
            actors,
            ties,
            bonding: share(bonding),
            bridging: share(bridging),
            linking: share(linking),
        }
    }
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

impl Summary {
    /// Leaves out of the per-city and per-language breakdowns every group of fewer than `min`
    /// actors: a group of one or two shows how those few people are tied.
    ///
    /// The whole-network figures are sums over the groups, so one group left out alone could be
    /// had back by subtraction: then the smallest remaining group is left out with it.
    pub fn without_small_groups(mut self, min: usize) -> Self {
        for map in [
            &mut self.capital_by_city,
            &mut self.capital_by_first_language,
        ] {
            let before = map.len();
            map.retain(|_, shares| shares.actors >= min);
            if before - map.len() == 1 {
                let smallest = map
                    .iter()
                    .min_by_key(|(key, shares)| (shares.actors, key.to_string()))
                    .map(|(key, _)| key.clone());
                if let Some(key) = smallest {
                    map.remove(&key);
                }
            }
            self.suppressed_groups += before - map.len();
        }
        self
    }
}

/// Summarises the graph.
///
/// # Arguments
/// * `seed` - Louvain's visiting order, for the communities and their modularity.
///
/// # Complexity
/// O(E^1.5) (triangles) plus Louvain; no shortest paths.
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
    let modularity = super::community::modularity(&simple.offsets, &simple.targets, &labels);
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
                &a.record.id,
                a.record
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
