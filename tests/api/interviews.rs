//! Interviews over HTTP (#20): an interview is written all or nothing, once per key; an
//! interviewer reaches the interview and the roster and nothing else; the protocol is data an
//! admin versions; the answers are kept for coordinators and leave with an erased person.

use relaymap::domain::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, client_with, error_of, spawn_app};

/// An interview of a new migrant who names the association (picked from the roster), two new
/// people, and says the two know each other.
fn interview(key: &str) -> Value {
    json!({
        "key": key,
        "protocol_version": 1,
        "language": "tir",
        "conducted_on": "2026-11-20",
        "consent": {"purposes": ["warnings", "research"]},
        "ego": {"new": {"kind": "migrant", "name": "Hagos Tesfay", "languages": ["tir"], "city": "c-1",
                        "channels": ["whatsapp"]}},
        "named": [
            {"ref": "p1", "id": "o-1", "generators": ["groups"], "trust": 5, "frequency": "weekly"},
            {"ref": "p2", "new": {"kind": "migrant", "name": "Saba Kidane"}, "generators": ["emergency_information", "asks_you"],
             "languages": ["tir", "ara"], "channels": ["phone"], "trust": 4, "frequency": "daily"},
            {"ref": "p3", "new": {"kind": "migrant", "name": "Yonas Berhe", "city": "c-1"}, "generators": ["asks_you"],
             "channels": ["in_person"], "trust": 2}
        ],
        "sociogram": [{"a": "p2", "b": "p3"}]
    })
}

async fn post(app: &TestApp, token: &str, body: &Value) -> reqwest::Response {
    client_with(token)
        .post(app.url("/api/v1/interviews"))
        .json(body)
        .send()
        .await
        .unwrap()
}

fn totals(stats: &Value) -> (u64, u64) {
    (
        stats["actors"]["total"].as_u64().unwrap(),
        stats["ties"]["total"].as_u64().unwrap(),
    )
}

#[tokio::test]
async fn an_interview_writes_the_people_named_a_tie_per_answer_and_its_answers() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    let interviewer = app.token(Role::Interviewer).await;
    let before = totals(&app.stats().await);

    let response = post(&app, &interviewer, &interview("key-0000-first")).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let result: Value = response.json().await.unwrap();
    let named = result["named"].as_array().unwrap();
    assert_eq!(named.len(), 3);
    assert_eq!(
        (&named[0]["id"], &named[0]["new"]),
        (&json!("o-1"), &json!(false))
    );
    assert!(named[1]["new"].as_bool().unwrap() && named[2]["new"].as_bool().unwrap());
    // Ego → association (member_of), ego ↔ Saba (both directions: she is asked and asks),
    // Yonas → ego, and the sociogram's Saba → Yonas.
    assert_eq!(result["ties"].as_array().unwrap().len(), 5);
    assert_eq!(totals(&app.stats().await), (before.0 + 3, before.1 + 5));

    // The person interviewed carries the consent given, dated and signed by the interviewer.
    let ego: Value = app
        .get(&format!(
            "/api/v1/actors/{}",
            result["ego"].as_str().unwrap()
        ))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(ego["name"], "Hagos Tesfay");
    assert_eq!(
        ego["consent_record"]["purposes"],
        json!(["warnings", "research"])
    );
    assert_eq!(ego["consent_record"]["recorded_on"], "2026-11-20");
    assert_eq!(ego["consent_record"]["recorded_by"], "test interviewer");
    assert_eq!(
        ego["consent_record"]["expires"], "2028-11-19",
        "the protocol's 730 days"
    );
    // Those named did not consent themselves: they are in the network, never exported.
    let saba: Value = app
        .get(&format!(
            "/api/v1/actors/{}",
            named[1]["id"].as_str().unwrap()
        ))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(saba["consent"], false);
    assert_eq!(saba["languages"], json!(["tir", "ara"]));
    assert_eq!(saba["channels"], json!(["phone"]));
    let ties: Value = app
        .get(&format!(
            "/api/v1/actors/{}/ties",
            result["ego"].as_str().unwrap()
        ))
        .await
        .json()
        .await
        .unwrap();
    let to_association = ties["ties"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["target"] == "o-1")
        .expect("a tie to the association");
    assert_eq!(
        (
            &to_association["kind"],
            &to_association["trust"],
            &to_association["last_verified"]
        ),
        (&json!("member_of"), &json!(1.0), &json!("2026-11-20"))
    );

    // Coordinators read the answers; the interviewer cannot.
    let list: Value = app.get("/api/v1/interviews").await.json().await.unwrap();
    assert_eq!(list["interviews"].as_array().unwrap().len(), 1);
    assert_eq!(list["interviews"][0]["named"], 3);
    let id = result["id"].as_str().unwrap();
    let record: Value = app
        .get(&format!("/api/v1/interviews/{id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(record["named"][1]["frequency"], "daily");
    assert_eq!(record["protocol_version"], 1);
    assert!(
        !record.to_string().contains("Saba"),
        "names live in the network only"
    );
    let refused = app
        .get_as(Some(&interviewer), &format!("/api/v1/interviews/{id}"))
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);

    // Every interview is audited, with the people it concerns as subjects.
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
        .find(|e| e["action"] == "POST /api/v1/interviews")
        .expect("the interview's audit entry");
    assert_eq!(entry["target"], id);
    assert_eq!(entry["who"], "test interviewer");
}

