//! Memory under the requests every role may make (not a test): a `relaymap serve` process on the
//! demo city, and in a second process viewers loading the dashboard and the counts, analysts
//! exporting every format (some with metrics) and reading metrics and summaries, coordinators
//! running coverage and the view, a writer whose imports make the snapshot rebuild, and a prober
//! asking `/healthz` every 100 ms. The server's resident memory is sampled every 200 ms.
//!
//!   cargo bench --bench memory -- [MIGRANTS] [SECONDS]
//!   (defaults: 100000 120)
//!
//! Prints the peak and last resident memory, `/healthz` latencies, and the answers by kind and
//! status; BENCHMARKS.md holds the figures ("Memory under every role's requests").

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

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

fn relaymap() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_relaymap"));
    command
        .env_remove("RELAYMAP_DB")
        .env("RELAYMAP_LOG", "warn");
    command
}

/// The demo city of `migrants`, made once (shared with `cargo bench --bench load`).
fn demo_city(migrants: u64) -> std::path::PathBuf {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-load");
    std::fs::create_dir_all(&folder).unwrap();
    let db = folder.join(format!("demo-{migrants}.db"));
    if !db.exists() {
        let partial = folder.join(format!("demo-{migrants}.partial.db"));
        let _ = std::fs::remove_file(&partial);
        eprintln!("making the demo city of {migrants} migrants (once)…");
        let made = relaymap()
            .args(["demo", "--db", partial.to_str().unwrap()])
            .args(["--migrants", &migrants.to_string()])
            .status()
            .unwrap();
        assert!(made.success());
        std::fs::rename(&partial, &db).unwrap();
    }
    db
}

/// Tokens of a role, made with `relaymap token create`.
fn tokens(db: &Path, role: &str, n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            let output = relaymap()
                .args(["token", "create", "--db", db.to_str().unwrap()])
                .args(["--role", role, "--name", &format!("{role} {i}")])
                .output()
                .unwrap();
            assert!(output.status.success());
            String::from_utf8(output.stdout).unwrap().trim().to_owned()
        })
        .collect()
}

/// Answers by kind of request and status.
type Tally = Arc<Mutex<BTreeMap<(String, u16), usize>>>;

/// One client: sends its requests one after another, reading every answer to the end, until
/// the deadline.
async fn client(
    base: String,
    token: String,
    requests: Vec<(
        &'static str,
        reqwest::Method,
        String,
        Option<serde_json::Value>,
    )>,
    deadline: Instant,
    tally: Tally,
) {
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(120))
        .build()
        .unwrap();
    let mut n = 0usize;
    while Instant::now() < deadline {
        let (kind, method, path, body) = &requests[n % requests.len()];
        n += 1;
        let mut request = client
            .request(method.clone(), format!("{base}{path}"))
            .bearer_auth(&token)
            .header("accept", if path == "/" { "text/html" } else { "*/*" });
        if let Some(body) = body {
            request = request.json(body);
        }
        let status = match request.send().await {
            Ok(response) => {
                let status = response.status().as_u16();
                let _ = response.bytes().await;
                status
            }
            Err(_) => 0,
        };
        *tally
            .lock()
            .unwrap()
            .entry(((*kind).to_owned(), status))
            .or_default() += 1;
    }
}

/// One `GET /healthz` over a fresh connection: (milliseconds, whether it answered 200).
fn probe(address: &str) -> (f64, bool) {
    use std::io::{Read, Write};
    let sent = Instant::now();
    let answered = (|| -> std::io::Result<bool> {
        let mut stream = std::net::TcpStream::connect(address)?;
        stream.set_read_timeout(Some(Duration::from_secs(10)))?;
        write!(
            stream,
            "GET /healthz HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
        )?;
        let mut answer = String::new();
        stream.read_to_string(&mut answer)?;
        Ok(answer.starts_with("HTTP/1.1 200"))
    })()
    .unwrap_or(false);
    (sent.elapsed().as_secs_f64() * 1000.0, answered)
}

