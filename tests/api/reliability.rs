//! Reliability: readiness, and a graceful stop on SIGTERM.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};

use reqwest::StatusCode;

use crate::helpers::spawn_app;

#[tokio::test]
async fn readiness_follows_the_store() {
    let app = spawn_app().await;
    let ready = app.get_as(None, "/readyz").await;
    assert_eq!(ready.status(), StatusCode::OK);
    assert_eq!(
        ready.json::<serde_json::Value>().await.unwrap()["status"],
        "ready"
    );
    let Some(db) = app.sqlite_path() else {
        return; // Breaking a Neo4j server on purpose is left to its own harness.
    };
    // The process stays up (healthz), but a store that cannot answer is not ready.
    let outside = rusqlite::Connection::open(&db).unwrap();
    outside
        .execute_batch("ALTER TABLE meta RENAME TO meta_away")
        .unwrap();
    let broken = app.get_as(None, "/readyz").await;
    assert_eq!(broken.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        broken.json::<serde_json::Value>().await.unwrap()["status"],
        "store_failed"
    );
    assert_eq!(app.get_as(None, "/healthz").await.status(), StatusCode::OK);
    outside
        .execute_batch("ALTER TABLE meta_away RENAME TO meta")
        .unwrap();
    assert_eq!(app.get_as(None, "/readyz").await.status(), StatusCode::OK);
}

/// A large import document: `n` organisations.
fn document(n: usize) -> String {
    let actors: Vec<serde_json::Value> = (0..n)
        .map(
            |i| serde_json::json!({"id": format!("o-{i}"), "kind": "organisation", "name": "Hall"}),
        )
        .collect();
    serde_json::json!({"actors": actors}).to_string()
}

#[test]
fn sigterm_lets_the_request_in_flight_finish_and_closes_the_store_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("relaymap.db");
    let mut server = Command::new(env!("CARGO_BIN_EXE_relaymap"))
        .args([
            "serve",
            "--bind",
            "127.0.0.1:0",
            "--db",
            db.to_str().unwrap(),
        ])
        .env_remove("RELAYMAP_DB")
        .env("RELAYMAP_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(server.stdout.take().unwrap()).lines();
    let mut address = None;
    let mut token = None;
    for line in lines.by_ref() {
        let line = line.unwrap();
        if let Some(rest) = line.strip_prefix("relaymap is serving on http://") {
            address = Some(rest.trim_end_matches('/').to_owned());
        } else if line.starts_with("    ") && !line.trim().is_empty() {
            token = Some(line.trim().to_owned());
            break;
        }
    }
    let (address, token) = (address.unwrap(), token.unwrap());

    // Half the request is sent when the signal comes; the rest follows after it.
    let body = document(5000);
    let (first, rest) = body.as_bytes().split_at(body.len() / 2);
    let mut stream = std::net::TcpStream::connect(&address).unwrap();
    write!(
        stream,
        "POST /api/v1/import HTTP/1.1\r\nHost: relaymap\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .unwrap();
    stream.write_all(first).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    let term = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .unwrap();
    assert!(term.success());
    std::thread::sleep(std::time::Duration::from_millis(300));
    // No new connection is taken once the signal has come.
    assert!(
        std::net::TcpStream::connect(&address).is_err(),
        "the listener is closed"
    );
    stream.write_all(rest).unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains(r#""actors_created":5000"#), "{answer}");

    let status = server.wait().unwrap();
    assert!(status.success(), "exits cleanly: {status}");
    // The store was closed cleanly: its write-ahead log folded back in and removed (SQLite does
    // that when the last connection closes), the database whole, with the import in it.
    let wal = dir.path().join("relaymap.db-wal");
    assert!(
        std::fs::metadata(&wal).map_or(true, |m| m.len() == 0),
        "the write-ahead log is left behind"
    );
    let store = rusqlite::Connection::open(&db).unwrap();
    let verdict: String = store
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(verdict, "ok");
    let actors: i64 = store
        .query_row("SELECT count(*) FROM actors", [], |r| r.get(0))
        .unwrap();
    assert_eq!(actors, 5000);
}

/// A metric's value in Prometheus text, by its full series name with labels.
fn sample(text: &str, series: &str) -> f64 {
    text.lines()
        .find_map(|line| line.strip_prefix(series)?.strip_prefix(' '))
        .unwrap_or_else(|| panic!("{series} in\n{text}"))
        .parse()
        .unwrap()
}

#[tokio::test]
async fn prometheus_counts_requests_by_route_latencies_and_snapshot_rebuilds() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    let viewer = app.token(relaymap::domain::Role::Viewer).await;
    let scrape = || async {
        let response = app.get_as(Some(&viewer), "/metrics").await;
        assert_eq!(response.status(), StatusCode::OK);
        assert!(
            response.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/plain; version=0.0.4")
        );
        response.text().await.unwrap()
    };
    let before = scrape().await;
    for _ in 0..3 {
        app.get("/api/v1/actors/m-1").await;
    }
    app.get("/api/v1/actors/m-404").await;
    app.post_json("/api/v1/reach", &serde_json::json!({})).await;
    let after = scrape().await;

    let ok =
        r#"relaymap_http_requests_total{method="GET",route="/api/v1/actors/{id}",status="200"}"#;
    let missing =
        r#"relaymap_http_requests_total{method="GET",route="/api/v1/actors/{id}",status="404"}"#;
    let earlier = |series: &str| {
        if before.lines().any(|l| l.starts_with(series)) {
            sample(&before, series)
        } else {
            0.0
        }
    };
    assert_eq!(sample(&after, ok) - earlier(ok), 3.0);
    assert_eq!(sample(&after, missing) - earlier(missing), 1.0);
    // The histogram is cumulative and ends at the count.
    let labels = r#"method="GET",route="/api/v1/actors/{id}""#;
    let buckets: Vec<f64> = after
        .lines()
        .filter(|l| {
            l.starts_with(&format!(
                "relaymap_http_request_duration_seconds_bucket{{{labels},"
            ))
        })
        .map(|l| l.rsplit(' ').next().unwrap().parse().unwrap())
        .collect();
    assert!(buckets.len() > 5 && buckets.windows(2).all(|w| w[0] <= w[1]));
    let count = sample(
        &after,
        &format!("relaymap_http_request_duration_seconds_count{{{labels}}}"),
    );
    assert_eq!(*buckets.last().unwrap(), count);
    assert!(sample(&after, "relaymap_snapshot_rebuilds_total") >= 1.0);
    assert_eq!(sample(&after, "relaymap_store_errors_total"), 0.0);
    // No id, path or query becomes a label.
    assert!(!after.contains("m-1\"") && !after.contains("m-404"));
    // A browser gets the page instead; a viewer may not read it.
    let page = crate::helpers::client_with(&viewer)
        .get(app.url("/metrics"))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::FORBIDDEN);
}
