//! The command line: `serve`, `import`, `export`, `demo`. Each command shares its code path with
//! the API (documents, store) so both enforce the same rules.
//!
//! The arguments are in `args.rs`; each family of commands has a file: `serve.rs`, `network.rs`
//! (import, export, demo, schema, copy), `analysis.rs` (reach, coverage, metrics, summary),
//! `access.rs` (tokens, audit), `backup.rs`.

mod access;
mod analysis;
mod args;
mod backup;
mod network;
mod serve;

pub use args::*;

/// Runs a command.
pub async fn run(command: Command) -> anyhow::Result<()> {
    match command {
        Command::Serve(args) => serve::serve(args).await,
        Command::Import(args) => network::import(args).await,
        Command::Export(args) => network::export(args).await,
        Command::Demo(args) => network::demo(args).await,
        Command::Reach(args) => analysis::analyse(args, false).await,
        Command::Coverage(args) => analysis::analyse(args, true).await,
        Command::Metrics(args) => analysis::metrics(args).await,
        Command::Summary(args) => analysis::summarise(args).await,
        Command::Xlsform(args) => {
            let services = analysis::services(&args.store).await?;
            let bytes = services.interview_xlsform().await?;
            network::write_atomically(&args.out, |out| std::io::Write::write_all(out, &bytes))?;
            eprintln!(
                "relaymap: wrote the interview's XLSForm to {}",
                args.out.display()
            );
            Ok(())
        }
        Command::MigrateSchema(args) => network::migrate_schema(args).await,
        Command::Copy(args) => network::copy(args).await,
        Command::Token(args) => access::token(args).await,
        Command::Audit(args) => access::audit(args).await,
        Command::Backup(args) => {
            let copied = tokio::task::spawn_blocking(move || {
                crate::store::backup::backup(&args.db, &args.out).map(|c| (c, args.out))
            })
            .await??;
            backup::report_copy("backed up into", &copied.1, &copied.0);
            Ok(())
        }
        Command::Restore(args) => {
            let copied = tokio::task::spawn_blocking(move || {
                crate::store::backup::restore(&args.from, &args.db, args.force)
                    .map(|c| (c, args.db))
            })
            .await??;
            backup::report_copy("restored into", &copied.1, &copied.0);
            Ok(())
        }
    }
}
