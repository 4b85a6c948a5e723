//! The attack review of #15, as tests: what a role that sees no personal data can work out,
//! what an erasure leaves behind, what reaches a spreadsheet, what the audit trail records of
//! reads, what an analyst's metrics describe, and how much work one token can cause.

use std::collections::{BTreeMap, BTreeSet};

use relaymap::domain::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app, spawn_app_with};

/// A city whose counts have small cells everywhere a viewer could look: a district of three
/// migrants, a language of three, three migrants the responders do not reach, and one or two
/// ties of some kinds.
fn city_with_small_cells() -> Value {
    let mut actors = vec![
        json!({"id": "c-big", "kind": "city", "name": "Harbour"}),
        json!({"id": "c-mid", "kind": "city", "name": "Hills"}),
        json!({"id": "c-small", "kind": "city", "name": "Islet"}),
        json!({"id": "r-1", "kind": "responder", "name": "Fire service", "languages": ["ara", "fas", "tir"]}),
        json!({"id": "o-1", "kind": "organisation", "name": "Centre", "languages": ["ara", "fas"]}),
        json!({"id": "o-2", "kind": "organisation", "name": "Church", "languages": ["tir"]}),
    ];
    let mut ties = vec![
        json!({"id": "t-p1", "source": "o-1", "target": "r-1", "kind": "partners_with", "trust": 0.8}),
        json!({"id": "t-p2", "source": "o-2", "target": "r-1", "kind": "partners_with", "trust": 0.8}),
        json!({"id": "t-s1", "source": "r-1", "target": "m-001", "kind": "serves", "trust": 0.8}),
    ];
    // (city, language, how many, reached through o-1 or o-2)
    let groups = [
        ("c-big", "ara", 20, true),
        ("c-big", "fas", 8, true),
        ("c-mid", "ara", 6, true),
        ("c-mid", "fas", 4, true),
        ("c-mid", "tir", 2, true),
        ("c-small", "ara", 2, false),
        ("c-small", "tir", 1, false),
    ];
    let mut n = 0;
    for (city, language, count, reached) in groups {
        for _ in 0..count {
            n += 1;
            let id = format!("m-{n:03}");
            actors.push(
                json!({"id": id, "kind": "migrant", "name": format!("Person {n}"),
                               "languages": [language], "city": city, "consent": true}),
            );
            if reached {
                let organisation = if language == "tir" { "o-2" } else { "o-1" };
                ties.push(
                    json!({"id": format!("t-m{n}"), "source": id, "target": organisation,
                                 "kind": "member_of", "trust": 0.9}),
                );
            }
        }
    }
    json!({"actors": actors, "ties": ties})
}

/// What a reader knows: figures by name, some of them known.
struct Knowledge {
    known: BTreeMap<String, u64>,
    sums: Vec<(String, Vec<String>)>,
}

impl Knowledge {
    fn learn(&mut self, name: String, value: &Value) {
        if let Some(n) = value.as_u64() {
            self.known.insert(name, n);
        }
    }

    /// Works out every figure a sum gives away, until nothing more follows.
    fn derive(&mut self) {
        loop {
            let mut learned = false;
            for (total, parts) in &self.sums {
                let unknown_parts: Vec<&String> = parts
                    .iter()
                    .filter(|p| !self.known.contains_key(*p))
                    .collect();
                match (self.known.get(total).copied(), unknown_parts.as_slice()) {
                    (Some(t), [missing]) => {
                        let rest: u64 = parts.iter().filter_map(|p| self.known.get(p)).sum();
                        self.known
                            .insert((*missing).clone(), t.saturating_sub(rest));
                        learned = true;
                    }
                    (None, []) => {
                        let sum = parts.iter().map(|p| self.known[p]).sum();
                        self.known.insert(total.clone(), sum);
                        learned = true;
                    }
                    _ => {}
                }
            }
            if !learned {
                return;
            }
        }
    }
}

