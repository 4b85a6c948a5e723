use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{error_of, spawn_app};

#[tokio::test]
async fn a_tie_is_created_read_replaced_and_deleted() {
    let app = spawn_app().await;
    app.seed_small_network().await;

    let created = app
        .post_tie(&json!({"id": "t-9", "source": "o-1", "target": "m-1", "kind": "serves", "trust": 0.6,
                          "channels": ["phone"], "last_verified": "2026-09-30", "note": "weekly visit"}))
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    assert_eq!(created.headers()["location"], "/api/v1/ties/t-9");

    let read: Value = app.get("/api/v1/ties/t-9").await.json().await.unwrap();
    assert_eq!(read["trust"], 0.6);
    assert_eq!(read["last_verified"], "2026-09-30");
    assert_eq!(read["note"], "weekly visit");

    let replaced = app
        .put_json(
            "/api/v1/ties/t-9",
            &json!({"source": "o-1", "target": "m-2", "kind": "serves"}),
        )
        .await;
    assert_eq!(replaced.status(), StatusCode::OK);
    let replaced: Value = replaced.json().await.unwrap();
    assert_eq!(replaced["target"], "m-2");
    assert_eq!(replaced["trust"], 0.5, "trust defaults to 0.5");
    assert_eq!(replaced["note"], Value::Null);

    assert_eq!(
        app.delete("/api/v1/ties/t-9").await.status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        app.get("/api/v1/ties/t-9").await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn ties_can_be_filtered_by_kind_and_actor() {
    let app = spawn_app().await;
    app.seed_small_network().await;

    let ids = |body: Value| -> Vec<String> {
        body["ties"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let by_kind: Value = app
        .get("/api/v1/ties?kind=knows")
        .await
        .json()
        .await
        .unwrap();
    let by_actor: Value = app
        .get("/api/v1/ties?actor=o-1")
        .await
        .json()
        .await
        .unwrap();
    let both: Value = app
        .get("/api/v1/ties?actor=m-1&kind=member_of")
        .await
        .json()
        .await
        .unwrap();

    assert_eq!(ids(by_kind), ["t-1"]);
    assert_eq!(ids(by_actor), ["t-2", "t-3"]);
    assert_eq!(ids(both), ["t-2"]);
}

#[tokio::test]
async fn a_twin_tie_is_refused_in_one_write_against_the_store_and_on_replacing() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    let before = app.export().await;

    // Two ties of one kind from m-2 to m-1 in one import: the second row is named.
    let response = app
        .import_json(&json!({"ties": [
            {"id": "t-50", "source": "m-2", "target": "m-1", "kind": "knows", "trust": 0.7},
            {"id": "t-51", "source": "m-2", "target": "m-1", "kind": "knows", "trust": 0.94}
        ]}))
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error = error_of(response).await;
    let row = &error["rows"][0];
    assert_eq!(
        (&row["line"], &row["code"]),
        (&json!(2), &json!("twin_tie"))
    );
    assert!(
        row["reason"].as_str().unwrap().contains("t-50"),
        "the message names the tie to update instead: {error}"
    );

    // A replacement that would make t-1 a twin of t-2 (m-1 member_of o-1) is refused.
    let twin = app
        .put_json(
            "/api/v1/ties/t-1",
            &json!({"source": "m-1", "target": "o-1", "kind": "member_of"}),
        )
        .await;
    assert_eq!(twin.status(), StatusCode::CONFLICT);
    let error = error_of(twin).await;
    assert_eq!(error["code"], "twin_tie", "{error}");
    assert_eq!(app.export().await, before, "nothing written");

    // The other direction and another kind are not twins.
    for (id, source, target, kind) in [
        ("t-52", "m-2", "m-1", "knows"),
        ("t-53", "o-1", "m-1", "serves"),
    ] {
        let created = app
            .post_tie(&json!({"id": id, "source": source, "target": target, "kind": kind}))
            .await;
        assert_eq!(created.status(), StatusCode::CREATED, "{id}");
    }
}

#[test]
fn a_store_made_before_the_twin_rule_keeps_the_freshest_of_each_twin() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let connection = crate::helpers::sqlite_migrated_to(&path, 13);
        connection
            .execute_batch(
                "INSERT INTO actors (id, kind, name, created_at, updated_at) VALUES
                 ('m-1', 'migrant', 'Ada', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
                 ('o-1', 'organisation', 'Club', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
                 INSERT INTO ties (id, source, target, kind, trust, last_verified, created_at, updated_at) VALUES
                 ('t-1', 'm-1', 'o-1', 'member_of', 0.7, '2026-02-01', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
                 ('t-2', 'm-1', 'o-1', 'member_of', 0.94, '2026-05-01', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
                 ('t-3', 'm-1', 'o-1', 'member_of', 1.0, NULL, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
                 ('t-4', 'o-1', 'm-1', 'serves', 0.5, NULL, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');",
            )
            .unwrap();
    }
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let store = relaymap::store::open(&relaymap::store::StoreConfig::Sqlite { path }, 0)
            .await
            .expect("the old store opens and is migrated");
        assert_freshest_twin_kept(store.as_ref()).await;
    });
}

/// After migrating a store that held t-1, t-2 and t-3 as twins (verified on 1 February, 1 May and
/// never) and t-4 beside them: t-2 is kept, and the version moved.
pub async fn assert_freshest_twin_kept(store: &dyn relaymap::store::GraphStore) {
    let network = store.network().await.unwrap();
    let ties: Vec<(&str, f64)> = network
        .ties
        .iter()
        .map(|t| (t.id.as_str(), t.trust.value()))
        .collect();
    assert_eq!(
        ties,
        [("t-2", 0.94), ("t-4", 0.5)],
        "the latest verified is kept"
    );
    assert!(
        store.version().await.unwrap() > 0,
        "a merge moves the version"
    );
}

#[test]
fn a_store_made_with_an_index_by_source_alone_drops_it_and_finds_ties_by_source_still() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    let plan = |connection: &rusqlite::Connection| -> String {
        connection
            .query_row(
                "EXPLAIN QUERY PLAN SELECT id FROM ties WHERE source = 'm-1'",
                [],
                |row| row.get(3),
            )
            .unwrap()
    };
    let index_by_source = |connection: &rusqlite::Connection| -> bool {
        connection
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'ties_source'",
                [],
                |row| row.get::<_, i64>(0),
            )
            .unwrap()
            > 0
    };
    {
        let connection = crate::helpers::sqlite_migrated_to(&path, 16);
        assert!(index_by_source(&connection));
    }

    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let store = relaymap::store::open(
            &relaymap::store::StoreConfig::Sqlite { path: path.clone() },
            0,
        )
        .await
        .expect("the old store opens and is migrated");
        store.close().await.unwrap();
    });

    let connection = rusqlite::Connection::open(&path).unwrap();
    assert!(!index_by_source(&connection));
    assert!(
        plan(&connection).contains("ties_one_per_kind (source=?)"),
        "{}",
        plan(&connection)
    );
}
