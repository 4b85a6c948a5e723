//! The command line's arguments: one struct per command (clap derive), apart from what the
//! commands do.

use std::net::SocketAddr;
use std::path::PathBuf;

use crate::config::{
    DEFAULT_CLIENT_TIMEOUT_SECS, DEFAULT_MAX_IMPORT_BYTES, DEFAULT_QUERY_TIMEOUT_SECS, Neo4jArgs,
    PrecisionArgs, StoreArgs, default_static_dir, default_vendor_dir,
};
use crate::export::ExportFormat;
use crate::telemetry::LogFormat;

/// relaymap: who crisis responders can reach in a migrant community, and through whom.
#[derive(Debug, clap::Parser)]
#[command(name = "relaymap", version, about)]
pub struct Cli {
    /// How log lines (on stderr) are written.
    #[arg(long, env = "RELAYMAP_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text, global = true)]
    pub log_format: LogFormat,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Serve the web pages and the JSON API.
    Serve(ServeArgs),
    /// Import a network (JSON document, graph file, or actors and ties CSV files), all or nothing.
    Import(ImportArgs),
    /// Export the whole network.
    Export(ExportArgs),
    /// Write the demo city (a fictional coastal city) into an empty store.
    Demo(DemoArgs),
    /// Who the responders (or the query's sources) can reach, through whom, and who is cut off.
    Reach(AnalysisArgs),
    /// Reach, plus the call list, the single points of failure and the unreached by language.
    Coverage(AnalysisArgs),
    /// Per-actor network metrics (NetworkX definitions) as CSV or JSON.
    Metrics(MetricsArgs),
    /// The whole network in a few numbers (density, components, clustering, assortativity,
    /// modularity, social capital overall, per city and per first language) as JSON.
    Summary(SummaryArgs),
    /// Write the interview as an XLSForm for KoboToolbox and ODK (the current protocol).
    Xlsform(XlsformArgs),
    /// Apply the store's schema (constraints, indexes, migrations); also done at every start.
    MigrateSchema(MigrateArgs),
    /// Copy the whole network from one store into another, empty one, and verify the copy.
    Copy(CopyArgs),
    /// Make, list and revoke API tokens.
    Token(TokenArgs),
    /// Print the audit trail, newest first.
    Audit(AuditArgs),
    /// Copy the embedded SQLite store into a new file while it serves (SQLite's online backup).
    Backup(BackupArgs),
    /// Put a backup in place as the embedded SQLite store (stop the server first).
    Restore(RestoreArgs),
}

/// Flags of `backup`.
#[derive(Debug, clap::Args)]
pub struct BackupArgs {
    /// The SQLite database to copy.
    #[arg(long, env = "RELAYMAP_DB", default_value = "relaymap.db")]
    pub(crate) db: PathBuf,
    /// The backup file to write; it must not exist.
    #[arg(long)]
    pub(crate) out: PathBuf,
}

/// Flags of `restore`.
#[derive(Debug, clap::Args)]
pub struct RestoreArgs {
    /// The backup to restore.
    #[arg(long)]
    pub(crate) from: PathBuf,
    /// The SQLite database to create, or to replace with --force.
    #[arg(long, env = "RELAYMAP_DB", default_value = "relaymap.db")]
    pub(crate) db: PathBuf,
    /// Replace an existing database.
    #[arg(long)]
    pub(crate) force: bool,
}

/// Flags of `reach` and `coverage`.
#[derive(Debug, clap::Args)]
pub struct AnalysisArgs {
    #[command(flatten)]
    pub(crate) store: StoreArgs,
    /// The query, as the JSON body of POST /api/v1/reach; `-` reads it from stdin.
    #[arg(long)]
    pub(crate) query: PathBuf,
}

/// Formats of `metrics`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum MetricsFormat {
    /// `id,kind,` then one column per metric.
    Csv,
    /// An array of objects.
    Json,
}

