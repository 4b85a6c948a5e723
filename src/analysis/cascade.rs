//! Cascade simulation: how a message spreads over the relay network hour by hour when each
//! relay passes it on only with the trust of its ties. The model is that of
//! `graph-schema/README.md` ("Cascade simulation"); every run is drawn from the seed and the run's
//! number alone, so an answer is the same on any number of cores.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;
use serde::Serialize;

use super::AnalysisError;
use super::graph::RelayGraph;
use super::relay::{BoundQuery, RelayQuery, check};
use crate::domain::Channel;

/// The most runs one simulation may ask for.
pub const MAX_RUNS: u32 = 10_000;
/// The longest horizon, in hours (a week).
pub const MAX_HOURS: u32 = 168;

/// Hours a message takes to cross one tie, per channel.
#[derive(Debug, Clone, PartialEq)]
pub struct Delays(pub [f64; Channel::ALL.len()]);

impl Default for Delays {
    /// In person 2, phone 0.25, SMS 0.5, WhatsApp 0.25, radio 1, social media 1, email 4.
    fn default() -> Self {
        let mut delays = [0.0; Channel::ALL.len()];
        for (slot, channel) in delays.iter_mut().zip(Channel::ALL) {
            *slot = match channel {
                Channel::InPerson => 2.0,
                Channel::Phone | Channel::Whatsapp => 0.25,
                Channel::Sms => 0.5,
                Channel::Radio | Channel::SocialMedia => 1.0,
                Channel::Email => 4.0,
            };
        }
        Self(delays)
    }
}

impl Delays {
    /// A channel's place in the array: its bit's (see `channel_bit`).
    fn slot(channel: Channel) -> usize {
        super::graph::channel_bit(channel).trailing_zeros() as usize
    }

    /// The delay of one channel.
    pub fn of(&self, channel: Channel) -> f64 {
        self.0[Self::slot(channel)]
    }

    /// Sets the delay of one channel.
    pub fn set(&mut self, channel: Channel, hours: f64) {
        self.0[Self::slot(channel)] = hours;
    }
}

/// What to simulate beside the relay query.
#[derive(Debug, Clone)]
pub struct SimulationParams {
    /// Independent runs (1 to [`MAX_RUNS`]).
    pub runs: u32,
    /// Seeds every run.
    pub seed: u64,
    /// The horizon in whole hours (1 to [`MAX_HOURS`]).
    pub hours: u32,
    /// Hours per hop, per channel.
    pub delays: Delays,
}

impl Default for SimulationParams {
    fn default() -> Self {
        Self {
            runs: 1000,
            seed: 1,
            hours: 48,
            delays: Delays::default(),
        }
    }
}

/// Targets reached by one hour: the mean over runs and the 5th and 95th percentiles.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct HourBand {
    /// Hours since the start.
    pub hour: u32,
    /// Mean targets reached by then.
    pub mean: f64,
    /// 5th percentile over runs (nearest rank).
    pub p5: u32,
    /// 95th percentile over runs (nearest rank).
    pub p95: u32,
}

/// The simulation's answer.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Simulation {
    /// Runs made.
    pub runs: u32,
    /// The seed.
    pub seed: u64,
    /// The horizon in hours.
    pub hours: u32,
    /// The query's targets.
    pub targets: usize,
    /// For every whole hour from 0 to the horizon.
    pub by_hour: Vec<HourBand>,
    /// The same per first language of the targets (`und` when unknown).
    pub by_language: BTreeMap<String, Vec<HourBand>>,
    /// The share of targets reached in no run by the horizon (0 when there is no target).
    pub never_reached_share: f64,
}

/// The pairs of actors joined by usable ties, each once, as CSR arrays.
struct Pairs {
    offsets: Vec<u32>,
    /// (neighbour, pair number) per entry.
    entries: Vec<(u32, u32)>,
    /// Per pair: open when a run's draw is below this (`u64::MAX`: always).
    threshold: Vec<u64>,
    /// Per pair: hours to cross it.
    delay: Vec<f64>,
}

