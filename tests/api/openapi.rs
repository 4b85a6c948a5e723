//! The OpenAPI description against the running server: every answer of a tour of the API, good
//! and bad, has a documented status and a body that its documented schema accepts. (Schemathesis,
//! in `tests/contract/run`, does the same with generated requests.)

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app};

/// The description, as the server serves it: to anyone, without a token.
async fn description(app: &TestApp) -> Value {
    let response = reqwest::get(app.url("/api/v1/openapi.json")).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()[reqwest::header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    response.json().await.unwrap()
}

/// Checks one answer against the operation `method template` of the description.
fn conforms(spec: &Value, method: &Method, template: &str, status: StatusCode, body: &[u8]) {
    let operation = &spec["paths"][template][method.as_str().to_lowercase()];
    assert!(
        operation.is_object(),
        "{method} {template} is not described"
    );
    let response = &operation["responses"][status.as_str()];
    assert!(
        response.is_object(),
        "{method} {template} answered {status}, which is not documented"
    );
    let Some(schema) = response["content"]["application/json"]["schema"].as_object() else {
        return;
    };
    let body: Value = serde_json::from_slice(body)
        .unwrap_or_else(|e| panic!("{method} {template} {status}: the body is not JSON ({e})"));
    let mut root = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "components": spec["components"],
    });
    for (key, value) in schema {
        root[key] = value.clone();
    }
    let validator = jsonschema::validator_for(&root).expect("the response schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&body)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{method} {template} {status}: the body breaks its schema: {errors:?}\n{body}"
    );
}