#[tokio::test]
async fn a_viewer_cannot_work_out_any_withheld_count_from_everything_shown() {
    // Regression test for #15 (3): the dashboard withheld "reached" and "unreached" but
    // printed the reached share, from which both follow; small tie counts were shown.
    // Arrange
    let app = spawn_app().await;
    let city = city_with_small_cells();
    assert_eq!(app.import_json(&city).await.status(), StatusCode::OK);
    let viewer = app.token(Role::Viewer).await;

    // Act: everything a viewer can read.
    let stats: Value = app.json_as(&viewer, "/api/v1/stats").await;
    let aggregates: Value = app.json_as(&viewer, "/api/v1/aggregates").await;
    let dashboard = app.get_as(Some(&viewer), "/").await.text().await.unwrap();

    // Assert
    let mut reader = Knowledge {
        known: BTreeMap::new(),
        sums: Vec::new(),
    };
    for (kind, value) in stats["actors"].as_object().unwrap() {
        reader.learn(format!("actors:{kind}"), value);
    }
    for (kind, value) in stats["ties"].as_object().unwrap() {
        reader.learn(format!("ties:{kind}"), value);
    }
    for (kind, value) in aggregates["actors_by_kind"].as_object().unwrap() {
        reader.learn(format!("actors:{kind}"), value);
    }
    let mut cities = BTreeSet::new();
    let mut languages = BTreeSet::new();
    for cell in aggregates["migrants_by_city"].as_array().unwrap() {
        cities.insert(cell["city"].as_str().unwrap().to_owned());
        reader.learn(
            format!("city:{}", cell["city"].as_str().unwrap()),
            &cell["count"],
        );
    }
    for cell in aggregates["migrants_by_first_language"].as_array().unwrap() {
        languages.insert(cell["language"].as_str().unwrap().to_owned());
        reader.learn(
            format!("language:{}", cell["language"].as_str().unwrap()),
            &cell["count"],
        );
    }
    let mut pairs = Vec::new();
    for cell in aggregates["migrants_by_city_and_first_language"]
        .as_array()
        .unwrap()
    {
        let (c, l) = (
            cell["city"].as_str().unwrap(),
            cell["language"].as_str().unwrap(),
        );
        pairs.push((c.to_owned(), l.to_owned()));
        reader.learn(format!("pair:{c}:{l}"), &cell["count"]);
    }
    // The dashboard's headline: the share, "(R of M", the isolated.
    let between = |text: &str, start: &str, end: &str| -> Option<String> {
        let from = text.find(start)? + start.len();
        Some(text[from..from + text[from..].find(end)?].to_owned())
    };
    let headline = between(&dashboard, "id=\"reachable\"><strong>", "</strong>").unwrap();
    let counts = between(&dashboard, "the responders (", ":").unwrap();
    let (reached, migrants) = counts.split_once(" of ").unwrap();
    for (name, shown) in [("reached", reached), ("actors:migrant", migrants)] {
        // Numbers are written the page's way: 1,949 in English.
        if let Ok(n) = shown.trim().replace(',', "").parse::<u64>() {
            reader.known.insert(name.into(), n);
        }
    }
    // Every dashboard table row is a count the aggregates also give; a share and one side of
    // it give the other side.
    if let Some(percent) = headline
        .strip_suffix(" %")
        .and_then(|p| p.parse::<f64>().ok())
    {
        if let Some(&m) = reader.known.get("actors:migrant") {
            reader.known.insert(
                "reached".into(),
                (percent / 100.0 * m as f64).round() as u64,
            );
        } else if let Some(&r) = reader.known.get("reached") {
            reader.known.insert(
                "actors:migrant".into(),
                (r as f64 * 100.0 / percent).round() as u64,
            );
        }
    }
    let kinds = ["city", "migrant", "organisation", "responder"];
    reader.sums.push((
        "actors:total".into(),
        kinds.iter().map(|k| format!("actors:{k}")).collect(),
    ));
    let tie_kinds = [
        "knows",
        "located_in",
        "member_of",
        "partners_with",
        "serves",
    ];
    reader.sums.push((
        "ties:total".into(),
        tie_kinds.iter().map(|k| format!("ties:{k}")).collect(),
    ));
    reader.sums.push((
        "actors:migrant".into(),
        vec!["reached".into(), "unreached".into()],
    ));
    reader.sums.push((
        "actors:migrant".into(),
        cities.iter().map(|c| format!("city:{c}")).collect(),
    ));
    reader.sums.push((
        "actors:migrant".into(),
        languages.iter().map(|l| format!("language:{l}")).collect(),
    ));
    for city in &cities {
        let parts = pairs.iter().filter(|(c, _)| c == city);
        reader.sums.push((
            format!("city:{city}"),
            parts.map(|(c, l)| format!("pair:{c}:{l}")).collect(),
        ));
    }
    for language in &languages {
        let parts = pairs.iter().filter(|(_, l)| l == language);
        reader.sums.push((
            format!("language:{language}"),
            parts.map(|(c, l)| format!("pair:{c}:{l}")).collect(),
        ));
    }
    reader.derive();
    // The truth, from the city as built: every count of 1 to 4 must stay unknown.
    let truth = [
        ("unreached", 3),
        ("city:c-small", 3),
        ("language:tir", 3),
        ("pair:c-mid:fas", 4),
        ("pair:c-mid:tir", 2),
        ("pair:c-small:ara", 2),
        ("pair:c-small:tir", 1),
        ("ties:partners_with", 2),
        ("ties:serves", 1),
    ];
    for (figure, count) in truth {
        assert!(
            !reader.known.contains_key(figure),
            "a viewer works out {figure} = {count} (it is {:?}) from what they see",
            reader.known.get(figure)
        );
    }
    // And the large figures are still there to read.
    assert_eq!(reader.known.get("city:c-big"), Some(&28));
    assert_eq!(reader.known.get("language:ara"), Some(&28));
}

