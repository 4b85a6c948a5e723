//! The relay analysis over HTTP, on the small hand-checked network of `helpers::small_network`:
//!
//!   r-1 (responder, eng) --0.7-- o-1 (organisation, tir+eng) --0.5-- m-1 (migrant, tir)
//!     \--0.5 serves--> m-2 (migrant, tir+eng) --0.9 knows-- m-1

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{error_of, spawn_app};

#[tokio::test]
async fn reach_reports_hops_reliability_and_the_best_path() {
    let app = spawn_app().await;
    app.seed_small_network().await;

    let response = app.post_json("/api/v1/reach", &json!({})).await;

    assert_eq!(response.status(), StatusCode::OK);
    let report: Value = response.json().await.unwrap();
    assert_eq!(report["targets"], 2);
    assert_eq!(report["reached_count"], 2);
    assert_eq!(report["coverage"], 1.0);
    let m1 = &report["reached"][0];
    assert_eq!(m1["id"], "m-1");
    assert_eq!(m1["hops"], 2);
    assert!(
        (m1["reliability"].as_f64().unwrap() - 0.45).abs() < 1e-12,
        "{m1}"
    );
    assert_eq!(m1["path"], json!(["r-1", "m-2", "m-1"]));
    assert_eq!(report["reached"][1]["hops"], 1);
}

#[tokio::test]
async fn a_reach_answer_comes_in_pages_that_add_up_to_the_whole() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    let whole = reach(&app).await;
    assert_eq!(whole["next_cursor"], Value::Null);

    let (mut listed, mut cursor, mut pages) = (Vec::new(), None::<String>, 0);
    loop {
        let path = match &cursor {
            None => "/api/v1/reach?limit=1".to_owned(),
            Some(c) => format!("/api/v1/reach?limit=1&cursor={c}"),
        };
        let response = app.post_json(&path, &json!({})).await;
        assert_eq!(response.status(), StatusCode::OK);
        let page: Value = response.json().await.unwrap();
        pages += 1;
        // Every page carries the counts of the whole answer.
        for count in ["targets", "reached_count", "coverage"] {
            assert_eq!(page[count], whole[count], "{count} on page {pages}");
        }
        let reached = page["reached"].as_array().unwrap();
        assert_eq!(
            reached.len() + page["unreached"].as_array().unwrap().len(),
            1
        );
        listed.extend(reached.iter().cloned());
        match page["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.to_owned()),
            None => break,
        }
    }
    assert_eq!(pages, 2);
    assert_eq!(Value::Array(listed), whole["reached"]);

    for bad in ["limit=0", "limit=1001", "limit=many", "offset=1"] {
        let response = app
            .post_json(&format!("/api/v1/reach?{bad}"), &json!({}))
            .await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{bad}");
        let error = error_of(response).await;
        if !bad.starts_with("offset") {
            assert_eq!(error["field"], "limit", "{bad}");
        }
    }
}

#[tokio::test]
async fn coverage_adds_the_call_list_points_of_failure_and_unreached_by_language() {
    let app = spawn_app().await;
    app.seed_small_network().await;

    let all: Value = app
        .post_json("/api/v1/coverage", &json!({"max_hops": 3}))
        .await
        .json()
        .await
        .unwrap();
    let whatsapp: Value = app
        .post_json("/api/v1/coverage", &json!({"channels": ["whatsapp"]}))
        .await
        .json()
        .await
        .unwrap();

    // o-1 and m-2 each cover both migrants; the smaller id wins. Whom to call is named, with
    // their languages and channels (#17).
    assert_eq!(
        all["call_list"],
        json!([{"id": "m-2", "covers": 2, "inside_area": false, "name": "Dawit",
                "kind": "migrant", "languages": ["tir", "eng"], "channels": []}])
    );
    assert_eq!(all["single_points_of_failure"], json!([]));
    assert_eq!(all["unreached_by_language"], json!({}));
    // Only the m-1 -- m-2 tie uses WhatsApp: nobody is reached from the responder.
    assert_eq!(whatsapp["reached_count"], 0);
    assert_eq!(whatsapp["unreached_by_language"], json!({"tir": 2}));
}

