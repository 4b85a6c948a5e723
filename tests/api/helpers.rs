//! A real relaymap server on a free port against a fresh SQLite file, and one helper per endpoint.

use std::sync::Once;

use relaymap::app::Application;
use relaymap::config::ServeConfig;
use relaymap::store::{Neo4jConfig, StoreConfig};
use reqwest::{Response, StatusCode};
use serde_json::{Value, json};
use tempfile::TempDir;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

static TRACING: Once = Once::new();

/// Logs are printed only with TEST_LOG=1.
fn init_tracing() {
    TRACING.call_once(|| {
        if std::env::var_os("TEST_LOG").is_some() {
            relaymap::telemetry::init(Default::default(), "relaymap=debug,tower_http=debug");
        }
    });
}

/// Which store the suite runs against: `RELAYMAP_TEST_STORE=neo4j` (with
/// `RELAYMAP_TEST_NEO4J_URI` and `RELAYMAP_TEST_NEO4J_PASSWORD`, set by `tests/run`) or SQLite.
/// Neo4j Community has one database, so its runs are serial and each test starts by wiping it.
pub fn neo4j_config() -> Option<Neo4jConfig> {
    match std::env::var("RELAYMAP_TEST_STORE").as_deref() {
        Ok("neo4j") => {
            let uri = std::env::var("RELAYMAP_TEST_NEO4J_URI")
                .expect("RELAYMAP_TEST_NEO4J_URI for the Neo4j run");
            let password = std::env::var("RELAYMAP_TEST_NEO4J_PASSWORD")
                .expect("RELAYMAP_TEST_NEO4J_PASSWORD for the Neo4j run");
            Some(Neo4jConfig {
                uri,
                user: "neo4j".into(),
                password: password.into(),
                database: None,
                // Small, so the demo city crosses many batch and page boundaries.
                batch_size: 700,
                timeout: std::time::Duration::from_secs(60),
            })
        }
        Ok("sqlite") | Err(_) => None,
        Ok(other) => panic!("unknown RELAYMAP_TEST_STORE {other:?}"),
    }
}

/// Deletes everything in the test Neo4j database, in chunks so a large test network fits in memory.
pub async fn wipe_neo4j(config: &Neo4jConfig) {
    use secrecy::ExposeSecret;
    let graph = neo4rs::Graph::new(&config.uri, &config.user, config.password.expose_secret())
        .expect("a Neo4j config");
    loop {
        let mut txn = graph.start_txn().await.expect("a Neo4j transaction");
        let mut rows = txn
            .execute(neo4rs::query(
                "MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS n",
            ))
            .await
            .expect("wiping Neo4j");
        let row = rows
            .next(txn.handle())
            .await
            .expect("a count")
            .expect("a row");
        let deleted: i64 = row.get("n").expect("a count");
        txn.commit().await.expect("a commit");
        if deleted == 0 {
            break;
        }
    }
}

/// A fresh, empty store of the backend under test; the returned guard keeps it alive.
pub async fn fresh_store() -> (StoreConfig, Option<TempDir>) {
    match neo4j_config() {
        Some(config) => {
            wipe_neo4j(&config).await;
            (StoreConfig::Neo4j(config), None)
        }
        None => {
            let dir = tempfile::tempdir().expect("a temporary folder");
            (
                StoreConfig::Sqlite {
                    path: dir.path().join("relaymap.db"),
                },
                Some(dir),
            )
        }
    }
}

pub struct TestApp {
    pub address: String,
    /// Sends the admin token made at first start with every request.
    pub client: reqwest::Client,
    /// The secret of that admin token.
    pub admin_token: String,
    config: ServeConfig,
    stop: Option<oneshot::Sender<()>>,
    server: Option<JoinHandle<std::io::Result<()>>>,
    dir: Option<TempDir>,
}

