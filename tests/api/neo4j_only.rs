//! Tests that need the real Neo4j server itself: losing it while serving, and copying networks
//! between SQLite and Neo4j. They run only in the Neo4j run of `tests/run`, which says where the
//! test server lives (RELAYMAP_TEST_NEO4J_URI, _PASSWORD, _HOME, _PORT); a plain `cargo test`
//! leaves them out (ignored).

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
#[ignore = "needs the Neo4j server that tests/run starts"]
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
    // The process is up, but not ready.
    assert_eq!(app.get_as(None, "/healthz").await.status(), StatusCode::OK);
    let ready = app.get_as(None, "/readyz").await;
    assert_eq!(ready.status(), StatusCode::SERVICE_UNAVAILABLE);
    let reason = ready.json::<serde_json::Value>().await.unwrap()["status"].clone();
    assert!(
        reason == "store_failed" || reason == "store_timeout",
        "{reason}"
    );

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

    // Assert: ready again, the refused write left no trace, and writes work again.
    assert_eq!(app.get_as(None, "/readyz").await.status(), StatusCode::OK);
    assert_eq!(app.export().await, before);
    let again = app
        .post_actor(&json!({"id": "m-back", "kind": "migrant", "name": "Back"}))
        .await;
    assert_eq!(again.status(), StatusCode::CREATED);
}

fn relaymap(args: &[&str], password_file: &std::path::Path) -> std::process::Output {
    let uri = std::env::var("RELAYMAP_TEST_NEO4J_URI")
        .expect("RELAYMAP_TEST_NEO4J_URI for the Neo4j run");
    Command::new(env!("CARGO_BIN_EXE_relaymap"))
        .args(args)
        .env("RELAYMAP_NEO4J_URI", uri)
        .env("RELAYMAP_NEO4J_PASSWORD_FILE", password_file)
        .env_remove("RELAYMAP_STORE")
        .env_remove("RELAYMAP_DB")
        .output()
        .expect("the relaymap binary runs")
}

#[tokio::test]
#[ignore = "needs the Neo4j server that tests/run starts"]
async fn copying_sqlite_to_neo4j_and_back_keeps_the_exported_document_identical() {
    // Arrange: a demo city in SQLite, and an empty Neo4j.
    let config = crate::helpers::neo4j_config().expect("the Neo4j run");
    crate::helpers::wipe_neo4j(&config).await;
    let dir = tempfile::tempdir().unwrap();
    let password = dir.path().join("password");
    std::fs::write(
        &password,
        format!(
            "{}\n",
            std::env::var("RELAYMAP_TEST_NEO4J_PASSWORD").unwrap()
        ),
    )
    .unwrap();
    let sqlite = dir.path().join("first.db");
    let back = dir.path().join("back.db");
    let sqlite = sqlite.to_str().unwrap();
    let back = back.to_str().unwrap();
    let run = |args: &[&str]| {
        let output = relaymap(args, &password);
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        output
    };
    run(&["demo", "--db", sqlite, "--migrants", "400", "--seed", "3"]);
    let from_sqlite = run(&["export", "--db", sqlite]).stdout;

    // Act
    let copy = run(&[
        "copy",
        "--from",
        &format!("sqlite:{sqlite}"),
        "--to",
        "neo4j",
    ]);
    let from_neo4j = run(&["export", "--store", "neo4j"]).stdout;
    run(&["copy", "--from", "neo4j", "--to", &format!("sqlite:{back}")]);
    let from_back = run(&["export", "--db", back]).stdout;

    // Assert
    assert!(String::from_utf8_lossy(&copy.stderr).contains("checksum sha256:"));
    assert_eq!(
        String::from_utf8(from_neo4j).unwrap(),
        String::from_utf8(from_sqlite.clone()).unwrap()
    );
    assert_eq!(from_back, from_sqlite);
    let again = relaymap(
        &[
            "copy",
            "--from",
            &format!("sqlite:{sqlite}"),
            "--to",
            "neo4j",
        ],
        &password,
    );
    assert!(
        !again.status.success(),
        "a copy into a non-empty store is refused"
    );
}