fn pairs(q: &BoundQuery, query: &RelayQuery, delays: &Delays) -> Pairs {
    let graph = q.graph;
    let n = graph.node_count();
    let mask = query.channels.as_ref().map_or(u8::MAX, |cs| {
        cs.iter()
            .fold(0u8, |m, c| m | super::graph::channel_bit(*c))
    });
    let in_person = delays.of(Channel::InPerson);
    let tie_delay = |channels: u8| {
        let usable = channels & mask;
        if usable == 0 {
            return in_person; // a tie without channels counts as in person
        }
        (0..Channel::ALL.len())
            .filter(|&i| usable & (1 << i) != 0)
            .map(|i| delays.0[i])
            .fold(f64::INFINITY, f64::min)
    };
    // Per node, its pairs with higher-numbered neighbours: best trust, shortest delay.
    let per_node: Vec<Vec<(u32, f64, f64)>> = (0..n as u32)
        .into_par_iter()
        .map(|v| {
            let mut out: Vec<(u32, f64, f64)> = q
                .usable_edges(v)
                .filter(|&(w, _)| w > v)
                .map(|(w, tie)| {
                    let facts = graph.ties.get(tie as usize);
                    (w, facts.trust, tie_delay(facts.channels))
                })
                .collect();
            out.sort_unstable_by_key(|p| p.0);
            out.dedup_by(|later, kept| {
                if later.0 == kept.0 {
                    kept.1 = kept.1.max(later.1);
                    kept.2 = kept.2.min(later.2);
                    true
                } else {
                    false
                }
            });
            out
        })
        .collect();
    let mut degree = vec![0u32; n + 1];
    let mut threshold = Vec::new();
    let mut delay = Vec::new();
    for (v, list) in per_node.iter().enumerate() {
        for &(w, trust, hours) in list {
            degree[v] += 1;
            degree[w as usize] += 1;
            threshold.push(if trust >= 1.0 {
                u64::MAX
            } else {
                (trust * 2f64.powi(64)) as u64
            });
            delay.push(hours);
        }
    }
    let mut offsets = vec![0u32; n + 1];
    for v in 0..n {
        offsets[v + 1] = offsets[v] + degree[v];
    }
    let mut fill = offsets.clone();
    let mut entries = vec![(0u32, 0u32); offsets[n] as usize];
    let mut pair = 0u32;
    for (v, list) in per_node.iter().enumerate() {
        for &(w, _, _) in list {
            for (from, to) in [(v as u32, w), (w, v as u32)] {
                entries[fill[from as usize] as usize] = (to, pair);
                fill[from as usize] += 1;
            }
            pair += 1;
        }
    }
    Pairs {
        offsets,
        entries,
        threshold,
        delay,
    }
}

