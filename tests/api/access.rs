//! Access control: every route for every role, tokens, analysts' pseudonyms, the audit trail and
//! the security headers.

use relaymap::domain::Role;
use relaymap::http::access::Access;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{client_with, error_of, spawn_app, spawn_app_with};

/// Every route the router holds, called by every role and without a token: 401 without one,
/// 403 for a role the route's rule leaves out, and neither for the roles it lets in. The routes
/// come from the router's own registry, so a new route is walked as soon as it exists (and one
/// without a rule cannot be registered at all).
#[tokio::test]
async fn every_route_answers_each_role_as_its_rule_says() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    let mut callers: Vec<(Option<Role>, Option<String>)> = vec![(None, None)];
    for role in Role::ALL {
        callers.push((Some(role), Some(app.token(role).await)));
    }
    let routes = relaymap::http::routes(relaymap::config::DEFAULT_MAX_IMPORT_BYTES);
    assert!(routes.rules().len() >= 20, "the registry holds the routes");

    for rule in routes.rules() {
        // Path parameters get ids of the seeded network; writes get a body that parses.
        let path = rule.path.replace("{id}", "t-1x");
        for (role, token) in &callers {
            let client = match token {
                Some(token) => client_with(token),
                None => reqwest::Client::new(),
            };
            let mut request = client.request(rule.method.clone(), app.url(&path));
            if rule.method == Method::POST || rule.method == Method::PUT {
                request = request.json(&json!({}));
            }
            let response = request.send().await.unwrap();
            let status = response.status();
            let label = format!("{} {} as {role:?}", rule.method, rule.path);
            assert!(!status.is_server_error(), "{label}: {status}");
            match (rule.access, role) {
                (Access::Public, _) => {
                    // The sign-in form refuses a post without its CSRF token (403), whoever sends
                    // it: that is the form's check, not a role's.
                    assert_ne!(status, StatusCode::UNAUTHORIZED, "{label}");
                    if status == StatusCode::FORBIDDEN {
                        assert_eq!((rule.method.as_str(), rule.path), ("POST", "/signin"));
                    }
                }
                (_, None) => {
                    assert_eq!(status, StatusCode::UNAUTHORIZED, "{label}");
                    assert_eq!(response.headers()["www-authenticate"], "Bearer");
                    assert_eq!(error_of(response).await["code"], "unauthenticated");
                }
                (access, Some(role)) if !access.allows(*role) => {
                    assert_eq!(status, StatusCode::FORBIDDEN, "{label}");
                    assert_eq!(error_of(response).await["code"], "forbidden");
                }
                (_, Some(_)) => assert!(
                    status != StatusCode::UNAUTHORIZED && status != StatusCode::FORBIDDEN,
                    "{label}: {status}"
                ),
            }
        }
    }
}

#[tokio::test]
async fn unknown_expired_and_revoked_tokens_are_refused() {
    let app = spawn_app().await;
    let store = relaymap::store::open(app.store_config(), 0).await.unwrap();
    let (expired, expired_secret) = relaymap::app::new_token(
        Role::Coordinator,
        "old laptop".into(),
        Some(relaymap::domain::now() - chrono::Duration::seconds(1)),
    )
    .unwrap();
    store
        .create_token(&expired, &expired_secret.hash())
        .await
        .unwrap();
    let viewer = app.token(Role::Viewer).await;
    let before = app.get_as(Some(&viewer), "/api/v1/stats").await.status();
    let listed = store.tokens().await.unwrap();
    let id = listed
        .iter()
        .find(|t| t.role == Role::Viewer)
        .unwrap()
        .id
        .clone();
    store
        .revoke_token(&id, &relaymap::domain::now())
        .await
        .unwrap();

    assert_eq!(before, StatusCode::OK);
    for token in ["rm_not-a-token", expired_secret.expose(), viewer.as_str()] {
        let response = app.get_as(Some(token), "/api/v1/stats").await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{token:.8}");
    }
}

