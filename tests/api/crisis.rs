//! Running a crisis over HTTP (#19): activations and re-planning, drills kept apart, the
//! after-action report, erasure, the cascade simulation and the ties to re-verify — on a small
//! town whose call list has a clear first relay:
//!
//!   r-1 ── o-1 ── m-1 m-2 m-3 m-4        (o-1 serves four)
//!      ├── o-2 ── m-1 m-2                 (o-2 serves two of them)
//!      └── o-3 ── m-5 m-6                 (o-3 serves two others)

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, error_of, spawn_app};

fn town() -> Value {
    let migrant = |id: &str, language: &str| {
        json!({"id": id, "kind": "migrant", "name": format!("Person {id}"), "languages": [language, "eng"],
               "channels": ["phone"], "consent": true})
    };
    let serves = |id: &str, org: &str, m: &str| {
        json!({"id": id, "source": org, "target": m, "kind": "serves", "trust": 0.8, "channels": ["phone"],
               "last_verified": "2026-01-10"})
    };
    json!({
        "actors": [
            {"id": "r-1", "kind": "responder", "name": "Fire service", "languages": ["eng"], "channels": ["radio"]},
            {"id": "o-1", "kind": "organisation", "name": "Harbour church", "languages": ["eng", "tir"], "channels": ["phone"]},
            {"id": "o-2", "kind": "organisation", "name": "Language school", "languages": ["eng"], "channels": ["phone"]},
            {"id": "o-3", "kind": "organisation", "name": "Diaspora club", "languages": ["eng", "ara"], "channels": ["whatsapp"]},
            migrant("m-1", "tir"), migrant("m-2", "tir"), migrant("m-3", "tir"), migrant("m-4", "tir"),
            migrant("m-5", "ara"), migrant("m-6", "ara")
        ],
        "ties": [
            {"id": "p-1", "source": "o-1", "target": "r-1", "kind": "partners_with", "trust": 0.9, "channels": ["phone"]},
            {"id": "p-2", "source": "o-2", "target": "r-1", "kind": "partners_with", "trust": 0.9, "channels": ["phone"],
             "last_verified": "2025-03-01"},
            {"id": "p-3", "source": "o-3", "target": "r-1", "kind": "partners_with", "trust": 0.9, "channels": ["phone"]},
            serves("s-1", "o-1", "m-1"), serves("s-2", "o-1", "m-2"), serves("s-3", "o-1", "m-3"), serves("s-4", "o-1", "m-4"),
            serves("s-5", "o-2", "m-1"), serves("s-6", "o-2", "m-2"),
            serves("s-7", "o-3", "m-5"), serves("s-8", "o-3", "m-6")
        ]
    })
}

async fn town_app() -> TestApp {
    let app = spawn_app().await;
    let response = app.import_json(&town()).await;
    assert_eq!(response.status(), StatusCode::OK);
    let saved = app
        .put_json("/api/v1/scenarios/flood", &json!({"max_hops": 2}))
        .await;
    assert_eq!(saved.status(), StatusCode::OK);
    app
}