#[tokio::test]
async fn the_same_key_writes_once_however_often_and_however_parallel_it_is_sent() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    let interviewer = app.token(Role::Interviewer).await;
    let before = totals(&app.stats().await);
    let body = interview("key-0000-twice");
    let sends = (0..6).map(|_| post(&app, &interviewer, &body));
    let responses = futures_util::future::join_all(sends).await;
    let mut created = 0;
    let mut ids = std::collections::HashSet::new();
    for response in responses {
        match response.status() {
            StatusCode::CREATED => created += 1,
            StatusCode::OK => {}
            other => panic!("{other}"),
        }
        let result: Value = response.json().await.unwrap();
        ids.insert((
            result["id"].clone(),
            result["ego"].clone(),
            result["ties"].clone(),
        ));
    }
    assert_eq!(created, 1, "one send writes, the others replay it");
    assert_eq!(ids.len(), 1, "every answer is the first result");
    assert_eq!(totals(&app.stats().await), (before.0 + 3, before.1 + 5));
    let list: Value = app.get("/api/v1/interviews").await.json().await.unwrap();
    assert_eq!(list["interviews"].as_array().unwrap().len(), 1);
    // Another token cannot learn what a key wrote.
    let other = app.token(Role::Interviewer).await;
    assert_eq!(
        post(&app, &other, &body).await.status(),
        StatusCode::CONFLICT
    );
}

