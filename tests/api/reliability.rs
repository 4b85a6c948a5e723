//! Reliability: readiness, a graceful stop on SIGTERM, crashes (SIGKILL) on every store, and a
//! bounded load.

use std::io::{Read, Write};
use std::process::Command;

use reqwest::StatusCode;

use crate::helpers::spawn_app;
use crate::load_driver::Server;

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
        // On Neo4j: neo4j_only::a_lost_neo4j_gives_503s_writes_nothing_and_is_reconnected_...
        return;
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

/// The store a `relaymap serve` process of these tests runs on: the suite's store (a fresh
/// SQLite file, or the test Neo4j server, wiped).
enum Backing {
    Sqlite(std::path::PathBuf),
    Neo4j(relaymap::store::Neo4jConfig),
}

impl Backing {
    /// A fresh store of the suite's kind; a SQLite file lives in `dir`.
    fn fresh(dir: &std::path::Path) -> Self {
        match crate::helpers::neo4j_config() {
            Some(config) => {
                let runtime = tokio::runtime::Runtime::new().unwrap();
                runtime.block_on(crate::helpers::wipe_neo4j(&config));
                Self::Neo4j(config)
            }
            None => Self::Sqlite(dir.join("relaymap.db")),
        }
    }

    fn config(&self) -> relaymap::store::StoreConfig {
        match self {
            Self::Sqlite(path) => relaymap::store::StoreConfig::Sqlite { path: path.clone() },
            Self::Neo4j(config) => relaymap::store::StoreConfig::Neo4j(config.clone()),
        }
    }

    /// The `serve` command on this store.
    fn command(&self) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_relaymap"));
        command
            .args(["serve", "--bind", "127.0.0.1:0"])
            .env_remove("RELAYMAP_DB")
            .env("RELAYMAP_LOG", "warn");
        match self {
            Self::Sqlite(path) => {
                command.args(["--db", path.to_str().unwrap()]);
            }
            Self::Neo4j(config) => {
                use secrecy::ExposeSecret;
                command
                    .args(["--store", "neo4j", "--neo4j-uri", &config.uri])
                    .env("RELAYMAP_NEO4J_PASSWORD", config.password.expose_secret());
            }
        }
        command
    }
}

impl Server {
    /// Starts `relaymap serve` on the SQLite database `db` and waits until it listens (and, on
    /// a store without tokens, until it has printed the first admin token).
    fn start(db: &std::path::Path) -> Self {
        let fresh = !db.exists() || first_start(db);
        Self::start_on(&Backing::Sqlite(db.to_owned()), fresh)
    }

    /// Starts `relaymap serve` on `backing`; `fresh`: the store has no token yet.
    fn start_on(backing: &Backing, fresh: bool) -> Self {
        Self::spawn(backing.command(), fresh)
    }
}

/// Whether the store at `db` has no token yet (so the server will print one).
fn first_start(db: &std::path::Path) -> bool {
    let store = rusqlite::Connection::open(db).unwrap();
    store
        .query_row("SELECT count(*) FROM tokens", [], |r| r.get::<_, i64>(0))
        .is_ok_and(|n| n == 0)
}

#[test]
fn sigterm_lets_the_request_in_flight_finish_and_closes_the_store_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("relaymap.db");
    let server = Server::start(&db);
    let (address, token) = (server.address.clone(), server.token.clone().unwrap());

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
    server.signal("-TERM");
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

    let mut server = server;
    let status = server.process.wait().unwrap();
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
    // A browser is sent to the research page, which lived here before (#16); a viewer may not
    // read that.
    let no_redirects = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let moved = no_redirects
        .get(app.url("/metrics"))
        .bearer_auth(&viewer)
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(moved.status(), StatusCode::SEE_OTHER);
    assert_eq!(moved.headers()["location"], "/research");
    let page = app.get_as(Some(&viewer), "/research").await;
    assert_eq!(page.status(), StatusCode::FORBIDDEN);
}

