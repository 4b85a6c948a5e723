//! `relaymap serve`: the web pages and the JSON API.

use anyhow::Context;

use super::args::*;
use crate::config::{ServeConfig, Tiles};

pub(super) async fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let config = ServeConfig {
        demo: args.demo,
        static_dir: args.static_dir,
        vendor_dir: args.vendor_dir,
        max_import_bytes: args.max_import_bytes,
        query_timeout: std::time::Duration::from_secs(args.query_timeout_secs),
        relay_max_staleness: std::time::Duration::from_secs(args.relay_max_staleness_secs),
        analyses_per_token: args.analyses_per_token as usize,
        whole_network_jobs: args.whole_network_jobs as usize,
        behind_proxy: args.behind_proxy,
        tiles: args
            .tile_url
            .as_deref()
            .map(|url| Tiles::parse(url, &args.tile_attribution))
            .transpose()
            .context("--tile-url")?,
        person_precision_m: args.store.precision.person_precision_m,
        client_timeout: std::time::Duration::from_secs(args.client_timeout_secs),
        ..ServeConfig::new(args.store.store_config()?, args.bind)
    };
    let app = crate::app::Application::build(&config).await?;
    let address = app.address();
    tracing::info!(%address, "relaymap is serving");
    println!("relaymap is serving on http://{address}/");
    if let Some(secret) = app.first_admin() {
        println!(
            "relaymap: no admin token yet, so here is one; it is shown only now. Keep it safe:\n\n    {}\n\nSign in with it at http://{address}/signin, or send it with every API request as Authorization: Bearer <token>; make tokens for others with relaymap token create.",
            secret.expose()
        );
    }
    app.run_until(crate::app::shutdown_signal())
        .await
        .context("serving")
}