#[tokio::test]
async fn an_interview_with_any_broken_answer_writes_nothing() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    let interviewer = app.token(Role::Interviewer).await;
    let before = totals(&app.stats().await);
    let broken = |edit: &dyn Fn(&mut Value)| {
        let mut body = interview("key-0000-broken");
        edit(&mut body);
        body
    };
    let cases: Vec<(Value, &str)> = vec![
        (
            broken(&|b| b["named"][1]["generators"] = json!(["gossip"])),
            "generators",
        ),
        (broken(&|b| b["named"][2]["trust"] = json!(9)), "trust"),
        (broken(&|b| b["named"][0]["id"] = json!("o-404")), "id"),
        (broken(&|b| b["named"][0]["id"] = json!("c-1")), "id"),
        (
            broken(&|b| b["named"][2]["new"]["kind"] = json!("organisation")),
            "kind",
        ),
        (broken(&|b| b["named"][2]["ref"] = json!("p2")), "ref"),
        (
            broken(&|b| b["sociogram"] = json!([{"a": "p2", "b": "p9"}])),
            "a",
        ),
        (
            broken(&|b| b["consent"]["purposes"] = json!([])),
            "purposes",
        ),
        (broken(&|b| b["ego"]["new"]["name"] = json!("")), "name"),
        (
            broken(&|b| b["conducted_on"] = json!("2999-01-01")),
            "conducted_on",
        ),
        (broken(&|b| b["key"] = json!("short")), "key"),
        (
            broken(&|b| b["protocol_version"] = json!(7)),
            "protocol_version",
        ),
    ];
    for (body, field) in cases {
        let response = post(&app, &interviewer, &body).await;
        assert!(
            response.status().is_client_error(),
            "{field}: {}",
            response.status()
        );
        let error = error_of(response).await;
        assert!(
            error.to_string().contains(&format!("\"{field}\"")),
            "{field}: {error}"
        );
    }
    assert_eq!(totals(&app.stats().await), before, "nothing was written");
    let list: Value = app.get("/api/v1/interviews").await.json().await.unwrap();
    assert!(list["interviews"].as_array().unwrap().is_empty());
    // The key of a refused interview stays free: the corrected one is written.
    let response = post(&app, &interviewer, &interview("key-0000-broken")).await;
    assert_eq!(response.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn the_roster_shows_an_interviewer_only_what_picking_needs() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    let twin = json!({"id": "m-9", "kind": "migrant", "name": "Selam T.", "city": "c-1"});
    assert_eq!(app.post_actor(&twin).await.status(), StatusCode::CREATED);
    let copy = json!({"id": "m-10", "kind": "migrant", "name": "Selam", "city": "c-1", "location": {"lat": 44.0, "lon": 8.0}});
    assert_eq!(app.post_actor(&copy).await.status(), StatusCode::CREATED);
    let interviewer = app.token(Role::Interviewer).await;
    let roster = app.json_as(&interviewer, "/api/v1/roster?q=sel").await;
    let actors = roster["actors"].as_array().unwrap();
    assert_eq!(actors.len(), 3);
    let selam = actors.iter().find(|a| a["id"] == "m-1").unwrap();
    assert_eq!(selam["city"], "Port Aster");
    let fields: Vec<&String> = selam.as_object().unwrap().keys().collect();
    assert!(
        fields
            .iter()
            .all(|f| ["id", "kind", "name", "city", "alike"].contains(&f.as_str())),
        "{fields:?}"
    );
    let alike = selam["alike"].as_array().unwrap();
    assert!(
        alike.contains(&json!("m-10")),
        "the same name twice is hinted: {alike:?}"
    );
    assert!(
        !alike.contains(&json!("o-1")),
        "another kind is not the same person"
    );
    let short = app.get_as(Some(&interviewer), "/api/v1/roster?q=s").await;
    assert_eq!(short.status(), StatusCode::BAD_REQUEST);
    // Nothing else of the network: not the actors, the counts, the map, the export.
    for path in [
        "/api/v1/actors",
        "/api/v1/stats",
        "/api/v1/aggregates",
        "/api/v1/view",
        "/api/v1/export",
        "/api/v1/duplicates",
    ] {
        assert_eq!(
            app.get_as(Some(&interviewer), path).await.status(),
            StatusCode::FORBIDDEN,
            "{path}"
        );
    }
}

