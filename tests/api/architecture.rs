//! The architecture test: the layer rules written at the top of `src/lib.rs`, checked against
//! every `crate::` path (and a few external crates) in `src/`, as ArchUnit checks layered
//! architectures in Java.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The layers of `src/lib.rs`'s list: module → its layer (1 is the lowest).
fn layers() -> BTreeMap<String, usize> {
    let lib = std::fs::read_to_string(source().join("lib.rs")).unwrap();
    let mut layers = BTreeMap::new();
    for line in lib.lines() {
        let Some(rest) = line.strip_prefix("//! ") else {
            continue;
        };
        let Some((number, names)) = rest.split_once(". ") else {
            continue;
        };
        let Ok(layer) = number.parse::<usize>() else {
            continue;
        };
        let names = names.split(" — ").next().unwrap();
        for name in names.split(',') {
            let name = name.trim().trim_matches('`');
            if !name.is_empty() {
                layers.insert(name.to_owned(), layer);
            }
        }
    }
    layers
}

fn source() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every Rust file of a folder, recursively.
fn files(folder: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// Where the rules are broken: `file:line: module names module` lines.
fn violations(layers: &BTreeMap<String, usize>) -> Vec<String> {
    let mut all = Vec::new();
    files(&source(), &mut all);
    let mut broken = Vec::new();
    for path in all {
        let relative = path.strip_prefix(source()).unwrap();
        let module = relative
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_str()
            .unwrap()
            .trim_end_matches(".rs")
            .to_owned();
        if module == "lib" || module == "main" {
            continue;
        }
        let layer = *layers
            .get(&module)
            .unwrap_or_else(|| panic!("src/lib.rs gives module {module} no layer"));
        let text = std::fs::read_to_string(&path).unwrap();
        for (number, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            let at = format!("{}:{}", relative.display(), number + 1);
            for (i, _) in code.match_indices("crate::") {
                let named: String = code[i + 7..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if named == module {
                    continue;
                }
                match layers.get(&named) {
                    Some(&other) if other < layer => {}
                    Some(&other) if other == layer => {
                        broken.push(format!("{at}: {module} names {named}, of its own layer"));
                    }
                    Some(_) => broken.push(format!("{at}: {module} names {named}, a higher layer")),
                    None => broken.push(format!("{at}: {named} is not in src/lib.rs's layers")),
                }
            }
            // Besides whole modules, one file may be named: the GeoPackage writer speaks SQL
            // because a GeoPackage is an SQLite file, not because it reads the store.
            let external: &[(&str, &[&str])] = &[
                ("rusqlite::", &["store", "export/gpkg.rs"]),
                ("neo4rs::", &["store"]),
                ("axum::", &["http", "app"]),
                ("hyper::", &["http", "app"]),
            ];
            for (prefix, allowed) in external {
                let file = relative.to_str().unwrap();
                if code.contains(prefix)
                    && !allowed.contains(&module.as_str())
                    && !allowed.contains(&file)
                {
                    broken.push(format!("{at}: {module} uses {prefix}"));
                }
            }
            let pure = ["domain", "document", "analysis", "export"];
            if code.contains("tokio::") && pure.contains(&module.as_str()) {
                broken.push(format!("{at}: {module} uses tokio"));
            }
        }
    }
    broken
}

#[test]
fn no_module_names_a_higher_layer_or_a_neighbour_of_its_own() {
    let layers = layers();
    assert!(
        layers.len() >= 12,
        "the layer list of src/lib.rs: {layers:?}"
    );

    let broken = violations(&layers);

    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

#[test]
fn the_rules_catch_a_lower_layer_naming_a_higher_one() {
    // The same check on the real sources, with `analysis` moved above `service`: analysis never
    // names the service, so nothing breaks; with `service` moved below `analysis`, every
    // `crate::analysis` of the service breaks the rules.
    let mut layers = layers();
    layers.insert("service".into(), 3);

    let broken = violations(&layers);

    assert!(
        broken
            .iter()
            .any(|v| v.starts_with("service/") && v.contains("names analysis, a higher layer")),
        "{broken:?}"
    );
}