/// A server on a fresh, empty store.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// A server on a fresh, empty SQLite store, whatever store the suite runs on (for a second store
/// beside the suite's: its Neo4j has one database).
pub async fn spawn_app_on_sqlite() -> TestApp {
    init_tracing();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let store = StoreConfig::Sqlite {
        path: dir.path().join("relaymap.db"),
    };
    let config = ServeConfig::new(store, "127.0.0.1:0".parse().expect("an address"));
    start(config, Some(dir), None).await
}

/// A server on a fresh, empty store, with the configuration adjusted first.
pub async fn spawn_app_with(adjust: impl FnOnce(&mut ServeConfig)) -> TestApp {
    init_tracing();
    let (store, dir) = fresh_store().await;
    let mut config = ServeConfig::new(store, "127.0.0.1:0".parse().expect("an address"));
    adjust(&mut config);
    start(config, dir, None).await
}

/// A client that sends `token` as its bearer token.
pub fn client_with(token: &str) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        reqwest::header::AUTHORIZATION,
        format!("Bearer {token}").parse().expect("a header value"),
    );
    reqwest::Client::builder()
        .default_headers(headers)
        .build()
        .expect("a client")
}

async fn start(config: ServeConfig, dir: Option<TempDir>, admin: Option<String>) -> TestApp {
    let app = Application::build(&config)
        .await
        .expect("the application builds");
    let admin_token = app
        .first_admin()
        .map(|s| s.expose().to_owned())
        .or(admin)
        .expect("a fresh store gets a first admin token");
    let address = format!("http://127.0.0.1:{}", app.port());
    let (stop, stopped) = oneshot::channel::<()>();
    let server = tokio::spawn(app.run_until(async move {
        let _ = stopped.await;
    }));
    TestApp {
        address,
        client: client_with(&admin_token),
        admin_token,
        config,
        stop: Some(stop),
        server: Some(server),
        dir,
    }
}

impl TestApp {
    /// Stops the server and waits until it has closed the store.
    /// The SQLite database the server uses (None on Neo4j).
    pub fn sqlite_path(&self) -> Option<std::path::PathBuf> {
        match &self.config.store {
            relaymap::store::StoreConfig::Sqlite { path } => Some(path.clone()),
            _ => None,
        }
    }

    pub async fn stop(mut self) {
        self.shut_down().await;
    }

    async fn shut_down(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(server) = self.server.take() {
            server
                .await
                .expect("the server task ends")
                .expect("the server stops cleanly");
        }
    }

    /// Another server process's worth of the service on the same store (same configuration), as
    /// a second `relaymap serve` behind a proxy would be.
    pub async fn another_server(&self) -> TestApp {
        let mut config = self.config.clone();
        config.bind = "127.0.0.1:0".parse().expect("an address");
        start(config, None, Some(self.admin_token.clone())).await
    }

    /// Stops the server and starts a new one on the same store.
    pub async fn restart(mut self) -> TestApp {
        self.shut_down().await;
        let mut config = self.config.clone();
        config.bind = "127.0.0.1:0".parse().expect("an address");
        start(config, self.dir.take(), Some(self.admin_token.clone())).await
    }

    /// Stops the server, runs `meanwhile` (a browser working offline), and starts it again on
    /// the same store and the same port, as an operator restarting the service would.
    pub async fn stopped_while<F: std::future::Future<Output = ()>>(
        mut self,
        meanwhile: F,
    ) -> TestApp {
        self.shut_down().await;
        meanwhile.await;
        let mut config = self.config.clone();
        config.bind = self
            .address
            .trim_start_matches("http://")
            .parse()
            .expect("the address the server had");
        start(config, self.dir.take(), Some(self.admin_token.clone())).await
    }

    /// Makes a token of a role through the store, as `relaymap token create` does; its secret.
    pub async fn token(&self, role: relaymap::domain::Role) -> String {
        let store = relaymap::store::open(&self.config.store, 0)
            .await
            .expect("the store opens");
        let (token, secret) =
            relaymap::app::new_token(role, format!("test {role}"), None).expect("a token");
        store
            .create_token(&token, &secret.hash())
            .await
            .expect("the token is stored");
        secret.expose().to_owned()
    }

