//! Integration tests: a real server on a free port, driven over HTTP; the CLI binary; and the
//! store contract run against every store.

mod access;
mod actors;
mod architecture;
mod browser;
mod cli;
mod consent;
mod crisis;
mod duplicates;
mod forms;
mod fuzz_corpus;
mod graph_files;
mod helpers;
mod i18n;
mod import_export;
mod interviews;
mod load_driver;
mod neo4j_only;
mod network_canvas;
mod openapi;
mod pages;
mod parsers;
mod privacy;
mod protection;
mod relay;
mod reliability;
mod schema;
mod store_contract;
mod ties;
mod validation;
