//! The shared relay graph: built from the store when its change version moves, never per query.

use std::sync::Arc;

use tokio::sync::Mutex;

use super::RelayGraph;
use crate::store::{GraphStore, StoreError};

/// Keeps the latest relay graph and rebuilds it when the store has moved on.
#[derive(Default)]
pub struct Snapshots {
    current: Mutex<Option<Arc<RelayGraph>>>,
    rebuilds: std::sync::atomic::AtomicU64,
}

impl Snapshots {
    /// How many times the graph was built since the start.
    pub fn rebuilds(&self) -> u64 {
        self.rebuilds.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// The relay graph of the store's current version. One caller rebuilds while the others
    /// wait, then share the result.
    #[tracing::instrument(skip_all)]
    pub async fn current(&self, store: &dyn GraphStore) -> Result<Arc<RelayGraph>, StoreError> {
        let mut current = self.current.lock().await;
        let version = store.version().await?;
        if let Some(graph) = current.as_ref().filter(|g| g.version == version) {
            return Ok(graph.clone());
        }
        let network = store.network().await?;
        let started = std::time::Instant::now();
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
        self.rebuilds
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let graph = Arc::new(graph);
        *current = Some(graph.clone());
        Ok(graph)
    }
}