/// Which metrics, and how: shared by `metrics` and `export --with-metrics`.
#[derive(Debug, clap::Args)]
pub struct MetricsFlags {
    /// Only these metrics, comma-separated (default: all).
    #[arg(long, value_delimiter = ',')]
    pub(crate) only: Vec<String>,
    /// Estimate betweenness from K sources drawn at random (exact when K is at least the number
    /// of actors). Closeness and harmonic stay exact, one search per actor: leave them out with
    /// --only on large networks.
    #[arg(long, value_name = "K", value_parser = clap::value_parser!(u64).range(1..))]
    pub(crate) sample: Option<u64>,
    /// The seed of Louvain and of the sampled sources: the same seed gives the same answer.
    #[arg(long, default_value_t = 1)]
    pub(crate) seed: u64,
}

impl MetricsFlags {
    pub(crate) fn options(&self) -> anyhow::Result<crate::analysis::MetricsOptions> {
        Ok(crate::analysis::MetricsOptions {
            names: crate::analysis::MetricsOptions::select(&self.only)?,
            seed: self.seed,
            sample: self
                .sample
                .map(|k| usize::try_from(k).unwrap_or(usize::MAX)),
        })
    }
}

/// Flags of `metrics`.
#[derive(Debug, clap::Args)]
pub struct MetricsArgs {
    #[command(flatten)]
    pub(crate) store: StoreArgs,
    /// The format.
    #[arg(long, value_enum, default_value_t = MetricsFormat::Csv)]
    pub(crate) format: MetricsFormat,
    #[command(flatten)]
    pub(crate) metrics: MetricsFlags,
    /// Write here instead of stdout (written whole or not at all).
    #[arg(long)]
    pub(crate) out: Option<PathBuf>,
}

/// Flags of `xlsform`.
#[derive(Debug, clap::Args)]
pub struct XlsformArgs {
    #[command(flatten)]
    pub(crate) store: StoreArgs,
    /// The XLSX file to write (written whole or not at all).
    #[arg(long)]
    pub(crate) out: PathBuf,
}

/// Flags of `summary`.
#[derive(Debug, clap::Args)]
pub struct SummaryArgs {
    #[command(flatten)]
    pub(crate) store: StoreArgs,
    /// The format (JSON only).
    #[arg(long, value_enum, default_value_t = SummaryFormat::Json)]
    pub(crate) format: SummaryFormat,
    /// The Louvain seed.
    #[arg(long, default_value_t = 1)]
    pub(crate) seed: u64,
}

/// Formats of `summary`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum SummaryFormat {
    /// One JSON object.
    Json,
}

/// Flags of `migrate-schema`.
#[derive(Debug, clap::Args)]
pub struct MigrateArgs {
    #[command(flatten)]
    pub(crate) store: StoreArgs,
}

/// Flags of `copy`.
#[derive(Debug, clap::Args)]
pub struct CopyArgs {
    /// The store to read: `sqlite:PATH` or `neo4j` (reached through the --neo4j-* flags).
    #[arg(long)]
    pub(crate) from: String,
    /// The store to write, which must be empty: `sqlite:PATH` or `neo4j`.
    #[arg(long)]
    pub(crate) to: String,
    #[command(flatten)]
    pub(crate) neo4j: Neo4jArgs,
    #[command(flatten)]
    pub(crate) precision: PrecisionArgs,
}

