//! Data protection, on whichever store the suite runs against: nothing personal leaks to
//! analysts and viewers from any route, migrants without consent are counted but never shown,
//! erasure leaves no trace of the person, and migrants' locations are never stored as given.

use std::collections::BTreeSet;

use relaymap::domain::Role;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, client_with, spawn_app, spawn_app_with, stored_home};

/// The demo city (small), plus records that carry every kind of personal field: attributes,
/// notes, and a migrant who did not consent.
async fn city_with_personal_data(app: &TestApp) {
    let store = relaymap::store::open(app.store_config(), 100)
        .await
        .unwrap();
    relaymap::app::load_demo(store.as_ref(), 11, 300)
        .await
        .unwrap()
        .expect("an empty store takes the demo city");
    let response = app
        .import_json(&json!({
            "actors": [
                {"id": "m-secret", "kind": "migrant", "name": "Hidden Withheld-Person",
                 "languages": ["tir"], "location": {"lat": 44.40713, "lon": 8.93399},
                 "channels": ["sms"], "consent": false},
                {"id": "m-attr", "kind": "migrant", "name": "Attributed Person",
                 "languages": ["ara"], "consent": true,
                 "attributes": {"status": "pending asylum claim", "household": 5}}
            ],
            "ties": [
                {"id": "t-secret", "source": "m-secret", "target": "m-attr", "kind": "knows",
                 "trust": 0.8, "note": "met at the harbour chapel"},
                {"id": "t-attr", "source": "m-attr", "target": "m-secret", "kind": "knows",
                 "channels": ["social_media"]}
            ]
        }))
        .await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "{}",
        response.text().await.unwrap()
    );
}

/// Every personal value in the network, read from the store itself (exports leave out the
/// migrants without consent).
async fn personal_values(app: &TestApp) -> BTreeSet<String> {
    let store = relaymap::store::open(app.store_config(), 100)
        .await
        .unwrap();
    let mut document = Vec::new();
    relaymap::document::write_json(&store.network().await.unwrap(), &mut document).unwrap();
    let network: Value = serde_json::from_slice(&document).unwrap();
    let mut values = BTreeSet::new();
    for actor in network["actors"].as_array().unwrap() {
        values.insert(actor["name"].as_str().unwrap().to_owned());
        for channel in actor["channels"].as_array().into_iter().flatten() {
            values.insert(channel.as_str().unwrap().to_owned());
        }
        // A coordinate to four decimals or more (about 11 m) can point at a home; shorter ones
        // (an organisation at `8.19`) also occur among the metric values by chance.
        if let Some(location) = actor["location"].as_object() {
            for coordinate in [location["lat"].to_string(), location["lon"].to_string()] {
                if coordinate
                    .split_once('.')
                    .is_some_and(|(_, d)| d.len() >= 4)
                {
                    values.insert(coordinate);
                }
            }
        }
        for value in actor["attributes"].as_object().into_iter().flatten() {
            values.insert(value.1.as_str().map_or(value.1.to_string(), str::to_owned));
        }
    }
    for tie in network["ties"].as_array().unwrap() {
        for channel in tie["channels"].as_array().into_iter().flatten() {
            values.insert(channel.as_str().unwrap().to_owned());
        }
        if let Some(note) = tie["note"].as_str() {
            values.insert(note.to_owned());
        }
    }
    // A single digit (an attribute like `household: 5`) is in every response by chance; what
    // must not leak is anything that could identify someone.
    values.retain(|v| v.len() >= 3);
    assert!(values.contains("Hidden Withheld-Person") && values.contains("social_media"));
    assert!(
        values.contains("pending asylum claim") && values.contains("met at the harbour chapel")
    );
    values
}

/// Whether `body` shows `value`: as a whole number when it is one (`8.19` is not shown by
/// `8.1912`), anywhere when it is text.
fn shows(body: &str, value: &str) -> bool {
    if value.parse::<f64>().is_err() {
        return body.contains(value);
    }
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || c == '.');
    body.match_indices(value).any(|(at, _)| {
        !digit(body[..at].chars().next_back()) && !digit(body[at + value.len()..].chars().next())
    })
}

/// The readable bytes of a response: a zip's files unpacked, a GeoPackage's tables as text
/// (coordinates included) besides its raw bytes.
async fn readable(response: reqwest::Response) -> String {
    let media_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let bytes = response.bytes().await.unwrap();
    if media_type == "application/geopackage+sqlite3" {
        let tables = crate::helpers::GeoPackage::open(&bytes).text();
        return format!("{tables}\n{}", String::from_utf8_lossy(&bytes));
    }
    if media_type != "application/zip" {
        return String::from_utf8_lossy(&bytes).into_owned();
    }
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let mut text = String::new();
    for i in 0..archive.len() {
        use std::io::Read;
        archive
            .by_index(i)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
    }
    text
}

