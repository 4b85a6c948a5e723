//! The JSON Schema in graph-schema/ describes the document relaymap really reads and writes.

use serde_json::{Value, json};

use crate::helpers::{small_network, spawn_app_with};

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/graph-schema/import-document.schema.json"
    ))
    .expect("the schema file");
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema")
}

#[tokio::test]
async fn the_export_of_the_demo_city_matches_the_published_schema() {
    let app = spawn_app_with(|config| config.demo = true).await;
    let document: Value = serde_json::from_str(&app.export().await).unwrap();

    let validator = validator();

    let errors: Vec<String> = validator
        .iter_errors(&document)
        .take(5)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert!(validator.is_valid(&small_network()));
}

#[test]
fn the_schema_refuses_what_relaymap_refuses() {
    let validator = validator();
    let refused = [
        json!({"actors": [{"kind": "alien", "name": "X"}]}),
        json!({"actors": [{"kind": "migrant", "name": "X", "languages": ["english"]}]}),
        json!({"actors": [{"kind": "migrant", "name": "X", "location": {"lat": 91, "lon": 0}}]}),
        json!({"ties": [{"source": "a", "target": "b", "kind": "knows", "trust": 0}]}),
        json!({"ties": [{"source": "a", "target": "b", "kind": "knows", "channels": ["pigeon"]}]}),
        json!({"people": []}),
    ];
    for document in refused {
        assert!(!validator.is_valid(&document), "{document}");
    }
}
