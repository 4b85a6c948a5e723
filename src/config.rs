//! Settings, from flags, then environment variables, then defaults; turned into ready values
//! (`StoreConfig`, a socket address) before anything starts. Defaults need no set-up: an embedded
//! SQLite file in the current folder and a server on 127.0.0.1:8080.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;
use secrecy::SecretString;

use crate::store::{Neo4jConfig, StoreConfig};

/// Which kind of store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StoreKind {
    /// The embedded SQLite file (`--db`).
    Sqlite,
    /// A Neo4j server (`--neo4j-uri`, `--neo4j-user`, `--neo4j-password-file`).
    Neo4j,
}

/// The flags every command that opens a store shares.
#[derive(Debug, Clone, clap::Args)]
pub struct StoreArgs {
    /// Where the network lives.
    #[arg(long, env = "RELAYMAP_STORE", value_enum, default_value_t = StoreKind::Sqlite)]
    pub store: StoreKind,
    /// The embedded SQLite database file (created when missing).
    #[arg(long, env = "RELAYMAP_DB", default_value = "relaymap.db")]
    pub db: PathBuf,
    #[command(flatten)]
    pub neo4j: Neo4jArgs,
    #[command(flatten)]
    pub precision: PrecisionArgs,
}

/// Location minimisation, a deployment setting applied to every write.
#[derive(Debug, Clone, clap::Args)]
pub struct PrecisionArgs {
    /// Every migrant's location is snapped to a grid of this many metres when written, so that
    /// no home address is stored; 0 keeps locations as given.
    #[arg(long, env = "RELAYMAP_PERSON_PRECISION_M", default_value_t = crate::store::DEFAULT_PERSON_PRECISION_M,
          value_parser = clap::value_parser!(u32).range(0..=100_000))]
    pub person_precision_m: u32,
}

/// How to reach Neo4j. The password comes from a file or from `RELAYMAP_NEO4J_PASSWORD`, never
/// from a flag (flags show in process lists), and is never logged.
#[derive(Debug, Clone, clap::Args)]
pub struct Neo4jArgs {
    /// The Neo4j server.
    #[arg(
        long,
        env = "RELAYMAP_NEO4J_URI",
        default_value = "bolt://127.0.0.1:7687"
    )]
    pub neo4j_uri: String,
    /// The Neo4j user.
    #[arg(long, env = "RELAYMAP_NEO4J_USER", default_value = "neo4j")]
    pub neo4j_user: String,
    /// A file holding the Neo4j password (a trailing newline is ignored); otherwise the
    /// RELAYMAP_NEO4J_PASSWORD environment variable is used.
    #[arg(long, env = "RELAYMAP_NEO4J_PASSWORD_FILE")]
    pub neo4j_password_file: Option<PathBuf>,
    /// A named Neo4j database (the server's default when absent).
    #[arg(long, env = "RELAYMAP_NEO4J_DATABASE")]
    pub database: Option<String>,
    /// Rows per UNWIND statement when writing to Neo4j, and per page when reading the network.
    #[arg(long, env = "RELAYMAP_NEO4J_BATCH_SIZE", default_value_t = crate::store::NEO4J_DEFAULT_BATCH as u32,
          value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    pub neo4j_batch_size: u32,
    /// Seconds to wait for Neo4j to connect or to answer one request (a large import's commit
    /// is the slowest answer).
    #[arg(long, env = "RELAYMAP_NEO4J_TIMEOUT_SECS", default_value_t = 120,
          value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub neo4j_timeout_secs: u64,
}

impl Neo4jArgs {
    /// The Neo4j connection these flags describe.
    pub fn config(&self) -> anyhow::Result<Neo4jConfig> {
        let password = match &self.neo4j_password_file {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .with_context(|| format!("reading the Neo4j password file {}", path.display()))?;
                text.trim_end_matches(['\n', '\r']).to_owned()
            }
            None => std::env::var("RELAYMAP_NEO4J_PASSWORD").map_err(|_| {
                anyhow::anyhow!("the Neo4j store needs a password: --neo4j-password-file FILE or RELAYMAP_NEO4J_PASSWORD")
            })?,
        };
        Ok(Neo4jConfig {
            uri: self.neo4j_uri.clone(),
            user: self.neo4j_user.clone(),
            password: SecretString::from(password),
            database: self.database.clone(),
            batch_size: self.neo4j_batch_size as usize,
            timeout: std::time::Duration::from_secs(self.neo4j_timeout_secs),
        })
    }
}

