//! The server: opens the store, binds the listener, serves until told to stop.

use std::future::Future;
use std::net::SocketAddr;

use anyhow::Context;
use tokio::net::TcpListener;

use crate::config::ServeConfig;
use crate::domain::WriteSummary;
use crate::http::{AppState, router};
use crate::store::{self, GraphStore};

/// A bound, ready server.
pub struct Application {
    listener: TcpListener,
    address: SocketAddr,
    router: axum::Router,
}

impl Application {
    /// Opens the store (loading the demo city into it when asked and it is empty) and binds.
    pub async fn build(config: &ServeConfig) -> anyhow::Result<Self> {
        let store = store::open(&config.store).await?;
        if config.demo {
            load_demo_if_empty(store.as_ref()).await?;
        }
        let listener = TcpListener::bind(config.bind)
            .await
            .with_context(|| format!("binding {}", config.bind))?;
        let address = listener.local_addr().context("reading the bound address")?;
        let state = AppState {
            store,
            max_import_bytes: config.max_import_bytes,
            snapshots: Default::default(),
            query_timeout: config.query_timeout,
        };
        Ok(Self {
            listener,
            address,
            router: router(state, &config.static_dir),
        })
    }

    /// The address the server listens on.
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// The port the server listens on.
    pub fn port(&self) -> u16 {
        self.address.port()
    }

    /// Serves until `shutdown` completes, then lets in-flight requests finish.
    pub async fn run_until(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        axum::serve(self.listener, self.router)
            .with_graceful_shutdown(shutdown)
            .await
    }
}

async fn load_demo_if_empty(store: &dyn GraphStore) -> anyhow::Result<()> {
    match load_demo(
        store,
        crate::demo::DEFAULT_SEED,
        crate::demo::DEFAULT_MIGRANTS,
    )
    .await?
    {
        Some(summary) => {
            tracing::info!(
                actors = summary.actors_created,
                ties = summary.ties_created,
                "demo city loaded"
            )
        }
        None => tracing::info!("store is not empty; demo city not loaded"),
    }
    Ok(())
}

/// Writes the demo city into the store if the store holds no actor; `None` when it holds some.
pub async fn load_demo(
    store: &dyn GraphStore,
    seed: u64,
    migrants: usize,
) -> anyhow::Result<Option<WriteSummary>> {
    let stats = store.stats().await.context("reading the store")?;
    if stats.actor_total() > 0 {
        return Ok(None);
    }
    let batch = tokio::task::spawn_blocking(move || crate::demo::generate(seed, migrants))
        .await
        .context("generating the demo city")?;
    let summary = store.write(batch).await.context("writing the demo city")?;
    Ok(Some(summary))
}

/// Completes on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
