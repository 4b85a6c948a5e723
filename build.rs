//! Fetches the pinned front-end libraries (package.json, package-lock.json) into node_modules/
//! with `npm ci` when they are missing or older than the lock file, so that the server can serve
//! Leaflet from its own origin. Without npm the build goes on with a
//! warning, and the map pages say that their libraries are missing.

use std::path::Path;
use std::process::Command;

fn main() {
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
