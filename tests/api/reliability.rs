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
