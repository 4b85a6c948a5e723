//! The server: opens the store, binds the listener, serves until told to stop.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::Request;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tower::ServiceExt;
use tower_http::timeout::TimeoutBody;

use crate::config::ServeConfig;
use crate::domain::{Role, Token, TokenSecret, WriteSummary};
use crate::http::session::Limiter;
use crate::http::{AppState, router};
use crate::store::{self, GraphStore};

/// The most connections served at once.
const MAX_CONNECTIONS: usize = 1024;

/// How long in-flight requests may run on after a shutdown signal.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(30);

/// A bound, ready server.
pub struct Application {
    listener: TcpListener,
    address: SocketAddr,
    router: axum::Router,
    store: Arc<dyn GraphStore>,
    services: Arc<crate::service::Services>,
    first_admin: Option<TokenSecret>,
    client_timeout: Duration,
}

impl Application {
    /// Opens the store (loading the demo city into it when asked and it is empty) and binds.
    pub async fn build(config: &ServeConfig) -> anyhow::Result<Self> {
        if !config.bind.ip().is_loopback() && !config.behind_proxy {
            anyhow::bail!(
                "refusing to listen on {} without TLS: relaymap does not terminate TLS itself, so \
                 put it behind a TLS-terminating proxy and pass --behind-proxy, or bind to 127.0.0.1",
                config.bind
            );
        }
        let store = store::open(&config.store, config.person_precision_m).await?;
        let first_admin = first_admin(store.as_ref()).await?;
        if config.demo {
            load_demo_if_empty(store.as_ref()).await?;
        }
        let mut fresh = [0u8; 32];
        getrandom::fill(&mut fresh).map_err(|e| anyhow::anyhow!("no random bytes: {e}"))?;
        let failure_key = store
            .secret(crate::http::session::FAILURE_KEY, &fresh)
            .await?;
        let listener = TcpListener::bind(config.bind)
            .await
            .with_context(|| format!("binding {}", config.bind))?;
        let address = listener.local_addr().context("reading the bound address")?;
        let services = Arc::new(crate::service::Services::new(
            store.clone(),
            crate::service::Snapshots::new(config.relay_max_staleness),
            crate::service::Budget::new(
                config.query_timeout,
                config.analyses_per_token,
                config.whole_network_jobs,
            ),
        ));
        let state = AppState {
            store: store.clone(),
            max_import_bytes: config.max_import_bytes,
            services: services.clone(),
            sessions: Arc::new(crate::http::session::Sessions::new(store.clone())),
            limiter: Arc::new(Limiter::shared(
                config.failure_limit,
                config.failure_window,
                store.clone(),
                failure_key,
            )),
            behind_proxy: config.behind_proxy,
            tiles: config.tiles.clone().map(Arc::new),
            monitor: Default::default(),
            client_timeout: config.client_timeout,
        };
        Ok(Self {
            listener,
            address,
            router: router(state, &config.static_dir, &config.vendor_dir),
            store,
            services,
            first_admin,
            client_timeout: config.client_timeout,
        })
    }

