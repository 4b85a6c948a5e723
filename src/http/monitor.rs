//! Counts for operators, in the Prometheus text format (`GET /metrics` without `text/html` in
//! `Accept`): requests and their latency by route, relay snapshot rebuilds, store failures. Route
//! labels are the router's templates (`/api/v1/actors/{id}`), never paths, ids or queries.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;

/// Upper bounds of the latency buckets, in seconds.
const BUCKETS: [f64; 12] = [
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
];

/// Marks a response that failed because the store did (set by the error mapping).
#[derive(Debug, Clone, Copy)]
pub struct StoreFailed;

/// One route's requests.
#[derive(Default)]
struct Series {
    /// Answers by status code.
    statuses: BTreeMap<u16, u64>,
    /// Requests per latency bucket (not cumulative; the last one is beyond every bound).
    buckets: [u64; BUCKETS.len() + 1],
    seconds: f64,
    count: u64,
}

/// The process's counters.
#[derive(Default)]
pub struct Monitor {
    routes: Mutex<BTreeMap<(String, String), Series>>,
    store_errors: AtomicU64,
}

/// The work the use cases counted, as the operators see it.
pub struct Work {
    /// Relay graphs built from a full read of the store.
    pub snapshot_rebuilds: u64,
    /// Relay graphs brought up to date from the change log.
    pub snapshot_updates: u64,
    /// Reach searches made.
    pub reach_searches: u64,
    /// Analyses running now.
    pub analyses_running: usize,
}

impl Monitor {
    fn observe(&self, method: &str, route: &str, status: u16, seconds: f64) {
        let mut routes = self.routes.lock().unwrap_or_else(|e| e.into_inner());
        let series = routes
            .entry((method.to_owned(), route.to_owned()))
            .or_default();
        *series.statuses.entry(status).or_default() += 1;
        let bucket = BUCKETS
            .iter()
            .position(|&bound| seconds <= bound)
            .unwrap_or(BUCKETS.len());
        series.buckets[bucket] += 1;
        series.seconds += seconds;
        series.count += 1;
    }

    /// Everything in the Prometheus text exposition format (version 0.0.4), with the snapshot
    /// rebuilds so far and the analyses running now.
    pub fn render(&self, work: &Work) -> String {
        let Work {
            snapshot_rebuilds,
            snapshot_updates,
            reach_searches,
            analyses_running,
        } = work;
        let mut out = String::new();
        let routes = self.routes.lock().unwrap_or_else(|e| e.into_inner());
        out.push_str(
            "# HELP relaymap_http_requests_total HTTP requests answered, by method, route and status.\n\
             # TYPE relaymap_http_requests_total counter\n",
        );
        for ((method, route), series) in routes.iter() {
            for (status, count) in &series.statuses {
                let _ = writeln!(
                    out,
                    "relaymap_http_requests_total{{method=\"{method}\",route=\"{}\",status=\"{status}\"}} {count}",
                    escape(route)
                );
            }
        }
        out.push_str(
            "# HELP relaymap_http_request_duration_seconds Time to answer a request (until its headers), by method and route.\n\
             # TYPE relaymap_http_request_duration_seconds histogram\n",
        );
        for ((method, route), series) in routes.iter() {
            let labels = format!("method=\"{method}\",route=\"{}\"", escape(route));
            let mut cumulative = 0;
            for (bound, count) in BUCKETS.iter().zip(series.buckets) {
                cumulative += count;
                let _ = writeln!(
                    out,
                    "relaymap_http_request_duration_seconds_bucket{{{labels},le=\"{bound}\"}} {cumulative}"
                );
            }
            let _ = writeln!(
                out,
                "relaymap_http_request_duration_seconds_bucket{{{labels},le=\"+Inf\"}} {}\n\
                 relaymap_http_request_duration_seconds_sum{{{labels}}} {}\n\
                 relaymap_http_request_duration_seconds_count{{{labels}}} {}",
                series.count, series.seconds, series.count
            );
        }
        let _ = write!(
            out,
            "# HELP relaymap_snapshot_rebuilds_total Relay graphs built from a full read of the store.\n\
             # TYPE relaymap_snapshot_rebuilds_total counter\n\
             relaymap_snapshot_rebuilds_total {snapshot_rebuilds}\n\
             # HELP relaymap_snapshot_updates_total Relay graphs brought up to date from the change log.\n\
             # TYPE relaymap_snapshot_updates_total counter\n\
             relaymap_snapshot_updates_total {snapshot_updates}\n\
             # HELP relaymap_reach_searches_total Reach searches made (the pages of one query on one version share one).\n\
             # TYPE relaymap_reach_searches_total counter\n\
             relaymap_reach_searches_total {reach_searches}\n\
             # HELP relaymap_analyses_running Analyses running now (one whose client left stops within a second).\n\
             # TYPE relaymap_analyses_running gauge\n\
             relaymap_analyses_running {analyses_running}\n\
             # HELP relaymap_store_errors_total Requests that failed because the store failed or could not be reached.\n\
             # TYPE relaymap_store_errors_total counter\n\
             relaymap_store_errors_total {}\n",
            self.store_errors.load(Ordering::Relaxed)
        );
        out
    }
}