/// Flags of `serve`.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub(crate) store: StoreArgs,
    /// The address to listen on.
    #[arg(long, env = "RELAYMAP_BIND", default_value = "127.0.0.1:8080")]
    pub(crate) bind: SocketAddr,
    /// Load the demo city into the store first, if the store is empty.
    #[arg(long)]
    pub(crate) demo: bool,
    /// The folder of static assets.
    #[arg(long, env = "RELAYMAP_STATIC_DIR", default_value_os_t = default_static_dir())]
    pub(crate) static_dir: PathBuf,
    /// The folder of the front-end libraries (node_modules/, filled by npm when building).
    #[arg(long, env = "RELAYMAP_VENDOR_DIR", default_value_os_t = default_vendor_dir())]
    pub(crate) vendor_dir: PathBuf,
    /// The largest import body accepted over HTTP, in bytes.
    #[arg(long, env = "RELAYMAP_MAX_IMPORT_BYTES", default_value_t = DEFAULT_MAX_IMPORT_BYTES)]
    pub(crate) max_import_bytes: usize,
    /// Seconds a reach or coverage query may run before it is cancelled with a 503.
    #[arg(long, env = "RELAYMAP_QUERY_TIMEOUT_SECS", default_value_t = DEFAULT_QUERY_TIMEOUT_SECS,
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub(crate) query_timeout_secs: u64,
    /// Seconds a reach or coverage answer may trail the latest writes: within them, analyses are
    /// answered on the last relay graph while one rebuild runs in the background, instead of each
    /// waiting for the rebuild. 0 (the default): every answer sees every acknowledged write.
    #[arg(long, env = "RELAYMAP_RELAY_MAX_STALENESS_SECS", default_value_t = 0,
          value_parser = clap::value_parser!(u64).range(0..=3600))]
    pub(crate) relay_max_staleness_secs: u64,
    /// Analyses (reach, coverage, metrics, summaries, exports, views) one token may run at
    /// once; beyond, the answer is 429 with Retry-After.
    #[arg(long, env = "RELAYMAP_ANALYSES_PER_TOKEN", default_value_t = crate::service::budget::DEFAULT_ANALYSES_PER_TOKEN as u64,
          value_parser = clap::value_parser!(u64).range(1..=64))]
    pub(crate) analyses_per_token: u64,
    /// Whole-network jobs (exports, metrics, summaries, views) run at once, whoever asks: each
    /// holds a copy of the network in memory. The others wait, within the query time budget.
    #[arg(long, env = "RELAYMAP_WHOLE_NETWORK_JOBS", default_value_t = crate::service::budget::DEFAULT_WHOLE_NETWORK_JOBS as u64,
          value_parser = clap::value_parser!(u64).range(1..=16))]
    pub(crate) whole_network_jobs: u64,
    /// Seconds a client may take to send a request's headers, or pause inside its body, before
    /// it is disconnected.
    #[arg(long, env = "RELAYMAP_CLIENT_TIMEOUT_SECS", default_value_t = DEFAULT_CLIENT_TIMEOUT_SECS,
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub(crate) client_timeout_secs: u64,
    /// A TLS-terminating proxy stands in front: allows --bind beyond loopback, marks session
    /// cookies Secure, and takes the client's address from the last X-Forwarded-For entry.
    #[arg(long, env = "RELAYMAP_BEHIND_PROXY")]
    pub(crate) behind_proxy: bool,
    /// A base map for the map pages: a tile URL template with {z}, {x} and {y}, such as
    /// https://tile.openstreetmap.org/{z}/{x}/{y}.png. None by default, so maps work offline.
    #[arg(long, env = "RELAYMAP_TILE_URL")]
    pub(crate) tile_url: Option<String>,
    /// The attribution the tile provider asks for, shown on the map.
    #[arg(
        long,
        env = "RELAYMAP_TILE_ATTRIBUTION",
        default_value = "",
        requires = "tile_url"
    )]
    pub(crate) tile_attribution: String,
}

/// Flags of `token`.
#[derive(Debug, clap::Args)]
pub struct TokenArgs {
    #[command(subcommand)]
    pub(crate) action: TokenAction,
}

/// What `token` does.
#[derive(Debug, clap::Subcommand)]
pub enum TokenAction {
    /// Make a token and print its secret, once.
    Create {
        #[command(flatten)]
        store: StoreArgs,
        /// admin, coordinator, analyst, viewer or interviewer.
        #[arg(long)]
        role: String,
        /// Who holds it, as the audit trail shows it ("crisis cell laptop").
        #[arg(long)]
        name: String,
        /// Stop working after this many days.
        #[arg(long, value_parser = clap::value_parser!(u64).range(1..=3650))]
        expires: Option<u64>,
    },
    /// List the tokens (never their secrets).
    List {
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Revoke a token by id.
    Revoke {
        #[command(flatten)]
        store: StoreArgs,
        /// The token's id (`tok-...`), from `token list`.
        id: String,
    },
}

/// Flags of `audit`.
#[derive(Debug, clap::Args)]
pub struct AuditArgs {
    #[command(flatten)]
    pub(crate) store: StoreArgs,
    /// How many entries, newest first.
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u64).range(1..=100_000))]
    pub(crate) limit: u64,
}