#[tokio::test]
async fn answers_good_and_bad_match_the_description() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    let spec = description(&app).await;
    assert_eq!(spec["openapi"], "3.1.0");
    let area = json!({"type": "Polygon", "coordinates": [[[8.0, 44.0], [8.5, 44.0], [8.5, 44.5], [8.0, 44.5], [8.0, 44.0]]]});
    let calls: Vec<(Method, &str, String, Option<Value>, StatusCode)> = vec![
        (
            Method::GET,
            "/api/v1/actors",
            "/api/v1/actors?limit=2".into(),
            None,
            StatusCode::OK,
        ),
        (
            Method::GET,
            "/api/v1/actors",
            "/api/v1/actors?limit=0".into(),
            None,
            StatusCode::BAD_REQUEST,
        ),
        (
            Method::GET,
            "/api/v1/actors/{id}",
            "/api/v1/actors/m-1".into(),
            None,
            StatusCode::OK,
        ),
        (
            Method::GET,
            "/api/v1/actors/{id}",
            "/api/v1/actors/nobody".into(),
            None,
            StatusCode::NOT_FOUND,
        ),
        (
            Method::POST,
            "/api/v1/actors",
            "/api/v1/actors".into(),
            Some(
                json!({"kind": "migrant", "name": "Amanuel", "languages": ["tir"], "city": "c-1"}),
            ),
            StatusCode::CREATED,
        ),
        (
            Method::POST,
            "/api/v1/actors",
            "/api/v1/actors".into(),
            Some(json!({"kind": "migrant", "languages": ["xx"]})),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            Method::POST,
            "/api/v1/actors",
            "/api/v1/actors".into(),
            Some(json!({"id": "m-1", "kind": "migrant", "name": "Twice"})),
            StatusCode::CONFLICT,
        ),
        (
            Method::PUT,
            "/api/v1/actors/{id}",
            "/api/v1/actors/m-2".into(),
            Some(json!({"kind": "migrant", "name": "Dawit", "languages": ["tir"]})),
            StatusCode::OK,
        ),
        (
            Method::GET,
            "/api/v1/actors/{id}/ties",
            "/api/v1/actors/m-1/ties".into(),
            None,
            StatusCode::OK,
        ),
        (
            Method::GET,
            "/api/v1/actors/{id}/reach",
            "/api/v1/actors/m-1/reach?max_hops=3".into(),
            None,
            StatusCode::OK,
        ),
        (
            Method::PUT,
            "/api/v1/actors/{id}/outline",
            "/api/v1/actors/c-1/outline".into(),
            Some(area.clone()),
            StatusCode::NO_CONTENT,
        ),
        (
            Method::GET,
            "/api/v1/outlines",
            "/api/v1/outlines".into(),
            None,
            StatusCode::OK,
        ),
        (
            Method::GET,
            "/api/v1/ties",
            "/api/v1/ties?kind=knows".into(),
            None,
            StatusCode::OK,
        ),
        (
            Method::GET,
            "/api/v1/ties/{id}",
            "/api/v1/ties/t-1".into(),
            None,
            StatusCode::OK,
        ),
        (
            Method::POST,
            "/api/v1/ties",
            "/api/v1/ties".into(),
            Some(json!({"source": "m-1", "target": "r-1", "kind": "knows", "trust": 2})),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            Method::GET,
            "/api/v1/stats",
            "/api/v1/stats".into(),
            None,
            StatusCode::OK,
        ),
        (
            Method::GET,
            "/api/v1/aggregates",
            "/api/v1/aggregates".into(),
            None,
            StatusCode::OK,
        ),
        (
            Method::POST,
            "/api/v1/reach",
            "/api/v1/reach".into(),
            Some(json!({"area": area})),
            StatusCode::OK,
        ),
        (
            Method::POST,
            "/api/v1/coverage",
            "/api/v1/coverage".into(),
            Some(json!({"max_hops": 2})),
            StatusCode::OK,
        ),
        (
            Method::POST,
            "/api/v1/coverage",
            "/api/v1/coverage".into(),
            Some(json!({"max_hops": 99})),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            Method::PUT,
            "/api/v1/scenarios/{name}",
            "/api/v1/scenarios/flood".into(),
            Some(json!({"min_trust": 0.3})),
            StatusCode::OK,
        ),
        (
            Method::GET,
            "/api/v1/scenarios",
            "/api/v1/scenarios".into(),
            None,
            StatusCode::OK,
        ),
        (
            Method::GET,
            "/api/v1/summary",
            "/api/v1/summary".into(),
            None,
            StatusCode::OK,
        ),
        (
            Method::GET,
            "/api/v1/view",
            "/api/v1/view?city=c-1".into(),
            None,
            StatusCode::OK,
        ),
        (
            Method::GET,
            "/api/v1/view",
            "/api/v1/view?city=nowhere".into(),
            None,
            StatusCode::NOT_FOUND,
        ),
        (
            Method::GET,
            "/api/v1/audit",
            "/api/v1/audit?limit=5".into(),
            None,
            StatusCode::OK,
        ),
        (
            Method::POST,
            "/api/v1/import",
            "/api/v1/import?dry_run=true".into(),
            Some(json!({"actors": [{"id": "m-9", "kind": "migrant", "name": "New"}]})),
            StatusCode::OK,
        ),
        (
            Method::POST,
            "/api/v1/import",
            "/api/v1/import".into(),
            Some(json!({"ties": [{"source": "m-1", "target": "ghost", "kind": "knows"}]})),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            Method::DELETE,
            "/api/v1/scenarios/{name}",
            "/api/v1/scenarios/flood".into(),
            None,
            StatusCode::NO_CONTENT,
        ),
        (
            Method::DELETE,
            "/api/v1/ties/{id}",
            "/api/v1/ties/t-1".into(),
            None,
            StatusCode::NO_CONTENT,
        ),
        (
            Method::DELETE,
            "/api/v1/actors/{id}",
            "/api/v1/actors/m-2".into(),
            None,
            StatusCode::NO_CONTENT,
        ),
        (
            Method::GET,
            "/healthz",
            "/healthz".into(),
            None,
            StatusCode::OK,
        ),
        (
            Method::GET,
            "/readyz",
            "/readyz".into(),
            None,
            StatusCode::OK,
        ),
    ];
    for (method, template, path, body, expected) in calls {
        let mut request = app.client.request(method.clone(), app.url(&path));
        if let Some(body) = &body {
            request = request.json(body);
        }
        let response = request.send().await.unwrap();
        let status = response.status();
        let bytes = response.bytes().await.unwrap();
        assert_eq!(
            status,
            expected,
            "{method} {path}: {}",
            String::from_utf8_lossy(&bytes)
        );
        conforms(&spec, &method, template, status, &bytes);
    }

    // Without a token, and with a role that may not call the route: documented errors too.
    let anonymous = reqwest::get(app.url("/api/v1/actors")).await.unwrap();
    let status = anonymous.status();
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    conforms(
        &spec,
        &Method::GET,
        "/api/v1/actors",
        status,
        &anonymous.bytes().await.unwrap(),
    );
    let viewer = crate::helpers::client_with(&app.token(relaymap::domain::Role::Viewer).await);
    let refused = viewer.get(app.url("/api/v1/actors")).send().await.unwrap();
    let status = refused.status();
    assert_eq!(status, StatusCode::FORBIDDEN);
    conforms(
        &spec,
        &Method::GET,
        "/api/v1/actors",
        status,
        &refused.bytes().await.unwrap(),
    );
    app.stop().await;
}

#[tokio::test]
async fn a_broken_schema_is_caught() {
    // The checker itself: an answer that breaks its schema fails it.
    let app = spawn_app().await;
    let spec = description(&app).await;
    let wrong = json!({"actors": [{"id": "has space"}], "next_cursor": null}).to_string();
    let caught = std::panic::catch_unwind(|| {
        conforms(
            &spec,
            &Method::GET,
            "/api/v1/actors",
            StatusCode::OK,
            wrong.as_bytes(),
        )
    });
    assert!(
        caught.is_err(),
        "an id with a space passed the Actor schema"
    );
    let undocumented = std::panic::catch_unwind(|| {
        conforms(
            &spec,
            &Method::GET,
            "/healthz",
            StatusCode::IM_A_TEAPOT,
            b"{}",
        )
    });
    assert!(undocumented.is_err(), "an undocumented status passed");
    app.stop().await;
}