#[tokio::test]
async fn admins_version_the_protocol_and_interviews_keep_theirs() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    let interviewer = app.token(Role::Interviewer).await;
    let first = app
        .json_as(&interviewer, "/api/v1/interview-protocol")
        .await;
    assert_eq!(first["version"], 1);
    assert_eq!(
        first["generators"][0]["prompt"]["ara"],
        "من تسأل للحصول على معلومات في حالة الطوارئ؟"
    );

    let mut second = first.clone();
    second["generators"][0]["prompt"]["eng"] = json!("Whom do you ask when the water rises?");
    let refused = client_with(&interviewer)
        .put(app.url("/api/v1/interview-protocol"))
        .json(&second)
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let saved = app.put_json("/api/v1/interview-protocol", &second).await;
    assert_eq!(saved.status(), StatusCode::CREATED);
    let latest = app
        .json_as(&interviewer, "/api/v1/interview-protocol")
        .await;
    assert_eq!(latest["version"], 2);
    assert_eq!(
        latest["generators"][0]["prompt"]["eng"],
        "Whom do you ask when the water rises?"
    );
    let kept = app
        .json_as(&interviewer, "/api/v1/interview-protocol?version=1")
        .await;
    assert_eq!(
        kept["generators"][0]["prompt"]["eng"],
        "Who would you ask for information in an emergency?"
    );
    // A protocol that breaks a rule is refused whole.
    let mut bad = first.clone();
    bad["generators"][1]["relation"] = json!("owes_money_to");
    let response = app.put_json("/api/v1/interview-protocol", &bad).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(
        error_of(response).await["message"]
            .as_str()
            .unwrap()
            .contains("relation")
    );
    // An interview asked with version 1 still goes in, and says so.
    let response = post(&app, &interviewer, &interview("key-0000-oldver")).await;
    assert_eq!(response.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn erasing_a_person_takes_their_interview_and_what_others_said_of_them() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    let interviewer = app.token(Role::Interviewer).await;
    let first: Value = post(&app, &interviewer, &interview("key-0000-erase1"))
        .await
        .json()
        .await
        .unwrap();
    let saba = first["named"][1]["id"].as_str().unwrap().to_owned();
    let mut second = interview("key-0000-erase2");
    second["ego"] = json!({"id": "m-2"});
    second["named"] =
        json!([{"ref": "x", "id": saba, "generators": ["emergency_information"], "trust": 3}]);
    second["sociogram"] = json!([]);
    let second: Value = post(&app, &interviewer, &second)
        .await
        .json()
        .await
        .unwrap();
    assert!(second["id"].is_string(), "{second}");

    let erased = app
        .delete(&format!("/api/v1/actors/{saba}?erase=true"))
        .await;
    assert!(erased.status().is_success());
    let about: Value = app
        .get(&format!(
            "/api/v1/interviews/{}",
            second["id"].as_str().unwrap()
        ))
        .await
        .json()
        .await
        .unwrap();
    assert!(!about.to_string().contains(&saba), "{about}");
    // The interviewee's own interview goes whole with them.
    let ego = first["ego"].as_str().unwrap();
    assert!(
        app.delete(&format!("/api/v1/actors/{ego}?erase=true"))
            .await
            .status()
            .is_success()
    );
    let gone = app
        .get(&format!(
            "/api/v1/interviews/{}",
            first["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(gone.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_demo_city_has_interviews_and_their_pages_show_them_to_whom_they_may() {
    let app = crate::helpers::spawn_app_with(|config| config.demo = true).await;
    let list: Value = app.get("/api/v1/interviews").await.json().await.unwrap();
    let interviews = list["interviews"].as_array().unwrap();
    assert!(interviews.len() >= 20, "{}", interviews.len());
    // Each demo interview tells of ties the network holds, its person's consent with it.
    let id = interviews[0]["id"].as_str().unwrap();
    let record: Value = app
        .get(&format!("/api/v1/interviews/{id}"))
        .await
        .json()
        .await
        .unwrap();
    let tie = record["ties"][0]["id"].as_str().unwrap();
    assert_eq!(
        app.get(&format!("/api/v1/ties/{tie}")).await.status(),
        StatusCode::OK
    );

    let page = app.get("/interviews").await.text().await.unwrap();
    assert!(
        page.contains(r#"<table class="reflow" id="interviews">"#),
        "{page}"
    );
    assert!(page.contains(&format!(r#"<tr id="{id}">"#)));
    let interviewer = app.token(Role::Interviewer).await;
    let refused = app.get_as(Some(&interviewer), "/interviews").await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    // The interviewer's page: the interview, and in the navigation nothing else.
    let page = app
        .get_as(Some(&interviewer), "/interview")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains(r#"<form id="step""#));
    let nav = &page[page.find(r#"<nav class="site""#).unwrap()..page.find("</nav>").unwrap()];
    assert_eq!(nav.matches("<li>").count(), 1, "{nav}");
    assert!(
        !page.contains("/interviews"),
        "no link to what they cannot open"
    );
    let worker = app.get_as(None, "/interview-sw.js").await;
    assert_eq!(
        worker.headers()["content-type"],
        "text/javascript; charset=utf-8"
    );
    assert!(
        worker
            .text()
            .await
            .unwrap()
            .contains("/api/v1/interview-protocol")
    );
}