impl StoreArgs {
    /// Opens the store these flags choose, with their location minimisation.
    pub async fn open(&self) -> anyhow::Result<std::sync::Arc<dyn crate::store::GraphStore>> {
        crate::store::open(&self.store_config()?, self.precision.person_precision_m).await
    }

    /// The store these flags choose.
    pub fn store_config(&self) -> anyhow::Result<StoreConfig> {
        match self.store {
            StoreKind::Sqlite => Ok(StoreConfig::Sqlite {
                path: self.db.clone(),
            }),
            StoreKind::Neo4j => Ok(StoreConfig::Neo4j(self.neo4j.config()?)),
        }
    }
}

/// Everything `serve` needs.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    /// The store to serve.
    pub store: StoreConfig,
    /// Where to listen; port 0 picks a free port.
    pub bind: SocketAddr,
    /// Load the demo city into an empty store at start-up.
    pub demo: bool,
    /// The folder of static assets (`static/`).
    pub static_dir: PathBuf,
    /// The folder of the front-end libraries fetched by npm (`node_modules/`).
    pub vendor_dir: PathBuf,
    /// The largest accepted import body, in bytes.
    pub max_import_bytes: usize,
    /// The longest a relay analysis may run.
    pub query_timeout: std::time::Duration,
    /// How long relay answers may trail the latest writes (zero: never).
    pub relay_max_staleness: std::time::Duration,
    /// Analyses one token may run at once (beyond: 429 with Retry-After).
    pub analyses_per_token: usize,
    /// Whole-network jobs (exports, metrics, summaries, views) run at once, whoever asks.
    pub whole_network_jobs: usize,
    /// A TLS-terminating proxy stands in front: listening beyond loopback is then allowed.
    pub behind_proxy: bool,
    /// Migrants' locations are snapped to cells of this many metres when written (0: as given).
    pub person_precision_m: u32,
    /// The longest a client may take to send a request's headers, or pause inside its body.
    pub client_timeout: std::time::Duration,
    /// Failed sign-ins and bad tokens a client may send within `failure_window` before it is
    /// refused with 429 for the rest of the window.
    pub failure_limit: usize,
    /// See `failure_limit`.
    pub failure_window: std::time::Duration,
    /// A base map for the map pages; none by default, so the maps work offline.
    pub tiles: Option<Tiles>,
}

/// A base map layer: a tile URL template such as `https://tile.example.org/{z}/{x}/{y}.png` and
/// the attribution its provider asks for. The pages load tiles from that origin, which the
/// Content-Security-Policy then allows for images and nothing else.
#[derive(Debug, Clone, PartialEq)]
pub struct Tiles {
    /// The URL template, with `{z}`, `{x}` and `{y}` (and optionally `{s}` or `{r}`).
    pub url: String,
    /// Shown in the corner of the map.
    pub attribution: String,
}

impl Tiles {
    /// Checks a tile URL template: http(s), a host, and the `{z}`, `{x}`, `{y}` placeholders.
    pub fn parse(url: &str, attribution: &str) -> anyhow::Result<Self> {
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))
            .ok_or_else(|| anyhow::anyhow!("the tile URL must start with https:// or http://"))?;
        let host = rest.split('/').next().unwrap_or_default();
        anyhow::ensure!(
            !host.is_empty()
                && host
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-.:{}[]".contains(c)),
            "the tile URL needs a plain host name after the scheme"
        );
        for placeholder in ["{z}", "{x}", "{y}"] {
            anyhow::ensure!(
                rest[host.len()..].contains(placeholder),
                "the tile URL needs {placeholder} in its path"
            );
        }
        anyhow::ensure!(
            !url.chars()
                .any(|c| c.is_whitespace() || c == '"' || c == '\\'),
            "the tile URL must not contain spaces, quotes or backslashes"
        );
        Ok(Self {
            url: url.to_owned(),
            attribution: attribution.trim().to_owned(),
        })
    }

    /// The origin tiles come from, for the Content-Security-Policy (`{s}` subdomains widened to
    /// a wildcard).
    pub fn origin(&self) -> String {
        let (scheme, rest) = self.url.split_once("://").expect("checked by parse");
        let host = rest.split('/').next().expect("checked by parse");
        match host.split_once('.') {
            Some((first, domain)) if first.contains('{') => format!("{scheme}://*.{domain}"),
            _ => format!("{scheme}://{host}"),
        }
    }
}

