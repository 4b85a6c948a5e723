//! What every fuzz target checks, one function per parser: the input gives a valid result or a
//! clear error, never a panic (the checks of `tests/api/parsers.rs`). Each returns whether the
//! parser accepted the input. The regression test `tests/api/fuzz_corpus.rs` includes this file
//! (`#[path]`) and runs every seed and found case through it on stable, in `cargo test`.

use relaymap::analysis::METRIC_NAMES;
use relaymap::analysis::{Area, RelayQuery};
use relaymap::document::{CsvFile, DocumentError, read_csv, read_graph, read_json};
use relaymap::domain::{Batch, WriteMode};

/// In the `csv` target's input, the line between `actors.csv` (before) and `ties.csv` (after).
pub const TIES_MARKER: &[u8] = b"\n==> ties.csv <==\n";

const ACTORS_CSV: &[u8] = include_bytes!("../../static/templates/actors.csv");
const TIES_CSV: &[u8] = include_bytes!("../../static/templates/ties.csv");

/// A document error is clear: a message, and for rows a field and a reason each. (An unknown key
/// `""` was once reported with an empty field: `regressions/json_document/`.)
fn assert_clear(error: &DocumentError) {
    assert!(!error.to_string().trim().is_empty(), "{error:?}");
    if let DocumentError::Rows(rows) = error {
        assert!(!rows.is_empty());
        for row in rows {
            assert!(!row.error.to_string().trim().is_empty(), "{row:?}");
            assert!(!row.field.trim().is_empty(), "{row:?}");
        }
    }
}

/// Reads the two CSV files as an import does.
pub fn read_csv_files(actors: &[u8], ties: &[u8]) -> Result<Batch, DocumentError> {
    let file = |name: &str, bytes: &[u8]| CsvFile {
        name: name.into(),
        reader: std::io::Cursor::new(bytes.to_vec()),
    };
    read_csv(
        Some(file("actors", actors)),
        Some(file("ties", ties)),
        WriteMode::Upsert,
        &METRIC_NAMES,
    )
    .map(|read| read.batch)
}

/// `actors.csv` and `ties.csv` (with or without their HXL row). With [`TIES_MARKER`] the input
/// is both files; without it, the input is read as each file next to the other's template.
pub fn check_csv(input: &[u8]) -> bool {
    let split = input
        .windows(TIES_MARKER.len())
        .position(|window| window == TIES_MARKER);
    let pairs = match split {
        Some(at) => vec![(&input[..at], &input[at + TIES_MARKER.len()..])],
        None => vec![(input, TIES_CSV), (ACTORS_CSV, input)],
    };
    let mut accepted = true;
    for (actors, ties) in pairs {
        if let Err(error) = read_csv_files(actors, ties) {
            assert_clear(&error);
            accepted = false;
        }
    }
    accepted
}

/// The JSON import document; not UTF-8 is refused before the parser (as the server does).
pub fn check_json_document(input: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(input) else {
        return false;
    };
    match read_json(text, WriteMode::Upsert) {
        Ok(_) => true,
        Err(error) => {
            assert_clear(&error);
            false
        }
    }
}

/// A graph file (GraphML, GEXF, node-link JSON, a CSV zip, the JSON document), recognised from
/// its content as `relaymap import --graph` and the import route do; a Network Canvas export
/// also through a mapping that names every field.
pub fn check_graph_file(input: &[u8]) -> bool {
    let mapping = relaymap::document::is_network_canvas(input).then(|| {
        relaymap::document::Mapping::parse(
            r#"{"name": "fuzz", "ego": "migrant",
                "nodes": {"Person": {"kind": "migrant", "ego_tie": "knows"},
                          "Place": {"kind": "organisation", "ego_tie": "member_of"}},
                "edges": {"knows": "knows"},
                "variables": {"name": "name", "languages": "language", "channels": "channel",
                              "trust": "closeness", "consent": "consent"},
                "codes": {"Arabic": "ara"}, "trust_scale": 5,
                "consent_purposes": ["warnings"], "keep": ["area"]}"#,
        )
        .expect("the fuzz mapping is valid")
    });
    match read_graph(input, WriteMode::Upsert, &METRIC_NAMES, mapping.as_ref()) {
        Ok(_) => true,
        Err(error) => {
            assert_clear(&error);
            false
        }
    }
}

/// A GeoJSON area (a city's outline, a query's area); only JSON reaches the parser. A valid area
/// is also written back to GeoJSON and asked about a point, as the outline route and relay do.
pub fn check_geojson_area(input: &[u8]) -> bool {
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(input) else {
        return false;
    };
    match Area::from_geojson(value) {
        Ok(area) => {
            let geojson = area.to_geojson();
            let first = &geojson["coordinates"][0][0][0];
            if let (Some(lon), Some(lat)) = (first[0].as_f64(), first[1].as_f64()) {
                std::hint::black_box(area.contains(lon, lat));
            }
            true
        }
        Err(error) => {
            assert!(!error.to_string().trim().is_empty(), "{error:?}");
            false
        }
    }
}

/// A relay query (`/api/v1/reach`, `/api/v1/coverage`, the CLI); not UTF-8 is refused before.
pub fn check_relay_query(input: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(input) else {
        return false;
    };
    match RelayQuery::from_json(text) {
        Ok(_) => true,
        Err(error) => {
            assert!(!error.to_string().trim().is_empty(), "{error:?}");
            false
        }
    }
}
