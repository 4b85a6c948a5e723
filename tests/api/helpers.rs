//! A real relaymap server on a free port against a fresh SQLite file, and one helper per endpoint.

use std::path::Path;
use std::sync::Once;

use relaymap::app::Application;
use relaymap::config::ServeConfig;
use relaymap::store::StoreConfig;
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

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    stop: Option<oneshot::Sender<()>>,
    server: Option<JoinHandle<std::io::Result<()>>>,
    _dir: Option<TempDir>,
}

/// A server on a fresh, empty database.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// A server on a fresh database, with the configuration adjusted first.
pub async fn spawn_app_with(adjust: impl FnOnce(&mut ServeConfig)) -> TestApp {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let db = dir.path().join("relaymap.db");
    let mut app = spawn_app_on(&db, adjust).await;
    app._dir = Some(dir);
    app
}

/// A server on an existing database file (which outlives the server).
pub async fn spawn_app_on(db: &Path, adjust: impl FnOnce(&mut ServeConfig)) -> TestApp {
    init_tracing();
    let mut config = ServeConfig::new(
        StoreConfig::Sqlite {
            path: db.to_owned(),
        },
        "127.0.0.1:0".parse().expect("an address"),
    );
    adjust(&mut config);
    let app = Application::build(&config)
        .await
        .expect("the application builds");
    let address = format!("http://127.0.0.1:{}", app.port());
    let (stop, stopped) = oneshot::channel::<()>();
    let server = tokio::spawn(app.run_until(async move {
        let _ = stopped.await;
    }));
    TestApp {
        address,
        client: reqwest::Client::new(),
        stop: Some(stop),
        server: Some(server),
        _dir: None,
    }
}

impl TestApp {
    /// Stops the server and waits until it has closed the store.
    pub async fn stop(mut self) {
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
            {"id": "m-2", "kind": "migrant", "name": "Dawit", "languages": ["tir", "eng"], "consent": true,
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
