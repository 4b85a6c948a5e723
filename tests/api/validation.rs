//! Every rule of the model, on every write path: the 4xx, the error body naming the field, and a
//! store left exactly as it was.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, error_of, spawn_app, spawn_app_with};

/// A refused write: what is sent, and what must come back.
struct Case {
    name: &'static str,
    actor: Option<Value>,
    tie: Option<Value>,
    status: StatusCode,
    code: &'static str,
    field: &'static str,
}

fn actor(
    name: &'static str,
    body: Value,
    status: StatusCode,
    code: &'static str,
    field: &'static str,
) -> Case {
    Case {
        name,
        actor: Some(body),
        tie: None,
        status,
        code,
        field,
    }
}

fn tie(
    name: &'static str,
    body: Value,
    status: StatusCode,
    code: &'static str,
    field: &'static str,
) -> Case {
    Case {
        name,
        actor: None,
        tie: Some(body),
        status,
        code,
        field,
    }
}

const UNPROCESSABLE: StatusCode = StatusCode::UNPROCESSABLE_ENTITY;

fn cases() -> Vec<Case> {
    vec![
        actor(
            "unknown actor kind",
            json!({"kind": "alien", "name": "X"}),
            UNPROCESSABLE,
            "unknown_actor_kind",
            "kind",
        ),
        actor(
            "missing name",
            json!({"kind": "migrant"}),
            UNPROCESSABLE,
            "missing_field",
            "name",
        ),
        actor(
            "malformed language",
            json!({"kind": "migrant", "name": "X", "languages": ["Tigrinya"]}),
            UNPROCESSABLE,
            "invalid_language",
            "languages",
        ),
        actor(
            "unknown channel on an actor",
            json!({"kind": "migrant", "name": "X", "channels": ["pigeon"]}),
            UNPROCESSABLE,
            "unknown_channel",
            "channels",
        ),
        actor(
            "latitude out of range",
            json!({"kind": "migrant", "name": "X", "location": {"lat": 91, "lon": 8}}),
            UNPROCESSABLE,
            "invalid_location",
            "location",
        ),
        actor(
            "longitude out of range",
            json!({"kind": "migrant", "name": "X", "location": {"lat": 44, "lon": -181}}),
            UNPROCESSABLE,
            "invalid_location",
            "location",
        ),
        actor(
            "malformed id",
            json!({"id": "m 1/2", "kind": "migrant", "name": "X"}),
            UNPROCESSABLE,
            "invalid_id",
            "id",
        ),
        actor(
            "city that does not exist",
            json!({"kind": "migrant", "name": "X", "city": "c-9"}),
            UNPROCESSABLE,
            "unknown_actor",
            "city",
        ),
        actor(
            "city that is not a city",
            json!({"kind": "migrant", "name": "X", "city": "o-1"}),
            UNPROCESSABLE,
            "not_a_city",
            "city",
        ),
        actor(
            "attributes that are not an object",
            json!({"kind": "migrant", "name": "X", "attributes": [1]}),
            UNPROCESSABLE,
            "invalid_attributes",
            "attributes",
        ),
        actor(
            "wrong type",
            json!({"kind": "migrant", "name": "X", "consent": "maybe"}),
            UNPROCESSABLE,
            "invalid_value",
            "consent",
        ),
        actor(
            "unknown field",
            json!({"kind": "migrant", "name": "X", "passport": "123"}),
            UNPROCESSABLE,
            "invalid_value",
            "passport",
        ),
        actor(
            "id that exists",
            json!({"id": "m-1", "kind": "migrant", "name": "X"}),
            StatusCode::CONFLICT,
            "already_exists",
            "id",
        ),
        tie(
            "tie kinds that do not fit",
            json!({"source": "m-1", "target": "r-1", "kind": "knows"}),
            UNPROCESSABLE,
            "tie_kind_mismatch",
            "kind",
        ),
        tie(
            "member_of the wrong way round",
            json!({"source": "o-1", "target": "m-1", "kind": "member_of"}),
            UNPROCESSABLE,
            "tie_kind_mismatch",
            "kind",
        ),
        tie(
            "a city relaying messages",
            json!({"source": "c-1", "target": "m-1", "kind": "serves"}),
            UNPROCESSABLE,
            "tie_kind_mismatch",
            "kind",
        ),
        tie(
            "unknown tie kind",
            json!({"source": "m-1", "target": "m-2", "kind": "loves"}),
            UNPROCESSABLE,
            "unknown_tie_kind",
            "kind",
        ),
        tie(
            "self-tie",
            json!({"source": "m-1", "target": "m-1", "kind": "knows"}),
            UNPROCESSABLE,
            "self_tie",
            "target",
        ),
        tie(
            "dangling endpoint",
            json!({"source": "m-1", "target": "m-404", "kind": "knows"}),
            UNPROCESSABLE,
            "unknown_actor",
            "target",
        ),
        tie(
            "trust of zero",
            json!({"source": "m-1", "target": "m-2", "kind": "knows", "trust": 0}),
            UNPROCESSABLE,
            "trust_out_of_range",
            "trust",
        ),
        tie(
            "trust above one",
            json!({"source": "m-1", "target": "m-2", "kind": "knows", "trust": 1.01}),
            UNPROCESSABLE,
            "trust_out_of_range",
            "trust",
        ),
        tie(
            "unknown channel on a tie",
            json!({"source": "m-1", "target": "m-2", "kind": "knows", "channels": ["telepathy"]}),
            UNPROCESSABLE,
            "unknown_channel",
            "channels",
        ),
        tie(
            "malformed date",
            json!({"source": "m-1", "target": "m-2", "kind": "knows", "last_verified": "01/02/2026"}),
            UNPROCESSABLE,
            "invalid_date",
            "last_verified",
        ),
        tie(
            "id that exists",
            json!({"id": "t-1", "source": "m-1", "target": "m-2", "kind": "knows"}),
            StatusCode::CONFLICT,
            "already_exists",
            "id",
        ),
        tie(
            "a twin: a second tie of one kind between the same two, same way",
            json!({"id": "t-9", "source": "m-1", "target": "m-2", "kind": "knows", "trust": 0.4}),
            StatusCode::CONFLICT,
            "twin_tie",
            "target",
        ),
    ]
}

