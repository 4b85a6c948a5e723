//! What the benchmarks share: timing and reading a stored network.

use std::time::{Duration, Instant};

use relaymap::analysis::SimpleGraph;
use relaymap::domain::Network;
use relaymap::store::{NetworkStore, SqliteStore};

pub fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// Runs `work` `runs` times; the median time and the last answer.
pub fn time<T>(runs: usize, mut work: impl FnMut() -> T) -> (Duration, T) {
    let mut samples = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs {
        let started = Instant::now();
        last = Some(work());
        samples.push(started.elapsed());
    }
    (median(samples), last.expect("at least one run"))
}

/// The whole network of a SQLite database.
pub fn read_network(path: &str) -> Network {
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    let store = SqliteStore::open(std::path::Path::new(path)).expect("the database opens");
    runtime
        .block_on(store.network())
        .expect("the network reads")
}

/// Writes `n m`, then one `u v` line per edge (u < v): the reference tools' input.
pub fn write_edges(graph: &SimpleGraph, path: &std::path::Path) {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("the edge list"));
    writeln!(out, "{} {}", graph.n(), graph.edge_count()).unwrap();
    for (u, v) in graph.edges() {
        writeln!(out, "{u} {v}").unwrap();
    }
    out.flush().unwrap();
}
