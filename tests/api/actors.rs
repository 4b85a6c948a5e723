use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{error_of, spawn_app, stored_home};

#[tokio::test]
async fn a_created_actor_can_be_read_back_with_every_field() {
    // Arrange
    let app = spawn_app().await;
    app.seed_small_network().await;
    let body = json!({
        "id": "m-9", "kind": "migrant", "name": "Yonas", "languages": ["tir", "ara"],
        "location": {"lat": 44.105, "lon": 8.201}, "city": "c-1", "channels": ["sms", "phone", "sms"],
        "consent": true, "attributes": {"arrived": 2021}
    });

    // Act
    let created = app.post_actor(&body).await;

    // Assert
    assert_eq!(created.status(), StatusCode::CREATED);
    assert_eq!(created.headers()["location"], "/api/v1/actors/m-9");
    let read: Value = app.get("/api/v1/actors/m-9").await.json().await.unwrap();
    assert_eq!(read["name"], "Yonas");
    assert_eq!(read["languages"], json!(["tir", "ara"]));
    assert_eq!(
        read["location"],
        stored_home(44.105, 8.201),
        "a migrant's location is kept to a 100 m cell, never as given"
    );
    assert_eq!(read["city"], "c-1");
    assert_eq!(
        read["channels"],
        json!(["phone", "sms"]),
        "channels are a set in canonical order"
    );
    assert_eq!(read["consent"], true);
    assert_eq!(read["attributes"], json!({"arrived": 2021}));
    assert!(
        read["created_at"]
            .as_str()
            .is_some_and(|t| t.ends_with('Z'))
    );
}

#[tokio::test]
async fn an_actor_without_id_gets_one_generated_from_its_kind() {
    let app = spawn_app().await;

    let created: Value = app
        .post_actor(&json!({"kind": "organisation", "name": "Casa Latina"}))
        .await
        .json()
        .await
        .unwrap();

    let id = created["id"].as_str().expect("a generated id");
    assert!(id.starts_with("o-") && id.len() > 10, "{id}");
    assert_eq!(
        app.get(&format!("/api/v1/actors/{id}")).await.status(),
        StatusCode::OK
    );
    assert_eq!(created["consent"], false, "consent is false unless given");
}

#[tokio::test]
async fn replacing_an_actor_keeps_its_creation_time_and_changes_its_fields() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    let before: Value = app.get("/api/v1/actors/m-2").await.json().await.unwrap();

    let response = app
        .put_json(
            "/api/v1/actors/m-2",
            &json!({"kind": "migrant", "name": "Dawit T.", "languages": ["eng"]}),
        )
        .await;

    assert_eq!(response.status(), StatusCode::OK);
    let after: Value = response.json().await.unwrap();
    assert_eq!(after["name"], "Dawit T.");
    assert_eq!(after["languages"], json!(["eng"]));
    assert_eq!(after["created_at"], before["created_at"]);
    assert_ne!(after["updated_at"], before["updated_at"]);
}

#[tokio::test]
async fn deleting_an_actor_deletes_its_ties() {
    let app = spawn_app().await;
    app.seed_small_network().await;

    let response = app.delete("/api/v1/actors/m-1").await;

    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        app.get("/api/v1/actors/m-1").await.status(),
        StatusCode::NOT_FOUND
    );
    for tie in ["t-1", "t-2", "t-5"] {
        assert_eq!(
            app.get(&format!("/api/v1/ties/{tie}")).await.status(),
            StatusCode::NOT_FOUND,
            "{tie}"
        );
    }
    assert_eq!(
        app.get("/api/v1/ties/t-3").await.status(),
        StatusCode::OK,
        "other ties stay"
    );
    assert_eq!(
        app.delete("/api/v1/actors/m-1").await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_city_that_actors_belong_to_cannot_be_deleted() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    let before = app.export().await;

    let response = app.delete("/api/v1/actors/c-1").await;

    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(error_of(response).await["code"], "conflict");
    assert_eq!(app.export().await, before);
}