/// A draw in [0, 2^64) from the seed, the run and the pair (SplitMix64's finaliser): the same
/// pair is open or closed in a run whichever end reaches it first.
fn draw(seed: u64, run: u32, pair: u32) -> u64 {
    let mut z = seed
        ^ u64::from(run).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ u64::from(pair).wrapping_mul(0xD1B5_4A32_D192_ED03);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// One run's per-thread state.
struct RunScratch {
    best: Vec<f64>,
    touched: Vec<u32>,
    in_frontier: Vec<bool>,
}

/// One run: the shortest delay to every node over open pairs with at most `max_hops` pairs
/// (rounds of Bellman–Ford from the nodes improved in the round before); calls `reached` with
/// each node and its delay, then clears the scratch.
fn run_once(
    q: &BoundQuery,
    p: &Pairs,
    seed: u64,
    run: u32,
    scratch: &mut RunScratch,
    mut reached: impl FnMut(u32, f64),
) {
    let RunScratch {
        best,
        touched,
        in_frontier,
    } = scratch;
    let mut frontier: Vec<(u32, f64)> = Vec::new();
    for &s in &q.sources {
        if best[s as usize] > 0.0 {
            best[s as usize] = 0.0;
            touched.push(s);
            frontier.push((s, 0.0));
        }
    }
    let mut next: Vec<u32> = Vec::new();
    for _ in 0..q.max_hops {
        for &(u, at) in &frontier {
            let range = p.offsets[u as usize] as usize..p.offsets[u as usize + 1] as usize;
            for &(w, pair) in &p.entries[range] {
                let candidate = at + p.delay[pair as usize];
                if candidate < best[w as usize] {
                    let threshold = p.threshold[pair as usize];
                    if threshold != u64::MAX && draw(seed, run, pair) >= threshold {
                        continue;
                    }
                    if best[w as usize] == f64::INFINITY {
                        touched.push(w);
                    }
                    best[w as usize] = candidate;
                    if !in_frontier[w as usize] {
                        in_frontier[w as usize] = true;
                        next.push(w);
                    }
                }
            }
        }
        if next.is_empty() {
            break;
        }
        frontier.clear();
        for &w in &next {
            in_frontier[w as usize] = false;
            frontier.push((w, best[w as usize]));
        }
        next.clear();
    }
    for &v in touched.iter() {
        reached(v, best[v as usize]);
        best[v as usize] = f64::INFINITY;
    }
    touched.clear();
}

/// Nearest-rank percentile of sorted values.
fn percentile(sorted: &[u32], share: f64) -> u32 {
    let rank = ((share * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

fn bands(per_run: &[Vec<u32>], column: usize, hours: u32) -> Vec<HourBand> {
    let width = hours as usize + 1;
    (0..width)
        .map(|h| {
            let mut values: Vec<u32> = per_run.iter().map(|r| r[column * width + h]).collect();
            values.sort_unstable();
            let mean = values.iter().map(|&v| f64::from(v)).sum::<f64>() / values.len() as f64;
            HourBand {
                hour: h as u32,
                mean,
                p5: percentile(&values, 0.05),
                p95: percentile(&values, 0.95),
            }
        })
        .collect()
}

/// Simulates the cascade of a relay query `params.runs` times.
///
/// # Complexity
/// O(E) to prepare; per run at most `max_hops` passes over the ties of the nodes reached, plus
/// O(targets). Runs are shared among the cores; the cancel flag is checked between runs.
pub fn simulate(
    graph: &RelayGraph,
    query: &RelayQuery,
    params: &SimulationParams,
    cancel: &AtomicBool,
) -> Result<Simulation, AnalysisError> {
    if !(1..=MAX_RUNS).contains(&params.runs) {
        return Err(AnalysisError::invalid(
            "runs",
            format!("must be from 1 to {MAX_RUNS}"),
        ));
    }
    if !(1..=MAX_HOURS).contains(&params.hours) {
        return Err(AnalysisError::invalid(
            "hours",
            format!("must be from 1 to {MAX_HOURS}"),
        ));
    }
    if params.delays.0.iter().any(|d| !d.is_finite() || *d < 0.0) {
        return Err(AnalysisError::invalid(
            "delays",
            "each delay must be a number of hours, 0 or more",
        ));
    }
    let q = BoundQuery::new(graph, query, cancel)?;
    let p = pairs(&q, query, &params.delays);
    check(cancel)?;
    let n = graph.node_count();
    // Columns: 0 for every target, then one per first language.
    let mut languages: BTreeMap<String, usize> = BTreeMap::new();
    let mut column = vec![usize::MAX; n];
    let mut targets = 0;
    for (v, slot) in column.iter_mut().enumerate() {
        if q.is_target[v] {
            targets += 1;
            let language = graph.first_language[v].map_or("und".to_owned(), |l| l.to_string());
            let next = languages.len() + 1;
            *slot = *languages.entry(language).or_insert(next);
        }
    }
    let width = params.hours as usize + 1;
    let columns = languages.len() + 1;
    let ever: Vec<AtomicBool> = (0..n).map(|_| AtomicBool::new(false)).collect();
    let per_run: Vec<Vec<u32>> = (0..params.runs)
        .into_par_iter()
        .map_init(
            || RunScratch {
                best: vec![f64::INFINITY; n],
                touched: Vec::new(),
                in_frontier: vec![false; n],
            },
            |scratch, run| {
                let mut counts = vec![0u32; columns * width];
                if cancel.load(Ordering::Relaxed) {
                    return counts;
                }
                run_once(&q, &p, params.seed, run, scratch, |v, hours| {
                    let c = column[v as usize];
                    if c == usize::MAX || hours > f64::from(params.hours) {
                        return;
                    }
                    ever[v as usize].store(true, Ordering::Relaxed);
                    let hour = hours.ceil() as usize;
                    counts[hour] += 1;
                    counts[c * width + hour] += 1;
                });
                // Reached by each hour: running sums.
                for c in 0..columns {
                    for h in 1..width {
                        counts[c * width + h] += counts[c * width + h - 1];
                    }
                }
                counts
            },
        )
        .collect();
    check(cancel)?;
    let never = (0..n)
        .filter(|&v| q.is_target[v] && !ever[v].load(Ordering::Relaxed))
        .count();
    let by_language: HashMap<usize, String> =
        languages.iter().map(|(l, &c)| (c, l.clone())).collect();
    Ok(Simulation {
        runs: params.runs,
        seed: params.seed,
        hours: params.hours,
        targets,
        by_hour: bands(&per_run, 0, params.hours),
        by_language: (1..columns)
            .map(|c| (by_language[&c].clone(), bands(&per_run, c, params.hours)))
            .collect(),
        never_reached_share: if targets == 0 {
            0.0
        } else {
            never as f64 / targets as f64
        },
    })
}

#[cfg(test)]
mod tests {
    //! With every trust 1 the cascade is the reach analysis; on a small hand-drawn network the
    //! mean is checked against the exact expectation over every open/closed combination.

    use proptest::prelude::*;
    use serde_json::json;

    use super::*;
    use crate::analysis::reach;
    use crate::analysis::testing::{actor, network, random_document, random_query};

    fn tie(
        source: &str,
        target: &str,
        kind: &str,
        trust: f64,
        channels: &[&str],
    ) -> serde_json::Value {
        json!({"id": format!("t.{source}.{target}"), "source": source, "target": target, "kind": kind,
               "trust": trust, "channels": channels})
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(100))]

        #[test]
        fn with_every_trust_one_the_cascade_reaches_whom_reach_reaches(seed in any::<u64>(), size in 2usize..11) {
            let mut document = random_document(seed, size);
            for t in document["ties"].as_array_mut().unwrap() {
                t["trust"] = json!(1.0);
            }
            let query = random_query(seed, &document);
            let graph = RelayGraph::build(&network(document), 1);
            let never = AtomicBool::new(false);
            let expected = reach(&graph, &query, &never).unwrap();
            let params = SimulationParams { runs: 20, seed, ..SimulationParams::default() };
            let got = simulate(&graph, &query, &params, &never).unwrap();
            let last = got.by_hour.last().unwrap();
            prop_assert_eq!(got.targets, expected.targets);
            prop_assert_eq!(last.mean, expected.reached_count as f64);
            prop_assert_eq!((last.p5, last.p95), (expected.reached_count as u32, expected.reached_count as u32));
            let unreached = expected.unreached.len() as f64 / expected.targets.max(1) as f64;
            prop_assert!((got.never_reached_share - unreached).abs() < 1e-12);
        }
    }

    /// r-1 ─0.8 phone─ o-1 ─0.5 in person─ m-1 ─0.6 sms─ m-2
    ///   └──0.3 whatsapp── m-2 ─0.9 email─ m-3
    fn hand_drawn() -> serde_json::Value {
        json!({
            "actors": [actor("r-1", "responder", &["tir"]), actor("o-1", "organisation", &["tir"]),
                       actor("m-1", "migrant", &["tir"]), actor("m-2", "migrant", &["tir"]),
                       actor("m-3", "migrant", &["ara", "tir"])],
            "ties": [tie("o-1", "r-1", "partners_with", 0.8, &["phone"]),
                     tie("o-1", "m-1", "serves", 0.5, &[]),
                     tie("m-1", "m-2", "knows", 0.6, &["sms"]),
                     tie("r-1", "m-2", "serves", 0.3, &["whatsapp"]),
                     tie("m-2", "m-3", "knows", 0.9, &["email"])]
        })
    }

    /// Exact mean and variance of the targets reached by each hour, over all 2^5 combinations.
    fn exact(hours: usize, max_hops: usize) -> Vec<(f64, f64)> {
        // Nodes: r-1 0, o-1 1, m-1 2, m-2 3, m-3 4; (a, b, trust, delay)
        let pairs = [
            (0, 1, 0.8, 0.25),
            (1, 2, 0.5, 2.0),
            (2, 3, 0.6, 0.5),
            (0, 3, 0.3, 0.25),
            (3, 4, 0.9, 4.0),
        ];
        let mut moments = vec![(0.0, 0.0); hours + 1];
        for open in 0u32..32 {
            let weight: f64 = pairs
                .iter()
                .enumerate()
                .map(|(i, p)| if open & (1 << i) != 0 { p.2 } else { 1.0 - p.2 })
                .product();
            // Bellman-Ford by hop rounds from r-1.
            let mut best = [f64::INFINITY; 5];
            best[0] = 0.0;
            for _ in 0..max_hops {
                let previous = best;
                for (i, &(a, b, _, d)) in pairs.iter().enumerate() {
                    if open & (1 << i) != 0 {
                        best[b] = best[b].min(previous[a] + d);
                        best[a] = best[a].min(previous[b] + d);
                    }
                }
            }
            for (h, moment) in moments.iter_mut().enumerate() {
                let count = (2..5).filter(|&v| best[v] <= h as f64).count() as f64;
                moment.0 += weight * count;
                moment.1 += weight * count * count;
            }
        }
        moments.into_iter().map(|(m, m2)| (m, m2 - m * m)).collect()
    }

    #[test]
    fn the_mean_is_within_its_statistical_error_of_the_exact_expectation() {
        let graph = RelayGraph::build(&network(hand_drawn()), 1);
        let never = AtomicBool::new(false);
        for max_hops in [2u8, 3] {
            let query = RelayQuery {
                max_hops,
                ..RelayQuery::default()
            };
            let params = SimulationParams {
                runs: 10_000,
                seed: 7,
                hours: 8,
                ..SimulationParams::default()
            };
            let got = simulate(&graph, &query, &params, &never).unwrap();
            assert_eq!(got.targets, 3);
            for (band, (mean, variance)) in got.by_hour.iter().zip(exact(8, max_hops as usize)) {
                let error = (variance / 10_000.0).sqrt();
                assert!(
                    (band.mean - mean).abs() <= 4.0 * error + 1e-12,
                    "hour {}: simulated {} exact {mean} (standard error {error})",
                    band.hour,
                    band.mean
                );
                assert!(f64::from(band.p5) <= band.mean && band.mean <= f64::from(band.p95));
            }
            // m-3's first language is ara: the languages share the targets out.
            let tir = got.by_language["tir"].last().unwrap().mean;
            let ara = got.by_language["ara"].last().unwrap().mean;
            assert!((tir + ara - got.by_hour.last().unwrap().mean).abs() < 1e-9);
        }
        // The same seed gives the same answer.
        let params = SimulationParams {
            runs: 500,
            seed: 3,
            ..SimulationParams::default()
        };
        let a = simulate(&graph, &RelayQuery::default(), &params, &never).unwrap();
        let b = simulate(&graph, &RelayQuery::default(), &params, &never).unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn bad_parameters_name_their_field_and_a_cancel_stops_it() {
        let graph = RelayGraph::build(&network(hand_drawn()), 1);
        let never = AtomicBool::new(false);
        let field = |params: SimulationParams| match simulate(
            &graph,
            &RelayQuery::default(),
            &params,
            &never,
        ) {
            Err(AnalysisError::InvalidQuery { field, .. }) => field,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            field(SimulationParams {
                runs: 0,
                ..SimulationParams::default()
            }),
            "runs"
        );
        assert_eq!(
            field(SimulationParams {
                runs: 10_001,
                ..SimulationParams::default()
            }),
            "runs"
        );
        assert_eq!(
            field(SimulationParams {
                hours: 0,
                ..SimulationParams::default()
            }),
            "hours"
        );
        let mut delays = Delays::default();
        delays.set(Channel::Sms, -1.0);
        assert_eq!(
            field(SimulationParams {
                delays,
                ..SimulationParams::default()
            }),
            "delays"
        );
        assert_eq!(
            simulate(
                &graph,
                &RelayQuery::default(),
                &SimulationParams::default(),
                &AtomicBool::new(true)
            ),
            Err(AnalysisError::Cancelled)
        );
    }
}
