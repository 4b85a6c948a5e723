//! The relay graph taken undirected and simple, and the breadth-first searches behind betweenness,
//! closeness and harmonic centrality (one search per source, in parallel).

use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use super::*;
use crate::analysis::AnalysisError;
use crate::analysis::graph::RelayGraph;

/// The relay graph taken undirected and simple, as the metrics measure it.
pub struct SimpleGraph {
    /// Where each actor's neighbours start in `targets` (compressed sparse rows; n + 1 entries).
    pub(crate) offsets: Vec<usize>,
    /// Neighbours, sorted within each actor.
    pub(crate) targets: Vec<u32>,
    /// The highest trust among the parallel ties to each neighbour.
    pub(super) trust: Vec<f64>,
}

impl SimpleGraph {
    /// Merges parallel ties (keeping the highest trust) and drops their direction.
    ///
    /// # Complexity
    /// O(V + E log E) to merge and sort the ties.
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
    /// let simple = SimpleGraph::new(&graph);
    /// assert_eq!((simple.n(), simple.edge_count()), (4, 2));
    /// assert_eq!(simple.components().iter().max(), Some(&1), "two components");
    /// assert_eq!(simple.core_numbers().iter().max(), Some(&1));
    /// assert!(simple.clustering().iter().all(|&c| c == 0.0), "no triangles");
    /// let ranks = simple.pagerank(0.85);
    /// assert!((ranks.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    /// ```
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
                    .map(|(w, tie)| (w, graph.ties.trust(tie as usize))),
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
    pub(super) fn neighbours(&self, v: usize) -> &[u32] {
        &self.targets[self.offsets[v]..self.offsets[v + 1]]
    }

    /// An actor's number of neighbours.
    pub(super) fn degree(&self, v: usize) -> usize {
        self.offsets[v + 1] - self.offsets[v]
    }

    /// Whether two actors are neighbours.
    pub(super) fn adjacent(&self, a: u32, b: u32) -> bool {
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
    pub(super) fn searches(
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
        crate::analysis::community::louvain(&self.offsets, &self.targets, seed)
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
pub(super) struct Search {
    /// Hops from the source; `u32::MAX`: not reached.
    pub(super) distance: Vec<u32>,
    /// Shortest paths from the source.
    pub(super) sigma: Vec<f64>,
    /// Dependencies of the source on each actor.
    pub(super) delta: Vec<f64>,
    /// Actors in the order reached, the source first.
    pub(super) order: Vec<u32>,
}

impl Search {
    pub(super) fn new(n: usize) -> Self {
        Self {
            distance: vec![u32::MAX; n],
            sigma: vec![0.0; n],
            delta: vec![0.0; n],
            order: Vec::with_capacity(n),
        }
    }

    pub(super) fn run(&mut self, graph: &SimpleGraph, s: usize) {
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
    pub(super) fn accumulate(&mut self, graph: &SimpleGraph, s: usize, betweenness: &mut [f64]) {
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
    pub(super) fn closeness(&self, n: usize) -> f64 {
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
    pub(super) fn harmonic(&self) -> f64 {
        self.order
            .iter()
            .skip(1)
            .map(|&v| 1.0 / f64::from(self.distance[v as usize]))
            // From +0: an empty float sum is -0, which files would show as `-0`.
            .fold(0.0, |sum, x| sum + x)
    }
}
