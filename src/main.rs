//! The `relaymap` binary: parse the command line, set up logging, run, turn errors into one line
//! on stderr and a non-zero exit code.

use std::process::ExitCode;

use clap::Parser;
use relaymap::cli::{Cli, run};
use relaymap::telemetry;

fn main() -> ExitCode {
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
    match runtime.block_on(run(cli.command)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("relaymap: error: {error:#}");
            ExitCode::FAILURE
        }
    }
}
