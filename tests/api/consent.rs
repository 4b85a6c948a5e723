//! Consent with purposes (#20): what a person agreed to decides which exports hold them, expired
//! consent counts as none, the former yes/no stays readable, and stores made before purposes
//! existed are migrated.

use relaymap::domain::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{error_of, spawn_app};

/// Migrants agreeing to different things, one of them no longer.
fn people() -> Value {
    let consent = |purposes: Value, expires: Option<&str>| {
        json!({"purposes": purposes, "recorded_on": "2020-01-01", "recorded_by": "Field team 2",
               "expires": expires})
    };
    let ties: Vec<Value> = [
        "m-research",
        "m-warnings",
        "m-expired",
        "m-partners",
        "m-yes",
        "m-none",
    ]
    .iter()
    .map(|m| json!({"source": m, "target": "o-1", "kind": "member_of"}))
    .collect();
    json!({
        "actors": [
            {"id": "c-1", "kind": "city", "name": "Port Aster"},
            {"id": "o-1", "kind": "organisation", "name": "Association", "city": "c-1"},
            {"id": "m-research", "kind": "migrant", "name": "Ada", "city": "c-1",
             "consent_record": consent(json!(["research"]), None)},
            {"id": "m-warnings", "kind": "migrant", "name": "Ben", "city": "c-1",
             "consent_record": consent(json!(["warnings"]), None)},
            {"id": "m-expired", "kind": "migrant", "name": "Cai", "city": "c-1",
             "consent_record": consent(json!(["warnings", "partners", "research"]), Some("2020-06-01"))},
            {"id": "m-partners", "kind": "migrant", "name": "Dia", "city": "c-1",
             "consent_record": consent(json!(["partners"]), Some("2999-01-01"))},
            {"id": "m-yes", "kind": "migrant", "name": "Eli", "city": "c-1", "consent": true},
            {"id": "m-none", "kind": "migrant", "name": "Fay", "city": "c-1"}
        ],
        "ties": ties
    })
}

fn migrant_ids(document: &Value) -> Vec<String> {
    let mut ids: Vec<String> = document["actors"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["kind"] == "migrant")
        .map(|a| a["id"].as_str().unwrap().to_owned())
        .collect();
    ids.sort();
    ids
}

#[tokio::test]
async fn consent_purposes_decide_what_each_export_holds_and_expired_consent_counts_as_none() {
    let app = spawn_app().await;
    assert_eq!(app.import_json(&people()).await.status(), StatusCode::OK);

    // Research (the default purpose): only who agreed to research and still does.
    let research: Value = serde_json::from_str(&app.export().await).unwrap();
    assert_eq!(migrant_ids(&research), ["m-research", "m-yes"]);
    let ties = research["ties"].as_array().unwrap();
    assert_eq!(
        ties.len(),
        2,
        "the ties of those left out are left out: {ties:?}"
    );

    // An analyst's pseudonymised export holds the same people, and says why the others are not.
    let analyst = app.token(Role::Analyst).await;
    let zip = crate::helpers::client_with(&analyst)
        .get(app.url("/api/v1/export?format=csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(zip.status(), StatusCode::OK);
    let bytes = zip.bytes().await.unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let mut metadata = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("metadata.json").unwrap(),
        &mut metadata,
    )
    .unwrap();
    let metadata: Value = serde_json::from_str(&metadata).unwrap();
    assert_eq!(metadata["purpose"], "research");
    assert_eq!(metadata["migrants_left_out"], 4);
    let mut actors = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("actors.csv").unwrap(), &mut actors)
        .unwrap();
    assert_eq!(
        actors.lines().filter(|l| l.contains(",migrant,")).count(),
        2
    );
    assert!(
        !actors.contains("Field team"),
        "who recorded consent is not for research"
    );
    // Partner sharing is a purpose of its own, and not an analyst's to ask for.
    let refused = app
        .get_as(
            Some(&analyst),
            "/api/v1/export?purpose=partners&pseudonymize=true",
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let partners: Value = app
        .get("/api/v1/export?purpose=partners")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(migrant_ids(&partners), ["m-partners", "m-yes"]);
    let bad = app.get("/api/v1/export?purpose=warnings").await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error_of(bad).await["field"], "purpose");

    // The former yes/no reads as "has agreed to something that still holds"; the record says
    // what, and keeps an expired one visible as such.
    let expired: Value = app
        .get("/api/v1/actors/m-expired")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(expired["consent"], false);
    assert_eq!(expired["consent_record"]["expires"], "2020-06-01");
    let warned: Value = app
        .get("/api/v1/actors/m-warnings")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(warned["consent"], true);
    let yes: Value = app.get("/api/v1/actors/m-yes").await.json().await.unwrap();
    assert_eq!(
        yes["consent_record"]["purposes"],
        json!(["warnings", "partners", "research"])
    );
    let none: Value = app.get("/api/v1/actors/m-none").await.json().await.unwrap();
    assert_eq!(
        (&none["consent"], none.get("consent_record")),
        (&json!(false), None)
    );
}

#[tokio::test]
async fn a_consent_record_that_breaks_the_rules_is_refused_and_nothing_is_written() {
    let app = spawn_app().await;
    for (record, field) in [
        (json!({"purposes": ["gossip"]}), "consent_record"),
        (
            json!({"purposes": ["research"], "recorded_on": "2026-05-01", "expires": "2026-04-01"}),
            "consent_record",
        ),
        (
            json!({"purposes": ["research"], "expires": "tomorrow"}),
            "consent_record",
        ),
        (json!({"purposes": "research"}), "consent_record"),
    ] {
        let response = app
            .post_actor(&json!({"kind": "migrant", "name": "Ada", "consent_record": record}))
            .await;
        assert!(
            response.status().is_client_error(),
            "{record}: {}",
            response.status()
        );
        let error = error_of(response).await;
        assert!(error.to_string().contains(field), "{record}: {error}");
    }
    assert_eq!(app.stats().await["actors"]["total"], 0);
}

#[test]
fn a_store_made_before_purposes_is_migrated_yes_to_every_purpose_no_to_none() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        // The store as relaymap left it before consent had purposes: migrations 1 to 11.
        let connection = crate::helpers::sqlite_migrated_to(&path, 11);
        connection
            .execute_batch(
                "INSERT INTO actors (id, kind, name, consent, created_at, updated_at) VALUES
                 ('m-yes', 'migrant', 'Ada', 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
                 ('m-no', 'migrant', 'Ben', 0, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');",
            )
            .unwrap();
    }
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let store = relaymap::store::open(&relaymap::store::StoreConfig::Sqlite { path }, 0)
            .await
            .expect("the old store opens and is migrated");
        let yes = store
            .get_actor(&relaymap::domain::ActorId::parse("m-yes").unwrap())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(yes.consent, relaymap::domain::Consent::every_purpose());
        let no = store
            .get_actor(&relaymap::domain::ActorId::parse("m-no").unwrap())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(no.consent, relaymap::domain::Consent::none());
    });
}
