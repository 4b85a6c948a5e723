//! What the benchmarks share: timing and reading a stored network.

use std::time::{Duration, Instant};

use relaymap::domain::Network;
use relaymap::store::{GraphStore, SqliteStore};

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