/// The store's full state: the export document and the change version.
async fn state_of(app: &TestApp) -> (String, Value) {
    (app.export().await, app.stats().await["version"].clone())
}

#[tokio::test]
async fn each_broken_rule_is_refused_through_the_api_with_the_field_named_and_nothing_written() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    let before = state_of(&app).await;

    for case in cases() {
        let response = match (&case.actor, &case.tie) {
            (Some(body), _) => app.post_actor(body).await,
            (_, Some(body)) => app.post_tie(body).await,
            _ => unreachable!("each case sends a record"),
        };
        assert_eq!(response.status(), case.status, "{}", case.name);
        let error = error_of(response).await;
        assert_eq!(error["code"], case.code, "{}: {error}", case.name);
        assert_eq!(error["field"], case.field, "{}: {error}", case.name);
        assert_eq!(
            state_of(&app).await,
            before,
            "{}: the store changed",
            case.name
        );
    }
}

#[tokio::test]
async fn each_broken_rule_is_refused_through_the_import_with_the_row_named_and_nothing_written() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    let before = state_of(&app).await;

    for case in cases().into_iter().filter(|c| c.status == UNPROCESSABLE) {
        // A valid row first, so the bad one is on line 2 and the good one is not written either.
        let document = match (&case.actor, &case.tie) {
            (Some(body), _) => {
                json!({"actors": [{"id": "m-50", "kind": "migrant", "name": "Fine"}, body]})
            }
            (_, Some(body)) => {
                json!({"ties": [{"id": "t-50", "source": "m-2", "target": "m-1", "kind": "knows"}, body]})
            }
            _ => unreachable!("each case sends a record"),
        };
        let response = app.import_json(&document).await;
        assert_eq!(response.status(), UNPROCESSABLE, "{}", case.name);
        let error = error_of(response).await;
        assert_eq!(error["code"], "import_rejected", "{}", case.name);
        let row = &error["rows"][0];
        assert_eq!(row["line"], 2, "{}: {error}", case.name);
        assert_eq!(row["field"], case.field, "{}: {error}", case.name);
        assert_eq!(row["code"], case.code, "{}: {error}", case.name);
        assert_eq!(
            state_of(&app).await,
            before,
            "{}: the store changed",
            case.name
        );
    }
}