/// Reads one file of a zip in memory.
fn unzip(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut file = archive.by_name(name).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut file, &mut text).unwrap();
    text
}

#[tokio::test]
async fn no_csv_relaymap_writes_runs_a_formula_and_they_import_back_as_they_were() {
    // Regression test for #15 (5): names and notes starting with = + - @ went into every CSV
    // as typed.
    // Arrange
    let app = spawn_app().await;
    let risky = json!({
        "actors": [
            {"id": "-2-3", "kind": "organisation", "name": "=HYPERLINK(\"http://x\",\"y\")"},
            {"id": "m-1", "kind": "migrant", "name": "+33 6 12", "consent": true},
            {"id": "m-2", "kind": "migrant", "name": "@SUM(A1)", "consent": true},
            {"id": "m-3", "kind": "migrant", "name": "'=already quoted", "consent": true},
            {"id": "m-4", "kind": "migrant", "name": "Plain name", "consent": true},
            {"id": "-7-7", "kind": "migrant", "name": "Nobody reaches", "consent": true},
        ],
        "ties": [
            {"id": "t-1", "source": "m-1", "target": "-2-3", "kind": "member_of", "trust": 0.5,
             "note": "-1+1 meets on Fridays"},
            {"id": "t-2", "source": "m-2", "target": "m-4", "kind": "knows", "trust": 0.5,
             "note": "=cmd|' /C calc'!A0"},
        ],
    });
    assert_eq!(app.import_json(&risky).await.status(), StatusCode::OK);

    // Act
    let zip = app
        .get("/api/v1/export?format=csv")
        .await
        .bytes()
        .await
        .unwrap();
    let metrics = app
        .get("/api/v1/metrics?format=csv&only=degree")
        .await
        .text()
        .await
        .unwrap();
    let scenario = app
        .post_json("/api/v1/coverage?format=csv", &json!({}))
        .await
        .text()
        .await
        .unwrap();

    // Assert: no cell starts with a formula character.
    let actors = unzip(&zip, "actors.csv");
    let ties = unzip(&zip, "ties.csv");
    let files = [
        ("actors.csv", &actors),
        ("ties.csv", &ties),
        ("metrics", &metrics),
        ("scenario", &scenario),
    ];
    for (file, text) in files {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes());
        for record in reader.records() {
            for cell in record.unwrap().iter() {
                let numeric = cell.parse::<f64>().is_ok();
                assert!(
                    numeric || !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{file} has a cell a spreadsheet would run: {cell:?}"
                );
            }
        }
    }
    assert!(actors.contains("'=HYPERLINK"), "{actors}");
    assert!(actors.contains("''=already quoted"), "{actors}");
    assert!(metrics.contains("'-2-3,organisation"), "{metrics}");
    assert!(scenario.contains("'-7-7,Nobody reaches,"), "{scenario}");
    // The same files import back to exactly what was written (into a store of their own: the
    // suite's Neo4j has one database).
    let copy = crate::helpers::spawn_app_on_sqlite().await;
    let imported = copy.import_csv(Some(&actors), Some(&ties)).await;
    assert_eq!(
        imported.status(),
        StatusCode::OK,
        "{}",
        imported.text().await.unwrap()
    );
    let original: Value = serde_json::from_str(&app.export().await).unwrap();
    let round_trip: Value = serde_json::from_str(&copy.export().await).unwrap();
    let names = |document: &Value, what: &str, field: &str| -> Vec<Value> {
        document[what]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r[field].clone())
            .collect()
    };
    assert_eq!(
        names(&round_trip, "actors", "name"),
        names(&original, "actors", "name")
    );
    assert_eq!(
        names(&round_trip, "ties", "note"),
        names(&original, "ties", "note")
    );
}

/// The audit trail, newest first.
async fn trail(app: &TestApp) -> Vec<Value> {
    let trail: Value = app
        .get("/api/v1/audit?limit=1000")
        .await
        .json()
        .await
        .unwrap();
    trail["entries"].as_array().unwrap().clone()
}

