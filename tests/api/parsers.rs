//! Hostile input for every parser a user's file reaches: the CSV files (with their HXL row), the
//! JSON document, GeoJSON areas and relay queries. Random bytes and random edits of valid files
//! must give a clear error or a valid batch: never a panic, never an empty message.
//!
//! Each property runs `PROPTEST_CASES` cases (256 by default, what `tests/run` runs); for a long
//! run: `PROPTEST_CASES=200000 cargo test --release --test api parsers::`. Failures proptest finds
//! are kept in `proptest-regressions/` and rerun first; the cases below are the hand-kept corpus.

use proptest::prelude::*;
use relaymap::analysis::{Area, RelayQuery};
use relaymap::document::read_json;
use relaymap::domain::WriteMode;

use crate::fuzz_corpus::checks;

const ACTORS_CSV: &str = include_str!("../../static/templates/actors.csv");
const TIES_CSV: &str = include_str!("../../static/templates/ties.csv");
const DOCUMENT: &str = r#"{"actors": [{"id": "c-1", "kind": "city", "name": "Port"},
  {"id": "m-1", "kind": "migrant", "name": "S", "languages": ["tir"], "city": "c-1",
   "location": {"lat": 44.1, "lon": 8.2}, "channels": ["sms"], "consent": true, "attributes": {"a": 1}}],
 "ties": [{"id": "t-1", "source": "m-1", "target": "c-1", "kind": "located_in", "trust": 0.5,
   "last_verified": "2026-01-02", "note": "n"}]}"#;
const AREA: &str = r#"{"type": "Feature", "properties": {}, "geometry": {"type": "Polygon",
  "coordinates": [[[8.1, 44.0], [8.3, 44.0], [8.3, 44.2], [8.1, 44.2], [8.1, 44.0]]]}}"#;
const QUERY: &str = r#"{"from": ["r-1"], "channels": ["sms", "phone"], "max_hops": 3,
  "min_trust": 0.4, "language_check": true, "exclude": ["o-1"], "area": {"type": "Polygon",
  "coordinates": [[[8.1, 44.0], [8.3, 44.0], [8.3, 44.2], [8.1, 44.0]]]}, "verified_since": "2025-01-01"}"#;

/// Every parser, on one input, with the fuzz targets' checks (`fuzz/src/lib.rs`): a valid result
/// or a clear error (a message; for rows a field and a reason each), never a panic.
fn parse_all(bytes: &[u8]) {
    // The JSON parsers get text, as the server refuses bytes that are not UTF-8 before them.
    let text = String::from_utf8_lossy(bytes);
    checks::check_csv(bytes);
    checks::check_json_document(text.as_bytes());
    checks::check_geojson_area(text.as_bytes());
    checks::check_relay_query(text.as_bytes());
}

/// A valid input with random edits: bytes deleted, inserted or repeated.
fn edited(seed: &'static str) -> impl Strategy<Value = Vec<u8>> {
    let edits = prop::collection::vec((any::<prop::sample::Index>(), 0u8..4, any::<u8>()), 1..8);
    edits.prop_map(move |edits| {
        let mut bytes = seed.as_bytes().to_vec();
        for (at, kind, byte) in edits {
            let at = at.index(bytes.len().max(1)).min(bytes.len());
            match kind {
                0 if at < bytes.len() => {
                    bytes.remove(at);
                }
                1 => bytes.insert(at, byte),
                2 => {
                    let end = (at + 1 + byte as usize % 40).min(bytes.len());
                    let copy = bytes[at..end].to_vec();
                    bytes.splice(at..at, copy);
                }
                _ => {
                    // A structural character where it hurts most.
                    let structural = b",;\n\r\"{}[]:#-.0e";
                    bytes.insert(at, structural[byte as usize % structural.len()]);
                }
            }
        }
        bytes
    })
}

proptest! {
    #[test]
    fn random_bytes_give_clear_errors(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        parse_all(&bytes);
    }

    #[test]
    fn edited_actor_files_give_clear_errors(bytes in edited(ACTORS_CSV)) {
        parse_all(&bytes);
    }

    #[test]
    fn edited_tie_files_give_clear_errors(bytes in edited(TIES_CSV)) {
        parse_all(&bytes);
    }

    #[test]
    fn edited_documents_give_clear_errors(bytes in edited(DOCUMENT)) {
        parse_all(&bytes);
    }

    #[test]
    fn edited_areas_and_queries_give_clear_errors(area in edited(AREA), query in edited(QUERY)) {
        parse_all(&area);
        parse_all(&query);
    }
}

