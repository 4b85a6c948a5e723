//! relaymap: maps migrants' community networks (who knows whom, who belongs where, who works with
//! whom) and computes how help and warnings travel through them in a crisis.
//!
//! Layers point inward: `cli` and `http` use `document`, `store` and `domain`; `store` and
//! `document` use `domain`; `domain` uses nothing of relaymap's.

pub mod analysis;
pub mod app;
pub mod cli;
pub mod config;
pub mod demo;
pub mod document;
pub mod domain;
pub mod export;
pub mod http;
mod rng;
pub mod service;
pub mod store;
pub mod telemetry;
