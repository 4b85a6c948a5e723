//! The commands over the whole network: import, export, the demo city, the schema, copying a store.

use std::fs::File;
use std::io::{BufReader, BufWriter, IsTerminal, Read};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use indicatif::{ProgressBar, ProgressStyle};

use super::analysis::services;
use super::args::*;
use crate::analysis::METRIC_NAMES;
use crate::config::Neo4jArgs;
use crate::document::{
    CsvFile, DocumentError, Mapping, read_csv, read_graph, read_json, write_json,
};
use crate::domain::{Caller, RowError, WriteMode};
use crate::service::{ExportRequest, ServiceError, Services};
use crate::store::{self, GraphStore, StoreConfig, StoreError};

pub(super) fn spinner(message: &'static str) -> ProgressBar {
    let bar = ProgressBar::new_spinner().with_message(message);
    if std::io::stderr().is_terminal() {
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
    } else {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    bar
}

pub(super) fn open_with_progress(path: &Path) -> anyhow::Result<(ProgressBar, impl Read + use<>)> {
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

pub(super) fn report_rows(rows: &[RowError]) -> anyhow::Error {
    for row in rows {
        eprintln!("relaymap: {row}");
    }
    anyhow::anyhow!(
        "import rejected: {} bad row(s); nothing was written",
        rows.len()
    )
}

/// The mapping of `--mapping`: a JSON file, saved under its name, or the name of a saved one.
async fn mapping(services: &Services, given: &str) -> anyhow::Result<Mapping> {
    let caller = Caller::command_line();
    let path = std::path::Path::new(given);
    if path.is_file() {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("reading the mapping {}", path.display()))?;
        let saved = services
            .save_mapping(&caller, &text)
            .await
            .with_context(|| format!("the mapping {}", path.display()))?;
        eprintln!(
            "relaymap: mapping {:?} saved for the next export",
            saved.name
        );
        return Ok(services.mapping(&caller, &saved.name).await?);
    }
    services.mapping(&caller, given).await.map_err(|error| match error {
        ServiceError::NotFound(_) => anyhow::anyhow!(
            "no saved mapping {given:?} and no such file: give a mapping's JSON file once, then \
             its name"
        ),
        other => other.into(),
    })
}

pub(super) async fn import(args: ImportArgs) -> anyhow::Result<()> {
    let services = services(&args.store).await?;
    let mapping = match &args.mapping {
        Some(given) => Some(mapping(&services, given).await?),
        None => None,
    };
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
                return Ok(batch.map(|batch| (batch, Vec::new())));
            }
            if let Some(path) = &args.graph {
                let (bar, mut reader) = open_with_progress(path)?;
                let mut bytes = Vec::new();
                reader
                    .read_to_end(&mut bytes)
                    .with_context(|| format!("reading {}", path.display()))?;
                bar.finish_and_clear();
                let checking = spinner("checking nodes and edges");
                let read = read_graph(&bytes, WriteMode::Upsert, &METRIC_NAMES, mapping.as_ref());
                checking.finish_and_clear();
                return Ok(read.map(|read| {
                    let notes =
                        std::iter::once(format!("read {} as {}", path.display(), read.format));
                    (read.batch, notes.chain(read.notes).collect())
                }));
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
            let read = read_csv(
                actors.map(|(_, f)| f),
                ties.map(|(_, f)| f),
                WriteMode::Upsert,
                &METRIC_NAMES,
            );
            bars.iter().for_each(ProgressBar::finish_and_clear);
            Ok(read.map(|read| (read.batch, read.notes)))
        })
        .await
        .context("reading the import")??;
    let batch = match parsed {
        Ok((batch, notes)) => {
            for note in notes {
                eprintln!("relaymap: {note}");
            }
            batch
        }
        Err(DocumentError::Malformed(message)) => bail!("{message}"),
        Err(DocumentError::Rows(rows)) => return Err(report_rows(&rows)),
    };
    let writing = spinner("writing");
    let result = services.import(&Caller::command_line(), batch, false).await;
    writing.finish_and_clear();
    let summary = match result {
        Ok(summary) => summary,
        Err(ServiceError::Store(StoreError::Rejected(rows))) => return Err(report_rows(&rows)),
        Err(error) => {
            return Err(error).context(format!("writing to {}", services.store().describe()));
        }
    };
    eprintln!(
        "relaymap: imported {} new, {} updated and {} unchanged actors, {} new, {} updated and {} unchanged ties",
        summary.actors_created,
        summary.actors_updated,
        summary.actors_unchanged,
        summary.ties_created,
        summary.ties_updated,
        summary.ties_unchanged
    );
    Ok(())
}

pub(super) async fn export(args: ExportArgs) -> anyhow::Result<()> {
    let metrics = args
        .with_metrics
        .then(|| args.metrics.options())
        .transpose()?;
    let services = services(&args.store).await?;
    let request = ExportRequest {
        format: args.format,
        pseudonymize: Some(args.pseudonymize),
        purpose: Some(args.purpose),
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
pub(super) fn write_atomically(
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

pub(super) async fn demo(args: DemoArgs) -> anyhow::Result<()> {
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

pub(super) async fn migrate_schema(args: MigrateArgs) -> anyhow::Result<()> {
    // Opening a store brings its schema up to date.
    let store = args.store.open().await?;
    eprintln!("relaymap: the schema of {} is up to date", store.describe());
    Ok(())
}

/// Parses a `--from`/`--to` store: `sqlite:PATH` or `neo4j`.
pub(super) fn store_spec(raw: &str, neo4j: &Neo4jArgs) -> anyhow::Result<StoreConfig> {
    match raw.split_once(':') {
        Some(("sqlite", path)) if !path.is_empty() => Ok(StoreConfig::Sqlite {
            path: PathBuf::from(path),
        }),
        None if raw == "neo4j" => Ok(StoreConfig::Neo4j(neo4j.config()?)),
        _ => bail!("unknown store {raw:?}: use sqlite:PATH or neo4j"),
    }
}

/// The SHA-256 of the network's export document, in hex.
pub(super) async fn checksum(
    store: &dyn GraphStore,
) -> anyhow::Result<(String, crate::store::Stats)> {
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

pub(super) async fn copy(args: CopyArgs) -> anyhow::Result<()> {
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

/// Reads the whole network from a store, naming the store when that fails.
pub(super) async fn read_network(store: &dyn GraphStore) -> anyhow::Result<crate::domain::Network> {
    store
        .network()
        .await
        .with_context(|| format!("reading {}", store.describe()))
}