/// The entries of an action (`GET /api/v1/actors`), oldest first.
fn entries_of<'a>(trail: &'a [Value], action: &str) -> Vec<&'a Value> {
    trail
        .iter()
        .rev()
        .filter(|e| e["action"] == action)
        .collect()
}

#[tokio::test]
async fn every_read_of_personal_data_and_every_refusal_is_audited_with_its_record_count() {
    // Regression test for #15 (6): listing and reading actors, the card, the map's data and the
    // view left no entry, nor did refused requests.
    // Arrange
    let app = spawn_app().await;
    app.seed_small_network().await;
    let coordinator = app.token(Role::Coordinator).await;
    let viewer = app.token(Role::Viewer).await;
    let as_coordinator = crate::helpers::client_with(&coordinator);

    // Act
    let reads = [
        "/api/v1/actors?kind=migrant",
        "/api/v1/actors/m-1",
        "/api/v1/actors/m-1/ties",
        "/api/v1/ties?actor=m-1",
        "/api/v1/view",
        "/actors/m-1",
        "/api/v1/outlines",
    ];
    for path in reads {
        let response = as_coordinator.get(app.url(path)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{path}");
    }
    let reach = as_coordinator
        .post(app.url("/api/v1/reach"))
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(reach.status(), StatusCode::OK);
    assert_eq!(
        app.get_as(Some(&viewer), "/api/v1/actors").await.status(),
        403
    );
    assert_eq!(app.get_as(None, "/api/v1/actors/m-2").await.status(), 401);

    // Assert
    let trail = trail(&app).await;
    let one = |action: &str| -> Value {
        let entries: Vec<&Value> = entries_of(&trail, action)
            .into_iter()
            .filter(|e| e["who"] == "test coordinator")
            .collect();
        assert_eq!(entries.len(), 1, "{action}: {trail:#?}");
        entries[0].clone()
    };
    let listing = one("GET /api/v1/actors");
    assert_eq!(listing["records"], 2);
    assert_eq!(listing["who"], "test coordinator");
    assert_eq!(listing["target"], "kind=migrant");
    assert_eq!(one("GET /api/v1/actors/{id}")["records"], 1);
    assert_eq!(one("GET /api/v1/actors/{id}/ties")["records"], 3);
    assert_eq!(one("GET /api/v1/ties")["records"], 3);
    assert_eq!(one("GET /api/v1/view")["records"], 4);
    assert_eq!(one("GET /actors/{id}")["target"], "m-1");
    assert_eq!(one("GET /api/v1/outlines")["records"], 0);
    assert_eq!(one("POST /api/v1/reach")["records"], 2);
    let refusals: Vec<(Value, Value)> = trail
        .iter()
        .filter(|e| e["outcome"] != "ok")
        .map(|e| (e["who"].clone(), e["outcome"].clone()))
        .collect();
    assert!(
        refusals.contains(&(json!("test viewer"), json!("forbidden"))),
        "{refusals:?}"
    );
    assert!(
        refusals.contains(&(json!("anonymous"), json!("unauthenticated"))),
        "{refusals:?}"
    );
    // Never the data itself.
    for entry in &trail {
        assert!(!entry.to_string().contains("Selam"), "{entry}");
    }
}

#[tokio::test]
async fn refused_clients_over_the_failure_limit_are_audited_too() {
    let app = spawn_app_with(|config| config.failure_limit = 2).await;
    for _ in 0..2 {
        assert_eq!(
            app.get_as(Some("rm_wrong"), "/api/v1/actors")
                .await
                .status(),
            401
        );
    }
    let refused = app.get_as(Some("rm_wrong"), "/api/v1/actors").await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);

    // This client is refused now, whatever token it sends: read the trail from the store.
    let store = relaymap::store::open(app.store_config(), 0).await.unwrap();
    let trail = store.audit(None, 100).await.unwrap();
    let outcomes: Vec<&str> = trail
        .iter()
        .rev()
        .filter(|e| e.action == "GET /api/v1/actors")
        .map(|e| e.outcome.as_str())
        .collect();
    assert_eq!(
        outcomes,
        ["unauthenticated", "unauthenticated", "too_many_failures"]
    );
}