/// Sends one request on its own connection; the answer's status and body, or None when the
/// connection broke (the server died under it).
fn send(address: &str, token: &str, method: &str, path: &str, body: &str) -> Option<(u16, String)> {
    let mut stream = std::net::TcpStream::connect(address).ok()?;
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: relaymap\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .ok()?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).ok()?;
    let status = answer.get(9..12)?.parse().ok()?;
    let body = answer.split_once("\r\n\r\n")?.1.to_owned();
    Some((status, body))
}

/// What a store holds after a crash, read through the store itself (so the same checks run on
/// every store), plus SQLite's own integrity checks on a SQLite file.
struct Held {
    /// Actor ids.
    actors: std::collections::HashSet<String>,
    /// Ties with an end that is not an actor.
    dangling: usize,
}

fn held(backing: &Backing) -> Held {
    if let Backing::Sqlite(db) = backing {
        let check = rusqlite::Connection::open(db).unwrap();
        let verdict: String = check
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(verdict, "ok");
        let dangling: i64 = check
            .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(dangling, 0, "SQLite's foreign keys hold");
    }
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let store = relaymap::store::open(&backing.config(), 0).await.unwrap();
        let network = store.network().await.unwrap();
        let actors: std::collections::HashSet<String> = network
            .actors
            .iter()
            .map(|a| a.id.as_str().to_owned())
            .collect();
        let dangling = network
            .ties
            .iter()
            .filter(|t| !actors.contains(t.source.as_str()) || !actors.contains(t.target.as_str()))
            .count();
        store.close().await.unwrap();
        Held { actors, dangling }
    })
}

#[test]
fn a_server_killed_mid_import_and_mid_writes_restarts_consistent() {
    let dir = tempfile::tempdir().unwrap();
    let backing = Backing::fresh(dir.path());
    let first = Server::start_on(&backing, true);
    let token = first.token.clone().unwrap();
    let mut server = first;
    let mut acknowledged: Vec<String> = Vec::new();
    let mut cut_off = 0;
    let import_size = 20_000;
    // Three kills, each at another moment of a large import and a burst of single writes. The
    // import ties its actors in a chain, so a half-written import would also leave ties.
    // Neo4j is slower to write: its kills come later, so that writes are acknowledged before
    // them and the last import is answered first.
    let delays = match backing {
        Backing::Sqlite(_) => [50u64, 400, 1200],
        Backing::Neo4j(_) => [500, 3000, 12000],
    };
    for (round, delay) in delays.into_iter().enumerate() {
        let address = server.address.clone();
        let import = {
            let (address, token) = (address.clone(), token.clone());
            let actors: Vec<serde_json::Value> = (0..import_size)
                .map(|i| serde_json::json!({"id": format!("o-{round}x{i}"), "kind": "organisation", "name": "Hall"}))
                .collect();
            let ties: Vec<serde_json::Value> = (1..import_size)
                .step_by(4)
                .map(|i| {
                    serde_json::json!({"source": format!("o-{round}x{}", i - 1),
                    "target": format!("o-{round}x{i}"), "kind": "partners_with"})
                })
                .collect();
            let body = serde_json::json!({"actors": actors, "ties": ties}).to_string();
            std::thread::spawn(move || send(&address, &token, "POST", "/api/v1/import", &body))
        };
        let writes = {
            let (address, token) = (address.clone(), token.clone());
            std::thread::spawn(move || {
                let mut done = Vec::new();
                for i in 0.. {
                    let id = format!("r-{round}w{i}");
                    let body = serde_json::json!({"id": id, "kind": "responder", "name": "Crew"})
                        .to_string();
                    match send(&address, &token, "POST", "/api/v1/actors", &body) {
                        Some((201, _)) => done.push(id),
                        Some((status, body)) => panic!("{status} {body}"),
                        None => return done,
                    }
                }
                done
            })
        };
        std::thread::sleep(std::time::Duration::from_millis(delay));
        server.signal("-KILL");
        server.process.wait().unwrap();
        acknowledged.extend(writes.join().unwrap());
        let imported = import.join().unwrap();

        // Restarted on the same store, the store is whole.
        server = Server::start_on(&backing, false);
        let held = held(&backing);
        assert_eq!(held.dangling, 0, "every tie's ends exist");
        // The import is all there or not at all; acknowledged, it is all there.
        let prefix = format!("o-{round}x");
        let of_import = held
            .actors
            .iter()
            .filter(|id| id.starts_with(&prefix))
            .count();
        assert!(
            of_import == 0 || of_import == import_size,
            "round {round}: {of_import} of the import"
        );
        eprintln!(
            "round {round}: import answered {:?}, {of_import} of it held, {} writes acknowledged",
            imported.as_ref().map(|(status, _)| status),
            acknowledged.len()
        );
        if matches!(imported, Some((200, _))) {
            assert_eq!(of_import, import_size, "an acknowledged import survives");
        } else {
            cut_off += 1;
        }
        // Every acknowledged single write survives.
        for id in &acknowledged {
            assert!(held.actors.contains(id), "{id} was acknowledged and lost");
        }
        let ready = send(&server.address, &token, "GET", "/readyz", "");
        assert_eq!(ready.map(|(status, _)| status), Some(200));
    }
    assert!(
        !acknowledged.is_empty(),
        "writes were acknowledged before the kills"
    );
    assert!(
        cut_off > 0,
        "at least one kill came before its import was answered"
    );
    server.signal("-TERM");
    server.process.wait().unwrap();
}

