//! Per-actor network metrics with NetworkX's definitions, over the relay graph taken undirected
//! and simple: parallel ties merged (keeping the highest trust as the weight), cities and
//! `located_in` ties left out. Pure and synchronous; sources of parallelism are per-source
//! searches (rayon).
//!
//! One family a file: the simple graph and its shortest-path searches (betweenness, closeness,
//! harmonic) in `paths.rs`, PageRank and eigenvector centrality in `spectral.rs`, clustering,
//! cores and components in `structure.rs`, Burt's brokerage measures in `brokerage.rs`, social
//! capital (bonding, bridging, linking) in `capital.rs`, and the whole-graph summary in
//! `summary.rs`. This file holds the options, the table and its writer.

mod brokerage;
mod capital;
mod paths;
mod spectral;
mod structure;
mod summary;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;
use serde::Serialize;

use super::AnalysisError;
use super::graph::RelayGraph;
use crate::domain::{ActorId, ActorKind, Network};

use brokerage::structural_holes;
use capital::profiles;
pub use capital::{Capital, CapitalShares};
pub use paths::SimpleGraph;
use spectral::{eigenvector, pagerank};
use structure::{clustering, components, core_numbers};
pub use summary::{Summary, degree_histogram, summary};

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
    /// assert_eq!(MetricsOptions::select(&["degree", "pagerank"]).unwrap(), ["degree", "pagerank"]);
    /// assert!(MetricsOptions::select(&["degree", "degree"]).is_err());
    /// assert_eq!(MetricsOptions::select::<&str>(&[]).unwrap(), METRIC_NAMES);
    /// ```
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
/// let options = MetricsOptions { names: vec!["degree", "betweenness"], seed: 1, sample: None };
/// let table = actor_metrics(&graph, &network, &options, &never).unwrap();
/// let row = table.ids.iter().position(|id| id.as_str() == "o-1").unwrap();
/// assert_eq!(table.column("degree").unwrap().value(row), 2);
/// // o-1 lies on the only path between r-1 and m-1: one of the three pairs of the others.
/// assert!((table.column("betweenness").unwrap().value(row).as_f64().unwrap() - 1.0 / 3.0).abs() < 1e-12);
/// let mut csv = Vec::new();
/// write_metrics(&table, false, &mut csv).unwrap();
/// assert!(String::from_utf8(csv).unwrap().starts_with("id,kind,degree,betweenness\n"));
/// ```
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
                        // From +0: an empty float sum is -0, which files would show as `-0`.
                        simple.trust[simple.offsets[v]..simple.offsets[v + 1]]
                            .iter()
                            .fold(0.0, |sum, t| sum + t)
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
        ids: graph.ids.iter().cloned().collect(),
        kinds: graph.kinds.clone(),
        columns,
    })
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
        // An isolated actor's sums are +0, never `-0` in a file.
        for name in ["strength", "harmonic"] {
            let zero = value(&rows, "m-3", name).as_f64().unwrap();
            assert!(zero == 0.0 && zero.is_sign_positive(), "{name}: {zero}");
        }
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
