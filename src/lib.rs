//! relaymap: maps migrants' community networks (who knows whom, who belongs where, who works with
//! whom) and computes how help and warnings travel through them in a crisis.
//!
//! # Layers
//!
//! Dependencies point one way: a module may use the modules of its own layer's lower layers,
//! never a module of a higher layer, and never another module of its own layer. The adapters
//! (`http`, `cli`) call the use cases (`service`), which call the engine (`store`, `analysis`,
//! `export`), which speaks the wire format (`document`) of the model (`domain`).
//! `tests/api/architecture.rs` reads this list and every `crate::` path of `src/`, and fails
//! when a module names one it may not.
//!
//! 1. `rng`, `telemetry`, `i18n` — leaf utilities: a seeded random generator, log set-up, the
//!    interface's translations
//! 2. `domain` — the model: actors, ties and values that parse; no I/O
//! 3. `document` — the import and export document, CSV records (the wire format)
//! 4. `store`, `analysis` — where the network lives; the pure analysis engine (no store, no tokio)
//! 5. `export`, `demo` — writers over any `io::Write` (given a pseudonymiser, never a store); the
//!    demo city
//! 6. `service` — one function per use case, shared by the HTTP API, the pages and the CLI
//! 7. `config` — settings, validated once at start-up
//! 8. `http` — the JSON API and the web pages: parse, call a use case, render
//! 9. `app` — the server: binds, serves, stops
//! 10. `cli` — the command line
//!
//! Besides: only `store` speaks SQL or Cypher (`rusqlite`, `neo4rs`), and `export/gpkg.rs`,
//! which writes GeoPackages (SQLite files) with `rusqlite` and never opens the store; only
//! `http` and `app` speak HTTP (`axum`, `hyper`); `domain`, `document`, `analysis` and `export`
//! do no async work (no `tokio`).

pub mod analysis;
pub mod app;
pub mod cli;
pub mod config;
pub mod demo;
pub mod document;
pub mod domain;
pub mod export;
pub mod http;
pub mod i18n;
mod rng;
pub mod service;
pub mod store;
pub mod telemetry;
