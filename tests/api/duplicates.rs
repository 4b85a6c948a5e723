//! Duplicates over HTTP (#20): the finder ranks planted duplicates above chance pairs, a merge
//! keeps every tie and is audited, a refused merge writes nothing, a pair marked distinct is not
//! listed again.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{error_of, spawn_app, spawn_app_with};

fn pair_ids(pair: &Value) -> (String, String) {
    (
        pair["a"].as_str().unwrap().to_owned(),
        pair["b"].as_str().unwrap().to_owned(),
    )
}

#[tokio::test]
async fn planted_duplicates_rank_above_every_chance_pair() {
    let app = spawn_app_with(|config| config.demo = true).await;
    // Plant five: a second record of a migrant, named in the other order (as another
    // interviewer wrote it), same city and languages, tied to the same people.
    let mut actors = Vec::new();
    let mut ties = Vec::new();
    let mut planted = Vec::new();
    for (k, id) in ["m-0011", "m-0222", "m-0333", "m-0444", "m-0555"]
        .iter()
        .enumerate()
    {
        let original: Value = app
            .get(&format!("/api/v1/actors/{id}"))
            .await
            .json()
            .await
            .unwrap();
        let name = original["name"].as_str().unwrap();
        let reversed: Vec<&str> = name.split(' ').rev().collect();
        let copy = format!("m-copy-{k}");
        let mut record = original.clone();
        let fields = record.as_object_mut().unwrap();
        for key in ["created_at", "updated_at", "location"] {
            fields.remove(key);
        }
        record["id"] = json!(copy);
        record["name"] = json!(reversed.join(" "));
        actors.push(record);
        let theirs: Value = app
            .get(&format!("/api/v1/ties?actor={id}&limit=1000"))
            .await
            .json()
            .await
            .unwrap();
        for (n, tie) in theirs["ties"].as_array().unwrap().iter().enumerate() {
            let other = if tie["source"] == *id {
                tie["target"].clone()
            } else {
                tie["source"].clone()
            };
            if tie["kind"] == "located_in" || other.as_str().unwrap().starts_with("m-copy") {
                continue;
            }
            let (source, target) = if tie["source"] == *id {
                (json!(copy), other)
            } else {
                (other, json!(copy))
            };
            ties.push(
                json!({"id": format!("t-copy-{k}-{n}"), "source": source, "target": target,
                             "kind": tie["kind"], "trust": tie["trust"]}),
            );
        }
        planted.push(((*id).to_owned(), copy));
    }
    let written = app
        .import_json(&json!({"actors": actors, "ties": ties}))
        .await;
    assert_eq!(
        written.status(),
        StatusCode::OK,
        "{}",
        written.text().await.unwrap()
    );

    let found: Value = app
        .get("/api/v1/duplicates?limit=500")
        .await
        .json()
        .await
        .unwrap();
    let pairs = found["pairs"].as_array().unwrap();
    let is_planted = |pair: &Value| {
        let (a, b) = pair_ids(pair);
        planted
            .iter()
            .any(|(x, y)| (x, y) == (&a, &b) || (x, y) == (&b, &a))
    };
    let planted_scores: Vec<f64> = pairs
        .iter()
        .filter(|p| is_planted(p))
        .map(|p| p["score"].as_f64().unwrap())
        .collect();
    assert_eq!(planted_scores.len(), 5, "every planted pair is found");
    let best_chance = pairs
        .iter()
        .filter(|p| !is_planted(p))
        .map(|p| p["score"].as_f64().unwrap())
        .fold(0.0, f64::max);
    assert!(
        planted_scores.iter().all(|s| *s > best_chance),
        "planted {planted_scores:?}, best chance pair {best_chance}"
    );
    assert!(
        pairs[0]["reasons"][0]
            .as_str()
            .unwrap()
            .starts_with("similar names")
    );

    // Marked distinct, a pair is not listed again.
    let (a, b) = pair_ids(&pairs[0]);
    let marked = app
        .post_json("/api/v1/duplicates/distinct", &json!({"a": b, "b": a}))
        .await;
    assert_eq!(marked.status(), StatusCode::NO_CONTENT);
    let again: Value = app
        .get("/api/v1/duplicates?limit=500")
        .await
        .json()
        .await
        .unwrap();
    assert!(
        !again["pairs"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| pair_ids(p) == (a.clone(), b.clone()))
    );

    for bad in ["0", "501", "many"] {
        let response = app.get(&format!("/api/v1/duplicates?limit={bad}")).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{bad}");
    }
    let viewer = app.token(relaymap::domain::Role::Viewer).await;
    assert_eq!(
        app.get_as(Some(&viewer), "/api/v1/duplicates")
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
}

fn twice_named() -> Value {
    json!({
        "actors": [
            {"id": "c-1", "kind": "city", "name": "Harbour"},
            {"id": "o-1", "kind": "organisation", "name": "Al-Noor Mosque", "languages": ["ara"]},
            {"id": "o-2", "kind": "organisation", "name": "Language school", "languages": ["ara", "eng"]},
            {"id": "m-1", "kind": "migrant", "name": "Yusuf Haddad", "languages": ["ara"], "city": "c-1",
             "channels": ["phone"], "consent": true, "attributes": {"household": 4}},
            {"id": "m-2", "kind": "migrant", "name": "يوسف حداد", "languages": ["ara", "fra"],
             "channels": ["whatsapp"], "consent": true, "location": {"lat": 44.1, "lon": 8.2},
             "attributes": {"household": 5, "arrived": "2024"}},
            {"id": "m-3", "kind": "migrant", "name": "Omar Saleh", "languages": ["ara"], "consent": false}
        ],
        "ties": [
            {"id": "t-1", "source": "m-1", "target": "o-1", "kind": "member_of", "trust": 0.8},
            {"id": "t-2", "source": "m-2", "target": "o-2", "kind": "member_of", "trust": 0.6},
            {"id": "t-3", "source": "m-3", "target": "m-2", "kind": "knows", "trust": 0.9, "note": "neighbours"},
            {"id": "t-4", "source": "m-1", "target": "m-2", "kind": "knows", "trust": 0.5},
            {"id": "t-5", "source": "m-2", "target": "o-1", "kind": "member_of", "trust": 0.95,
             "last_verified": "2026-06-01", "note": "imam confirmed"}
        ]
    })
}

#[tokio::test]
async fn a_merge_keeps_every_tie_and_the_richer_fields_and_is_audited() {
    let app = spawn_app().await;
    assert_eq!(
        app.import_json(&twice_named()).await.status(),
        StatusCode::OK
    );
    let found: Value = app.get("/api/v1/duplicates").await.json().await.unwrap();
    assert_eq!(pair_ids(&found["pairs"][0]), ("m-1".into(), "m-2".into()));

    let response = app
        .post_json("/api/v1/actors/m-2/merge", &json!({"into": "m-1"}))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let merged: Value = response.json().await.unwrap();
    assert_eq!(merged["ties_moved"], 2);
    assert_eq!(merged["ties_dropped"], 1);
    // m-2's member_of o-1 joins m-1's: one tie, with the fresher verification.
    assert_eq!(merged["ties_joined"], 1);
    let joined: Value = app.get("/api/v1/ties/t-1").await.json().await.unwrap();
    assert_eq!(
        (&joined["trust"], &joined["last_verified"], &joined["note"]),
        (&json!(0.95), &json!("2026-06-01"), &json!("imam confirmed"))
    );

    assert_eq!(
        app.get("/api/v1/actors/m-2").await.status(),
        StatusCode::NOT_FOUND
    );
    let kept: Value = app.get("/api/v1/actors/m-1").await.json().await.unwrap();
    assert_eq!(kept["name"], "Yusuf Haddad");
    assert_eq!(kept["languages"], json!(["ara", "fra"]));
    assert_eq!(kept["channels"], json!(["phone", "whatsapp"]));
    assert_eq!(kept["city"], "c-1");
    assert!(kept["location"].is_object(), "the location only m-2 had");
    assert_eq!(
        kept["attributes"],
        json!({"household": 4, "arrived": "2024"})
    );
    let ties: Value = app
        .get("/api/v1/ties?actor=m-1")
        .await
        .json()
        .await
        .unwrap();
    let mut ends: Vec<(String, String, String)> = ties["ties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["id"].as_str().unwrap().to_owned(),
                t["source"].as_str().unwrap().to_owned(),
                t["target"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    ends.sort();
    assert_eq!(
        ends,
        [
            ("t-1".into(), "m-1".into(), "o-1".into()),
            ("t-2".into(), "m-1".into(), "o-2".into()),
            ("t-3".into(), "m-3".into(), "m-1".into()),
        ]
    );
    let audit: Value = app
        .get("/api/v1/audit?limit=20")
        .await
        .json()
        .await
        .unwrap();
    let entry = audit["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "POST /api/v1/actors/{id}/merge")
        .expect("the merge is audited");
    assert_eq!(entry["target"], "m-2");
    assert_eq!(entry["outcome"], "ok");
}

#[tokio::test]
async fn a_refused_merge_writes_nothing() {
    let app = spawn_app().await;
    assert_eq!(
        app.import_json(&twice_named()).await.status(),
        StatusCode::OK
    );
    let before = app.export().await;
    for (path, body, status, field) in [
        (
            "/api/v1/actors/m-2/merge",
            json!({"into": "m-2"}),
            400,
            Some("into"),
        ),
        (
            "/api/v1/actors/m-2/merge",
            json!({"into": "m-99"}),
            400,
            Some("into"),
        ),
        (
            "/api/v1/actors/m-2/merge",
            json!({"into": "o-1"}),
            400,
            Some("into"),
        ),
        (
            "/api/v1/actors/c-1/merge",
            json!({"into": "c-1"}),
            400,
            Some("into"),
        ),
        (
            "/api/v1/actors/m-99/merge",
            json!({"into": "m-1"}),
            404,
            None,
        ),
        ("/api/v1/actors/m-2/merge", json!({"to": "m-1"}), 422, None),
    ] {
        let response = app.post_json(path, &body).await;
        assert_eq!(response.status().as_u16(), status, "{path} {body}");
        let error = error_of(response).await;
        if let Some(field) = field {
            assert_eq!(error["field"], field, "{path} {body}");
        }
    }
    assert_eq!(app.export().await, before, "nothing was written");
}