/// Every route of the router, for a role: every GET (exports and metrics in every format), and
/// every write, which must be refused. Returns what came back, by request.
async fn everything_as(app: &TestApp, token: &str) -> Vec<(String, StatusCode, String)> {
    let client = client_with(token);
    let mut requests: Vec<(Method, String)> = Vec::new();
    for rule in relaymap::http::routes(relaymap::config::DEFAULT_MAX_IMPORT_BYTES).rules() {
        let path = rule.path.replace("{id}", "m-secret");
        requests.push((rule.method.clone(), path.clone()));
        if rule.path == "/api/v1/export" {
            for format in relaymap::export::ExportFormat::ALL.map(|f| f.name()) {
                requests.push((Method::GET, format!("{path}?format={format}")));
                if format != "json" {
                    requests.push((
                        Method::GET,
                        format!("{path}?format={format}&with_metrics=true"),
                    ));
                }
            }
        }
        if rule.path == "/api/v1/metrics" {
            requests.push((Method::GET, format!("{path}?format=json")));
        }
        if rule.path == "/api/v1/audit" || rule.path == "/api/v1/actors" {
            requests.push((Method::GET, format!("{path}?limit=1000")));
        }
    }
    let mut answers = Vec::new();
    for (method, path) in requests {
        // Pages answer browsers (Accept: text/html) and scripts; /metrics differently.
        let variants: &[Option<&str>] = if method == Method::GET && !path.starts_with("/api/") {
            &[None, Some("text/html")]
        } else {
            &[None]
        };
        for accept in variants {
            let mut request = client.request(method.clone(), app.url(&path));
            if method != Method::GET {
                request = request.json(&json!({"id": "m-secret", "kind": "migrant", "name": "x"}));
            }
            if let Some(accept) = accept {
                request = request.header("accept", *accept);
            }
            let response = request.send().await.unwrap();
            let status = response.status();
            let label = match accept {
                Some(_) => format!("{method} {path} (html)"),
                None => format!("{method} {path}"),
            };
            answers.push((label, status, readable(response).await));
        }
    }
    answers
}