#[tokio::test]
async fn replacing_with_broken_rules_is_refused_and_changes_nothing() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    let before = state_of(&app).await;

    let kind_change = app
        .put_json(
            "/api/v1/actors/m-1",
            &json!({"kind": "organisation", "name": "X"}),
        )
        .await;
    assert_eq!(kind_change.status(), StatusCode::CONFLICT);
    assert_eq!(error_of(kind_change).await["code"], "kind_change");

    let missing = app
        .put_json(
            "/api/v1/actors/m-77",
            &json!({"kind": "migrant", "name": "X"}),
        )
        .await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);

    let other_id = app
        .put_json(
            "/api/v1/actors/m-1",
            &json!({"id": "m-2", "kind": "migrant", "name": "X"}),
        )
        .await;
    assert_eq!(other_id.status(), UNPROCESSABLE);
    assert_eq!(error_of(other_id).await["field"], "id");

    let misfit = app
        .put_json(
            "/api/v1/ties/t-1",
            &json!({"source": "m-1", "target": "c-1", "kind": "knows"}),
        )
        .await;
    assert_eq!(misfit.status(), UNPROCESSABLE);
    assert_eq!(error_of(misfit).await["code"], "tie_kind_mismatch");

    assert_eq!(state_of(&app).await, before);
}

#[tokio::test]
async fn malformed_and_oversized_bodies_are_refused() {
    let app = spawn_app().await;
    app.seed_small_network().await;
    let before = state_of(&app).await;

    let not_json = app
        .client
        .post(app.url("/api/v1/actors"))
        .header("content-type", "application/json")
        .body("{\"kind\": \"migrant\",")
        .send()
        .await
        .unwrap();
    assert_eq!(not_json.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error_of(not_json).await["code"], "malformed_json");

    let not_declared = app
        .client
        .post(app.url("/api/v1/actors"))
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(not_declared.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);

    let huge_name = "x".repeat(2 * 1024 * 1024);
    let oversized = app
        .post_actor(&json!({"kind": "migrant", "name": huge_name}))
        .await;
    assert_eq!(oversized.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(error_of(oversized).await["code"], "payload_too_large");

    assert_eq!(state_of(&app).await, before);
}

#[tokio::test]
async fn an_import_larger_than_the_limit_is_refused_whole() {
    let app = spawn_app_with(|config| config.max_import_bytes = 4096).await;
    let actors: Vec<Value> = (0..200)
        .map(|i| json!({"id": format!("m-{i}"), "kind": "migrant", "name": "Someone"}))
        .collect();

    let response = app.import_json(&json!({ "actors": actors })).await;

    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(app.stats().await["actors"]["total"], 0);
}

#[tokio::test]
async fn bad_query_parameters_and_unknown_routes_get_json_errors() {
    let app = spawn_app().await;

    for (query, field) in [
        ("limit=0", "limit"),
        ("limit=abc", "limit"),
        ("kind=alien", "kind"),
        ("language=english", "language"),
        ("bbox=1,2,3", "bbox"),
        ("bbox=10,50,0,40", "bbox"),
    ] {
        let response = app.get(&format!("/api/v1/actors?{query}")).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{query}");
        assert_eq!(error_of(response).await["field"], field, "{query}");
    }
    let unknown = app.get("/api/v1/actors?colour=red").await;
    assert_eq!(unknown.status(), StatusCode::BAD_REQUEST);

    let no_route = app.get("/api/v1/nothing-here").await;
    assert_eq!(no_route.status(), StatusCode::NOT_FOUND);
    assert_eq!(error_of(no_route).await["code"], "not_found");

    let wrong_method = app
        .client
        .patch(app.url("/api/v1/actors"))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong_method.status(), StatusCode::METHOD_NOT_ALLOWED);
    error_of(wrong_method).await;
}