#[tokio::test]
async fn a_client_spreading_bad_tokens_over_two_servers_is_held_back_by_both() {
    // Two server processes on one store, behind a proxy that sends each request to either: a
    // guesser alternating between them must not get twice the tries.
    let first = spawn_app_with(|config| config.failure_limit = 4).await;
    let second = first.another_server().await;
    async fn guess(app: &TestApp) -> reqwest::Response {
        app.get_as(Some("rm_wrong"), "/api/v1/actors").await
    }
    for app in [&first, &second, &first, &second] {
        assert_eq!(guess(app).await.status(), StatusCode::UNAUTHORIZED);
    }
    // The second process took the store's count (four, from both) at its last failure: held
    // back. The first knew of three at its own last one: it lets one more try through, and
    // then holds back too: at most `limit + servers - 1` tries in all.
    assert_eq!(guess(&second).await.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(guess(&first).await.status(), StatusCode::UNAUTHORIZED);
    for app in [&first, &second] {
        let refused = guess(app).await;
        assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
        assert!(refused.headers().contains_key("retry-after"));
    }
    // Held back means a good token from that client is not even looked up, on either server.
    let viewer = first.token(Role::Viewer).await;
    assert_eq!(
        second.get_as(Some(&viewer), "/api/v1/stats").await.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "the same client is held back even with a good token (it is not even checked)"
    );
}

#[tokio::test]
async fn an_analyst_gets_metrics_of_the_very_network_their_export_holds() {
    // Regression test for #15 (7): an analyst's metrics counted the ties of migrants who had
    // not consented, so degrees revealed them.
    // Arrange
    let app = spawn_app().await;
    app.seed_small_network().await;
    let quiet = json!({"actors": [
        {"id": "m-quiet", "kind": "migrant", "name": "Quiet", "languages": ["tir"], "consent": false}],
        "ties": [{"id": "t-q", "source": "m-quiet", "target": "m-2", "kind": "knows", "trust": 0.9},
                 {"id": "t-q2", "source": "m-quiet", "target": "o-1", "kind": "member_of", "trust": 0.9}]});
    assert_eq!(app.import_json(&quiet).await.status(), StatusCode::OK);
    let analyst = app.token(Role::Analyst).await;

    // Act
    let metrics: Value = app
        .json_as(&analyst, "/api/v1/metrics?format=json&only=degree")
        .await;
    let export: Value = app
        .json_as(
            &analyst,
            "/api/v1/export?format=nodelink&with_metrics=true&only=degree",
        )
        .await;
    let summary: Value = app.json_as(&analyst, "/api/v1/summary").await;

    // Assert: the same rows, the same degrees, and the degree of each is its ties in the file.
    let rows: BTreeMap<String, u64> = metrics
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().to_owned(),
                r["degree"].as_u64().unwrap(),
            )
        })
        .collect();
    let nodes = export["nodes"].as_array().unwrap();
    let edges = export["edges"].as_array().unwrap();
    let mut exported = BTreeMap::new();
    for node in nodes.iter().filter(|n| n["kind"] != "city") {
        let id = node["id"].as_str().unwrap().to_owned();
        let ties: BTreeSet<&str> = edges
            .iter()
            .filter(|e| {
                e["kind"] != "located_in"
                    && (e["source"] == id.as_str() || e["target"] == id.as_str())
            })
            .map(|e| {
                if e["source"] == id.as_str() {
                    e["target"].as_str().unwrap()
                } else {
                    e["source"].as_str().unwrap()
                }
            })
            .collect();
        assert_eq!(node["degree"].as_u64(), Some(ties.len() as u64), "{id}");
        exported.insert(id, ties.len() as u64);
    }
    assert_eq!(rows, exported);
    assert_eq!(rows.len(), 4, "the migrant without consent is in no row");
    assert_eq!(summary["actors"], 4);
    let described = export["graph"]["metrics_graph"].as_str().unwrap();
    assert!(described.contains("this exported network"), "{described}");
}

#[tokio::test]
async fn the_bearer_scheme_is_case_insensitive_and_personal_answers_are_not_cached() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    for scheme in ["bearer", "BEARER", "Bearer"] {
        let response = reqwest::Client::new()
            .get(app.url("/api/v1/actors/m-1"))
            .header("authorization", format!("{scheme} {}", app.admin_token))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{scheme}");
        assert_eq!(response.headers()["cache-control"], "no-store");
    }
    let page = app.get("/actors/m-1").await;
    assert_eq!(page.headers()["cache-control"], "no-store");
}

