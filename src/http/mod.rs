//! The HTTP face of relaymap: the JSON API under `/api/v1` and the web pages. Handlers are thin:
//! extract, call the store (or, later, the analysis), map to a DTO that lives beside the handler.

pub mod access;
mod api;
mod audit;
mod error;
mod extract;
pub mod monitor;
mod pages;
pub mod session;
mod stream;

use std::path::Path;
use std::sync::Arc;

use axum::Router;
use axum::extract::{DefaultBodyLimit, MatchedPath, Request};
use tower_http::services::ServeDir;
use tower_http::trace::TraceLayer;

pub use error::{ApiError, ErrorBody, ErrorDetail};

use crate::store::GraphStore;

/// The largest body of an ordinary API request (a single actor or tie): 1 MiB.
pub const API_BODY_LIMIT: usize = 1024 * 1024;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    /// The network's store.
    pub store: Arc<dyn GraphStore>,
    /// The largest accepted import body, in bytes.
    pub max_import_bytes: usize,
    /// The use cases, with the shared snapshot of the network and the budget.
    pub services: Arc<crate::service::Services>,
    /// Web sessions.
    pub sessions: Arc<session::Sessions>,
    /// The limit on failed sign-ins and bad tokens.
    pub limiter: Arc<session::Limiter>,
    /// A TLS-terminating proxy stands in front: cookies are Secure, and the client is the one
    /// the proxy names in `X-Forwarded-For`.
    pub behind_proxy: bool,
    /// The base map of the map pages, if one is configured.
    pub tiles: Option<Arc<crate::config::Tiles>>,
    /// Request counts and latencies for operators.
    pub monitor: Arc<monitor::Monitor>,
    /// How long a client may pause while it sends or reads a body.
    pub client_timeout: std::time::Duration,
}

/// The built files of the pinned front-end libraries, each served under `/vendor/NAME`: never
/// the rest of node_modules.
const VENDOR: [(&str, &str); 3] = [
    ("/vendor/leaflet", "leaflet/dist"),
    (
        "/vendor/leaflet.markercluster",
        "leaflet.markercluster/dist",
    ),
    ("/vendor/cytoscape", "cytoscape/dist"),
];

/// Every route of the API and the pages, each with its access rule.
pub fn routes(max_import_bytes: usize) -> access::Routes {
    api::routes(max_import_bytes)
        .merge(pages::routes())
        .merge(monitor::routes())
}

/// Builds the whole router: API and pages behind the access check, static files and the
/// front-end libraries, security headers, request tracing.
pub fn router(state: AppState, static_dir: &Path, vendor_dir: &Path) -> Router {
    use axum::http::{HeaderValue, header};
    use tower_http::set_header::SetResponseHeaderLayer;
    let (guarded, _) = routes(state.max_import_bytes).finish(&state);
    // Images may also come from the configured tile server, and from nowhere else.
    let tile_origin = state.tiles.as_ref().map(|t| format!(" {}", t.origin()));
    let policy = format!(
        "default-src 'self'; img-src 'self' data:{}; object-src 'none'; base-uri 'none'; \
         form-action 'self'; frame-ancestors 'none'",
        tile_origin.unwrap_or_default()
    );
    let headers = [
        (
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_str(&policy).expect("checked tile origins are header-safe"),
        ),
        (
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ),
        (
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ),
        (header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")),
    ];
    // Pages and API answers may hold personal data: no browser or proxy keeps a copy. (Static
    // files and the front-end libraries hold none and may be cached.)
    let guarded = guarded.layer(SetResponseHeaderLayer::overriding(
        header::CACHE_CONTROL,
        HeaderValue::from_static("no-store"),
    ));
    let mut router = Router::new()
        .merge(guarded)
        .nest_service("/static", ServeDir::new(static_dir));
    for (mount, dir) in VENDOR {
        router = router.nest_service(mount, ServeDir::new(vendor_dir.join(dir)));
    }
    let mut router = router
        .fallback(api::not_found)
        .method_not_allowed_fallback(api::method_not_allowed)
        .layer(DefaultBodyLimit::max(API_BODY_LIMIT))
        .layer(axum::middleware::from_fn(pages::html_errors));
    for (name, value) in headers {
        router = router.layer(SetResponseHeaderLayer::overriding(name, value));
    }
    let router = router.layer(axum::middleware::from_fn_with_state(
        state.monitor.clone(),
        monitor::record,
    ));
    router
        .layer(
            TraceLayer::new_for_http().make_span_with(|request: &Request| {
                // The matched route (`/api/v1/actors/{id}`), not the URI: paths and queries can carry
                // ids and filters that need not be in every log line.
                let route = request
                    .extensions()
                    .get::<MatchedPath>()
                    .map_or("unmatched", |p| p.as_str())
                    .to_owned();
                // An opaque id ties one request's log lines together without naming anyone.
                let id = uuid::Uuid::new_v4().simple().to_string();
                tracing::info_span!("request", id = &id[..12], method = %request.method(), route)
            }),
        )
        .with_state(state)
}