#[test]
#[ignore = "needs the Neo4j server that tests/run starts"]
fn a_named_database_is_used_and_a_missing_one_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let password = dir.path().join("password");
    std::fs::write(
        &password,
        std::env::var("RELAYMAP_TEST_NEO4J_PASSWORD").unwrap(),
    )
    .unwrap();

    let named = relaymap(
        &["migrate-schema", "--store", "neo4j", "--database", "neo4j"],
        &password,
    );
    let missing = relaymap(
        &["export", "--store", "neo4j", "--database", "nosuchdatabase"],
        &password,
    );

    assert!(
        named.status.success(),
        "{}",
        String::from_utf8_lossy(&named.stderr)
    );
    assert!(!missing.status.success());
    let message = String::from_utf8_lossy(&missing.stderr);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(
        message.contains("nosuchdatabase") || message.contains("Database"),
        "{message}"
    );
}

#[tokio::test]
#[ignore = "needs the Neo4j server that tests/run starts"]
async fn a_neo4j_store_made_before_purposes_is_migrated_yes_to_every_purpose_no_to_none() {
    use secrecy::ExposeSecret;
    let config = crate::helpers::neo4j_config().expect("the Neo4j run");
    crate::helpers::wipe_neo4j(&config).await;
    // Actors as relaymap wrote them before consent had purposes: a yes/no property.
    let graph =
        neo4rs::Graph::new(&config.uri, &config.user, config.password.expose_secret()).unwrap();
    for (id, consent) in [("m-yes", true), ("m-no", false)] {
        graph
            .run(
                neo4rs::query(
                    "CREATE (a:Actor:Migrant {id: $id, kind: 'migrant', name: 'Ada', languages: [], \
                     channels: [], consent: $consent, attributes: '{}', \
                     created_at: datetime(), updated_at: datetime()})",
                )
                .param("id", id)
                .param("consent", consent),
            )
            .await
            .unwrap();
    }
    let store = relaymap::store::open(&relaymap::store::StoreConfig::Neo4j(config.clone()), 0)
        .await
        .expect("the old store opens and is migrated");
    let read = |id: &str| relaymap::domain::ActorId::parse(id).unwrap();
    let yes = store.get_actor(&read("m-yes")).await.unwrap().unwrap();
    assert_eq!(yes.consent, relaymap::domain::Consent::every_purpose());
    let no = store.get_actor(&read("m-no")).await.unwrap().unwrap();
    assert_eq!(no.consent, relaymap::domain::Consent::none());
    crate::helpers::wipe_neo4j(&config).await;
}

#[tokio::test]
#[ignore = "needs the Neo4j server that tests/run starts"]
async fn a_neo4j_store_made_before_the_twin_rule_keeps_the_freshest_of_each_twin() {
    use secrecy::ExposeSecret;
    let config = crate::helpers::neo4j_config().expect("the Neo4j run");
    crate::helpers::wipe_neo4j(&config).await;
    // Twins as relaymap let them be written before the rule.
    let graph =
        neo4rs::Graph::new(&config.uri, &config.user, config.password.expose_secret()).unwrap();
    graph
        .run(neo4rs::query(
            "CREATE (m:Actor:Migrant {id: 'm-1', kind: 'migrant', name: 'Ada', languages: [], \
             channels: [], attributes: '{}', created_at: datetime(), updated_at: datetime()}), \
             (o:Actor:Organisation {id: 'o-1', kind: 'organisation', name: 'Club', languages: [], \
             channels: [], attributes: '{}', created_at: datetime(), updated_at: datetime()}), \
             (m)-[:MEMBER_OF {id: 't-1', trust: 0.7, channels: [], last_verified: date('2026-02-01'), \
             created_at: datetime(), updated_at: datetime()}]->(o), \
             (m)-[:MEMBER_OF {id: 't-2', trust: 0.94, channels: [], last_verified: date('2026-05-01'), \
             created_at: datetime(), updated_at: datetime()}]->(o), \
             (m)-[:MEMBER_OF {id: 't-3', trust: 1.0, channels: [], \
             created_at: datetime(), updated_at: datetime()}]->(o), \
             (o)-[:SERVES {id: 't-4', trust: 0.5, channels: [], \
             created_at: datetime(), updated_at: datetime()}]->(m), \
             (:RelaymapMeta {key: 'version', value: 0}), \
             (:RelaymapMeta {key: 'changes_from', value: 0})",
        ))
        .await
        .unwrap();
    let store = relaymap::store::open(&relaymap::store::StoreConfig::Neo4j(config.clone()), 0)
        .await
        .expect("the old store opens and is migrated");
    crate::ties::assert_freshest_twin_kept(store.as_ref()).await;
    crate::helpers::wipe_neo4j(&config).await;
}