#[tokio::test]
async fn names_with_nothing_visible_or_with_bidirectional_controls_are_refused() {
    let app = spawn_app().await;
    for (name, code) in [
        ("\u{200b}\u{200b}", "invalid_name"),
        ("\u{3164}", "invalid_name"),
        ("Selam\u{202e}gnp.exe", "bidi_control"),
        ("\u{2067}Dawit", "bidi_control"),
    ] {
        let body = json!({"kind": "migrant", "name": name, "consent": true});
        let response = app.post_actor(&body).await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{name:?}"
        );
        let error = crate::helpers::error_of(response).await;
        assert_eq!(error["code"], code, "{name:?}");
        assert_eq!(error["field"], "name");
    }
    let note = json!({"actors": [
        {"id": "m-1", "kind": "migrant", "name": "A"}, {"id": "m-2", "kind": "migrant", "name": "B"}],
        "ties": [{"source": "m-1", "target": "m-2", "kind": "knows", "trust": 0.5, "note": "x\u{202e}y"}]});
    assert_eq!(
        app.import_json(&note).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    // A Persian name with a zero-width non-joiner inside is a name like any other.
    let farzaneh = json!({"kind": "migrant", "name": "فرزانه\u{200c}ها", "consent": true});
    assert_eq!(
        app.post_actor(&farzaneh).await.status(),
        StatusCode::CREATED
    );
}

