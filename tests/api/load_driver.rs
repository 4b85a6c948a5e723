//! A load generator for a running relaymap server: clients on loopback send a mix of reads,
//! writes and reach queries for a bounded time, and every answer's latency is kept; and the
//! server process itself ([`Server`]). Shared by `reliability.rs` and the long run `cargo bench
//! --bench load`.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A `relaymap serve` process on a free port. Dropped, it is killed: a failed test leaves no
/// server behind.
pub struct Server {
    pub process: std::process::Child,
    pub address: String,
    /// The admin token printed at the first start of a store.
    pub token: Option<String>,
}

impl Server {
    /// Spawns `command`, a `relaymap serve --bind 127.0.0.1:0 ...`, and waits until it listens;
    /// `fresh`: the store has no token yet, so the server prints one, and this waits for it too.
    pub fn spawn(command: Command, fresh: bool) -> Self {
        Self::spawn_logging(command, fresh, Stdio::null())
    }

    /// As [`Server::spawn`], with the server's log lines (stderr) going to `log`.
    pub fn spawn_logging(mut command: Command, fresh: bool, log: Stdio) -> Self {
        let mut process = command.stdout(Stdio::piped()).stderr(log).spawn().unwrap();
        let mut lines = BufReader::new(process.stdout.take().unwrap()).lines();
        let mut address = None;
        let mut token = None;
        for line in lines.by_ref() {
            let line = line.unwrap();
            if let Some(rest) = line.strip_prefix("relaymap is serving on http://") {
                address = Some(rest.trim_end_matches('/').to_owned());
            } else if line.starts_with("    ") && !line.trim().is_empty() {
                token = Some(line.trim().to_owned());
            }
            if address.is_some() && (token.is_some() || !fresh) {
                break;
            }
        }
        // Keep draining stdout so that the server never blocks on a full pipe.
        std::thread::spawn(move || lines.for_each(drop));
        Self {
            process,
            address: address.expect("the server's address"),
            token,
        }
    }