#[tokio::test]
async fn analysts_get_pseudonyms_and_nobody_without_consent() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    let hidden = json!({"id": "m-3", "kind": "migrant", "name": "Hidden", "languages": ["tir"]});
    assert_eq!(app.post_actor(&hidden).await.status(), StatusCode::CREATED);
    let analyst = app.token(Role::Analyst).await;

    let export = app
        .get_as(Some(&analyst), "/api/v1/export?format=nodelink")
        .await;
    let refused = app
        .get_as(
            Some(&analyst),
            "/api/v1/export?format=json&pseudonymize=false",
        )
        .await;
    let metrics = app
        .get_as(Some(&analyst), "/api/v1/metrics?only=degree")
        .await;
    let coordinator_metrics = app.get("/api/v1/metrics?only=degree").await;

    assert_eq!(export.status(), StatusCode::OK);
    let document: Value = export.json().await.unwrap();
    assert_eq!(document["graph"]["pseudonymized"], true);
    assert!(!document.to_string().contains("Selam"));
    assert_eq!(
        document["nodes"].as_array().unwrap().len(),
        5,
        "m-3 has not consented"
    );
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let metrics = metrics.text().await.unwrap();
    assert!(metrics.starts_with("id,kind,degree\n"));
    assert_eq!(
        metrics.lines().count(),
        5,
        "the four relaying actors that have consented or are not people; m-3 left out"
    );
    for id in ["m-1", "m-2", "m-3", "o-1", "r-1"] {
        assert!(!metrics.contains(id), "{id} in {metrics}");
    }
    let coordinator_metrics = coordinator_metrics.text().await.unwrap();
    assert!(coordinator_metrics.contains("\nm-1,") && coordinator_metrics.contains("\nm-3,"));
}

#[tokio::test]
async fn writes_exports_and_refusals_go_to_the_audit_trail() {
    let app = spawn_app().await;
    let viewer = app.token(Role::Viewer).await;
    app.seed_small_network().await;
    let created = app
        .post_actor(&json!({"id": "m-9", "kind": "migrant", "name": "Amina"}))
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    assert_eq!(
        app.get("/api/v1/export?format=csv").await.status(),
        StatusCode::OK
    );
    let refused = client_with(&viewer)
        .delete(app.url("/api/v1/actors/m-9"))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    app.get_as(Some("rm_wrong"), "/api/v1/stats").await;

    let trail: Value = app.get("/api/v1/audit").await.json().await.unwrap();
    let viewer_trail = app.get_as(Some(&viewer), "/api/v1/audit").await;

    let entries = trail["entries"].as_array().unwrap();
    let line = |e: &Value| {
        format!(
            "{} {} {} {} {}",
            e["who"].as_str().unwrap_or("-"),
            e["role"].as_str().unwrap_or("-"),
            e["action"].as_str().unwrap(),
            e["target"].as_str().unwrap_or("-"),
            e["outcome"].as_str().unwrap()
        )
    };
    let lines: Vec<String> = entries.iter().rev().map(line).collect();
    assert_eq!(
        lines,
        [
            "first admin admin POST /api/v1/import - ok",
            "first admin admin POST /api/v1/actors - ok",
            "first admin admin GET /api/v1/export format=csv ok",
            "test viewer viewer DELETE /api/v1/actors/{id} m-9 forbidden",
            "anonymous - GET /api/v1/stats - unauthenticated",
        ]
    );
    assert!(
        !trail.to_string().contains("Amina"),
        "no personal data in the trail"
    );
    assert_eq!(viewer_trail.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_audit_trail_cannot_be_changed_in_the_database() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    assert_eq!(app.delete("/api/v1/ties/t-5").await.status(), 204);
    let relaymap::store::StoreConfig::Sqlite { path } = app.store_config() else {
        return; // the append-only triggers are SQLite's; Neo4j's trail has no update path
    };
    let connection = rusqlite::Connection::open(path).unwrap();

    let update = connection.execute("UPDATE audit SET outcome = 'ok'", []);
    let retarget = connection.execute("UPDATE audit SET target = 'somebody else'", []);
    let erase_and_change = connection.execute(
        "UPDATE audit SET target = 'erased', who = 'nobody' WHERE target IS NOT NULL",
        [],
    );
    let delete = connection.execute("DELETE FROM audit", []);

    for refused in [update, retarget, erase_and_change, delete] {
        assert!(refused.unwrap_err().to_string().contains("append-only"));
    }
    // The one change erasure makes: a target becomes 'erased', nothing else moves.
    let erased = connection
        .execute(
            "UPDATE audit SET target = 'erased' WHERE target IS NOT NULL",
            [],
        )
        .unwrap();
    assert_eq!(erased, 1, "the tie's deletion names it");
}

#[tokio::test]
async fn every_answer_carries_the_security_headers() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    // Every page and GET route of the router's registry, and a few that are not routes.
    let mut paths: Vec<String> = relaymap::http::routes(relaymap::config::DEFAULT_MAX_IMPORT_BYTES)
        .rules()
        .iter()
        .filter(|rule| rule.method == Method::GET)
        .map(|rule| rule.path.replace("{id}", "m-1"))
        .collect();
    paths.extend(
        [
            "/api/v1/nowhere",
            "/static/css/relaymap.css",
            "/vendor/leaflet/leaflet.js",
        ]
        .map(String::from),
    );
    assert!(paths.iter().any(|p| p == "/signin") && paths.iter().any(|p| p == "/scenario"));

    for path in &paths {
        let path = path.as_str();
        let response = app.get(path).await;
        let headers = response.headers();
        let csp = headers["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("default-src 'self'") && !csp.contains("unsafe-inline"),
            "{path}"
        );
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(headers["referrer-policy"], "no-referrer", "{path}");
        assert_eq!(headers["x-frame-options"], "DENY", "{path}");
    }
}

