//! Load test and soak (not a test): a `relaymap serve` process on the demo city scaled up, and
//! clients in this second process on loopback sending a mix of reads, listings, writes and reach
//! queries; then a soak at the same mix with the server's memory sampled.
//!
//!   cargo bench --bench load -- [MIGRANTS] [SECONDS] [CLIENTS] [SOAK_SECONDS]
//!   (defaults: 100000 60 16 300; SERVERS=2 runs two server processes on the one SQLite file,
//!   the clients split between them, and checks that each sees every write made through the
//!   other; REACH_PAGE=0 asks reach for every target with its path instead of the default
//!   page of 100 targets; SERVER_LOG=PATH writes the first server's info log there)
//!
//! The demo database is made once with the release binary and kept in target/bench-load/.
//! Prints throughput, p50/p99 by kind and the memory samples; BENCHMARKS.md holds the figures.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

#[path = "../api/load_driver.rs"]
#[allow(dead_code)]
mod load_driver;

fn arg(position: usize, default: u64) -> u64 {
    std::env::args()
        .filter(|a| !a.starts_with("--"))
        .nth(position)
        .and_then(|a| a.parse().ok())
        .unwrap_or(default)
}

/// A JSON answer to a GET with a token.
async fn get_json(client: &reqwest::Client, url: String, token: &str) -> serde_json::Value {
    client
        .get(url)
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

fn arg_env(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn relaymap() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_relaymap"));
    command
        .env_remove("RELAYMAP_DB")
        .env("RELAYMAP_LOG", "warn");
    command
}

/// The demo city of `migrants`, made once.
fn demo_city(migrants: u64) -> std::path::PathBuf {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-load");
    std::fs::create_dir_all(&folder).unwrap();
    let db = folder.join(format!("demo-{migrants}.db"));
    if !db.exists() {
        let partial = folder.join(format!("demo-{migrants}.partial.db"));
        let _ = std::fs::remove_file(&partial);
        eprintln!("making the demo city of {migrants} migrants (once)…");
        let made = relaymap()
            .args([
                "demo",
                "--db",
                partial.to_str().unwrap(),
                "--migrants",
                &migrants.to_string(),
            ])
            .status()
            .unwrap();
        assert!(made.success());
        std::fs::rename(&partial, &db).unwrap();
    }
    db
}

fn main() {
    let migrants = arg(1, 100_000);
    let seconds = arg(2, 60);
    let clients = arg(3, 16) as usize;
    let soak_seconds = arg(4, 300);
    let city = demo_city(migrants);
    let run = tempfile::tempdir().unwrap();
    let db = run.path().join("load.db");
    std::fs::copy(&city, &db).unwrap();

    let serve = || {
        let mut command = relaymap();
        command.args([
            "serve",
            "--bind",
            "127.0.0.1:0",
            "--db",
            db.to_str().unwrap(),
        ]);
        command
    };
    // A copy of the demo city has no token yet: the server prints one. SERVER_LOG=PATH keeps
    // the first server's log at the info level (each snapshot update, with its time) there.
    let mut server = match std::env::var_os("SERVER_LOG") {
        Some(path) => {
            let mut command = serve();
            command.env("RELAYMAP_LOG", "info");
            let log = std::fs::File::create(path).expect("the server log file");
            load_driver::Server::spawn_logging(command, true, log.into())
        }
        None => load_driver::Server::spawn(serve(), true),
    };
    let base = format!("http://{}", server.address);
    let token = server.token.clone().unwrap();
    let mut others: Vec<load_driver::Server> = (1..arg_env("SERVERS", 1))
        .map(|_| load_driver::Server::spawn(serve(), false))
        .collect();
    let bases: Vec<String> = std::iter::once(base.clone())
        .chain(others.iter().map(|s| format!("http://{}", s.address)))
        .collect();
    let pids: Vec<u32> = std::iter::once(server.process.id())
        .chain(others.iter().map(|s| s.process.id()))
        .collect();
    // A token per client, as each coordinator of a crisis cell has (a token may run only a few
    // analyses at once).
    let tokens = load_driver::coordinator_tokens(&db, clients);

    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let client = reqwest::Client::new();
        let list = |query: String| {
            let (client, base, token) = (client.clone(), base.clone(), token.clone());
            async move {
                let page = get_json(&client, format!("{base}/api/v1/actors?{query}"), &token).await;
                page["actors"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|a| a["id"].as_str().unwrap().to_owned())
                    .collect::<Vec<_>>()
            }
        };
        let actors = list("limit=1000&offset=5000".into()).await;
        assert!(
            !actors.is_empty(),
            "the load reads actors past the first 5,000: use a city of 6,000 migrants or more"
        );
        let target = load_driver::Target {
            actors,
            responders: list("kind=responder&limit=100".into()).await,
            bases: bases.clone(),
            tokens: tokens.clone(),
        };
        let mix = load_driver::Mix {
            reach_page: match arg_env("REACH_PAGE", 100) {
                0 => None,
                limit => Some(limit as u32),
            },
            ..load_driver::Mix::default()
        };
        let settings = |duration: u64, prefix: &str| load_driver::Load {
            clients,
            duration: Duration::from_secs(duration),
            mix,
            prefix: prefix.into(),
        };
        println!(
            "machine: {} cores; city: {migrants} migrants; {clients} clients; mix (of 100): {} lists, {} writes, {} reach (listing {}), the rest single reads",
            std::thread::available_parallelism().map_or(0, |n| n.get()),
            mix.lists,
            mix.writes,
            mix.reach,
            mix.reach_page
                .map_or("every target".to_owned(), |n| format!("a page of {n} targets"))
        );
        let rss = move || -> u64 {
            pids.iter()
                .map(|&pid| load_driver::rss_kib(pid).unwrap_or(0) / 1024)
                .sum()
        };
        println!("servers: {}; rss before: {} MiB (all servers)", bases.len(), rss());
        let load = load_driver::run(&target, &settings(seconds, "load")).await;
        println!("load, {seconds} s:\n{}", load.table());
        for error in load.errors.iter().take(5) {
            println!("error: {error:?}");
        }
        // Every organisation a client wrote, through whichever server, is seen by every server.
        for base in &bases {
            let stats = get_json(&client, format!("{base}/api/v1/stats"), &token).await;
            println!("{base} sees {} organisations", stats["actors"]["organisation"]);
        }
        if soak_seconds == 0 {
            return;
        }
        // The soak: the same mix, with the server's memory sampled every 15 s.
        let sampler = std::thread::spawn(move || {
            let mut samples = Vec::new();
            for _ in 0..=(soak_seconds / 15) {
                samples.push(rss());
                std::thread::sleep(Duration::from_secs(15));
            }
            samples
        });
        let soak = load_driver::run(&target, &settings(soak_seconds, "soak")).await;
        let samples = sampler.join().unwrap();
        println!("soak, {soak_seconds} s:\n{}", soak.table());
        println!("rss every 15 s (MiB): {samples:?}");
        let third = samples.len() / 3;
        if third > 0 {
            let middle = samples[third..2 * third].iter().max().unwrap();
            let last = samples[2 * third..].iter().max().unwrap();
            println!(
                "rss: max {middle} MiB in the middle third, {last} MiB in the last third ({:+.1} %)",
                100.0 * (*last as f64 - *middle as f64) / *middle as f64
            );
        }
    });
    for server in std::iter::once(&mut server).chain(others.iter_mut()) {
        server.signal("-TERM");
        let _ = server.process.wait();
    }
}