impl ServeConfig {
    /// A configuration with defaults for everything but the store and the address.
    pub fn new(store: StoreConfig, bind: SocketAddr) -> Self {
        Self {
            store,
            bind,
            demo: false,
            static_dir: default_static_dir(),
            vendor_dir: default_vendor_dir(),
            max_import_bytes: DEFAULT_MAX_IMPORT_BYTES,
            query_timeout: std::time::Duration::from_secs(DEFAULT_QUERY_TIMEOUT_SECS),
            relay_max_staleness: std::time::Duration::ZERO,
            analyses_per_token: crate::service::budget::DEFAULT_ANALYSES_PER_TOKEN,
            whole_network_jobs: crate::service::budget::DEFAULT_WHOLE_NETWORK_JOBS,
            behind_proxy: false,
            person_precision_m: crate::store::DEFAULT_PERSON_PRECISION_M,
            client_timeout: std::time::Duration::from_secs(DEFAULT_CLIENT_TIMEOUT_SECS),
            failure_limit: DEFAULT_FAILURE_LIMIT,
            failure_window: std::time::Duration::from_secs(DEFAULT_FAILURE_WINDOW_SECS),
            tiles: None,
        }
    }
}

/// How long a client may take to send headers, or pause inside a body, by default.
pub const DEFAULT_CLIENT_TIMEOUT_SECS: u64 = 30;

/// Failed sign-ins and bad tokens a client may send per window by default.
pub const DEFAULT_FAILURE_LIMIT: usize = 10;

/// The window of [`DEFAULT_FAILURE_LIMIT`], in seconds.
pub const DEFAULT_FAILURE_WINDOW_SECS: u64 = 300;

/// How long a relay analysis may run by default before it is cancelled with a 503.
pub const DEFAULT_QUERY_TIMEOUT_SECS: u64 = 30;

/// The largest import body accepted by default: 256 MiB, enough for a city of 100,000 migrants.
pub const DEFAULT_MAX_IMPORT_BYTES: usize = 256 * 1024 * 1024;

/// `node_modules/` beside the sources this binary was built from (filled by build.rs).
pub fn default_vendor_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/node_modules"))
}

/// `static/` beside the sources this binary was built from.
pub fn default_static_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/static"))
}

#[cfg(test)]
mod tests {
    use super::Tiles;

    #[test]
    fn tile_urls_are_checked_and_give_their_origin() {
        let osm =
            Tiles::parse("https://tile.openstreetmap.org/{z}/{x}/{y}.png", " © OSM ").unwrap();
        assert_eq!(osm.origin(), "https://tile.openstreetmap.org");
        assert_eq!(osm.attribution, "© OSM");
        let sub = Tiles::parse("https://{s}.tiles.example.org:8443/{z}/{x}/{y}.png", "").unwrap();
        assert_eq!(sub.origin(), "https://*.tiles.example.org:8443");
        let local = Tiles::parse("http://127.0.0.1:8081/{z}/{x}/{y}.png", "").unwrap();
        assert_eq!(local.origin(), "http://127.0.0.1:8081");
        for bad in [
            "tile.example.org/{z}/{x}/{y}.png",
            "ftp://tile.example.org/{z}/{x}/{y}.png",
            "https://tile.example.org/{z}/{x}.png",
            "https:///{z}/{x}/{y}.png",
            "https://tile.example.org;script-src *//{z}/{x}/{y}",
            "https://tile.example.org/{z}/{x}/{y}.png\"onload",
        ] {
            assert!(Tiles::parse(bad, "").is_err(), "{bad}");
        }
    }
}