#[tokio::test]
async fn listening_beyond_loopback_needs_a_proxy_in_front() {
    let (store, _dir) = crate::helpers::fresh_store().await;
    let mut config = relaymap::config::ServeConfig::new(store, "0.0.0.0:0".parse().unwrap());

    let refused = relaymap::app::Application::build(&config).await;
    config.behind_proxy = true;
    let allowed = relaymap::app::Application::build(&config).await;

    let message = format!("{:#}", refused.err().expect("refused"));
    assert!(message.contains("--behind-proxy"), "{message}");
    assert!(allowed.is_ok());
}

#[tokio::test]
async fn a_first_start_makes_one_admin_token_and_a_restart_none() {
    let app = spawn_app_with(|_| {}).await;
    let store = relaymap::store::open(app.store_config(), 0).await.unwrap();
    let first = store.tokens().await.unwrap();

    let app = app.restart().await;

    assert_eq!(first.len(), 1);
    assert_eq!(
        (first[0].role, first[0].label.as_str()),
        (Role::Admin, "first admin")
    );
    assert_eq!(
        store.tokens().await.unwrap().len(),
        1,
        "a restart makes no second admin"
    );
    assert_eq!(app.get("/api/v1/stats").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn two_servers_starting_at_once_on_a_fresh_store_both_start_and_make_one_admin_token() {
    // Two processes behind a proxy, started together on a new SQLite file: both set the file
    // and the schema up, and each finds no admin. The race is in setting a new file up, so it
    // is run on several; then the two start again on the last one.
    let mut last = None;
    for file in 0..6 {
        let dir = tempfile::tempdir().unwrap();
        let sqlite = relaymap::store::StoreConfig::Sqlite {
            path: dir.path().join("relaymap.db"),
        };
        let config =
            relaymap::config::ServeConfig::new(sqlite.clone(), "127.0.0.1:0".parse().unwrap());
        for round in 0..2 {
            let (first, second) = tokio::join!(
                relaymap::app::Application::build(&config),
                relaymap::app::Application::build(&config)
            );
            let (first, second) = (first.unwrap(), second.unwrap());
            let made = [&first, &second]
                .into_iter()
                .filter(|app| app.first_admin().is_some())
                .count();
            assert_eq!(made, usize::from(round == 0), "file {file}, round {round}");
        }
        last = Some((sqlite, dir));
    }
    let (store, _dir) = last.expect("a file was set up");

    // Once that admin is revoked, processes on two connections race to make the next: one does.
    let stores = [
        relaymap::store::open(&store, 0).await.unwrap(),
        relaymap::store::open(&store, 0).await.unwrap(),
    ];
    let admin = stores[0].tokens().await.unwrap().remove(0);
    let at = relaymap::domain::now();
    stores[0].revoke_token(&admin.id, &at).await.unwrap();
    let made = crate::store_contract::first_admins_made(&[&*stores[0], &*stores[1]]).await;
    assert_eq!(made, 1);
}