    /// A GET with another token (or none).
    pub async fn get_as(&self, token: Option<&str>, path: &str) -> Response {
        let client = match token {
            Some(token) => client_with(token),
            None => reqwest::Client::new(),
        };
        client
            .get(self.url(path))
            .send()
            .await
            .expect("GET is answered")
    }

    /// A GET with another token, read as JSON.
    pub async fn json_as(&self, token: &str, path: &str) -> Value {
        let response = self.get_as(Some(token), path).await;
        assert!(
            response.status().is_success(),
            "GET {path}: {}",
            response.status()
        );
        response.json().await.expect("a JSON body")
    }

    /// The store the server runs on.
    pub fn store_config(&self) -> &StoreConfig {
        &self.config.store
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("GET is answered")
    }

    pub async fn post_json(&self, path: &str, body: &Value) -> Response {
        self.client
            .post(self.url(path))
            .json(body)
            .send()
            .await
            .expect("POST is answered")
    }

    pub async fn put_json(&self, path: &str, body: &Value) -> Response {
        self.client
            .put(self.url(path))
            .json(body)
            .send()
            .await
            .expect("PUT is answered")
    }

    pub async fn delete(&self, path: &str) -> Response {
        self.client
            .delete(self.url(path))
            .send()
            .await
            .expect("DELETE is answered")
    }

    pub async fn post_actor(&self, body: &Value) -> Response {
        self.post_json("/api/v1/actors", body).await
    }

    pub async fn post_tie(&self, body: &Value) -> Response {
        self.post_json("/api/v1/ties", body).await
    }

    pub async fn import_json(&self, document: &Value) -> Response {
        self.post_json("/api/v1/import", document).await
    }

    pub async fn import_csv(&self, actors: Option<&str>, ties: Option<&str>) -> Response {
        let mut form = reqwest::multipart::Form::new();
        if let Some(actors) = actors {
            form = form.part(
                "actors",
                reqwest::multipart::Part::text(actors.to_owned()).file_name("actors.csv"),
            );
        }
        if let Some(ties) = ties {
            form = form.part(
                "ties",
                reqwest::multipart::Part::text(ties.to_owned()).file_name("ties.csv"),
            );
        }
        self.client
            .post(self.url("/api/v1/import"))
            .multipart(form)
            .send()
            .await
            .expect("import is answered")
    }

    /// The whole network as the export document, as text.
    pub async fn export(&self) -> String {
        let response = self.get("/api/v1/export?format=json").await;
        assert_eq!(response.status(), StatusCode::OK);
        response.text().await.expect("an export body")
    }

    pub async fn stats(&self) -> Value {
        let response = self.get("/api/v1/stats").await;
        assert_eq!(response.status(), StatusCode::OK);
        response.json().await.expect("stats JSON")
    }

    /// Writes a small valid network: a city, a responder, an organisation and two migrants.
    pub async fn seed_small_network(&self) {
        let response = self.import_json(&small_network()).await;
        assert_eq!(
            response.status(),
            StatusCode::OK,
            "{}",
            response.text().await.unwrap_or_default()
        );
    }
}