/// What only the embedded store can show: its bytes on disk, and a server process of its own.
/// (The Neo4j run skips this module: Neo4j's store files are its own, see the README.)
mod on_sqlite {
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};

    use relaymap::domain::Role;
    use reqwest::StatusCode;
    use serde_json::{Value, json};

    use crate::helpers::{spawn_app, spawn_app_with};
    use crate::load_driver::Server;

    /// Whether `needle` occurs anywhere in `haystack`.
    fn holds(haystack: &[u8], needle: &[u8]) -> bool {
        haystack.windows(needle.len()).any(|w| w == needle)
    }

    fn read_or_empty(path: &std::path::Path) -> Vec<u8> {
        std::fs::read(path).unwrap_or_default()
    }

    #[tokio::test]
    async fn an_erased_person_leaves_no_byte_in_the_database_its_log_a_backup_or_a_scenario() {
        // Regression test for #15 (1): the name, attributes and tie notes of an erased person
        // were still readable with `strings` in the database, its -wal and a backup.
        // Arrange
        let app = spawn_app().await;
        let path = app.sqlite_path().expect("the embedded store");
        let person = json!({"actors": [
            {"id": "m-erase-4471", "kind": "migrant", "name": "Zerihun Oldname",
             "languages": ["tir"], "location": {"lat": 44.1234567, "lon": 8.7654321},
             "attributes": {"household": "attr-secret-7731"}, "consent": true},
            {"id": "o-stays", "kind": "organisation", "name": "Church hall", "languages": ["tir"]},
            {"id": "m-stays", "kind": "migrant", "name": "Stays", "languages": ["tir"], "consent": true}],
            "ties": [
            {"id": "t-erase-991", "source": "m-erase-4471", "target": "o-stays", "kind": "member_of",
             "trust": 0.8, "note": "note-old-5512"},
            {"id": "t-erase-992", "source": "m-erase-4471", "target": "m-stays", "kind": "knows",
             "trust": 0.8, "note": "note-live-7781"}]});
        assert_eq!(app.import_json(&person).await.status(), StatusCode::OK);
        // A rename leaves the old name in earlier pages; a deleted tie leaves its note.
        let renamed = json!({"kind": "migrant", "name": "Zerihun Qwertyname", "languages": ["tir"],
            "location": {"lat": 44.1234567, "lon": 8.7654321},
            "attributes": {"household": "attr-secret-7731"}, "consent": true});
        assert_eq!(
            app.put_json("/api/v1/actors/m-erase-4471", &renamed)
                .await
                .status(),
            200
        );
        let stored: Value = app
            .get("/api/v1/actors/m-erase-4471")
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(app.delete("/api/v1/ties/t-erase-991").await.status(), 204);
        let scenario = json!({"exclude": ["m-erase-4471"], "max_hops": 2});
        let saved = app.put_json("/api/v1/scenarios/cut%20off", &scenario).await;
        assert_eq!(saved.status(), StatusCode::OK);
        let at = &stored["location"];
        let (lat, lon) = (at["lat"].as_f64().unwrap(), at["lon"].as_f64().unwrap());

        // Act
        let erased = app.delete("/api/v1/actors/m-erase-4471?erase=true").await;
        assert_eq!(erased.status(), StatusCode::NO_CONTENT);
        let backup = path.with_file_name("after-erasure.backup");
        let made = Command::new(env!("CARGO_BIN_EXE_relaymap"))
            .args([
                "backup",
                "--db",
                path.to_str().unwrap(),
                "--out",
                backup.to_str().unwrap(),
            ])
            .env_remove("RELAYMAP_DB")
            .output()
            .unwrap();
        assert!(made.status.success(), "{made:?}");

        // Assert
        let database = read_or_empty(&path);
        let log = read_or_empty(&path.with_file_name("relaymap.db-wal"));
        let copy = read_or_empty(&backup);
        assert!(!database.is_empty() && !copy.is_empty());
        let traces: Vec<(&str, Vec<u8>)> = vec![
            ("old name", b"Zerihun Oldname".to_vec()),
            ("name", b"Qwertyname".to_vec()),
            ("attribute", b"attr-secret-7731".to_vec()),
            ("note of a deleted tie", b"note-old-5512".to_vec()),
            ("note", b"note-live-7781".to_vec()),
            ("id", b"m-erase-4471".to_vec()),
            ("tie id", b"t-erase-99".to_vec()),
            // SQLite keeps a REAL as 8 big-endian bytes.
            ("latitude", lat.to_be_bytes().to_vec()),
            ("longitude", lon.to_be_bytes().to_vec()),
        ];
        for (what, bytes) in &traces {
            for (file, content) in [
                ("database", &database),
                ("write-ahead log", &log),
                ("backup", &copy),
            ] {
                assert!(
                    !holds(content, bytes),
                    "the erased person's {what} is in the {file}"
                );
            }
        }
        let scenarios = app.get("/api/v1/scenarios").await.text().await.unwrap();
        assert!(!scenarios.contains("m-erase"), "{scenarios}");
        assert!(scenarios.contains("cut off"));
        let trail = app
            .get("/api/v1/audit?limit=1000")
            .await
            .text()
            .await
            .unwrap();
        assert!(!trail.contains("erase-"), "{trail}");
        // The others are still there.
        assert_eq!(app.get("/api/v1/actors/m-stays").await.status(), 200);
    }

    #[tokio::test]
    async fn the_server_logs_no_id_or_name_of_a_person_at_info_level() {
        // Regression test for #15 (1): writes logged the actor's and tie's ids.
        // Arrange
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("relaymap.db");
        let log_path = dir.path().join("server.log");
        let log = std::fs::File::create(&log_path).unwrap();
        let mut command = Command::new(env!("CARGO_BIN_EXE_relaymap"));
        command
            .args([
                "serve",
                "--bind",
                "127.0.0.1:0",
                "--db",
                db.to_str().unwrap(),
            ])
            .env_remove("RELAYMAP_DB")
            .env("RELAYMAP_LOG", "relaymap=info,tower_http=info");
        let server = tokio::task::spawn_blocking(move || {
            Server::spawn_logging(command, true, Stdio::from(log))
        })
        .await
        .unwrap();
        let base = format!("http://{}", server.address);
        let client = crate::helpers::client_with(server.token.as_deref().unwrap());
        let url = |path: &str| format!("{base}{path}");

        // Act: every kind of write and read about two people, and a few refusals.
        let document = json!({"actors": [
            {"id": "m-logcheck-1", "kind": "migrant", "name": "Loggable Name", "consent": true},
            {"id": "m-logcheck-2", "kind": "migrant", "name": "Other Person", "consent": true}],
            "ties": [{"id": "t-logcheck-1", "source": "m-logcheck-1", "target": "m-logcheck-2",
                      "kind": "knows", "trust": 0.5, "note": "secret-note-1"}]});
        let sent = [
            client.post(url("/api/v1/import")).json(&document),
            client.get(url("/api/v1/actors/m-logcheck-1")),
            client.put(url("/api/v1/actors/m-logcheck-2")).json(&json!({"kind": "migrant", "name": "Renamed Person"})),
            client.post(url("/api/v1/actors")).json(&json!({"id": "m-logcheck-3", "kind": "migrant", "name": "Third"})),
            client.post(url("/api/v1/ties")).json(&json!({"id": "t-logcheck-2", "source": "m-logcheck-3", "target": "m-logcheck-2", "kind": "knows", "trust": 0.4})),
            client.put(url("/api/v1/ties/t-logcheck-2")).json(&json!({"source": "m-logcheck-3", "target": "m-logcheck-2", "kind": "knows", "trust": 0.6})),
            client.delete(url("/api/v1/ties/t-logcheck-2")),
            client.get(url("/api/v1/actors/m-logcheck-404")),
            client.post(url("/api/v1/actors")).json(&json!({"id": "m-logcheck-bad", "kind": "migrant"})),
            client.post(url("/api/v1/reach")).json(&json!({"from": ["m-logcheck-1"]})),
            client.delete(url("/api/v1/actors/m-logcheck-3")),
            client.delete(url("/api/v1/actors/m-logcheck-1?erase=true")),
        ];
        for request in sent {
            request.send().await.unwrap();
        }
        server.signal("-TERM");
        let mut server = server;
        tokio::task::spawn_blocking(move || server.process.wait().map(|_| server))
            .await
            .unwrap()
            .unwrap();

        // Assert
        let logged = std::fs::read_to_string(&log_path).unwrap();
        assert!(
            logged.contains("request"),
            "the server logged its requests: {logged}"
        );
        for trace in [
            "logcheck",
            "Loggable",
            "Other Person",
            "Renamed",
            "secret-note",
        ] {
            assert!(!logged.contains(trace), "{trace} is in the log:\n{logged}");
        }
    }

    /// A copy of a demo city of 10,000 migrants, made with the CLI.
    fn demo_city(dir: &std::path::Path) -> std::path::PathBuf {
        let db = dir.join("relaymap.db");
        let made = Command::new(env!("CARGO_BIN_EXE_relaymap"))
            .args(["demo", "--db", db.to_str().unwrap(), "--migrants", "10000"])
            .env_remove("RELAYMAP_DB")
            .output()
            .unwrap();
        assert!(made.status.success(), "{made:?}");
        db
    }

    /// The analyses running now, from the operators' counts.
    async fn running(app: &crate::helpers::TestApp) -> u64 {
        let counts = app.get("/metrics").await.text().await.unwrap();
        counts
            .lines()
            .find_map(|l| l.strip_prefix("relaymap_analyses_running "))
            .expect("the gauge of running analyses")
            .parse()
            .unwrap()
    }

    /// Waits (at most `limit`) until no analysis runs; whether that happened.
    async fn settles(app: &crate::helpers::TestApp, limit: Duration) -> bool {
        let started = Instant::now();
        while started.elapsed() < limit {
            if running(app).await == 0 {
                return true;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        false
    }

    /// Every metric of the city, exactly: minutes of work on a debug build.
    const SLOW: &str = "/api/v1/metrics?format=json&only=closeness,harmonic,betweenness";

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn an_analysis_stops_soon_after_its_client_hangs_up() {
        // Regression test for #15 (8): an analysis whose client hung up ran on until the
        // timeout.
        // Arrange
        let dir = tempfile::tempdir().unwrap();
        let db = demo_city(dir.path());
        let app = spawn_app_with(|config| {
            config.store = relaymap::store::StoreConfig::Sqlite { path: db };
            config.query_timeout = Duration::from_secs(600);
        })
        .await;
        let coordinator = app.token(Role::Coordinator).await;
        let impatient = reqwest::Client::builder()
            .timeout(Duration::from_secs(3))
            .default_headers(
                [(
                    reqwest::header::AUTHORIZATION,
                    format!("Bearer {coordinator}").parse().unwrap(),
                )]
                .into_iter()
                .collect(),
            )
            .build()
            .unwrap();

        // Act: the client gives up after three seconds, while the metrics are far from done.
        let gave_up = impatient.get(app.url(SLOW)).send().await;
        assert!(
            gave_up.is_err(),
            "the metrics took less than the client's patience"
        );

        // Assert: the work stops, long before it would have finished.
        assert!(
            settles(&app, Duration::from_secs(10)).await,
            "the analysis ran on after its client left"
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_token_runs_a_few_analyses_at_once_and_is_told_when_to_come_back() {
        // Regression test for #15 (8): one token could keep every core busy.
        // Arrange
        let dir = tempfile::tempdir().unwrap();
        let db = demo_city(dir.path());
        let app = spawn_app_with(|config| {
            config.store = relaymap::store::StoreConfig::Sqlite { path: db };
            config.query_timeout = Duration::from_secs(600);
            config.analyses_per_token = 2;
        })
        .await;
        let coordinator = app.token(Role::Coordinator).await;
        let other = app.token(Role::Coordinator).await;
        let client = crate::helpers::client_with(&coordinator);

        // Act: two slow analyses hold the token's slots.
        let first = tokio::spawn(client.get(app.url(SLOW)).send());
        let second = tokio::spawn(client.get(app.url(SLOW)).send());
        let started = Instant::now();
        while running(&app).await == 0 && started.elapsed() < Duration::from_secs(30) {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
        let third = client.get(app.url(SLOW)).send().await.unwrap();
        let someone_else = app.get_as(Some(&other), "/api/v1/stats").await;

        // Assert
        assert_eq!(third.status(), StatusCode::TOO_MANY_REQUESTS);
        assert!(third.headers().contains_key("retry-after"));
        let error = crate::helpers::error_of(third).await;
        assert_eq!(error["code"], "too_many_analyses");
        assert_eq!(
            someone_else.status(),
            StatusCode::OK,
            "other tokens are not held up"
        );
        first.abort();
        second.abort();
        assert!(settles(&app, Duration::from_secs(10)).await);
    }
}