/// The leak test: analysts and viewers read everything they can, and no name, channel, note,
/// attribute value or stored coordinate of any actor appears in any byte they get; the migrant
/// without consent does not appear even as a pseudonym.
#[tokio::test]
async fn analysts_and_viewers_never_see_personal_data() {
    let app = spawn_app().await;
    city_with_personal_data(&app).await;
    let personal = personal_values(&app).await;
    let store = relaymap::store::open(app.store_config(), 100)
        .await
        .unwrap();
    let pseudonyms = relaymap::service::Services::command_line(store)
        .pseudonymizer()
        .await
        .unwrap();
    let hidden = pseudonyms.actor("m-secret");

    for role in [Role::Analyst, Role::Viewer] {
        let token = app.token(role).await;
        let answers = everything_as(&app, &token).await;
        let served: Vec<&String> = answers
            .iter()
            .filter(|(_, status, _)| status.is_success())
            .map(|(request, _, _)| request)
            .collect();
        // The test reads real data: the role's own routes answered.
        let expected: &[&str] = match role {
            Role::Analyst => &[
                "GET /api/v1/export?format=graphml&with_metrics=true",
                "GET /api/v1/metrics?format=json",
                "GET /api/v1/summary",
                "GET /metrics (html)",
            ],
            _ => &[
                "GET /api/v1/aggregates",
                "GET /api/v1/stats",
                "GET / (html)",
                "GET /metrics",
            ],
        };
        for request in expected {
            assert!(
                served.iter().any(|s| s == request),
                "{role}: {request} was not served"
            );
        }
        let description = reqwest::get(app.url("/api/v1/openapi.json"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        for (request, status, body) in &answers {
            assert!(!status.is_server_error(), "{role}: {request}: {status}");
            if request == "GET /api/v1/openapi.json" {
                // The description is made from the code alone (it names channels such as
                // `email` as words of the API): the same for everyone, with no data in it.
                assert_eq!(body, &description, "{role}: the description differs");
                assert!(!body.contains("m-secret"));
                continue;
            }
            // A page's scripts' words (every page carries them) are the same for everyone and
            // hold no data: the page is read without them.
            let body = &crate::helpers::shown(body);
            for value in &personal {
                assert!(!shows(body, value), "{role}: {request} shows {value:?}");
            }
            assert!(
                !body.contains("m-secret") || !status.is_success(),
                "{role}: {request} names m-secret"
            );
            assert!(
                !body.contains(&hidden),
                "{role}: {request} shows the pseudonym of m-secret"
            );
        }
        // Writes are refused outright.
        for (request, status, _) in &answers {
            if !request.starts_with("GET") && !request.contains("/signin") {
                // The language switch writes nothing but the visitor's own cookie.
                assert!(
                    *status == StatusCode::FORBIDDEN
                        || request.contains("/signout")
                        || request.contains("/language"),
                    "{role}: {request}: {status}"
                );
            }
        }
    }
}

#[tokio::test]
async fn migrants_without_consent_are_counted_only_for_roles_that_see_them_and_never_exported() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    let documents = (0..6).map(|i| {
        json!({"id": format!("m-q{i}"), "kind": "migrant", "name": format!("Quiet {i}"),
               "languages": ["tir"], "city": "c-1", "consent": i % 2 == 0})
    });
    let response = app
        .import_json(&json!({"actors": documents.collect::<Vec<_>>(), "ties": []}))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let viewer = app.token(Role::Viewer).await;
    let analyst = app.token(Role::Analyst).await;

    let whole: Value = app.get("/api/v1/aggregates").await.json().await.unwrap();
    let counts: Value = app.json_as(&viewer, "/api/v1/aggregates").await;
    let analysts: Value = app.json_as(&analyst, "/api/v1/stats").await;
    let export: Value = app
        .json_as(&analyst, "/api/v1/export?format=nodelink")
        .await;

    // 8 migrants, 3 of them without consent: a coordinator's counts hold all of them...
    assert_eq!(whole["actors_by_kind"]["migrant"], 8);
    // ...the counts of roles that see no personal data only the 5 who consented (#15: what an
    // analyst or viewer receives describes only what an export may hold).
    assert_eq!(counts["actors_by_kind"]["migrant"], 5);
    assert_eq!(analysts["actors"]["migrant"], 5);
    let tir = counts["migrants_by_first_language"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["language"] == "tir")
        .unwrap();
    assert_eq!(tir["count"], 5);
    // The analyst's export holds only the 5 who consented.
    let migrants = export["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "migrant")
        .count();
    assert_eq!(migrants, 5);
    // Coordinators see everyone in the network...
    let listed: Value = app
        .get("/api/v1/actors?kind=migrant")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(listed["actors"].as_array().unwrap().len(), 8);
    // ...but no export carries those without consent, not even an admin's plain document.
    let document: Value = serde_json::from_str(&app.export().await).unwrap();
    let exported: Vec<&str> = document["actors"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["kind"] == "migrant")
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(exported, ["m-1", "m-2", "m-q0", "m-q2", "m-q4"]);
}

#[tokio::test]
async fn small_cells_are_suppressed_with_the_cells_that_would_give_them_away() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    let more = (0..9).map(|i| {
        json!({"id": format!("m-s{i}"), "kind": "migrant", "name": format!("Someone {i}"),
               "languages": [if i < 7 { "ara" } else { "fas" }], "city": "c-1", "consent": true})
    });
    let response = app
        .import_json(&json!({"actors": more.collect::<Vec<_>>(), "ties": []}))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let viewer = app.token(Role::Viewer).await;

    let counts: Value = app.json_as(&viewer, "/api/v1/aggregates").await;

    // 11 migrants: 7 Arabic, 2 Persian, 2 Tigrinya. The two small cells hide each other, so
    // the total minus Arabic cannot be split; Arabic and the total stay.
    let by_language: Vec<(String, Value)> = counts["migrants_by_first_language"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["language"].as_str().unwrap().to_owned(),
                c["count"].clone(),
            )
        })
        .collect();
    assert_eq!(
        by_language,
        [
            ("ara".into(), json!(7)),
            ("fas".into(), Value::Null),
            ("tir".into(), Value::Null)
        ]
    );
    assert_eq!(counts["actors_by_kind"]["migrant"], 11);
    assert_eq!(counts["small_cell_threshold"], 5);
    // Stats show viewers the same total; a network of fewer than five migrants hides it.
    let stats: Value = app.json_as(&viewer, "/api/v1/stats").await;
    assert_eq!(stats["actors"]["migrant"], 11);
    let small = spawn_app().await;
    small.seed_small_network().await;
    let viewer = small.token(Role::Viewer).await;
    let stats: Value = small.json_as(&viewer, "/api/v1/stats").await;
    assert_eq!(stats["actors"]["migrant"], Value::Null);
    // The total of actors is a known sum: a second cell of it is withheld too, so the total
    // minus the others never gives the migrants away.
    let withheld = ["total", "migrant", "organisation", "responder", "city"]
        .iter()
        .filter(|k| stats["actors"][**k].is_null())
        .count();
    assert!(withheld >= 2, "{stats}");
    assert_eq!(
        small.stats().await["actors"]["migrant"],
        2,
        "admins see the count"
    );
}