/// A city, a responder, an organisation, two migrants and ties of each kind.
pub fn small_network() -> Value {
    json!({
        "actors": [
            {"id": "c-1", "kind": "city", "name": "Port Aster"},
            {"id": "r-1", "kind": "responder", "name": "Fire service", "languages": ["eng"], "city": "c-1",
             "location": {"lat": 44.1, "lon": 8.2}, "channels": ["phone", "radio"]},
            {"id": "o-1", "kind": "organisation", "name": "Eritrean Community Association",
             "languages": ["tir", "eng"], "city": "c-1", "channels": ["phone", "whatsapp"]},
            {"id": "m-1", "kind": "migrant", "name": "Selam", "languages": ["tir"], "city": "c-1",
             "location": {"lat": 44.11, "lon": 8.21}, "channels": ["whatsapp"], "consent": true},
            {"id": "m-2", "kind": "migrant", "name": "Dawit", "languages": ["tir", "eng"],
             "consent_record": {"purposes": ["warnings", "research"], "recorded_on": "2026-04-02",
                                "recorded_by": "Field team 1", "expires": "2099-04-02"},
             "attributes": {"household": 4}}
        ],
        "ties": [
            {"id": "t-1", "source": "m-1", "target": "m-2", "kind": "knows", "trust": 0.9, "channels": ["whatsapp"]},
            {"id": "t-2", "source": "m-1", "target": "o-1", "kind": "member_of", "last_verified": "2026-05-01"},
            {"id": "t-3", "source": "o-1", "target": "r-1", "kind": "partners_with", "trust": 0.7},
            {"id": "t-4", "source": "r-1", "target": "m-2", "kind": "serves", "note": "case worker"},
            {"id": "t-5", "source": "m-1", "target": "c-1", "kind": "located_in", "trust": 1}
        ]
    })
}

/// Where a migrant's location is stored: snapped to the default grid of
/// `RELAYMAP_PERSON_PRECISION_M`, as `{"lat", "lon"}`.
pub fn stored_home(lat: f64, lon: f64) -> Value {
    let metres = f64::from(relaymap::store::DEFAULT_PERSON_PRECISION_M);
    let cell = relaymap::domain::Location::parse(lat, lon)
        .expect("a location")
        .snapped(metres);
    assert!(
        (cell.lat(), cell.lon()) != (lat, lon),
        "the grid moves this location"
    );
    json!({"lat": cell.lat(), "lon": cell.lon()})
}

/// Reads an error body and checks its shape: `{"error": {"code", "message", ...}}`.
pub async fn error_of(response: Response) -> Value {
    let body: Value = response.json().await.expect("an error body in JSON");
    let error = body.get("error").cloned().expect("an \"error\" object");
    assert!(error["code"].is_string(), "error code in {body}");
    assert!(
        error["message"].as_str().is_some_and(|m| !m.is_empty()),
        "error message in {body}"
    );
    error
}

/// A SQLite store file as relaymap left it after its first `migrations` schema migrations, for
/// tests of the migrations after them.
pub fn sqlite_migrated_to(path: &std::path::Path, migrations: usize) -> rusqlite::Connection {
    let connection = rusqlite::Connection::open(path).unwrap();
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("graph-schema/sqlite");
    let mut files: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sql"))
        .collect();
    files.sort();
    for file in &files[..migrations] {
        connection
            .execute_batch(&std::fs::read_to_string(file).unwrap())
            .unwrap();
    }
    connection
        .pragma_update(None, "user_version", migrations as i64)
        .unwrap();
    connection
}

/// A GeoPackage export opened read-only (SQLite reads files, so its bytes are written to a
/// temporary one first).
pub struct GeoPackage {
    pub db: rusqlite::Connection,
    _dir: TempDir,
}