/// Flags of `import`.
#[derive(Debug, clap::Args)]
#[command(group = clap::ArgGroup::new("input").required(true).multiple(true).args(["json", "graph", "actors", "ties"]))]
pub struct ImportArgs {
    #[command(flatten)]
    pub(crate) store: StoreArgs,
    /// The JSON document {"actors": [...], "ties": [...]}.
    #[arg(long, conflicts_with_all = ["actors", "ties", "graph"])]
    pub(crate) json: Option<PathBuf>,
    /// A graph file: GraphML, GEXF, node-link JSON (relaymap's exports, NetworkX's, Gephi's),
    /// the CSV zip of an export, or the JSON document; the kind is recognised from the content.
    #[arg(long, conflicts_with_all = ["actors", "ties"])]
    pub(crate) graph: Option<PathBuf>,
    /// For a Network Canvas export (`--graph`): the name of a saved mapping, or a mapping's
    /// JSON file, which is checked and saved under its name for the next export.
    #[arg(long, requires = "graph")]
    pub(crate) mapping: Option<String>,
    /// actors.csv (header: id,kind,name,languages,lat,lon,city,channels,consent).
    #[arg(long)]
    pub(crate) actors: Option<PathBuf>,
    /// ties.csv (header: id,source,target,kind,trust,channels,last_verified).
    #[arg(long)]
    pub(crate) ties: Option<PathBuf>,
}

/// Flags of `export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub(crate) store: StoreArgs,
    /// The format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
    pub(crate) format: ExportFormat,
    /// For research: keyed pseudonyms for ids, no names, channels, notes, attributes or record
    /// times, locations on a 1 km grid.
    #[arg(long)]
    pub(crate) pseudonymize: bool,
    /// What the export is for: `research` or `partners` (sharing with partner organisations).
    /// Only migrants whose consent covers it (and has not expired) are in it.
    #[arg(long, default_value = "research", value_parser = purpose)]
    pub(crate) purpose: crate::domain::Purpose,
    /// Attach per-actor metrics as node attributes (chosen with --only, --sample, --seed).
    #[arg(long)]
    pub(crate) with_metrics: bool,
    #[command(flatten)]
    pub(crate) metrics: MetricsFlags,
    /// Write here instead of stdout (written whole or not at all).
    #[arg(long)]
    pub(crate) out: Option<PathBuf>,
}

fn purpose(raw: &str) -> Result<crate::domain::Purpose, String> {
    match crate::domain::Purpose::parse(raw) {
        Ok(crate::domain::Purpose::Warnings) | Err(_) => {
            Err("an export is for research or partners".into())
        }
        Ok(purpose) => Ok(purpose),
    }
}

/// Flags of `demo`.
#[derive(Debug, clap::Args)]
pub struct DemoArgs {
    #[command(flatten)]
    pub(crate) store: StoreArgs,
    /// The same seed gives the same city.
    #[arg(long, default_value_t = crate::demo::DEFAULT_SEED)]
    pub(crate) seed: u64,
    /// How many migrants (organisations, responders and districts scale with it).
    #[arg(long, default_value_t = crate::demo::DEFAULT_MIGRANTS as u64, value_parser = clap::value_parser!(u64).range(1..=10_000_000))]
    pub(crate) migrants: u64,
}

impl Command {
    /// The log filter used when `RELAYMAP_LOG` is unset.
    pub fn default_log_filter(&self) -> &'static str {
        match self {
            Command::Serve(_) => "relaymap=info,tower_http=info",
            _ => "relaymap=warn",
        }
    }
}