#[test]
fn the_seeds_themselves_are_valid() {
    assert!(checks::read_csv_files(ACTORS_CSV.as_bytes(), TIES_CSV.as_bytes()).is_ok());
    assert!(read_json(DOCUMENT, WriteMode::Upsert).is_ok());
    assert!(Area::from_geojson(serde_json::from_str(AREA).unwrap()).is_ok());
    assert!(RelayQuery::from_json(QUERY).is_ok());
}

/// The kept corpus: inputs that once broke parsers elsewhere, or sit on an edge.
fn corpus() -> Vec<Vec<u8>> {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    vec![
        b"".to_vec(),
        b"\xef\xbb\xbf".to_vec(),
        b"\xef\xbb\xbfid,kind,name\n#x_actor+id,#x_actor+type,#x_name\n".to_vec(),
        b"id,id,id\nm-1,m-1,m-1\n".to_vec(),
        b"id,kind,name,lat,lon\nm-1,migrant,A,NaN,inf\n".to_vec(),
        b"id,kind,name,lat,lon\nm-1,migrant,A,1e308,-1e308\n".to_vec(),
        b"id,kind,name\n\"m-1,migrant,A\n".to_vec(),
        b"\r\r\r\n\n,,,,".to_vec(),
        b"{\"actors\": null, \"ties\": 7}".to_vec(),
        b"{\"actors\": [{\"id\": \"m-1\", \"kind\": \"migrant\", \"name\": \"\\ud800\"}]}".to_vec(),
        b"{\"actors\": [{\"attributes\": {\"a\": [[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]}}]}"
            .to_vec(),
        deep.into_bytes(),
        br#"{"type": "Polygon", "coordinates": [[[0, 0], [0, 0], [0, 0], [0, 0]]]}"#.to_vec(),
        br#"{"type": "MultiPolygon", "coordinates": []}"#.to_vec(),
        br#"{"type": "GeometryCollection", "geometries": []}"#.to_vec(),
        br#"{"max_hops": 18446744073709551616}"#.to_vec(),
        br#"{"min_trust": -0.0, "max_hops": 0}"#.to_vec(),
        "id,kind,name\nm-1,migrant,\u{202e}evil\u{0}\n"
            .as_bytes()
            .to_vec(),
    ]
}

#[test]
fn the_corpus_gives_clear_errors() {
    for input in &corpus() {
        parse_all(input);
    }
}

#[tokio::test]
async fn the_corpus_sent_to_every_parsing_route_is_never_a_server_error() {
    let app = crate::helpers::spawn_app().await;
    app.seed_small_network().await; // c-1 exists: its outline route reads the body
    for input in corpus() {
        for (path, kind) in [
            ("/api/v1/import", "application/json"),
            ("/api/v1/import?dry_run=true", "application/json"),
            ("/api/v1/coverage", "application/json"),
            ("/api/v1/reach", "application/json"),
            ("/api/v1/actors/c-1/outline", "application/json"),
        ] {
            let method = if path.ends_with("outline") {
                "PUT"
            } else {
                "POST"
            };
            let response = app
                .client
                .request(method.parse().unwrap(), app.url(path))
                .header("content-type", kind)
                .body(input.clone())
                .send()
                .await
                .unwrap();
            let status = response.status();
            assert!(
                !status.is_server_error(),
                "{path}: {status} for {:?}",
                String::from_utf8_lossy(&input)
            );
        }
        let form = reqwest::multipart::Form::new()
            .part("actors", reqwest::multipart::Part::bytes(input.clone()))
            .part("ties", reqwest::multipart::Part::bytes(input.clone()));
        let response = app
            .client
            .post(app.url("/api/v1/import"))
            .multipart(form)
            .send()
            .await
            .unwrap();
        assert!(
            !response.status().is_server_error(),
            "CSV import: {}",
            response.status()
        );
    }
}
