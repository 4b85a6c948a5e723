//! Lists the interface's translations (`locales/<tag>/*.ftl`, one folder per locale) for
//! `src/i18n.rs` to embed, so that a translator adds a language by adding a folder; and fetches
//! the pinned front-end libraries (package.json, package-lock.json) into node_modules/ with
//! `npm ci` when they are missing or older than the lock file, so that the server can serve
//! Leaflet from its own origin. Without npm the build goes on with a warning, and the map pages
//! say that their libraries are missing.

use std::path::Path;
use std::process::Command;

/// Writes `$OUT_DIR/locales.rs`: `LOCALE_FILES`, each locale's tag and its `.ftl` files' names
/// and texts, in name order.
fn embed_locales(root: &Path) {
    println!("cargo:rerun-if-changed=locales");
    let mut locales = Vec::new();
    let entries = std::fs::read_dir(root.join("locales")).expect("the locales folder");
    for entry in entries {
        let folder = entry.expect("a locale folder").path();
        if !folder.is_dir() {
            continue;
        }
        println!("cargo:rerun-if-changed={}", folder.display());
        let tag = folder.file_name().unwrap().to_string_lossy().into_owned();
        let mut files: Vec<_> = std::fs::read_dir(&folder)
            .expect("a locale folder")
            .map(|e| e.expect("a file").path())
            .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
            .collect();
        files.sort();
        for file in &files {
            println!("cargo:rerun-if-changed={}", file.display());
        }
        locales.push((tag, files));
    }
    locales.sort();
    let mut out = String::from("pub static LOCALE_FILES: &[(&str, &[(&str, &str)])] = &[\n");
    for (tag, files) in locales {
        out.push_str(&format!("    ({tag:?}, &[\n"));
        for file in files {
            let name = file.file_name().unwrap().to_string_lossy().into_owned();
            out.push_str(&format!(
                "        ({name:?}, include_str!({:?})),\n",
                file.display().to_string()
            ));
        }
        out.push_str("    ]),\n");
    }
    out.push_str("];\n");
    let target = Path::new(&std::env::var("OUT_DIR").unwrap()).join("locales.rs");
    std::fs::write(target, out).expect("writing locales.rs");
}

fn main() {
    embed_locales(Path::new(env!("CARGO_MANIFEST_DIR")));
    println!("cargo:rerun-if-changed=package.json");
    println!("cargo:rerun-if-changed=package-lock.json");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let lock = root.join("package-lock.json");
    // npm writes this copy of the lock file last, once everything is in place.
    let installed = root.join("node_modules/.package-lock.json");
    let modified = |p: &Path| p.metadata().and_then(|m| m.modified()).ok();
    if modified(&installed).is_some() && modified(&installed) >= modified(&lock) {
        return;
    }
    let status = Command::new("npm")
        .args([
            "ci",
            "--ignore-scripts",
            "--no-audit",
            "--no-fund",
            "--loglevel=error",
        ])
        .current_dir(root)
        .status();
    match status {
        Ok(status) if status.success() => {}
        Ok(status) => println!(
            "cargo:warning=npm ci failed ({status}): the map pages will lack Leaflet until it succeeds"
        ),
        Err(error) => println!(
            "cargo:warning=npm was not found ({error}): install Node.js 18 or newer for the map pages"
        ),
    }
}
