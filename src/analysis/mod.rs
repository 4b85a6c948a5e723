//! The analysis engine: pure, synchronous functions over an immutable snapshot of the relay graph.
//! No I/O, no async; callers run it on a blocking thread.

mod aggregates;
mod area;
mod community;
mod error;
mod graph;
mod layout;
mod metrics;
mod query;
mod relay;
mod view;

pub use aggregates::{Counts, counts, counts_part};
pub use area::Area;
pub use community::{louvain, modularity};
pub use error::AnalysisError;
pub use graph::RelayGraph;
pub use layout::force_layout;
pub use metrics::{
    Capital, CapitalShares, Column, METRIC_NAMES, MetricsOptions, MetricsTable, SimpleGraph,
    Summary, actor_metrics, degree_histogram, summary, write_metrics,
};
pub(crate) use query::QueryDto;
pub use relay::{
    CallEntry, CoverageReport, MAX_HOPS_LIMIT, PointOfFailure, ReachReport, Reached, RelayQuery,
    coverage, reach, reached_by,
};
pub use view::{NetworkView, ViewNode, ViewQuery, network_view};