#[tokio::test]
async fn an_area_keeps_only_the_migrants_inside_and_a_single_bridge_is_a_point_of_failure() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    // Without the responder's direct tie to m-2, everything goes through o-1.
    assert_eq!(
        app.delete("/api/v1/ties/t-4").await.status(),
        StatusCode::NO_CONTENT
    );
    let area = json!({"type": "Feature", "properties": {}, "geometry": {"type": "Polygon",
        "coordinates": [[[8.2, 44.1], [8.3, 44.1], [8.3, 44.2], [8.2, 44.2], [8.2, 44.1]]]}});

    let report: Value = app
        .post_json("/api/v1/coverage", &json!({"area": area}))
        .await
        .json()
        .await
        .unwrap();

    assert_eq!(report["targets"], 1, "m-2 has no location");
    assert_eq!(report["reached"][0]["path"], json!(["r-1", "o-1", "m-1"]));
    assert_eq!(
        report["single_points_of_failure"],
        json!([{"id": "o-1", "cut_off": 1, "name": "Eritrean Community Association",
                "kind": "organisation", "languages": ["tir", "eng"],
                "channels": ["phone", "whatsapp"]}])
    );
}

#[tokio::test]
async fn the_analysis_follows_writes() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    let before: Value = app
        .post_json("/api/v1/reach", &json!({}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(before["reached"][1]["hops"], 1);

    app.delete("/api/v1/ties/t-4").await;
    let after: Value = app
        .post_json("/api/v1/reach", &json!({}))
        .await
        .json()
        .await
        .unwrap();

    assert_eq!(after["reached"][1]["id"], "m-2");
    assert_eq!(after["reached"][1]["hops"], 3, "now through o-1 and m-1");
}

#[tokio::test]
async fn the_pages_of_one_query_share_one_search_until_the_network_changes() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    let searches = || counter(&app, "relaymap_reach_searches_total");
    let page = |path: &'static str, query: Value| {
        let app = &app;
        async move {
            let response = app.post_json(path, &query).await;
            assert_eq!(response.status(), StatusCode::OK, "{path}");
            response.json::<Value>().await.unwrap()
        }
    };
    let start = searches().await;

    let first = page("/api/v1/reach?limit=1", json!({})).await;
    assert_eq!(first["next_cursor"], "m-1");
    let second = page("/api/v1/reach?limit=1&cursor=m-1", json!({})).await;
    assert_eq!(second["reached"][0]["id"], "m-2");
    let whole = page("/api/v1/reach", json!({})).await;
    assert_eq!(whole["reached_count"], 2);
    assert_eq!(
        searches().await,
        start + 1,
        "one search for the pages and the whole"
    );
    // The same query written otherwise is the same query; another query is searched.
    page("/api/v1/reach?limit=1", json!({"max_hops": 3})).await;
    assert_eq!(searches().await, start + 1);
    let shorter = page("/api/v1/reach", json!({"max_hops": 1})).await;
    assert_eq!(shorter["reached_count"], 1, "only m-2 is one tie away");
    assert_eq!(searches().await, start + 2);

    // A write makes a new version: its pages come from a new search that sees the write.
    assert_eq!(
        app.delete("/api/v1/ties/t-4").await.status(),
        StatusCode::NO_CONTENT
    );
    let after = page("/api/v1/reach?limit=1&cursor=m-1", json!({})).await;
    assert_eq!(after["reached"][0]["id"], "m-2");
    assert_eq!(after["reached"][0]["hops"], 3, "now through o-1 and m-1");
    assert_eq!(searches().await, start + 3);
}

