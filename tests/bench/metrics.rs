//! Network metrics benchmark (not a test): relaymap's PageRank, connected components, core
//! numbers, clustering, Louvain and betweenness (sampled from 256 sources; exact on a smaller
//! city) on stored demo cities, timed on the graph already in memory, as the reference tools are
//! (tests/bench/metrics_reference.py). Also writes each city's relay graph, undirected and
//! simple, as an edge list for them. Driven by tests/bench/metrics, which joins both sides:
//!
//!   cargo bench --bench metrics -- OUT_DIR LABEL=DB [LABEL=DB --exact ...]
//!
//! `--exact` after a city asks for exact betweenness on it. Prints one JSON object per timing.

use std::sync::atomic::AtomicBool;

use relaymap::analysis::{RelayGraph, SimpleGraph};

#[path = "common.rs"]
mod common;
use common::{read_network, time, write_edges};

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let usage = "usage: cargo bench --bench metrics -- OUT_DIR LABEL=DB [--exact] ...";
    let out_dir = std::path::PathBuf::from(args.first().expect(usage));
    let never = AtomicBool::new(false);
    let mut cities: Vec<(String, String, bool)> = Vec::new();
    for arg in &args[1..] {
        match arg.as_str() {
            "--exact" => cities.last_mut().expect(usage).2 = true,
            city => {
                let (label, db) = city.split_once('=').expect(usage);
                cities.push((label.to_owned(), db.to_owned(), false));
            }
        }
    }
    for (label, db, exact) in cities {
        let network = read_network(&db);
        let graph = SimpleGraph::new(&RelayGraph::build(&network, 1));
        drop(network);
        write_edges(&graph, &out_dir.join(format!("{label}.edges")));
        let (n, m) = (graph.n(), graph.edge_count());
        let report = |algorithm: &str, seconds: f64| {
            println!(
                "{}",
                serde_json::json!({
                    "tool": "relaymap", "version": env!("CARGO_PKG_VERSION"),
                    "algorithm": algorithm, "graph": label, "n": n, "m": m,
                    "seconds": seconds, "capped": false, "threads": rayon::current_num_threads(),
                })
            );
        };
        let runs = 3;
        let (t, _) = time(runs, || graph.pagerank(0.85));
        report("pagerank", t.as_secs_f64());
        let (t, _) = time(runs, || graph.components());
        report("components", t.as_secs_f64());
        let (t, _) = time(runs, || graph.core_numbers());
        report("core_number", t.as_secs_f64());
        let (t, _) = time(runs, || graph.clustering());
        report("clustering", t.as_secs_f64());
        let (t, _) = time(runs, || graph.louvain(1));
        report("louvain", t.as_secs_f64());
        let (t, _) = time(runs, || graph.betweenness(Some(256), 1, &never).unwrap());
        report("betweenness_sampled", t.as_secs_f64());
        if exact {
            let (t, _) = time(1, || graph.betweenness(None, 1, &never).unwrap());
            report("betweenness_exact", t.as_secs_f64());
        }
    }
}