async fn listed_ids(app: &crate::helpers::TestApp, query: &str) -> Vec<String> {
    let response = app.get(&format!("/api/v1/actors?{query}")).await;
    assert_eq!(response.status(), StatusCode::OK, "{query}");
    let body: Value = response.json().await.unwrap();
    body["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn actors_can_be_filtered_by_kind_city_language_and_bounding_box() {
    let app = spawn_app().await;
    app.seed_small_network().await;

    assert_eq!(listed_ids(&app, "kind=migrant").await, ["m-1", "m-2"]);
    assert_eq!(listed_ids(&app, "city=c-1").await, ["m-1", "o-1", "r-1"]);
    assert_eq!(
        listed_ids(&app, "language=eng").await,
        ["m-2", "o-1", "r-1"]
    );
    assert_eq!(
        listed_ids(&app, "bbox=8.205,44.105,8.3,44.2").await,
        ["m-1"]
    );
    assert_eq!(listed_ids(&app, "kind=migrant&language=eng").await, ["m-2"]);
}

#[tokio::test]
async fn actors_are_listed_in_pages_by_offset_or_cursor() {
    let app = spawn_app().await;
    app.seed_small_network().await;

    let first: Value = app
        .get("/api/v1/actors?limit=2")
        .await
        .json()
        .await
        .unwrap();
    let ids: Vec<&str> = first["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["c-1", "m-1"]);
    assert_eq!(first["next_cursor"], "m-1");

    assert_eq!(listed_ids(&app, "limit=2&cursor=m-1").await, ["m-2", "o-1"]);
    assert_eq!(listed_ids(&app, "limit=2&offset=4").await, ["r-1"]);
    let last: Value = app
        .get("/api/v1/actors?limit=2&offset=4")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(last["next_cursor"], Value::Null, "a short page is the last");
}

#[tokio::test]
async fn an_actors_ties_are_listed_from_either_end() {
    let app = spawn_app().await;
    app.seed_small_network().await;

    let body: Value = app
        .get("/api/v1/actors/m-2/ties")
        .await
        .json()
        .await
        .unwrap();

    let ids: Vec<&str> = body["ties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["t-1", "t-4"]);
    assert_eq!(
        app.get("/api/v1/actors/nobody/ties").await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn data_survives_a_restart() {
    // Arrange
    let app = spawn_app().await;
    app.seed_small_network().await;
    let before = app.export().await;

    // Act
    let app = app.restart().await;

    // Assert
    assert_eq!(app.export().await, before);
    let stats = app.stats().await;
    assert_eq!(stats["actors"]["total"], 5);
    assert_eq!(stats["ties"]["total"], 5);
}

#[tokio::test]
async fn stats_count_actors_and_ties_by_kind_and_the_version_moves_on_writes() {
    let app = spawn_app().await;
    let empty = app.stats().await;
    app.seed_small_network().await;

    let stats = app.stats().await;

    assert_eq!(
        stats["actors"],
        json!({"migrant": 2, "organisation": 1, "responder": 1, "city": 1, "total": 5})
    );
    assert_eq!(
        stats["ties"],
        json!({"knows": 1, "member_of": 1, "partners_with": 1, "serves": 1, "located_in": 1, "total": 5})
    );
    assert!(stats["version"].as_u64() > empty["version"].as_u64());
    assert_eq!(app.get("/healthz").await.status(), StatusCode::OK);
    assert_eq!(app.get("/api/v1/healthz").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_city_outline_is_stored_listed_and_removed() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    let square = json!({"type": "Feature", "properties": {"name": "ignored"}, "geometry": {
        "type": "Polygon", "coordinates": [[[8.1, 44.0], [8.3, 44.0], [8.3, 44.2], [8.1, 44.2], [8.1, 44.0]]]}});

    let set = app.put_json("/api/v1/actors/c-1/outline", &square).await;
    assert_eq!(set.status(), StatusCode::NO_CONTENT);

    let outlines = app.get("/api/v1/outlines").await;
    assert_eq!(outlines.headers()["content-type"], "application/geo+json");
    let outlines: Value = outlines.json().await.unwrap();
    let features = outlines["features"].as_array().unwrap();
    assert_eq!(features.len(), 1);
    assert_eq!(features[0]["id"], "c-1");
    assert_eq!(features[0]["geometry"]["type"], "MultiPolygon");
    assert_eq!(
        features[0]["geometry"]["coordinates"][0], square["geometry"]["coordinates"],
        "the same ring, as one MultiPolygon"
    );

    let removed = app.delete("/api/v1/actors/c-1/outline").await;
    assert_eq!(removed.status(), StatusCode::NO_CONTENT);
    let outlines: Value = app.get("/api/v1/outlines").await.json().await.unwrap();
    assert_eq!(outlines["features"], json!([]));
}

#[tokio::test]
async fn only_an_existing_city_takes_a_valid_outline() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    let square =
        json!({"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]});

    let not_a_city = app.put_json("/api/v1/actors/o-1/outline", &square).await;
    assert_eq!(not_a_city.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error_of(not_a_city).await["code"], "not_a_city");

    let unknown = app.put_json("/api/v1/actors/c-404/outline", &square).await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);

    for bad in [
        json!({"type": "Point", "coordinates": [8.2, 44.1]}),
        json!({"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1]]]}),
        json!({"type": "Polygon", "coordinates": [[[0, 0], [200, 0], [1, 1], [0, 0]]]}),
        json!({"outline": "nowhere"}),
    ] {
        let refused = app.put_json("/api/v1/actors/c-1/outline", &bad).await;
        assert_eq!(refused.status(), StatusCode::BAD_REQUEST, "{bad}");
        let error = error_of(refused).await;
        assert_eq!(error["code"], "invalid_outline", "{bad}");
    }
    let outlines: Value = app.get("/api/v1/outlines").await.json().await.unwrap();
    assert_eq!(
        outlines["features"],
        json!([]),
        "nothing refused was stored"
    );
}
