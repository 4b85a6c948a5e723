//! The analysis engine: pure, synchronous functions over an immutable snapshot of the relay graph.
//! No I/O, no async; callers (the use cases of `service`) run it on the heavy-work threads.
//!
//! # Our arrays, and petgraph
//!
//! The relay graph ([`RelayGraph`]) is compressed sparse row arrays with `u32` indices, built
//! from a full read of the network and brought up to date from each later version's delta
//! ([`RelayGraph::update`]: a merge of integer arrays, no hashing): every hot loop runs on them — reach (a breadth-first search
//! and a most-reliable-path search per query), the call list, the single points of failure (a
//! dominator tree of the query's usable graph, Cooper, Harvey and Kennedy's algorithm on those
//! arrays), the metrics (a search per actor), communities and the layout. Measured on the
//! 100,000-migrant demo city (BENCHMARKS.md): petgraph's `Bfs` and `dijkstra` (hash map results)
//! were 2–3× slower than the loops over our arrays, and computing the single points of failure
//! with petgraph's `dominators::simple_fast` (on a `DiGraph` of the usable ties, built per query)
//! made a whole-city coverage query take 0.74 s instead of 0.50 s. petgraph's `page_rank` is
//! O(iterations · V² · degree): minutes at this size.
//!
//! petgraph is for where a library serves better than our loops: [`RelayGraph::to_petgraph`]
//! gives Rust code that embeds relaymap the relay graph as a petgraph graph, for its algorithms
//! (articulation points, bridges, flows) on a query's or a view's graph; and the tests use its
//! algorithms as references.

mod aggregates;
mod area;
mod cascade;
mod community;
mod duplicates;
mod error;
mod facts;
mod graph;
mod layout;
mod metrics;
mod query;
mod redundancy;
mod relay;
#[cfg(test)]
pub(crate) mod testing;
mod view;

pub use aggregates::{Counts, counts, counts_part};
pub use area::Area;
pub use cascade::{Delays, HourBand, MAX_HOURS, MAX_RUNS, Simulation, SimulationParams, simulate};
pub use community::{louvain, modularity};
pub use duplicates::{DuplicatePair, NAME_THRESHOLD, likely_duplicates, name_likeness};
pub use error::AnalysisError;
pub use graph::RelayGraph;
pub use layout::force_layout;
pub use metrics::{
    Capital, CapitalShares, Column, METRIC_NAMES, MetricsOptions, MetricsTable, SimpleGraph,
    Summary, actor_metrics, degree_histogram, summary, write_metrics,
};
pub(crate) use query::QueryDto;
pub use redundancy::{CriticalTie, PATHS_CAP, critical_ties};
pub use relay::{
    CallEntry, CoverageReport, MAX_HOPS_LIMIT, PointOfFailure, ReachPage, ReachReport, ReachSearch,
    Reached, RelayQuery, TargetPage, coverage, reach, reach_page, reached_by,
};
pub use view::{NetworkView, ViewNode, ViewQuery, network_view};