impl GeoPackage {
    pub fn open(bytes: &[u8]) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("export.gpkg");
        std::fs::write(&path, bytes).unwrap();
        let db = rusqlite::Connection::open_with_flags(
            &path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
        )
        .expect("an SQLite file");
        Self { db, _dir: dir }
    }

    /// One number from a query.
    pub fn count(&self, sql: &str) -> i64 {
        self.db.query_row(sql, [], |row| row.get(0)).unwrap()
    }

    /// The column names of a table, with their declared types.
    pub fn columns(&self, table: &str) -> Vec<(String, String)> {
        let mut statement = self
            .db
            .prepare(&format!("PRAGMA table_info(\"{table}\")"))
            .unwrap();
        statement
            .query_map([], |row| Ok((row.get(1)?, row.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    }

    /// Every row of every table as text, geometries as their coordinates: all that a reader of
    /// the file could find in it.
    pub fn text(&self) -> String {
        let mut statement = self
            .db
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
            .unwrap();
        let tables: Vec<String> = statement
            .query_map([], |row| row.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let mut text = String::new();
        for table in tables {
            let mut statement = self
                .db
                .prepare(&format!("SELECT * FROM \"{table}\""))
                .unwrap();
            let width = statement.column_count();
            let mut rows = statement.query([]).unwrap();
            while let Some(row) = rows.next().unwrap() {
                for i in 0..width {
                    use rusqlite::types::ValueRef;
                    let cell = match row.get_ref(i).unwrap() {
                        ValueRef::Null => String::new(),
                        ValueRef::Integer(n) => n.to_string(),
                        ValueRef::Real(x) => x.to_string(),
                        ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
                        ValueRef::Blob(b) => gpkg_points(b)
                            .iter()
                            .map(|(x, y)| format!("{x} {y}"))
                            .collect::<Vec<_>>()
                            .join(", "),
                    };
                    text.push_str(&cell);
                    text.push('\t');
                }
                text.push('\n');
            }
        }
        text
    }
}

/// The points (x, y) of a GeoPackage binary geometry, checking its header on the way: "GP",
/// version 0, little-endian, SRS 4326, then little-endian WKB of points, lines, polygons or
/// multipolygons.
pub fn gpkg_points(blob: &[u8]) -> Vec<(f64, f64)> {
    assert_eq!(&blob[..3], b"GP\0", "a GeoPackage geometry");
    let flags = blob[3];
    assert_eq!(flags & 1, 1, "little-endian");
    let envelope = match (flags >> 1) & 0b111 {
        0 => 0,
        1 => 32,
        2 | 3 => 48,
        _ => 64,
    };
    assert_eq!(i32::from_le_bytes(blob[4..8].try_into().unwrap()), 4326);
    let mut wkb = &blob[8 + envelope..];
    let mut points = Vec::new();
    fn take<'a>(wkb: &mut &'a [u8], n: usize) -> &'a [u8] {
        let (head, rest) = wkb.split_at(n);
        *wkb = rest;
        head
    }
    fn number(wkb: &mut &[u8]) -> usize {
        u32::from_le_bytes(take(wkb, 4).try_into().unwrap()) as usize
    }
    fn point(wkb: &mut &[u8], points: &mut Vec<(f64, f64)>) {
        let x = f64::from_le_bytes(take(wkb, 8).try_into().unwrap());
        let y = f64::from_le_bytes(take(wkb, 8).try_into().unwrap());
        points.push((x, y));
    }
    fn geometry(wkb: &mut &[u8], points: &mut Vec<(f64, f64)>) {
        assert_eq!(take(wkb, 1), [1], "little-endian WKB");
        match number(wkb) {
            1 => point(wkb, points),
            2 => (0..number(wkb)).for_each(|_| point(wkb, points)),
            3 => {
                for _ in 0..number(wkb) {
                    (0..number(wkb)).for_each(|_| point(wkb, points));
                }
            }
            6 => (0..number(wkb)).for_each(|_| geometry(wkb, points)),
            other => panic!("WKB type {other}"),
        }
    }
    geometry(&mut wkb, &mut points);
    assert!(wkb.is_empty(), "nothing after the geometry");
    points
}

/// A page's HTML without the scripts' words (`<script type="application/json" id="messages">`,
/// every `js-` message of the page's language, on every page): what the page itself says.
pub fn shown(html: &str) -> String {
    const OPEN: &str = "<script type=\"application/json\" id=\"messages\">";
    match html.find(OPEN) {
        Some(start) => {
            let end = html[start..]
                .find("</script>")
                .map_or(html.len(), |e| start + e + "</script>".len());
            format!("{}{}", &html[..start], &html[end..])
        }
        None => html.to_owned(),
    }
}