/// The operators' route: `GET /metrics`, with any token (the counts hold no personal data, and
/// a monitoring system needs no more than a viewer's).
pub fn routes() -> crate::http::access::Routes {
    use crate::http::access::{Access, Routes};
    Routes::new().get("/metrics", Access::Aggregates, get_counts)
}

#[utoipa::path(get, path = "/metrics", tag = "monitoring",
    responses(
        (status = 200,
            description = "Prometheus text: requests by method, route template and status, \
                latencies, snapshot rebuilds, analyses running, store failures. No personal data.",
            content_type = "text/plain", body = String),
        (status = 303, description = "A browser (asking for `text/html`) is sent to the research \
            page, `/research`, which used to live here"),
    ))]
/// The operators' counts in the Prometheus text format; a browser is sent to `/research`.
pub(crate) async fn get_counts(
    axum::extract::State(state): axum::extract::State<crate::http::AppState>,
    headers: axum::http::HeaderMap,
) -> Response {
    use axum::http::header;
    use axum::response::IntoResponse;
    let wants_html = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"));
    if wants_html {
        return axum::response::Redirect::to("/research").into_response();
    }
    let services = &state.services;
    let text = state.monitor.render(&Work {
        snapshot_rebuilds: services.rebuilds(),
        snapshot_updates: services.updates(),
        reach_searches: services.reach_searches(),
        analyses_running: services.budget().running(),
    });
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        text,
    )
        .into_response()
}

/// A label value with `\`, `"` and newlines escaped.
fn escape(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// Records every request: its route template, status and time to answer.
pub async fn record(
    State(monitor): State<std::sync::Arc<Monitor>>,
    request: Request,
    next: Next,
) -> Response {
    let started = Instant::now();
    let method = request.method().as_str().to_owned();
    let path = request.uri().path();
    let route = match request.extensions().get::<MatchedPath>() {
        Some(matched) if !path.starts_with("/static/") && !path.starts_with("/vendor/") => {
            matched.as_str().to_owned()
        }
        _ => route_of(path),
    };
    let response = next.run(request).await;
    if response.extensions().get::<StoreFailed>().is_some() {
        monitor.store_errors.fetch_add(1, Ordering::Relaxed);
    }
    monitor.observe(
        &method,
        &route,
        response.status().as_u16(),
        started.elapsed().as_secs_f64(),
    );
    response
}

/// A label for requests outside the router's templates: static files and libraries by their
/// folder, anything else as unmatched (so that no path, id or probe becomes a label).
fn route_of(path: &str) -> String {
    for prefix in ["/static/", "/vendor/"] {
        if path.starts_with(prefix) {
            return format!("{prefix}*");
        }
    }
    "unmatched".to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histograms_are_cumulative_and_counters_by_status() {
        let monitor = Monitor::default();
        monitor.observe("GET", "/api/v1/stats", 200, 0.003);
        monitor.observe("GET", "/api/v1/stats", 200, 0.2);
        monitor.observe("GET", "/api/v1/stats", 503, 40.0);
        let text = monitor.render(&Work {
            snapshot_rebuilds: 2,
            snapshot_updates: 5,
            reach_searches: 3,
            analyses_running: 1,
        });
        for line in [
            r#"relaymap_http_requests_total{method="GET",route="/api/v1/stats",status="200"} 2"#,
            r#"relaymap_http_requests_total{method="GET",route="/api/v1/stats",status="503"} 1"#,
            r#"relaymap_http_request_duration_seconds_bucket{method="GET",route="/api/v1/stats",le="0.005"} 1"#,
            r#"relaymap_http_request_duration_seconds_bucket{method="GET",route="/api/v1/stats",le="0.25"} 2"#,
            r#"relaymap_http_request_duration_seconds_bucket{method="GET",route="/api/v1/stats",le="30"} 2"#,
            r#"relaymap_http_request_duration_seconds_bucket{method="GET",route="/api/v1/stats",le="+Inf"} 3"#,
            r#"relaymap_http_request_duration_seconds_count{method="GET",route="/api/v1/stats"} 3"#,
            "relaymap_snapshot_rebuilds_total 2",
            "relaymap_snapshot_updates_total 5",
            "relaymap_reach_searches_total 3",
            "relaymap_analyses_running 1",
            "relaymap_store_errors_total 0",
        ] {
            assert!(text.lines().any(|l| l == line), "{line} in\n{text}");
        }
    }

    #[test]
    fn paths_outside_the_routes_never_become_labels() {
        assert_eq!(route_of("/static/css/relaymap.css"), "/static/*");
        assert_eq!(route_of("/vendor/leaflet/leaflet.js"), "/vendor/*");
        assert_eq!(route_of("/m-123/secret"), "unmatched");
        assert_eq!(escape("a\"b\\c"), "a\\\"b\\\\c");
    }
}