async fn start(app: &TestApp, name: &str, drill: bool) -> Value {
    let response = app
        .post_json(
            "/api/v1/activations",
            &json!({"name": name, "scenario": "flood", "drill": drill}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json().await.unwrap()
}

async fn contact(app: &TestApp, id: &str, actor: &str, outcome: &str) -> Value {
    let response = app
        .post_json(
            &format!("/api/v1/activations/{id}/contacts"),
            &json!({"actor": actor, "outcome": outcome}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

fn call_ids(plan: &Value) -> Vec<String> {
    plan["call_list"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn an_unavailable_first_relay_gives_the_call_list_of_the_query_without_it() {
    let app = town_app().await;
    let started = start(&app, "Flood, north bank", false).await;
    let id = started["id"].as_str().unwrap();
    assert_eq!(started["state"], "open");
    assert_eq!(started["drill"], false);
    assert_eq!(started["query"], json!({"max_hops": 2}));
    assert_eq!(call_ids(&started["plan"]), ["o-1", "o-3"]);
    assert_eq!(started["plan"]["call_list"][0]["name"], "Harbour church");

    contact(&app, id, "o-1", "unavailable").await;
    let board: Value = app
        .get(&format!("/api/v1/activations/{id}"))
        .await
        .json()
        .await
        .unwrap();
    let without: Value = app
        .post_json(
            "/api/v1/coverage",
            &json!({"max_hops": 2, "exclude": ["o-1"]}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(board["plan"]["call_list"], without["call_list"]);
    assert_eq!(call_ids(&board["plan"]), ["o-2", "o-3"]);
    assert_eq!(board["unavailable"], json!(["o-1"]));
    assert_eq!(board["plan_changes"][0]["unavailable"], "o-1");
    assert_eq!(board["plan_changes"][0]["dropped"], json!(["o-1"]));
    assert_eq!(board["plan_changes"][0]["added"], json!(["o-2"]));
    // m-3 and m-4 hung on o-1 alone: still unreached, under their first language.
    assert_eq!(board["plan"]["unreached"], json!(["m-3", "m-4"]));
    assert_eq!(
        board["progress"]["still_unreached_by_language"],
        json!({"ara": 2, "tir": 4})
    );

    // Three silences in a row make o-3 unavailable too; a reply in between would not.
    contact(&app, id, "o-3", "no_answer").await;
    let two = contact(&app, id, "o-3", "no_answer").await;
    assert_eq!(two["unavailable"], json!(["o-1"]));
    let three = contact(&app, id, "o-3", "no_answer").await;
    assert_eq!(three["unavailable"], json!(["o-1", "o-3"]));
    assert_eq!(call_ids(&three["plan"]), ["o-2"]);

    // Progress: a relay reached, a migrant confirmed.
    contact(&app, id, "o-2", "reached").await;
    let done = contact(&app, id, "m-1", "confirmed").await;
    assert_eq!(done["progress"]["relays_reached"], 1);
    assert_eq!(done["progress"]["migrants_confirmed"], 1);
    assert_eq!(
        done["progress"]["still_unreached_by_language"],
        json!({"ara": 2, "tir": 3})
    );
    assert_eq!(
        done["plan"]["reached"],
        json!([]),
        "contacts answer briefly"
    );
    assert_eq!(done["contacts"].as_array().unwrap().len(), 6);

    // The after-action report.
    let report: Value = app
        .get(&format!("/api/v1/activations/{id}/report"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(report["contacts"], 6);
    assert_eq!(report["failed_relays"][0]["actor"], "o-1");
    assert_eq!(report["failed_relays"][1]["actor"], "o-3");
    assert_eq!(report["plan_changes"].as_array().unwrap().len(), 2);
    let tir = report["by_language"]["tir"].as_array().unwrap();
    assert_eq!(tir.len(), 1);
    assert_eq!(tir[0]["actor"], "m-1");
    assert_eq!(tir[0]["outcome"], "confirmed");
    assert!(tir[0]["after_minutes"].as_f64().unwrap() >= 0.0);
    assert_eq!(report["by_language"]["eng"].as_array().unwrap().len(), 5);
    assert_eq!(report["names"]["m-1"], "Person m-1");
    assert_eq!(report["names"]["o-1"], "Harbour church");

    // A relay found unavailable who then leaves the network does not break the board.
    assert_eq!(
        app.delete("/api/v1/actors/o-3").await.status(),
        StatusCode::NO_CONTENT
    );
    let after = app.get(&format!("/api/v1/activations/{id}")).await;
    assert_eq!(after.status(), StatusCode::OK);

    // Closed: no more contacts.
    let closed = app
        .post_json(&format!("/api/v1/activations/{id}/close"), &json!({}))
        .await;
    assert_eq!(closed.status(), StatusCode::OK);
    let late = app
        .post_json(
            &format!("/api/v1/activations/{id}/contacts"),
            &json!({"actor": "o-2", "outcome": "reached"}),
        )
        .await;
    assert_eq!(late.status(), StatusCode::CONFLICT);
    let again = app
        .post_json(&format!("/api/v1/activations/{id}/close"), &json!({}))
        .await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
}

#[tokio::test]
async fn a_drill_never_appears_in_live_figures() {
    let app = town_app().await;
    let live = start(&app, "Live", false).await;
    let drill = start(&app, "Sendai-style drill", true).await;
    assert_eq!(drill["drill"], true);
    let drill_id = drill["id"].as_str().unwrap();
    contact(&app, drill_id, "o-1", "reached").await;
    contact(&app, drill_id, "m-1", "confirmed").await;
    contact(&app, drill_id, "m-5", "confirmed").await;
    contact(&app, live["id"].as_str().unwrap(), "o-3", "reached").await;

    let list: Value = app.get("/api/v1/activations").await.json().await.unwrap();
    assert_eq!(
        list["live"],
        json!({"open": 1, "relays_reached": 1, "migrants_confirmed": 0})
    );
    assert_eq!(
        list["drills"],
        json!({"open": 1, "relays_reached": 1, "migrants_confirmed": 2})
    );
    let drills: Vec<&Value> = list["activations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["drill"] == true)
        .collect();
    assert_eq!(drills.len(), 1);
    assert_eq!(drills[0]["id"], drill["id"]);
    assert_eq!(drills[0]["contacts"], 3);
}

#[tokio::test]
async fn bad_requests_are_refused_and_leave_nothing_behind() {
    let app = town_app().await;
    // A request that makes no sense is a 400; a query that breaks a rule a 422, as everywhere.
    for (body, status, field) in [
        (json!({"name": "x"}), 400, "scenario"),
        (
            json!({"name": "x", "scenario": "flood", "query": {}}),
            400,
            "scenario",
        ),
        (json!({"name": "x", "scenario": "no such"}), 400, "scenario"),
        (json!({"name": "", "scenario": "flood"}), 400, "name"),
        (
            json!({"name": "x", "query": {"max_hops": 99}}),
            422,
            "max_hops",
        ),
        (
            json!({"name": "x", "scenario": "flood", "drill": "yes"}),
            422,
            "drill",
        ),
        (
            json!({"name": "x", "scenario": "flood", "colour": 1}),
            422,
            "body",
        ),
    ] {
        let response = app.post_json("/api/v1/activations", &body).await;
        assert_eq!(response.status().as_u16(), status, "{body}");
        assert_eq!(error_of(response).await["field"], field, "{body}");
    }
    let list: Value = app.get("/api/v1/activations").await.json().await.unwrap();
    assert_eq!(list["activations"], json!([]));

    let id = start(&app, "Flood", false).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    for (body, status, field) in [
        (json!({"actor": "m-99", "outcome": "reached"}), 400, "actor"),
        (json!({"actor": "m-1", "outcome": "maybe"}), 422, "outcome"),
        (
            json!({"actor": "m-1", "outcome": "reached", "note": "x".repeat(2001)}),
            400,
            "note",
        ),
    ] {
        let response = app
            .post_json(&format!("/api/v1/activations/{id}/contacts"), &body)
            .await;
        assert_eq!(response.status().as_u16(), status, "{body}");
        assert_eq!(error_of(response).await["field"], field, "{body}");
    }
    let board: Value = app
        .get(&format!("/api/v1/activations/{id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(board["contacts"], json!([]));
    for path in [
        "/api/v1/activations/act-000000000000",
        "/api/v1/activations/../../etc/passwd",
        "/api/v1/activations/act-000000000000/report",
    ] {
        assert_eq!(
            app.get(path).await.status(),
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
}

#[tokio::test]
async fn only_coordinators_and_admins_run_a_crisis() {
    let app = town_app().await;
    let id = start(&app, "Flood", false).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    for role in [
        relaymap::domain::Role::Analyst,
        relaymap::domain::Role::Viewer,
    ] {
        let token = app.token(role).await;
        for path in [
            "/api/v1/activations".to_owned(),
            format!("/api/v1/activations/{id}"),
            format!("/api/v1/activations/{id}/report"),
        ] {
            let response = app.get_as(Some(&token), &path).await;
            assert_eq!(response.status(), StatusCode::FORBIDDEN, "{role:?} {path}");
        }
        let client = crate::helpers::client_with(&token);
        for path in [
            format!("/api/v1/activations/{id}/contacts"),
            "/api/v1/simulate".to_owned(),
            "/api/v1/verification".to_owned(),
        ] {
            let response = client
                .post(app.url(&path))
                .json(&json!({"actor": "m-1", "outcome": "reached"}))
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), StatusCode::FORBIDDEN, "{role:?} {path}");
        }
    }
    let coordinator = app.token(relaymap::domain::Role::Coordinator).await;
    let response = crate::helpers::client_with(&coordinator)
        .post(app.url(&format!("/api/v1/activations/{id}/contacts")))
        .json(&json!({"actor": "o-1", "outcome": "reached"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn erasing_a_person_takes_them_and_their_contacts_out_of_activations() {
    let app = town_app().await;
    let id = start(&app, "Flood", false).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let response = app
        .post_json(
            &format!("/api/v1/activations/{id}/contacts"),
            &json!({"actor": "m-1", "outcome": "confirmed", "note": "sleeps at the Harbour gym"}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    contact(&app, &id, "o-1", "reached").await;
    // Every contact is audited, naming whom it was with.
    let audit: Value = app
        .get("/api/v1/audit?limit=50")
        .await
        .json()
        .await
        .unwrap();
    let contacts: Vec<&Value> = audit["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "POST /api/v1/activations/{id}/contacts")
        .collect();
    assert_eq!(contacts.len(), 2, "{audit}");
    assert!(contacts.iter().all(|e| e["target"] == id.as_str()));

    let erased = app.delete("/api/v1/actors/m-1?erase=true").await;
    assert_eq!(erased.status(), StatusCode::NO_CONTENT);

    let board = app
        .get(&format!("/api/v1/activations/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        !board.contains("\"m-1\"") && !board.contains("Harbour gym"),
        "{board}"
    );
    let report = app
        .get(&format!("/api/v1/activations/{id}/report"))
        .await
        .text()
        .await
        .unwrap();
    assert!(!report.contains("\"m-1\""), "{report}");
    let board: Value = serde_json::from_str(&board).unwrap();
    assert_eq!(board["contacts"].as_array().unwrap().len(), 1);
    // The audit entry of the contact named m-1 as its subject: it is forgotten.
    let audit = app
        .get("/api/v1/audit?limit=200")
        .await
        .text()
        .await
        .unwrap();
    assert!(!audit.contains("\"m-1\""), "{audit}");
}

#[tokio::test]
async fn with_every_trust_one_the_simulation_ends_where_reach_does() {
    let app = spawn_app().await;
    let mut town = town();
    for tie in town["ties"].as_array_mut().unwrap() {
        tie["trust"] = json!(1.0);
    }
    assert_eq!(app.import_json(&town).await.status(), StatusCode::OK);
    let query = json!({"max_hops": 2, "exclude": ["o-2"]});
    let reach: Value = app
        .post_json("/api/v1/reach", &query)
        .await
        .json()
        .await
        .unwrap();
    let mut body = query.clone();
    body["runs"] = json!(50);
    body["seed"] = json!(9);
    body["hours"] = json!(6);
    body["delays"] = json!({"phone": 1.5});
    let response = app.post_json("/api/v1/simulate", &body).await;
    assert_eq!(response.status(), StatusCode::OK);
    let simulation: Value = response.json().await.unwrap();
    assert_eq!(simulation["runs"], 50);
    let by_hour = simulation["by_hour"].as_array().unwrap();
    assert_eq!(by_hour.len(), 7, "hours 0 to 6");
    // Two phone hops of 1.5 hours: nobody before hour 3, everyone reachable from then on.
    assert_eq!(by_hour[2]["mean"], 0.0);
    assert_eq!(by_hour[3]["mean"], reach["reached_count"].as_f64().unwrap());
    assert_eq!(by_hour[6]["p5"], reach["reached_count"]);
    assert_eq!(simulation["by_language"]["ara"][6]["mean"], 2.0);
    assert_eq!(simulation["never_reached_share"], 0.0);

    for (body, field) in [
        (json!({"runs": 0}), "runs"),
        (json!({"runs": 10001}), "runs"),
        (json!({"hours": 169}), "hours"),
        (json!({"delays": {"pigeon": 3}}), "delays"),
        (json!({"delays": {"sms": -1}}), "delays"),
        (json!({"max_hops": 0}), "max_hops"),
    ] {
        let response = app.post_json("/api/v1/simulate", &body).await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{body}"
        );
        assert_eq!(error_of(response).await["field"], field, "{body}");
    }
}

#[tokio::test]
async fn ties_to_reverify_are_those_that_alone_cut_targets_off_most_first() {
    let app = town_app().await;
    let response = app
        .post_json("/api/v1/verification", &json!({"max_hops": 2}))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let verification: Value = response.json().await.unwrap();
    let ties: Vec<(&str, u64)> = verification["ties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["id"].as_str().unwrap(), t["cut_off"].as_u64().unwrap()))
        .collect();
    // p-1 alone carries m-3 and m-4, p-3 carries m-5 and m-6 (both never verified: by id);
    // then each single serving tie of a migrant with one way in.
    assert_eq!(
        ties,
        [
            ("p-1", 2),
            ("p-3", 2),
            ("s-3", 1),
            ("s-4", 1),
            ("s-7", 1),
            ("s-8", 1)
        ]
    );
    assert_eq!(verification["ties"][2]["last_verified"], "2026-01-10");
    assert_eq!(verification["ties"][0]["source"], "o-1");
    // An empty body asks with the defaults.
    let response = crate::helpers::client_with(&app.admin_token)
        .post(app.url("/api/v1/verification"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);

    // The coverage report counts independent paths: m-1 and m-2 have two (o-1 and o-2), but
    // both go through r-1, the one source: one path each, like everyone.
    let coverage: Value = app
        .post_json("/api/v1/coverage", &json!({"max_hops": 2}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(coverage["reached"][0]["independent_paths"], 1);
    assert_eq!(coverage["fragile"].as_array().unwrap().len(), 6);
    let reach: Value = app
        .post_json("/api/v1/reach", &json!({"max_hops": 2}))
        .await
        .json()
        .await
        .unwrap();
    assert!(reach["reached"][0].get("independent_paths").is_none());
}

#[tokio::test]
async fn a_simulation_over_the_time_budget_is_cancelled_with_a_503() {
    let app = crate::helpers::spawn_app_with(|config| {
        config.demo = true;
        config.query_timeout = std::time::Duration::ZERO;
    })
    .await;
    let response = app
        .post_json("/api/v1/simulate", &json!({"runs": 10000, "hours": 168}))
        .await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(error_of(response).await["code"], "timeout");
}
