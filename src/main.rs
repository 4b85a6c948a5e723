//! The `relaymap` binary: parse the command line, set up logging, run, turn errors into one line
//! on stderr and a non-zero exit code.

use std::process::ExitCode;

use clap::Parser;
use relaymap::cli::{Cli, run};
use relaymap::telemetry;

fn main() -> ExitCode {
    limit_malloc_arenas();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) if !error.use_stderr() => {
            // --help and --version
            let _ = error.print();
            return ExitCode::SUCCESS;
        }
        Err(error) => {
            let rendered = error.render().to_string();
            let first = rendered.lines().next().unwrap_or("invalid arguments");
            eprintln!(
                "relaymap: {} (see relaymap --help)",
                first.trim_start_matches("error: ")
            );
            return ExitCode::from(2);
        }
    };
    telemetry::init(cli.log_format, cli.command.default_log_filter());
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("relaymap: error: starting the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(run(cli.command));
    // Blocking work still running is given a moment, not waited for: a server stopped while it
    // builds its relay graph at start (tens of seconds at a million migrants) ends now. Every
    // write is one transaction, so one cut short leaves nothing half-written.
    runtime.shutdown_timeout(std::time::Duration::from_secs(5));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A reader that stops early (`relaymap export | head`) is not an error.
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("relaymap: error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(|e| e.io_error_kind())
                == Some(std::io::ErrorKind::BrokenPipe)
    })
}

/// Caps glibc's malloc at two arenas, unless `MALLOC_ARENA_MAX` says otherwise. By default glibc
/// gives threads up to eight arenas per core, and each relay snapshot rebuild (a whole network
/// read and a new graph, freed while other threads allocate) left memory stranded in them: under
/// a soak of mixed writes and reach queries, the server's resident memory grew from 0.9 to 2.4 GiB
/// in five minutes, and stayed under 1 GiB with two arenas (BENCHMARKS.md, "Load and soak").
/// Runs before any thread starts, so that every thread shares the capped arenas.
fn limit_malloc_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if std::env::var_os("MALLOC_ARENA_MAX").is_none() {
        // SAFETY: mallopt only sets an allocator parameter; no thread exists yet to race with.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, 2);
        }
    }
}
