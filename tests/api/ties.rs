use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::spawn_app;

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
