//! The shared relay graph: built from the store when its change version moves, never per query.
//!
//! By default every analysis sees every write acknowledged before it (the graph is rebuilt first
//! when the store has moved on). Under a stream of writes that means nearly every analysis waits
//! for a rebuild, so a deployment may allow a bounded staleness instead: an analysis is then
//! answered on the last graph while one rebuild runs in the background, as long as that graph
//! was read from the store less than `max_staleness` ago. Every answer then holds every write
//! acknowledged more than `max_staleness` before it; past that, the analysis waits for the
//! rebuild.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use super::RelayGraph;
use crate::store::{GraphStore, StoreError};

/// Keeps the latest relay graph and rebuilds it when the store has moved on.
#[derive(Default)]
pub struct Snapshots {
    /// How long an analysis may be answered on a graph the store has moved on from.
    max_staleness: Duration,
    /// The latest graph, and since when the store has been known to be past it.
    latest: std::sync::Mutex<Latest>,
    /// Held while a graph is built: one build at a time.
    building: Arc<tokio::sync::Mutex<()>>,
    rebuilds: AtomicU64,
}

#[derive(Default)]
struct Latest {
    /// The graph, and when its version was read from the store (every write acknowledged before
    /// that moment is in it).
    graph: Option<(Arc<RelayGraph>, Instant)>,
}

/// Which graph an analysis gets.
enum Decision {
    /// This one, which is current or stale within bounds; when stale, a rebuild should start.
    Serve(Arc<RelayGraph>, bool),
    /// None fits: wait for a rebuild.
    Wait,
}

impl Snapshots {
    /// Snapshots that answer on a graph at most `max_staleness` behind the store (zero: never
    /// behind).
    pub fn new(max_staleness: Duration) -> Self {
        Self {
            max_staleness,
            ..Self::default()
        }
    }

    /// How many times the graph was built since the start.
    pub fn rebuilds(&self) -> u64 {
        self.rebuilds.load(Ordering::Relaxed)
    }

    fn decide(&self, version: u64) -> Decision {
        let latest = self
            .latest
            .lock()
            .expect("the snapshot lock is never poisoned");
        let Some((graph, read_at)) = latest.graph.clone() else {
            return Decision::Wait;
        };
        if graph.version >= version {
            Decision::Serve(graph, false)
        } else if read_at.elapsed() < self.max_staleness {
            Decision::Serve(graph, true)
        } else {
            Decision::Wait
        }
    }

    /// The relay graph to answer an analysis on: the store's current version, or with a
    /// staleness allowed, possibly an older one (never older than allowed). One caller builds
    /// while the others wait, then share the result.
    #[tracing::instrument(skip_all)]
    pub async fn current(
        self: &Arc<Self>,
        store: &Arc<dyn GraphStore>,
    ) -> Result<Arc<RelayGraph>, StoreError> {
        let version = store.version().await?;
        match self.decide(version) {
            Decision::Serve(graph, false) => return Ok(graph),
            Decision::Serve(graph, true) => {
                // Stale but within bounds: answer now, and have one rebuild start if none runs.
                if let Ok(guard) = self.building.clone().try_lock_owned() {
                    let (snapshots, store) = (self.clone(), store.clone());
                    tokio::spawn(async move {
                        let _guard = guard;
                        if let Err(error) = snapshots.build(store.as_ref()).await {
                            tracing::warn!(error = %error, "background snapshot rebuild failed");
                        }
                    });
                }
                return Ok(graph);
            }
            Decision::Wait => {}
        }
        let _guard = self.building.lock().await;
        // Someone else may have built it meanwhile.
        if let Decision::Serve(graph, false) = self.decide(store.version().await?) {
            return Ok(graph);
        }
        self.build(store.as_ref()).await
    }

    /// Builds the graph of the store's current version and makes it the latest. The caller
    /// holds `building`.
    async fn build(&self, store: &dyn GraphStore) -> Result<Arc<RelayGraph>, StoreError> {
        let read_at = Instant::now();
        let version = store.version().await?;
        if let Decision::Serve(graph, false) = self.decide(version) {
            return Ok(graph);
        }
        let network = store.network().await?;
        let started = Instant::now();
        let graph = tokio::task::spawn_blocking(move || RelayGraph::build(&network, version))
            .await
            .map_err(StoreError::backend)?;
        tracing::info!(
            version,
            actors = graph.node_count(),
            ties = graph.tie_count(),
            millis = started.elapsed().as_millis() as u64,
            "relay snapshot rebuilt"
        );
        self.rebuilds.fetch_add(1, Ordering::Relaxed);
        let graph = Arc::new(graph);
        let mut latest = self
            .latest
            .lock()
            .expect("the snapshot lock is never poisoned");
        // A version read before a write may land after a newer graph: keep the newest.
        if latest
            .graph
            .as_ref()
            .is_none_or(|(g, _)| g.version <= version)
        {
            latest.graph = Some((graph.clone(), read_at));
        }
        Ok(graph)
    }
}
