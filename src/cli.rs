//! The command line: `serve`, `import`, `export`, `demo`. Each command shares its code path with
//! the API (documents, store) so both enforce the same rules.

use std::fs::File;
use std::io::{BufReader, BufWriter, IsTerminal, Read};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use indicatif::{ProgressBar, ProgressStyle};

use crate::config::{
    DEFAULT_CLIENT_TIMEOUT_SECS, DEFAULT_MAX_IMPORT_BYTES, DEFAULT_QUERY_TIMEOUT_SECS, Neo4jArgs,
    PrecisionArgs, ServeConfig, StoreArgs, Tiles, default_static_dir, default_vendor_dir,
};
use crate::document::{CsvFile, DocumentError, read_csv, read_json, write_json};
use crate::domain::{Caller, RowError, WriteMode};
use crate::export::ExportFormat;
use crate::service::{ExportRequest, Services};
use crate::store::{self, GraphStore, StoreConfig, StoreError};
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
    /// Import a network (JSON document, or actors and ties CSV files), all or nothing.
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
    db: PathBuf,
    /// The backup file to write; it must not exist.
    #[arg(long)]
    out: PathBuf,
}

/// Flags of `restore`.
#[derive(Debug, clap::Args)]
pub struct RestoreArgs {
    /// The backup to restore.
    #[arg(long)]
    from: PathBuf,
    /// The SQLite database to create, or to replace with --force.
    #[arg(long, env = "RELAYMAP_DB", default_value = "relaymap.db")]
    db: PathBuf,
    /// Replace an existing database.
    #[arg(long)]
    force: bool,
}

