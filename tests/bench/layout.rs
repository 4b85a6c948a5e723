//! Force layout benchmark (not a test): relaymap's `force_layout`, which places the `/network`
//! view's dots, on the relay graph of stored demo cities (undirected and simple, as the view lays
//! it out), timed on the graph already in memory, median of 3 runs. Also writes each graph as an
//! edge list, on which tests/bench/layout_reference.py times igraph and NetworkX. Driven by
//! tests/bench/layout-compare:
//!
//!   cargo bench --bench layout -- OUT_DIR LABEL=DB [LABEL=DB ...]
//!
//! Prints one JSON object per timing.

use std::sync::atomic::AtomicBool;

use relaymap::analysis::{RelayGraph, SimpleGraph, force_layout};

#[path = "common.rs"]
mod common;
use common::{read_network, time, write_edges};

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let usage = "usage: cargo bench --bench layout -- OUT_DIR LABEL=DB ...";
    let out_dir = std::path::PathBuf::from(args.first().expect(usage));
    let never = AtomicBool::new(false);
    for city in &args[1..] {
        let (label, db) = city.split_once('=').expect(usage);
        let network = read_network(db);
        let graph = SimpleGraph::new(&RelayGraph::build(&network, 1));
        drop(network);
        write_edges(&graph, &out_dir.join(format!("{label}.edges")));
        // Compressed sparse rows, both directions, as the view hands them to the layout.
        let n = graph.n();
        let mut neighbours: Vec<Vec<u32>> = vec![Vec::new(); n];
        for (u, v) in graph.edges() {
            neighbours[u as usize].push(v);
            neighbours[v as usize].push(u);
        }
        let mut offsets = Vec::with_capacity(n + 1);
        offsets.push(0);
        let mut targets = Vec::with_capacity(2 * graph.edge_count());
        for list in &neighbours {
            targets.extend_from_slice(list);
            offsets.push(targets.len());
        }
        let (t, layout) = time(3, || force_layout(&offsets, &targets, 1, &never).unwrap());
        assert_eq!(layout.len(), n);
        println!(
            "{}",
            serde_json::json!({
                "tool": "relaymap", "version": env!("CARGO_PKG_VERSION"),
                "algorithm": "force layout (ForceAtlas2-style, per component)",
                "graph": label, "n": n, "m": graph.edge_count(),
                "seconds": t.as_secs_f64(), "threads": rayon::current_num_threads(),
            })
        );
    }
}
