//! The analyses at the command line: reach, coverage, metrics and the summary, through the same use
//! cases as the API.

use std::io::BufWriter;

use anyhow::Context;

use super::args::*;
use super::network::write_atomically;
use crate::config::StoreArgs;
use crate::domain::Caller;
use crate::service::Services;

pub(super) async fn analyse(args: AnalysisArgs, with_coverage: bool) -> anyhow::Result<()> {
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
            .reach(&caller, query, None)
            .await
            .context("invalid query")?
            .report;
        serde_json::to_writer_pretty(&mut out, &report)?;
    }
    std::io::Write::write_all(&mut out, b"\n")?;
    std::io::Write::flush(&mut out).context("writing to stdout")
}

/// The use cases over the store the flags choose, for one local user.
pub(super) async fn services(store: &StoreArgs) -> anyhow::Result<Services> {
    Ok(Services::command_line(store.open().await?))
}

pub(super) async fn metrics(args: MetricsArgs) -> anyhow::Result<()> {
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

pub(super) async fn summarise(args: SummaryArgs) -> anyhow::Result<()> {
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
