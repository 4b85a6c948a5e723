//! The fuzz corpus as regression tests: every seed (`fuzz/seeds/<target>/`) and every case the
//! fuzzer found (`fuzz/regressions/<target>/`) is run through its parser with the fuzz target's
//! own checks, on stable, in the normal `cargo test`. A panic or an unclear error fails the test
//! and names the file. How cases are found and added: `fuzz/README.md`.

use std::path::{Path, PathBuf};

// The checks the fuzz targets run (the fuzz crate is its own workspace, so its file is included).
#[path = "../../fuzz/src/lib.rs"]
pub mod checks;

/// The files of `fuzz/<kind>/<target>/`, sorted; none when the directory does not exist.
fn files(kind: &str, target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join(kind)
        .join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    files
}

/// Runs every seed and found case of `target` through `check`, and fails naming every file that
/// panicked.
fn run(target: &str, check: fn(&[u8]) -> bool) {
    let seeds = files("seeds", target);
    assert!(!seeds.is_empty(), "no seeds in fuzz/seeds/{target}/");
    let mut failed = Vec::new();
    for path in seeds.iter().chain(&files("regressions", target)) {
        let input = std::fs::read(path).unwrap();
        if std::panic::catch_unwind(|| check(&input)).is_err() {
            failed.push(path.display().to_string());
        }
    }
    assert!(failed.is_empty(), "{target}: failed on {failed:#?}");
}

#[test]
fn csv_corpus_gives_clear_errors() {
    run("csv", checks::check_csv);
}

#[test]
fn json_document_corpus_gives_clear_errors() {
    run("json_document", checks::check_json_document);
}

#[test]
fn graph_file_corpus_gives_clear_errors() {
    run("graph_file", checks::check_graph_file);
}

#[test]
fn geojson_area_corpus_gives_clear_errors() {
    run("geojson_area", checks::check_geojson_area);
}

#[test]
fn relay_query_corpus_gives_clear_errors() {
    run("relay_query", checks::check_relay_query);
}

/// The valid seeds are accepted: the targets' harness (the CSV split, ...) reaches the parsers'
/// success paths.
#[test]
fn the_valid_seeds_are_accepted() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds");
    let seed = |path: &str| std::fs::read(seeds.join(path)).unwrap();
    let csv = seed("csv/templates-both.csv");
    let document = seed("json_document/valid-document.json");
    let area = seed("geojson_area/valid-area.json");
    let query = seed("relay_query/valid-query.json");
    for graph in [
        "valid.graphml",
        "valid.gexf",
        "valid.nodelink.json",
        "valid.csv.zip",
        "valid-network-canvas.graphml",
    ] {
        assert!(
            checks::check_graph_file(&seed(&format!("graph_file/{graph}"))),
            "{graph}"
        );
    }
    assert!(checks::check_csv(&csv));
    assert!(checks::check_json_document(&document));
    assert!(checks::check_geojson_area(&area));
    assert!(checks::check_relay_query(&query));
}