    /// Sends a signal (`-TERM`, `-KILL`) to the server.
    pub fn signal(&self, signal: &str) {
        let sent = Command::new("kill")
            .args([signal, &self.process.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

/// What the clients do, by weight out of 100: the rest of the weights are single-actor reads.
#[derive(Debug, Clone, Copy)]
pub struct Mix {
    /// Listing a page of actors.
    pub lists: u32,
    /// Writes: a new organisation, and its partnership with a responder.
    pub writes: u32,
    /// Reach queries from one responder.
    pub reach: u32,
    /// Reach answers list one page of this many targets, with the counts of all, as a
    /// screen or a phone asks; every target (each with its path) when `None`.
    pub reach_page: Option<u32>,
}

impl Default for Mix {
    fn default() -> Self {
        Self {
            lists: 20,
            writes: 10,
            reach: 5,
            reach_page: Some(100),
        }
    }
}

/// The kinds of request, as reported.
pub const KINDS: [&str; 4] = ["read", "list", "write", "reach"];

/// What a run measured.
#[derive(Debug, Default)]
pub struct Report {
    /// Latencies in seconds, by kind (the order of `KINDS`).
    pub latencies: [Vec<f64>; 4],
    /// Requests that got an unexpected status, or no answer: (kind, status or 0, body start).
    pub errors: Vec<(&'static str, u16, String)>,
    pub elapsed: Duration,
}

impl Report {
    pub fn total(&self) -> usize {
        self.latencies.iter().map(Vec::len).sum()
    }

    /// A latency quantile in milliseconds (`q` in 0..=1), for one kind or (None) all.
    pub fn quantile_ms(&self, kind: Option<usize>, q: f64) -> f64 {
        let mut all: Vec<f64> = match kind {
            Some(k) => self.latencies[k].clone(),
            None => self.latencies.iter().flatten().copied().collect(),
        };
        if all.is_empty() {
            return 0.0;
        }
        all.sort_by(f64::total_cmp);
        let at = ((all.len() - 1) as f64 * q).round() as usize;
        all[at] * 1000.0
    }

    /// One line per kind and one for all: count, throughput, p50 and p99.
    pub fn table(&self) -> String {
        let seconds = self.elapsed.as_secs_f64().max(1e-9);
        let mut out = String::from("kind   requests   per s    p50 ms    p99 ms\n");
        for (k, name) in KINDS.iter().enumerate() {
            out.push_str(&format!(
                "{name:<6} {:>8} {:>7.1} {:>9.2} {:>9.2}\n",
                self.latencies[k].len(),
                self.latencies[k].len() as f64 / seconds,
                self.quantile_ms(Some(k), 0.5),
                self.quantile_ms(Some(k), 0.99)
            ));
        }
        out.push_str(&format!(
            "all    {:>8} {:>7.1} {:>9.2} {:>9.2}   errors: {}\n",
            self.total(),
            self.total() as f64 / seconds,
            self.quantile_ms(None, 0.5),
            self.quantile_ms(None, 0.99),
            self.errors.len()
        ));
        out
    }
}

/// A small, seeded generator (the clients' choices, reproducible).
struct Choices(u64);

impl Choices {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) % n.max(1)
    }
}

/// One coordinator token per client, as a crisis cell would have (each token may run only a
/// few analyses at once), made with `relaymap token create` on the server's store.
pub fn coordinator_tokens(db: &std::path::Path, clients: usize) -> Vec<String> {
    (0..clients)
        .map(|c| {
            let output = Command::new(env!("CARGO_BIN_EXE_relaymap"))
                .args([
                    "token",
                    "create",
                    "--db",
                    db.to_str().expect("a UTF-8 path"),
                ])
                .args([
                    "--role",
                    "coordinator",
                    "--name",
                    &format!("load client {c}"),
                ])
                .env_remove("RELAYMAP_DB")
                .output()
                .expect("relaymap token create runs");
            assert!(output.status.success(), "{output:?}");
            String::from_utf8(output.stdout)
                .expect("a token in UTF-8")
                .trim()
                .to_owned()
        })
        .collect()
}

/// The server under load and what exists in it.
pub struct Target {
    /// `http://host:port` of each server process on the store: client `c` sends to
    /// `bases[c % bases.len()]`.
    pub bases: Vec<String>,
    /// Client `c` sends `tokens[c % tokens.len()]`.
    pub tokens: Vec<String>,
    /// Ids that exist, to read.
    pub actors: Vec<String>,
    /// Responders: sources of reach queries, and partners of new organisations.
    pub responders: Vec<String>,
}

/// How hard and how long.
pub struct Load {
    pub clients: usize,
    pub duration: Duration,
    pub mix: Mix,
    /// Makes this run's new ids unique (`o-{prefix}{client}x{n}`).
    pub prefix: String,
}

/// Runs the load's clients against the target until its time is up.
pub async fn run(target: &Target, load: &Load) -> Report {
    let Target {
        bases,
        tokens,
        actors,
        responders,
    } = target;
    let (clients, duration, mix, prefix) = (load.clients, load.duration, load.mix, &load.prefix);
    let started = Instant::now();
    let deadline = started + duration;
    let mut tasks = Vec::new();
    for c in 0..clients {
        let token = &tokens[c % tokens.len()];
        let client = reqwest::Client::builder()
            .default_headers({
                let mut headers = reqwest::header::HeaderMap::new();
                headers.insert(
                    "authorization",
                    format!("Bearer {token}").parse().expect("a token header"),
                );
                headers
            })
            .build()
            .expect("an HTTP client");
        let base = bases[c % bases.len()].clone();
        let (actors, responders) = (actors.clone(), responders.clone());
        let prefix = format!("{prefix}{c}x");
        tasks.push(tokio::spawn(async move {
            let mut report = Report::default();
            let mut choices = Choices(c as u64 + 1);
            let mut written = 0u64;
            while Instant::now() < deadline {
                let roll = choices.below(100) as u32;
                let (kind, request) = if roll < mix.writes {
                    written += 1;
                    let id = format!("o-{prefix}{written}");
                    let other = &responders[choices.below(responders.len() as u64) as usize];
                    let body = serde_json::json!({"actors": [
                        {"id": id, "kind": "organisation", "name": "Load test hall", "languages": ["eng"]}],
                        "ties": [{"source": id, "target": other, "kind": "partners_with", "trust": 0.6}]});
                    (2, client.post(format!("{base}/api/v1/import")).json(&body))
                } else if roll < mix.writes + mix.reach {
                    let from = &responders[choices.below(responders.len() as u64) as usize];
                    let query = serde_json::json!({"from": [from], "max_hops": 3});
                    let url = match mix.reach_page {
                        Some(limit) => format!("{base}/api/v1/reach?limit={limit}"),
                        None => format!("{base}/api/v1/reach"),
                    };
                    (3, client.post(url).json(&query))
                } else if roll < mix.writes + mix.reach + mix.lists {
                    let after = &actors[choices.below(actors.len() as u64) as usize];
                    (1, client.get(format!("{base}/api/v1/actors?limit=100&cursor={after}")))
                } else {
                    let id = &actors[choices.below(actors.len() as u64) as usize];
                    (0, client.get(format!("{base}/api/v1/actors/{id}")))
                };
                let sent = Instant::now();
                match request.send().await {
                    Ok(response) => {
                        let status = response.status();
                        let body = response.bytes().await.unwrap_or_default();
                        report.latencies[kind].push(sent.elapsed().as_secs_f64());
                        if !status.is_success() {
                            let start = String::from_utf8_lossy(&body[..body.len().min(200)]);
                            report.errors.push((KINDS[kind], status.as_u16(), start.into_owned()));
                        }
                    }
                    Err(error) => report.errors.push((KINDS[kind], 0, error.to_string())),
                }
            }
            report
        }));
    }
    let mut total = Report::default();
    for task in tasks {
        let part = task.await.expect("a client task");
        for k in 0..KINDS.len() {
            total.latencies[k].extend(&part.latencies[k]);
        }
        total.errors.extend(part.errors);
    }
    total.elapsed = started.elapsed();
    total
}

/// The resident memory of a process, in KiB (Linux).
pub fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}