#[tokio::test]
async fn analysts_summaries_leave_out_groups_of_fewer_than_five() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    let analyst = app.token(Role::Analyst).await;

    let full: Value = app.get("/api/v1/summary").await.json().await.unwrap();
    let research: Value = app.json_as(&analyst, "/api/v1/summary").await;

    assert!(!full["capital_by_first_language"]["tir"].is_null());
    assert_eq!(full["suppressed_groups"], 0);
    assert_eq!(research["capital_by_first_language"], json!({}));
    assert_eq!(research["capital_by_city"], json!({}));
    assert!(research["suppressed_groups"].as_u64().unwrap() >= 2);
    assert_eq!(
        research["actors"], full["actors"],
        "whole-network figures stay"
    );
}

#[tokio::test]
async fn erasure_removes_the_person_their_ties_and_every_trace_in_the_audit_trail() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    // Writes that name the person and their ties in the audit trail.
    let selam = json!({"kind": "migrant", "name": "Selam", "languages": ["tir"], "consent": true});
    assert_eq!(
        app.put_json("/api/v1/actors/m-1", &selam).await.status(),
        StatusCode::OK
    );
    let tie = json!({"source": "m-1", "target": "m-2", "kind": "knows", "trust": 0.5});
    assert_eq!(
        app.put_json("/api/v1/ties/t-1", &tie).await.status(),
        StatusCode::OK
    );
    // A refused read records its query: the id is in the trail there too.
    let stranger = app
        .get_as(Some("rm_unknown"), "/api/v1/ties?actor=m-1")
        .await;
    assert_eq!(stranger.status(), StatusCode::UNAUTHORIZED);
    let bad = app.delete("/api/v1/actors/m-1?erase=maybe").await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);

    let erased = app.delete("/api/v1/actors/m-1?erase=true").await;

    assert_eq!(erased.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        app.get("/api/v1/actors/m-1").await.status(),
        StatusCode::NOT_FOUND
    );
    for tie in ["t-1", "t-2", "t-5"] {
        let path = format!("/api/v1/ties/{tie}");
        assert_eq!(
            app.get(&path).await.status(),
            StatusCode::NOT_FOUND,
            "{tie}"
        );
    }
    assert!(!app.export().await.contains("m-1"));
    let trail = app
        .get("/api/v1/audit?limit=1000")
        .await
        .text()
        .await
        .unwrap();
    for trace in ["m-1", "t-1", "t-2", "t-5"] {
        assert!(!trail.contains(trace), "{trace} in {trail}");
    }
    let trail: Value = serde_json::from_str(&trail).unwrap();
    let entries = trail["entries"].as_array().unwrap();
    assert!(
        entries
            .iter()
            .any(|e| e["action"] == "DELETE /api/v1/actors/{id}"
                && e["target"] == "erased"
                && e["outcome"] == "ok")
    );
    assert!(
        entries.iter().filter(|e| e["target"] == "erased").count() >= 3,
        "the earlier writes are still in the trail, their targets redacted"
    );
    // An ordinary delete keeps its target: only erasure redacts.
    assert_eq!(
        app.delete("/api/v1/actors/o-1").await.status(),
        StatusCode::NO_CONTENT
    );
    let trail = app.get("/api/v1/audit").await.text().await.unwrap();
    assert!(trail.contains("\"o-1\""));
}

#[tokio::test]
async fn migrants_locations_are_snapped_on_every_write_and_places_kept() {
    let app = spawn_app().await;
    app.seed_small_network().await;

    let migrant: Value = app.get("/api/v1/actors/m-1").await.json().await.unwrap();
    let responder: Value = app.get("/api/v1/actors/r-1").await.json().await.unwrap();
    let moved =
        json!({"kind": "migrant", "name": "Selam", "location": {"lat": 44.12345, "lon": 8.23456}});
    assert_eq!(
        app.put_json("/api/v1/actors/m-1", &moved).await.status(),
        StatusCode::OK
    );
    let replaced: Value = app.get("/api/v1/actors/m-1").await.json().await.unwrap();

    assert_eq!(migrant["location"], stored_home(44.11, 8.21));
    assert_eq!(replaced["location"], stored_home(44.12345, 8.23456));
    assert_eq!(
        responder["location"],
        json!({"lat": 44.1, "lon": 8.2}),
        "a fire station is a place"
    );
}

#[tokio::test]
async fn a_precision_of_zero_keeps_locations_as_given() {
    let app = spawn_app_with(|config| config.person_precision_m = 0).await;
    app.seed_small_network().await;

    let migrant: Value = app.get("/api/v1/actors/m-1").await.json().await.unwrap();

    assert_eq!(migrant["location"], json!({"lat": 44.11, "lon": 8.21}));
}