/// Flags of `reach` and `coverage`.
#[derive(Debug, clap::Args)]
pub struct AnalysisArgs {
    #[command(flatten)]
    store: StoreArgs,
    /// The query, as the JSON body of POST /api/v1/reach; `-` reads it from stdin.
    #[arg(long)]
    query: PathBuf,
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
    only: Vec<String>,
    /// Estimate betweenness from K sources drawn at random (exact when K is at least the number
    /// of actors). Closeness and harmonic stay exact, one search per actor: leave them out with
    /// --only on large networks.
    #[arg(long, value_name = "K", value_parser = clap::value_parser!(u64).range(1..))]
    sample: Option<u64>,
    /// The seed of Louvain and of the sampled sources: the same seed gives the same answer.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

impl MetricsFlags {
    fn options(&self) -> anyhow::Result<crate::analysis::MetricsOptions> {
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
    store: StoreArgs,
    /// The format.
    #[arg(long, value_enum, default_value_t = MetricsFormat::Csv)]
    format: MetricsFormat,
    #[command(flatten)]
    metrics: MetricsFlags,
    /// Write here instead of stdout (written whole or not at all).
    #[arg(long)]
    out: Option<PathBuf>,
}

/// Flags of `summary`.
#[derive(Debug, clap::Args)]
pub struct SummaryArgs {
    #[command(flatten)]
    store: StoreArgs,
    /// The format (JSON only).
    #[arg(long, value_enum, default_value_t = SummaryFormat::Json)]
    format: SummaryFormat,
    /// The Louvain seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
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
    store: StoreArgs,
}

/// Flags of `copy`.
#[derive(Debug, clap::Args)]
pub struct CopyArgs {
    /// The store to read: `sqlite:PATH` or `neo4j` (reached through the --neo4j-* flags).
    #[arg(long)]
    from: String,
    /// The store to write, which must be empty: `sqlite:PATH` or `neo4j`.
    #[arg(long)]
    to: String,
    #[command(flatten)]
    neo4j: Neo4jArgs,
    #[command(flatten)]
    precision: PrecisionArgs,
}

/// Flags of `serve`.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    #[command(flatten)]
    store: StoreArgs,
    /// The address to listen on.
    #[arg(long, env = "RELAYMAP_BIND", default_value = "127.0.0.1:8080")]
    bind: SocketAddr,
    /// Load the demo city into the store first, if the store is empty.
    #[arg(long)]
    demo: bool,
    /// The folder of static assets.
    #[arg(long, env = "RELAYMAP_STATIC_DIR", default_value_os_t = default_static_dir())]
    static_dir: PathBuf,
    /// The folder of the front-end libraries (node_modules/, filled by npm when building).
    #[arg(long, env = "RELAYMAP_VENDOR_DIR", default_value_os_t = default_vendor_dir())]
    vendor_dir: PathBuf,
    /// The largest import body accepted over HTTP, in bytes.
    #[arg(long, env = "RELAYMAP_MAX_IMPORT_BYTES", default_value_t = DEFAULT_MAX_IMPORT_BYTES)]
    max_import_bytes: usize,
    /// Seconds a reach or coverage query may run before it is cancelled with a 503.
    #[arg(long, env = "RELAYMAP_QUERY_TIMEOUT_SECS", default_value_t = DEFAULT_QUERY_TIMEOUT_SECS,
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    query_timeout_secs: u64,
    /// Seconds a reach or coverage answer may trail the latest writes: within them, analyses are
    /// answered on the last relay graph while one rebuild runs in the background, instead of each
    /// waiting for the rebuild. 0 (the default): every answer sees every acknowledged write.
    #[arg(long, env = "RELAYMAP_RELAY_MAX_STALENESS_SECS", default_value_t = 0,
          value_parser = clap::value_parser!(u64).range(0..=3600))]
    relay_max_staleness_secs: u64,
    /// Analyses (reach, coverage, metrics, summaries, exports, views) one token may run at
    /// once; beyond, the answer is 429 with Retry-After.
    #[arg(long, env = "RELAYMAP_ANALYSES_PER_TOKEN", default_value_t = crate::service::budget::DEFAULT_ANALYSES_PER_TOKEN as u64,
          value_parser = clap::value_parser!(u64).range(1..=64))]
    analyses_per_token: u64,
    /// Whole-network jobs (exports, metrics, summaries, views) run at once, whoever asks: each
    /// holds a copy of the network in memory. The others wait, within the query time budget.
    #[arg(long, env = "RELAYMAP_WHOLE_NETWORK_JOBS", default_value_t = crate::service::budget::DEFAULT_WHOLE_NETWORK_JOBS as u64,
          value_parser = clap::value_parser!(u64).range(1..=16))]
    whole_network_jobs: u64,
    /// Seconds a client may take to send a request's headers, or pause inside its body, before
    /// it is disconnected.
    #[arg(long, env = "RELAYMAP_CLIENT_TIMEOUT_SECS", default_value_t = DEFAULT_CLIENT_TIMEOUT_SECS,
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    client_timeout_secs: u64,
    /// A TLS-terminating proxy stands in front: allows --bind beyond loopback, marks session
    /// cookies Secure, and takes the client's address from the last X-Forwarded-For entry.
    #[arg(long, env = "RELAYMAP_BEHIND_PROXY")]
    behind_proxy: bool,
    /// A base map for the map pages: a tile URL template with {z}, {x} and {y}, such as
    /// https://tile.openstreetmap.org/{z}/{x}/{y}.png. None by default, so maps work offline.
    #[arg(long, env = "RELAYMAP_TILE_URL")]
    tile_url: Option<String>,
    /// The attribution the tile provider asks for, shown on the map.
    #[arg(
        long,
        env = "RELAYMAP_TILE_ATTRIBUTION",
        default_value = "",
        requires = "tile_url"
    )]
    tile_attribution: String,
}

/// Flags of `token`.
#[derive(Debug, clap::Args)]
pub struct TokenArgs {
    #[command(subcommand)]
    action: TokenAction,
}

/// What `token` does.
#[derive(Debug, clap::Subcommand)]
pub enum TokenAction {
    /// Make a token and print its secret, once.
    Create {
        #[command(flatten)]
        store: StoreArgs,
        /// admin, coordinator, analyst or viewer.
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
    store: StoreArgs,
    /// How many entries, newest first.
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u64).range(1..=100_000))]
    limit: u64,
}

/// Flags of `import`.
#[derive(Debug, clap::Args)]
#[command(group = clap::ArgGroup::new("input").required(true).multiple(true).args(["json", "actors", "ties"]))]
pub struct ImportArgs {
    #[command(flatten)]
    store: StoreArgs,
    /// The JSON document {"actors": [...], "ties": [...]}.
    #[arg(long, conflicts_with_all = ["actors", "ties"])]
    json: Option<PathBuf>,
    /// actors.csv (header: id,kind,name,languages,lat,lon,city,channels,consent).
    #[arg(long)]
    actors: Option<PathBuf>,
    /// ties.csv (header: id,source,target,kind,trust,channels,last_verified).
    #[arg(long)]
    ties: Option<PathBuf>,
}

