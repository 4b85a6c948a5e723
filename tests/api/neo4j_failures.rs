//! A Neo4j lost while serving: requests get a 503 with a JSON error, nothing is half-written, and
//! relaymap reconnects by itself when the server returns. Runs only in the Neo4j run of
//! `tests/run`, which says where the test server lives (RELAYMAP_TEST_NEO4J_HOME, _PORT).

use std::process::Command;
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{error_of, spawn_app};

fn server(args: &[&str]) {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/neo4j/server");
    let status = Command::new(script)
        .args(args)
        .status()
        .expect("the Neo4j test server script runs");
    assert!(status.success(), "tests/neo4j/server {args:?} failed");
}

#[tokio::test]
async fn a_lost_neo4j_gives_503s_writes_nothing_and_is_reconnected_when_it_returns() {
    // Arrange
    let home = std::env::var("RELAYMAP_TEST_NEO4J_HOME")
        .expect("RELAYMAP_TEST_NEO4J_HOME for the Neo4j run");
    let port = std::env::var("RELAYMAP_TEST_NEO4J_PORT")
        .expect("RELAYMAP_TEST_NEO4J_PORT for the Neo4j run");
    let password =
        std::env::var("RELAYMAP_TEST_NEO4J_PASSWORD").expect("RELAYMAP_TEST_NEO4J_PASSWORD");
    let app = spawn_app().await;
    app.seed_small_network().await;
    let before = app.export().await;

    // Act: the server goes away.
    server(&["stop", &home]);
    let read = app.get("/api/v1/stats").await;
    let write = app
        .post_actor(&json!({"id": "m-lost", "kind": "migrant", "name": "Lost"}))
        .await;

    // Assert: clear refusals, not hangs or 500s.
    assert_eq!(read.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(error_of(read).await["code"], "unavailable");
    assert_eq!(write.status(), StatusCode::SERVICE_UNAVAILABLE);

    // Act: the server comes back.
    server(&["start", &home, &port, &password]);
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let response = app.get("/api/v1/stats").await;
        if response.status() == StatusCode::OK {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "relaymap did not reconnect within 60 s"
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
    }

    // Assert: the refused write left no trace, and writes work again.
    assert_eq!(app.export().await, before);
    let again = app
        .post_actor(&json!({"id": "m-back", "kind": "migrant", "name": "Back"}))
        .await;
    assert_eq!(again.status(), StatusCode::CREATED);
}