fn main() {
    let migrants = arg(1, 100_000);
    let seconds = arg(2, 120);
    let city = demo_city(migrants);
    let run = tempfile::tempdir().unwrap();
    let db = run.path().join("memory.db");
    std::fs::copy(&city, &db).unwrap();
    let mut command = relaymap();
    command.args([
        "serve",
        "--bind",
        "127.0.0.1:0",
        "--db",
        db.to_str().unwrap(),
    ]);
    let server = load_driver::Server::spawn(command, true);
    let base = format!("http://{}", server.address);
    let server_address = server.address.clone();
    let pid = server.process.id();
    let viewers = tokens(&db, "viewer", 8);
    let analysts = tokens(&db, "analyst", 8);
    let coordinators = tokens(&db, "coordinator", 2);
    let writer = tokens(&db, "coordinator", 1);
    println!(
        "machine: {} cores; city: {migrants} migrants; {seconds} s; 8 viewers, 8 analysts, 2 coordinators, 1 writer, 1 prober",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
    );
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let tally: Tally = Arc::default();
    let peak = Arc::new(Mutex::new((0u64, Vec::new())));
    let sampler = {
        let peak = peak.clone();
        std::thread::spawn(move || {
            while Instant::now() < deadline + Duration::from_secs(5) {
                let rss = load_driver::rss_kib(pid).unwrap_or(0) / 1024;
                let mut peak = peak.lock().unwrap();
                peak.0 = peak.0.max(rss);
                peak.1.push(rss);
                drop(peak);
                std::thread::sleep(Duration::from_millis(200));
            }
        })
    };
    use reqwest::Method;
    let get = |kind: &'static str, path: &str| (kind, Method::GET, path.to_owned(), None);
    let health = runtime.block_on(async {
        let mut tasks = Vec::new();
        for token in viewers {
            let requests = vec![
                get("dashboard", "/"),
                get("aggregates", "/api/v1/aggregates"),
                get("stats", "/api/v1/stats"),
            ];
            tasks.push(tokio::spawn(client(base.clone(), token, requests, deadline, tally.clone())));
        }
        for (i, token) in analysts.into_iter().enumerate() {
            let mut requests = vec![
                get("export", "/api/v1/export?format=graphml&with_metrics=true&only=degree,pagerank,community"),
                get("export", "/api/v1/export?format=json"),
                get("export", "/api/v1/export?format=csv"),
                get("export", "/api/v1/export?format=gexf"),
                get("export", "/api/v1/export?format=geojson"),
                get("export", "/api/v1/export?format=nodelink"),
                get("metrics", "/api/v1/metrics?only=degree,pagerank,clustering"),
                get("summary", "/api/v1/summary"),
            ];
            let turn = i % requests.len();
            requests.rotate_left(turn);
            tasks.push(tokio::spawn(client(base.clone(), token, requests, deadline, tally.clone())));
        }
        for token in coordinators {
            let requests = vec![
                ("coverage", Method::POST, "/api/v1/coverage".into(), Some(serde_json::json!({"max_hops": 3}))),
                get("view", "/api/v1/view?community=3"),
                get("list", "/api/v1/actors?limit=1000"),
            ];
            tasks.push(tokio::spawn(client(base.clone(), token, requests, deadline, tally.clone())));
        }
        // A write every few seconds: each makes the next analysis rebuild the snapshot.
        let writes: Vec<_> = (0..1000)
            .map(|n| {
                let body = serde_json::json!({"actors": [{"id": format!("o-memory-{n}"),
                    "kind": "organisation", "name": "Memory test hall", "languages": ["eng"]}]});
                ("write", Method::POST, "/api/v1/import".to_owned(), Some(body))
            })
            .collect();
        let writer_token = writer[0].clone();
        let (writer_base, writer_tally) = (base.clone(), tally.clone());
        tasks.push(tokio::spawn(async move {
            for write in writes {
                if Instant::now() >= deadline {
                    break;
                }
                client(writer_base.clone(), writer_token.clone(), vec![write],
                       Instant::now() + Duration::from_millis(1), writer_tally.clone()).await;
                tokio::time::sleep(Duration::from_secs(5)).await;
            }
        }));
        // The prober: a thread of its own with a plain socket, so that the clients' work in this
        // process adds as little as possible to what it measures.
        let address = server_address.clone();
        let prober = std::thread::spawn(move || {
            let mut latencies = Vec::new();
            while Instant::now() < deadline {
                latencies.push(probe(&address));
                std::thread::sleep(Duration::from_millis(100));
            }
            latencies
        });
        for task in tasks {
            let _ = task.await;
        }
        prober.join().unwrap()
    });
    sampler.join().unwrap();
    let (peak, samples) = peak.lock().unwrap().clone();
    let mut millis: Vec<f64> = health.iter().map(|(ms, _)| *ms).collect();
    millis.sort_by(f64::total_cmp);
    let at = |q: f64| millis[((millis.len() - 1) as f64 * q).round() as usize];
    println!(
        "resident memory: peak {peak} MiB; last {} MiB; samples every 200 ms: {}",
        samples.last().copied().unwrap_or(0),
        samples.len()
    );
    println!(
        "/healthz: {} probes, {} failed; p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        health.len(),
        health.iter().filter(|(_, ok)| !ok).count(),
        at(0.5),
        at(0.99),
        millis.last().copied().unwrap_or(0.0)
    );
    println!("answers by kind and status:");
    for ((kind, status), n) in tally.lock().unwrap().iter() {
        println!("  {kind:<10} {status:>3}  {n}");
    }
    drop(server);
}