/// Flags of `export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    #[command(flatten)]
    store: StoreArgs,
    /// The format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
    format: ExportFormat,
    /// For research: keyed pseudonyms for ids, no names, channels, notes, attributes or record
    /// times, locations on a 1 km grid, migrants without consent left out.
    #[arg(long)]
    pseudonymize: bool,
    /// Attach per-actor metrics as node attributes (chosen with --only, --sample, --seed).
    #[arg(long)]
    with_metrics: bool,
    #[command(flatten)]
    metrics: MetricsFlags,
    /// Write here instead of stdout (written whole or not at all).
    #[arg(long)]
    out: Option<PathBuf>,
}

/// Flags of `demo`.
#[derive(Debug, clap::Args)]
pub struct DemoArgs {
    #[command(flatten)]
    store: StoreArgs,
    /// The same seed gives the same city.
    #[arg(long, default_value_t = crate::demo::DEFAULT_SEED)]
    seed: u64,
    /// How many migrants (organisations, responders and districts scale with it).
    #[arg(long, default_value_t = crate::demo::DEFAULT_MIGRANTS as u64, value_parser = clap::value_parser!(u64).range(1..=10_000_000))]
    migrants: u64,
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

/// Runs a command.
pub async fn run(command: Command) -> anyhow::Result<()> {
    match command {
        Command::Serve(args) => serve(args).await,
        Command::Import(args) => import(args).await,
        Command::Export(args) => export(args).await,
        Command::Demo(args) => demo(args).await,
        Command::Reach(args) => analyse(args, false).await,
        Command::Coverage(args) => analyse(args, true).await,
        Command::Metrics(args) => metrics(args).await,
        Command::Summary(args) => summarise(args).await,
        Command::MigrateSchema(args) => migrate_schema(args).await,
        Command::Copy(args) => copy(args).await,
        Command::Token(args) => token(args).await,
        Command::Audit(args) => audit(args).await,
        Command::Backup(args) => {
            let copied = tokio::task::spawn_blocking(move || {
                crate::store::backup::backup(&args.db, &args.out).map(|c| (c, args.out))
            })
            .await??;
            report_copy("backed up into", &copied.1, &copied.0);
            Ok(())
        }
        Command::Restore(args) => {
            let copied = tokio::task::spawn_blocking(move || {
                crate::store::backup::restore(&args.from, &args.db, args.force)
                    .map(|c| (c, args.db))
            })
            .await??;
            report_copy("restored into", &copied.1, &copied.0);
            Ok(())
        }
    }
}

/// One line on stderr saying what a backup or restore holds.
fn report_copy(done: &str, path: &std::path::Path, copied: &crate::store::backup::Copied) {
    eprintln!(
        "{done} {}: {} actors, {} ties, schema version {}; integrity checked",
        path.display(),
        copied.actors,
        copied.ties,
        copied.schema_version
    );
}

async fn serve(args: ServeArgs) -> anyhow::Result<()> {
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

fn spinner(message: &'static str) -> ProgressBar {
    let bar = ProgressBar::new_spinner().with_message(message);
    if std::io::stderr().is_terminal() {
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
    } else {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    bar
}

fn open_with_progress(path: &Path) -> anyhow::Result<(ProgressBar, impl Read + use<>)> {
    let file = File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let bar = ProgressBar::new(size).with_style(
        ProgressStyle::with_template("{msg} {bar:30} {bytes}/{total_bytes}")
            .expect("a valid template"),
    );
    bar.set_message(
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
    );
    if !std::io::stderr().is_terminal() {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    let reader = bar.wrap_read(BufReader::new(file));
    Ok((bar, reader))
}

fn report_rows(rows: &[RowError]) -> anyhow::Error {
    for row in rows {
        eprintln!("relaymap: {row}");
    }
    anyhow::anyhow!(
        "import rejected: {} bad row(s); nothing was written",
        rows.len()
    )
}

async fn import(args: ImportArgs) -> anyhow::Result<()> {
    let store = args.store.open().await?;
    let parsed =
        tokio::task::spawn_blocking(move || -> anyhow::Result<Result<_, DocumentError>> {
            if let Some(path) = &args.json {
                let (bar, mut reader) = open_with_progress(path)?;
                let mut text = String::new();
                reader
                    .read_to_string(&mut text)
                    .with_context(|| format!("reading {} as UTF-8 text", path.display()))?;
                bar.finish_and_clear();
                let checking = spinner("checking rows");
                let batch = read_json(&text, WriteMode::Upsert);
                checking.finish_and_clear();
                return Ok(batch);
            }
            let open = |path: &Option<PathBuf>| -> anyhow::Result<_> {
                path.as_ref()
                    .map(|p| {
                        let (bar, reader) = open_with_progress(p)?;
                        Ok((
                            bar,
                            CsvFile {
                                name: p.display().to_string(),
                                reader,
                            },
                        ))
                    })
                    .transpose()
            };
            let actors = open(&args.actors)?;
            let ties = open(&args.ties)?;
            let bars: Vec<ProgressBar> = actors
                .iter()
                .chain(ties.iter())
                .map(|(b, _)| b.clone())
                .collect();
            let batch = read_csv(
                actors.map(|(_, f)| f),
                ties.map(|(_, f)| f),
                WriteMode::Upsert,
            );
            bars.iter().for_each(ProgressBar::finish_and_clear);
            Ok(batch)
        })
        .await
        .context("reading the import")??;
    let batch = match parsed {
        Ok(batch) => batch,
        Err(DocumentError::Malformed(message)) => bail!("{message}"),
        Err(DocumentError::Rows(rows)) => return Err(report_rows(&rows)),
    };
    let writing = spinner("writing");
    let result = store.write(batch).await;
    writing.finish_and_clear();
    let summary = match result {
        Ok(summary) => summary,
        Err(StoreError::Rejected(rows)) => return Err(report_rows(&rows)),
        Err(error) => return Err(error).context(format!("writing to {}", store.describe())),
    };
    eprintln!(
        "relaymap: imported {} new and {} updated actors, {} new and {} updated ties",
        summary.actors_created, summary.actors_updated, summary.ties_created, summary.ties_updated
    );
    Ok(())
}

async fn export(args: ExportArgs) -> anyhow::Result<()> {
    let metrics = args
        .with_metrics
        .then(|| args.metrics.options())
        .transpose()?;
    let services = services(&args.store).await?;
    let request = ExportRequest {
        format: args.format,
        pseudonymize: Some(args.pseudonymize),
        metrics,
    };
    let job = services
        .export(&Caller::command_line(), request)
        .await
        .with_context(|| format!("exporting {}", services.store().describe()))?;
    tokio::task::spawn_blocking(move || match &args.out {
        Some(path) => write_atomically(path, |out| job.write(out)),
        None => job
            .write(BufWriter::new(std::io::stdout().lock()))
            .context("writing to stdout"),
    })
    .await
    .context("exporting")?
}

/// Writes to a temporary file beside `path` and renames it into place, so that a failed export
/// never leaves a half-written file under the final name.
fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut BufWriter<File>) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".partial");
    let temporary = PathBuf::from(temporary);
    let result = (|| {
        let mut out = BufWriter::new(File::create(&temporary)?);
        write(&mut out)?;
        out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        std::fs::rename(&temporary, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result.with_context(|| format!("writing {}", path.display()))
}

async fn demo(args: DemoArgs) -> anyhow::Result<()> {
    let store = args.store.open().await?;
    let migrants = usize::try_from(args.migrants).context("too many migrants for this machine")?;
    match crate::app::load_demo(store.as_ref(), args.seed, migrants).await? {
        Some(summary) => {
            eprintln!(
                "relaymap: wrote the demo city: {} actors and {} ties into {}",
                summary.actors_created,
                summary.ties_created,
                store.describe()
            );
            Ok(())
        }
        None => bail!(
            "{} already holds a network; the demo city is written only into an empty store",
            store.describe()
        ),
    }
}

async fn migrate_schema(args: MigrateArgs) -> anyhow::Result<()> {
    // Opening a store brings its schema up to date.
    let store = args.store.open().await?;
    eprintln!("relaymap: the schema of {} is up to date", store.describe());
    Ok(())
}

/// Parses a `--from`/`--to` store: `sqlite:PATH` or `neo4j`.
fn store_spec(raw: &str, neo4j: &Neo4jArgs) -> anyhow::Result<StoreConfig> {
    match raw.split_once(':') {
        Some(("sqlite", path)) if !path.is_empty() => Ok(StoreConfig::Sqlite {
            path: PathBuf::from(path),
        }),
        None if raw == "neo4j" => Ok(StoreConfig::Neo4j(neo4j.config()?)),
        _ => bail!("unknown store {raw:?}: use sqlite:PATH or neo4j"),
    }
}

/// The SHA-256 of the network's export document, in hex.
async fn checksum(store: &dyn GraphStore) -> anyhow::Result<(String, crate::store::Stats)> {
    use sha2::{Digest, Sha256};
    let network = read_network(store).await?;
    let stats = store
        .stats()
        .await
        .with_context(|| format!("reading {}", store.describe()))?;
    let digest = tokio::task::spawn_blocking(move || -> std::io::Result<String> {
        let mut hasher = Sha256::new();
        write_json(&network, &mut hasher)?;
        Ok(hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect())
    })
    .await
    .context("hashing the export")??;
    Ok((digest, stats))
}

async fn copy(args: CopyArgs) -> anyhow::Result<()> {
    let from = store_spec(&args.from, &args.neo4j)?;
    let to = store_spec(&args.to, &args.neo4j)?;
    if from.describe() == to.describe() {
        bail!("--from and --to are the same store");
    }
    let source = store::open(&from, args.precision.person_precision_m).await?;
    let target = store::open(&to, args.precision.person_precision_m).await?;
    let target_stats = target
        .stats()
        .await
        .with_context(|| format!("reading {}", target.describe()))?;
    if target_stats.actor_total() > 0 {
        bail!(
            "{} already holds a network; copy writes only into an empty store",
            target.describe()
        );
    }
    let network = read_network(source.as_ref()).await?;
    let written = target
        .write(network.into_batch(WriteMode::Create))
        .await
        .with_context(|| format!("writing {}", target.describe()))?;
    let (source_sum, source_stats) = checksum(source.as_ref()).await?;
    let (target_sum, target_stats) = checksum(target.as_ref()).await?;
    if source_stats != target_stats || source_sum != target_sum {
        bail!(
            "the copy in {} differs from {} (checksums {target_sum} and {source_sum}); it was written, check both stores",
            target.describe(),
            source.describe()
        );
    }
    eprintln!(
        "relaymap: copied {} actors and {} ties from {} to {}; export checksum sha256:{source_sum} matches",
        written.actors_created,
        written.ties_created,
        source.describe(),
        target.describe()
    );
    Ok(())
}

async fn analyse(args: AnalysisArgs, with_coverage: bool) -> anyhow::Result<()> {
    use crate::analysis::RelayQuery;
    let text = if args.query.as_os_str() == "-" {
        std::io::read_to_string(std::io::stdin()).context("reading the query from stdin")?
    } else {
        std::fs::read_to_string(&args.query)
            .with_context(|| format!("reading the query {}", args.query.display()))?
    };
    let query = RelayQuery::from_json(&text).context("invalid query")?;
    let services = services(&args.store).await?;
    let caller = Caller::command_line();
    let mut out = BufWriter::new(std::io::stdout().lock());
    if with_coverage {
        let report = services
            .coverage(&caller, query)
            .await
            .context("invalid query")?;
        serde_json::to_writer_pretty(&mut out, &report)?;
    } else {
        let report = services
            .reach(&caller, query)
            .await
            .context("invalid query")?;
        serde_json::to_writer_pretty(&mut out, &report)?;
    }
    std::io::Write::write_all(&mut out, b"\n")?;
    std::io::Write::flush(&mut out).context("writing to stdout")
}

/// The use cases over the store the flags choose, for one local user.
async fn services(store: &StoreArgs) -> anyhow::Result<Services> {
    Ok(Services::command_line(store.open().await?))
}

async fn metrics(args: MetricsArgs) -> anyhow::Result<()> {
    use crate::analysis::write_metrics;
    let options = args.metrics.options()?;
    let services = services(&args.store).await?;
    let table = services
        .metrics(&Caller::command_line(), options)
        .await
        .with_context(|| format!("computing metrics of {}", services.store().describe()))?;
    let json = matches!(args.format, MetricsFormat::Json);
    tokio::task::spawn_blocking(move || match &args.out {
        Some(path) => write_atomically(path, |out| write_metrics(&table, json, out)),
        None => write_metrics(&table, json, BufWriter::new(std::io::stdout().lock()))
            .context("writing to stdout"),
    })
    .await
    .context("writing metrics")?
}

async fn summarise(args: SummaryArgs) -> anyhow::Result<()> {
    let SummaryFormat::Json = args.format;
    let services = services(&args.store).await?;
    let view = services
        .summary(&Caller::command_line(), args.seed)
        .await
        .with_context(|| format!("summarising {}", services.store().describe()))?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    serde_json::to_writer_pretty(&mut out, &view.summary)?;
    std::io::Write::write_all(&mut out, b"\n")?;
    std::io::Write::flush(&mut out).context("writing to stdout")
}

/// Reads the whole network from a store, naming the store when that fails.
async fn read_network(store: &dyn GraphStore) -> anyhow::Result<crate::domain::Network> {
    store
        .network()
        .await
        .with_context(|| format!("reading {}", store.describe()))
}

async fn token(args: TokenArgs) -> anyhow::Result<()> {
    use crate::domain::{Role, Token, format_timestamp};
    let store_args = match &args.action {
        TokenAction::Create { store, .. }
        | TokenAction::List { store }
        | TokenAction::Revoke { store, .. } => store,
    };
    let store = store_args.open().await?;
    let audit = |action: &str, target: &str| crate::domain::AuditEntry {
        seq: 0,
        at: crate::domain::now(),
        who: "cli".into(),
        role: None,
        action: action.into(),
        target: Some(target.into()),
        outcome: "ok".into(),
        records: None,
        subjects: Vec::new(),
    };
    match args.action {
        TokenAction::Create {
            role,
            name,
            expires,
            ..
        } => {
            let role = Role::parse(&role)?;
            let label = Token::parse_label(&name)?;
            let expires_at =
                expires.map(|days| crate::domain::now() + chrono::Duration::days(days as i64));
            let (token, secret) = crate::app::new_token(role, label, expires_at)?;
            store
                .create_token(&token, &secret.hash())
                .await
                .with_context(|| format!("storing the token in {}", store.describe()))?;
            store
                .append_audit(&audit("token.create", &token.id))
                .await?;
            eprintln!(
                "relaymap: made {} token {} ({}); its secret is shown only now:",
                token.role, token.id, token.label
            );
            println!("{}", secret.expose());
        }
        TokenAction::List { .. } => {
            let at = crate::domain::now();
            println!("id\trole\tlabel\tcreated_at\texpires_at\tstate");
            for token in store.tokens().await? {
                let state = match (&token.revoked_at, token.is_valid_at(&at)) {
                    (Some(_), _) => "revoked",
                    (None, false) => "expired",
                    (None, true) => "active",
                };
                println!(
                    "{}\t{}\t{}\t{}\t{}\t{state}",
                    token.id,
                    token.role,
                    token.label,
                    format_timestamp(&token.created_at),
                    token
                        .expires_at
                        .as_ref()
                        .map(format_timestamp)
                        .unwrap_or_default(),
                );
            }
        }
        TokenAction::Revoke { id, .. } => {
            store
                .revoke_token(&id, &crate::domain::now())
                .await
                .with_context(|| format!("revoking {id}"))?;
            store.append_audit(&audit("token.revoke", &id)).await?;
            eprintln!("relaymap: revoked {id}");
        }
    }
    Ok(())
}

async fn audit(args: AuditArgs) -> anyhow::Result<()> {
    let store = args.store.open().await?;
    let limit = usize::try_from(args.limit).unwrap_or(usize::MAX);
    println!("seq\tat\twho\trole\taction\ttarget\toutcome");
    for entry in store.audit(None, limit).await? {
        println!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}",
            entry.seq,
            crate::domain::format_timestamp(&entry.at),
            entry.who,
            entry.role.map_or("", crate::domain::Role::as_str),
            entry.action,
            entry.target.unwrap_or_default(),
            entry.outcome
        );
    }
    Ok(())
}