/// A counter of the Prometheus text.
async fn counter(app: &crate::helpers::TestApp, name: &str) -> u64 {
    let text = app.get("/metrics").await.text().await.unwrap();
    text.lines()
        .find_map(|l| l.strip_prefix(&format!("{name} ")))
        .unwrap_or_else(|| panic!("the counter {name}"))
        .parse()
        .unwrap()
}

/// Waits until a server has read the network and built its relay graph (which it does when it
/// starts, before anyone asks).
async fn wait_for_the_graph_built_at_start(app: &crate::helpers::TestApp) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while counter(app, "relaymap_snapshot_rebuilds_total").await == 0 {
        assert!(
            std::time::Instant::now() < deadline,
            "the network was never read at start"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

/// The hops at which a reach answer reaches an actor, if it does.
fn hops_of(report: &Value, id: &str) -> Option<u64> {
    report["reached"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .map(|r| r["hops"].as_u64().unwrap())
}

/// The whole-network reach answer of one server.
async fn reach(app: &crate::helpers::TestApp) -> Value {
    let response = app.post_json("/api/v1/reach", &json!({})).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

/// The relay graphs built so far: from full reads and from the change log.
async fn rebuilds(app: &crate::helpers::TestApp) -> u64 {
    counter(app, "relaymap_snapshot_rebuilds_total").await
        + counter(app, "relaymap_snapshot_updates_total").await
}

#[tokio::test]
async fn a_write_through_one_server_is_in_the_next_answer_of_another() {
    // Two server processes on one store, as behind a proxy.
    let first = spawn_app().await;
    let second = first.another_server().await;
    first.seed_small_network().await;
    assert_eq!(hops_of(&reach(&second).await, "m-2"), Some(1));
    let full_reads = counter(&second, "relaymap_snapshot_rebuilds_total").await;
    let updates = counter(&second, "relaymap_snapshot_updates_total").await;

    // A write acknowledged by one is in the other's next answer, brought in from the change
    // log rather than by reading the whole network again.
    assert_eq!(
        first.delete("/api/v1/ties/t-4").await.status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        hops_of(&reach(&second).await, "m-2"),
        Some(3),
        "now through o-1 and m-1"
    );
    assert_eq!(
        counter(&second, "relaymap_snapshot_rebuilds_total").await,
        full_reads
    );
    assert_eq!(
        counter(&second, "relaymap_snapshot_updates_total").await,
        updates + 1
    );
    let newcomer = json!({"id": "m-3", "kind": "migrant", "name": "Newcomer", "languages": ["eng"], "consent": true});
    assert_eq!(
        first.post_actor(&newcomer).await.status(),
        StatusCode::CREATED
    );
    let tie =
        json!({"id": "t-9", "source": "r-1", "target": "m-3", "kind": "serves", "trust": 0.9});
    assert_eq!(first.post_tie(&tie).await.status(), StatusCode::CREATED);
    let reached = reach(&second).await;
    assert!(hops_of(&reached, "m-3").is_some(), "{reached}");

    // An erasure leaves no id in the log: the other server reads the network in full, without
    // the person.
    assert_eq!(
        first.delete("/api/v1/actors/m-3?erase=true").await.status(),
        StatusCode::NO_CONTENT
    );
    let reached = reach(&second).await;
    assert_eq!(hops_of(&reached, "m-3"), None, "{reached}");
    assert_eq!(
        counter(&second, "relaymap_snapshot_rebuilds_total").await,
        full_reads + 1
    );
}

#[tokio::test]
async fn a_server_reads_the_network_when_it_starts_not_when_the_first_analysis_asks() {
    let first = spawn_app().await;
    first.seed_small_network().await;

    // A server started on a store that holds a network, before anyone asks it anything.
    let second = first.another_server().await;

    wait_for_the_graph_built_at_start(&second).await;
    let reached = reach(&second).await;
    assert_eq!(hops_of(&reached, "m-2"), Some(1), "{reached}");
    assert_eq!(
        rebuilds(&second).await,
        1,
        "the first analysis is answered on the graph built at start"
    );
}

#[tokio::test]
async fn with_a_staleness_allowed_answers_come_at_once_and_catch_up_in_the_background() {
    let app = crate::helpers::spawn_app_with(|config| {
        config.relay_max_staleness = std::time::Duration::from_secs(60);
    })
    .await;
    // The graph of the empty store, built at start, first: a minute of staleness would answer
    // the first reach on it.
    wait_for_the_graph_built_at_start(&app).await;
    app.seed_small_network().await;
    let reach = || async {
        let response = app.post_json("/api/v1/reach", &json!({})).await;
        assert_eq!(response.status(), StatusCode::OK);
        response.json::<Value>().await.unwrap()
    };
    // Answers until the background update lands, then `hops` for m-2.
    let until_m2_at = |hops: u64| async move {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while hops_of(&reach().await, "m-2") != Some(hops) {
            assert!(
                std::time::Instant::now() < deadline,
                "the write never showed"
            );
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    };
    // The import is not in the first answer: that comes at once, on the graph of the empty
    // store (read less than a minute ago), while it is brought up to date in the background.
    assert_eq!(
        hops_of(&reach().await, "m-2"),
        None,
        "the last graph, not a rebuild"
    );
    until_m2_at(1).await;
    let built = rebuilds(&app).await;

    assert_eq!(
        app.delete("/api/v1/ties/t-4").await.status(),
        StatusCode::NO_CONTENT
    );
    // The same after a deletion: the first answer on the graph from before it...
    assert_eq!(
        hops_of(&reach().await, "m-2"),
        Some(1),
        "the last graph, not a rebuild"
    );
    // ...while one update runs in the background, after which answers see the write.
    until_m2_at(3).await;
    assert_eq!(
        rebuilds(&app).await,
        built + 1,
        "one rebuild, however many asked"
    );
}

#[tokio::test]
async fn an_actor_page_shows_who_can_reach_them_and_through_whom() {
    let app = spawn_app().await;
    app.seed_small_network().await;

    let response = app.get("/api/v1/actors/m-1/reach?max_hops=2").await;

    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["reached_by"][0]["id"], "r-1");
    assert_eq!(body["reached_by"][0]["path"], json!(["r-1", "m-2", "m-1"]));
    assert_eq!(
        app.get("/api/v1/actors/nobody/reach").await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/api/v1/actors/m-1/reach?max_hops=0")
            .await
            .status(),
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn bad_queries_get_a_422_naming_the_field() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    let open_ring = json!({"type": "Polygon", "coordinates": [[[8.2, 44.1], [8.3, 44.1], [8.3, 44.2], [8.2, 44.2]]]});

    for (query, field) in [
        (json!({"from": ["r-404"]}), "from"),
        (json!({"from": ["c-1"]}), "from"),
        (json!({"max_hops": 11}), "max_hops"),
        (json!({"max_hops": 0}), "max_hops"),
        (
            json!({"area": {"type": "Point", "coordinates": [8.2, 44.1]}}),
            "area",
        ),
        (json!({"area": open_ring}), "area"),
        (json!({"min_trust": -1}), "min_trust"),
        (json!({"colour": "red"}), "query"),
    ] {
        for endpoint in ["/api/v1/reach", "/api/v1/coverage"] {
            let response = app.post_json(endpoint, &query).await;
            assert_eq!(
                response.status(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "{endpoint} {query}"
            );
            let error = error_of(response).await;
            assert_eq!(error["code"], "invalid_query");
            assert_eq!(error["field"], field, "{query}");
        }
    }
    let text = app
        .client
        .post(app.url("/api/v1/reach"))
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(text.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
}

#[tokio::test]
async fn a_query_over_its_time_budget_is_cancelled_with_a_503() {
    // The demo city takes milliseconds; a zero budget runs out before any answer.
    let app = crate::helpers::spawn_app_with(|config| {
        config.demo = true;
        config.query_timeout = std::time::Duration::ZERO;
    })
    .await;

    let response = app
        .post_json("/api/v1/coverage", &json!({"max_hops": 10}))
        .await;

    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(error_of(response).await["code"], "timeout");
}

#[tokio::test]
async fn metrics_are_served_as_csv_or_json() {
    let app = spawn_app().await;
    app.seed_small_network().await;

    let csv = app.get("/api/v1/metrics?only=degree,linking").await;
    let json_rows: Value = app
        .get("/api/v1/metrics?format=json")
        .await
        .json()
        .await
        .unwrap();
    let unknown = app.get("/api/v1/metrics?only=fame").await;
    let xlsx = app.get("/api/v1/metrics?format=xlsx").await;

    assert_eq!(csv.status(), StatusCode::OK);
    assert!(
        csv.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    assert_eq!(
        csv.text().await.unwrap(),
        "id,kind,degree,linking\nm-1,migrant,2,0\nm-2,migrant,2,1\no-1,organisation,2,1\nr-1,responder,2,2\n"
    );
    let rows = json_rows.as_array().unwrap();
    assert_eq!(rows.len(), 4, "cities are not measured");
    assert_eq!(rows[0]["id"], "m-1");
    assert!(rows[0]["betweenness"].is_number());
    assert_eq!(error_of(unknown).await["field"], "only");
    assert_eq!(error_of(xlsx).await["field"], "format");
}

#[tokio::test]
async fn the_summary_describes_the_whole_graph() {
    let app = spawn_app().await;
    app.seed_small_network().await;

    let summary: Value = app.get("/api/v1/summary").await.json().await.unwrap();

    // A 4-cycle: m-1 - m-2 - r-1 - o-1 - m-1.
    assert_eq!(summary["actors"], 4);
    assert_eq!(summary["ties"], 4);
    assert!((summary["density"].as_f64().unwrap() - 4.0 / 6.0).abs() < 1e-12);
    assert_eq!(summary["components"], 1);
    assert_eq!(summary["transitivity"], 0.0);
    assert_eq!(
        summary["degree_assortativity"],
        Value::Null,
        "every degree is 2"
    );
    assert_eq!(summary["capital"]["ties"], 4);
    assert_eq!(summary["capital"]["linking"], 0.5);
    assert_eq!(
        summary["capital_by_first_language"]["tir"]["ties"], 6,
        "tie ends of m-1, m-2 and o-1"
    );
    assert_eq!(summary["capital_by_first_language"]["eng"]["ties"], 2);
}

#[tokio::test]
async fn scenarios_are_saved_by_name_listed_rerun_and_deleted() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    let query = json!({"max_hops": 2, "min_trust": 0.5, "channels": ["whatsapp", "phone"]});

    let saved = app
        .put_json("/api/v1/scenarios/Harbour%20flood", &query)
        .await;
    let broken = app
        .put_json("/api/v1/scenarios/broken", &json!({"max_hops": 99}))
        .await;
    let unnamed = app.put_json("/api/v1/scenarios/%20", &query).await;

    assert_eq!(saved.status(), StatusCode::OK);
    assert_eq!(
        broken.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "only runnable queries are saved"
    );
    assert_eq!(unnamed.status(), StatusCode::BAD_REQUEST);
    let list: Value = app.get("/api/v1/scenarios").await.json().await.unwrap();
    let scenarios = list["scenarios"].as_array().unwrap();
    assert_eq!(scenarios.len(), 1);
    assert_eq!(scenarios[0]["name"], "Harbour flood");
    assert_eq!(scenarios[0]["query"], query);
    assert_eq!(scenarios[0]["saved_by"], "first admin");
    // Rerun after the network changed: the saved query answers for the network as it is now.
    let before: Value = app
        .post_json("/api/v1/coverage", &scenarios[0]["query"])
        .await
        .json()
        .await
        .unwrap();
    let newcomer = json!({"id": "m-3", "kind": "migrant", "name": "Newcomer", "languages": ["eng"], "consent": true});
    assert_eq!(
        app.post_actor(&newcomer).await.status(),
        StatusCode::CREATED
    );
    let tie = json!({"id": "t-9", "source": "r-1", "target": "m-3", "kind": "serves", "trust": 0.9, "channels": ["phone"]});
    assert_eq!(app.post_tie(&tie).await.status(), StatusCode::CREATED);
    let after: Value = app
        .post_json("/api/v1/coverage", &scenarios[0]["query"])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        after["targets"].as_u64().unwrap(),
        before["targets"].as_u64().unwrap() + 1
    );
    assert_eq!(
        after["reached_count"].as_u64().unwrap(),
        before["reached_count"].as_u64().unwrap() + 1
    );
    // Saving again under the same name replaces; deleting removes.
    let again = app
        .put_json("/api/v1/scenarios/Harbour%20flood", &json!({}))
        .await;
    assert_eq!(again.status(), StatusCode::OK);
    let list: Value = app.get("/api/v1/scenarios").await.json().await.unwrap();
    assert_eq!(list["scenarios"][0]["query"], json!({}));
    assert_eq!(
        app.delete("/api/v1/scenarios/Harbour%20flood")
            .await
            .status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        app.delete("/api/v1/scenarios/Harbour%20flood")
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let list: Value = app.get("/api/v1/scenarios").await.json().await.unwrap();
    assert_eq!(list["scenarios"], json!([]));
}

#[tokio::test]
async fn the_network_view_lays_out_the_relay_graph_a_city_or_a_community() {
    let app = crate::helpers::spawn_app().await;
    app.seed_small_network().await;

    let whole: Value = app.get("/api/v1/view").await.json().await.unwrap();
    let nodes = whole["nodes"].as_array().unwrap();
    // Every relaying actor (cities are not drawn) and every tie but located_in, merged.
    let ids: Vec<&str> = nodes.iter().map(|n| n["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["m-1", "m-2", "o-1", "r-1"]);
    assert_eq!(whole["ties"].as_array().unwrap().len(), 4);
    for node in nodes {
        assert!(node["x"].as_f64().unwrap().abs() <= 1000.0);
        assert!(node["y"].as_f64().unwrap().abs() <= 1000.0);
        assert!(node["community"].as_u64().unwrap() < whole["communities"].as_u64().unwrap());
    }
    assert_eq!(nodes[0]["name"], "Selam");
    // The same seed gives the same picture.
    let again: Value = app.get("/api/v1/view").await.json().await.unwrap();
    assert_eq!(again, whole);

    // One city: its members only (m-2 has no city), and the ties among them.
    let city: Value = app.get("/api/v1/view?city=c-1").await.json().await.unwrap();
    let ids: Vec<&str> = city["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["m-1", "o-1", "r-1"]);
    assert_eq!(city["ties"].as_array().unwrap().len(), 2);
    // One community: every node drawn belongs to it.
    let largest: Value = app
        .get("/api/v1/view?community=0")
        .await
        .json()
        .await
        .unwrap();
    let members = largest["nodes"].as_array().unwrap();
    assert!(!members.is_empty() && members.iter().all(|n| n["community"] == 0));

    for (path, status) in [
        ("/api/v1/view?city=o-1", StatusCode::NOT_FOUND),
        ("/api/v1/view?city=c-404", StatusCode::NOT_FOUND),
        ("/api/v1/view?community=-1", StatusCode::BAD_REQUEST),
        ("/api/v1/view?colour=red", StatusCode::BAD_REQUEST),
    ] {
        assert_eq!(app.get(path).await.status(), status, "{path}");
    }
    let analyst = app.token(relaymap::domain::Role::Analyst).await;
    assert_eq!(
        app.get_as(Some(&analyst), "/api/v1/view").await.status(),
        StatusCode::FORBIDDEN,
        "names are drawn: coordinators and admins only"
    );
}
