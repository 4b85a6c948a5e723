//! Settings, from flags, then environment variables, then defaults; turned into ready values
//! (`StoreConfig`, a socket address) before anything starts. Defaults need no set-up: an embedded
//! SQLite file in the current folder and a server on 127.0.0.1:8080.

use std::net::SocketAddr;
use std::path::PathBuf;

use crate::store::StoreConfig;

/// The flags every command that opens a store shares.
#[derive(Debug, Clone, clap::Args)]
pub struct StoreArgs {
    /// The embedded SQLite database file (created when missing).
    #[arg(long, env = "RELAYMAP_DB", default_value = "relaymap.db")]
    pub db: PathBuf,
}

impl StoreArgs {
    /// The store these flags choose.
    pub fn store_config(&self) -> StoreConfig {
        StoreConfig::Sqlite {
            path: self.db.clone(),
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
    /// The largest accepted import body, in bytes.
    pub max_import_bytes: usize,
}

impl ServeConfig {
    /// A configuration with defaults for everything but the store and the address.
    pub fn new(store: StoreConfig, bind: SocketAddr) -> Self {
        Self {
            store,
            bind,
            demo: false,
            static_dir: default_static_dir(),
            max_import_bytes: DEFAULT_MAX_IMPORT_BYTES,
        }
    }
}

/// The largest import body accepted by default: 256 MiB, enough for a city of 100,000 migrants.
pub const DEFAULT_MAX_IMPORT_BYTES: usize = 256 * 1024 * 1024;

/// `static/` beside the sources this binary was built from.
pub fn default_static_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/static"))
}