    /// The secret of the admin token made at this start because the store had no working admin
    /// token: to be shown once, to whoever started the server.
    pub fn first_admin(&self) -> Option<&TokenSecret> {
        self.first_admin.as_ref()
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
    ///
    /// A client that takes longer than the client timeout to send a request's headers, or
    /// pauses that long inside its body, is disconnected: slow clients cannot hold connections.
    pub async fn run_until(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        // The network is read and its relay graph built now, not when the first analysis asks:
        // at a million migrants that takes tens of seconds, which the first analysis after a
        // restart would spend waiting (and run out of time).
        let services = self.services.clone();
        tokio::spawn(async move {
            if let Err(error) = services.snapshot().await {
                tracing::warn!(%error, "reading the network at start failed; the first analysis reads it again");
            }
        });
        let connections = GracefulShutdown::new();
        let mut shutdown = std::pin::pin!(shutdown);
        let timeout = self.client_timeout;
        let slots = Arc::new(tokio::sync::Semaphore::new(MAX_CONNECTIONS));
        loop {
            // At most MAX_CONNECTIONS at once: beyond, new clients wait in the kernel's backlog.
            let slot = tokio::select! {
                slot = slots.clone().acquire_owned() => slot.expect("the semaphore stays open"),
                () = &mut shutdown => break,
            };
            let (stream, peer) = tokio::select! {
                accepted = self.listener.accept() => match accepted {
                    Ok(accepted) => accepted,
                    Err(error) => {
                        // Out of file descriptors and the like: wait, then accept again.
                        tracing::warn!(%error, "accepting a connection failed");
                        tokio::time::sleep(Duration::from_millis(100)).await;
                        continue;
                    }
                },
                () = &mut shutdown => break,
            };
            let router = self.router.clone();
            let service = hyper::service::service_fn(move |request: Request<Incoming>| {
                let mut request = request.map(|body| Body::new(TimeoutBody::new(timeout, body)));
                request.extensions_mut().insert(ConnectInfo(peer));
                router.clone().oneshot(request)
            });
            let connection = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(timeout)
                .serve_connection(TokioIo::new(stream), service);
            let connection = connections.watch(connection);
            tokio::spawn(async move {
                if let Err(error) = connection.await {
                    tracing::debug!(%error, "connection ended with an error");
                }
                drop(slot);
            });
        }
        drop(self.listener);
        // In-flight requests get a grace period; a client that never finishes does not hold
        // the shutdown forever.
        if tokio::time::timeout(SHUTDOWN_GRACE, connections.shutdown())
            .await
            .is_err()
        {
            tracing::warn!("some connections were still open after the grace period; closing");
        }
        if let Err(error) = self.store.close().await {
            tracing::warn!(%error, "the store did not close cleanly");
        }
        tracing::info!("stopped");
        Ok(())
    }
}

/// Makes an admin token when the store has no working one (a first start, or every admin token
/// revoked or expired), so that someone can always sign in.
async fn first_admin(store: &dyn GraphStore) -> anyhow::Result<Option<TokenSecret>> {
    let tokens = store.tokens().await.context("reading the tokens")?;
    let at = crate::domain::now();
    if tokens
        .iter()
        .any(|t| t.role == Role::Admin && t.is_valid_at(&at))
    {
        return Ok(None);
    }
    // Checked again as it is stored: another process starting on the same store at this
    // moment may make it first.
    let (token, secret) = new_token(Role::Admin, "first admin".into(), None)?;
    if !store
        .create_first_admin(&token, &secret.hash())
        .await
        .context("storing the first admin token")?
    {
        return Ok(None);
    }
    tracing::info!(token = %token.id, "made the first admin token");
    Ok(Some(secret))
}

/// A new token and its secret (not yet stored).
pub fn new_token(
    role: Role,
    label: String,
    expires_at: Option<crate::domain::Timestamp>,
) -> anyhow::Result<(Token, TokenSecret)> {
    Token::issue(role, label, expires_at).context("drawing a random secret")
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
    let city = tokio::task::spawn_blocking(move || crate::demo::draw(seed, migrants))
        .await
        .context("generating the demo city")?;
    let interviews = crate::demo::interviews(&city, seed);
    // In parts, so that a large city's records never all exist at once as drafts; the demo city
    // of up to about 100,000 migrants is one part, one all-or-nothing write.
    let parts = city
        .tie_count()
        .div_ceil(crate::demo::City::TIES_PER_PART)
        .max(1);
    let mut summary = WriteSummary::default();
    for (n, batch) in city.parts(crate::demo::City::TIES_PER_PART).enumerate() {
        let part = store.write(batch).await.with_context(|| {
            if n == 0 {
                "writing the demo city".to_owned()
            } else {
                format!(
                    "writing part {} of {parts} of the demo city (the store holds the parts \
                     before it: start again from an empty store)",
                    n + 1
                )
            }
        })?;
        summary.actors_created += part.actors_created;
        summary.ties_created += part.ties_created;
    }
    for interview in interviews {
        store
            .write_interview(
                interview,
                crate::domain::Batch::new(crate::domain::WriteMode::Upsert),
            )
            .await
            .context("writing the demo city's interviews")?;
    }
    for (city, outline) in crate::demo::outlines(migrants) {
        store
            .set_outline(&city, Some(outline.to_string()))
            .await
            .context("writing the demo city's outlines")?;
    }
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