/// Ids to read and to tie to, and the responders, as the API lists them.
pub async fn known_ids(base: &str, token: &str) -> (Vec<String>, Vec<String>) {
    let client = crate::helpers::client_with(token);
    let ids = |query: &'static str| {
        let client = client.clone();
        let url = format!("{base}/api/v1/actors?{query}");
        async move {
            let page: serde_json::Value =
                client.get(url).send().await.unwrap().json().await.unwrap();
            page["actors"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["id"].as_str().unwrap().to_owned())
                .collect::<Vec<_>>()
        }
    };
    (
        ids("limit=1000").await,
        ids("kind=responder&limit=100").await,
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bounded_load_of_mixed_requests_has_no_errors() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("relaymap.db");
    let demo = Command::new(env!("CARGO_BIN_EXE_relaymap"))
        .args(["demo", "--db", db.to_str().unwrap(), "--migrants", "2000"])
        .env_remove("RELAYMAP_DB")
        .output()
        .unwrap();
    assert!(demo.status.success());
    let served = db.clone();
    let mut server = tokio::task::spawn_blocking(move || Server::start(&served))
        .await
        .unwrap();
    let tokens = crate::load_driver::coordinator_tokens(&db, 8);
    let base = format!("http://{}", server.address);
    let token = server.token.clone().unwrap();
    let (actors, responders) = known_ids(&base, &token).await;
    assert!(actors.len() == 1000 && !responders.is_empty());
    let organisations = || {
        let request = crate::helpers::client_with(&token).get(format!("{base}/api/v1/stats"));
        async move {
            let stats: serde_json::Value = request.send().await.unwrap().json().await.unwrap();
            stats["actors"]["organisation"].as_u64().unwrap()
        }
    };
    let before = organisations().await;

    let target = crate::load_driver::Target {
        bases: vec![base.clone()],
        tokens,
        actors,
        responders,
    };
    let load = crate::load_driver::Load {
        clients: 8,
        duration: std::time::Duration::from_secs(8),
        mix: crate::load_driver::Mix::default(),
        prefix: "t".into(),
    };
    let report = crate::load_driver::run(&target, &load).await;
    let rss = crate::load_driver::rss_kib(server.process.id()).unwrap_or(0);
    eprintln!("server memory after the load: {} MiB", rss / 1024);
    eprintln!("{}", report.table());
    assert!(
        report.errors.is_empty(),
        "{:?}",
        &report.errors[..report.errors.len().min(5)]
    );
    for (k, kind) in crate::load_driver::KINDS.iter().enumerate() {
        assert!(!report.latencies[k].is_empty(), "no {kind} was sent");
    }
    // Every acknowledged write is there.
    let written = report.latencies[2].len() as u64;
    assert_eq!(organisations().await, before + written);
    server.signal("-TERM");
    server.process.wait().unwrap();
}
