//! Relay analysis benchmark (not a test): snapshot build, reach and coverage on a stored network,
//! against a raw compressed-sparse-row breadth-first search over the same graph as the floor.
//!
//!   target/release/relaymap demo --db /tmp/city.db --migrants 100000
//!   cargo bench --bench relay -- /tmp/city.db
//!   (SIM_RUNS=100 for fewer simulation runs than the default 1,000)
//!
//! Prints medians; BENCHMARKS.md holds the figures and the machine.

use std::sync::atomic::AtomicBool;

use relaymap::analysis::{
    ReachSearch, RelayGraph, RelayQuery, SimulationParams, TargetPage, coverage, critical_ties,
    reach, reach_page, simulate,
};
use relaymap::domain::{ActorId, ActorKind, Network, TieId, TieKind};

#[path = "common.rs"]
#[allow(dead_code)] // the edge lists are the metrics and layout benches' only
mod common;
use common::{read_network, time};

/// The floor: the same relay graph as plain CSR arrays, and a BFS from every responder with no
/// conditions on ties and no hop limit. Returns how many actors it reaches.
fn floor(network: &Network) -> impl FnMut() -> usize {
    let relays: Vec<_> = network
        .actors
        .iter()
        .filter(|a| a.kind != ActorKind::City)
        .collect();
    let index: std::collections::HashMap<_, u32> = relays
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.clone(), i as u32))
        .collect();
    let n = relays.len();
    let mut edges: Vec<(u32, u32)> = Vec::new();
    for t in &network.ties {
        if t.kind == TieKind::LocatedIn {
            continue;
        }
        let (s, d) = (index[&t.source], index[&t.target]);
        edges.push((s, d));
        edges.push((d, s));
    }
    edges.sort_unstable();
    let mut offsets = vec![0u32; n + 1];
    for &(s, _) in &edges {
        offsets[s as usize + 1] += 1;
    }
    for v in 0..n {
        offsets[v + 1] += offsets[v];
    }
    let targets: Vec<u32> = edges.iter().map(|&(_, d)| d).collect();
    let sources: Vec<u32> = (0..n as u32)
        .filter(|&v| relays[v as usize].kind == ActorKind::Responder)
        .collect();
    move || {
        let mut seen = vec![false; n];
        let mut queue = std::collections::VecDeque::new();
        for &s in &sources {
            seen[s as usize] = true;
            queue.push_back(s);
        }
        let mut count = 0;
        while let Some(v) = queue.pop_front() {
            count += 1;
            for &w in &targets[offsets[v as usize] as usize..offsets[v as usize + 1] as usize] {
                if !seen[w as usize] {
                    seen[w as usize] = true;
                    queue.push_back(w);
                }
            }
        }
        count
    }
}

/// The first responder by id.
fn graph_responder(network: &Network) -> ActorId {
    let responder = network
        .actors
        .iter()
        .find(|a| a.kind == ActorKind::Responder);
    responder.expect("the demo has responders").id.clone()
}

fn main() {
    let path = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with("--"))
        .expect("usage: cargo bench --bench relay -- PATH_TO_SQLITE_DB");
    // READS=5 for the median of five reads (one by default: a million-migrant read is long).
    let reads = std::env::var("READS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(1);
    let (read, network) = time(reads, || read_network(&path));
    println!("store read: {read:?} (median of {reads})");

    // Bringing the network up to date after one write (a tie's trust changed), as a server does
    // from the change log, against reading the whole network again.
    let mut changed = (*network.ties[network.ties.len() / 2]).clone();
    changed.value.trust = relaymap::domain::Trust::parse(0.25).expect("a trust");
    let delta = relaymap::domain::Delta {
        version: 2,
        ties: vec![changed],
        ..Default::default()
    };
    let (apply, updated) = time(5, || network.apply(&delta));
    assert_eq!(updated.ties.len(), network.ties.len());
    println!("one write applied to the network in memory: {apply:?}");

    let (build, graph) = time(5, || RelayGraph::build(&network, 1));
    let (update, _) = time(5, || {
        graph
            .update(&network, &updated, &delta, |_| true)
            .expect("the graph updates")
    });
    println!("the relay graph brought up to date after that write: {update:?}");
    // The load benchmark's write: a new organisation with a tie to a responder. Every node and
    // tie after them in id order moves up by one.
    let model = |kind| {
        let actor = network.actors.iter().find(|a| a.kind == kind);
        actor.expect("the demo has one").value.clone()
    };
    let mut hall = model(ActorKind::Organisation);
    hall.id = ActorId::parse(&format!("{}-hall", hall.id)).expect("an id");
    let mut tie = network.ties[network.ties.len() / 3].value.clone();
    tie.id = TieId::parse(&format!("{}-hall", tie.id)).expect("an id");
    (tie.source, tie.target) = (hall.id.clone(), model(ActorKind::Responder).id);
    tie.kind = TieKind::PartnersWith;
    let stored = |value| relaymap::domain::Stored {
        value,
        created_at: relaymap::domain::now(),
        updated_at: relaymap::domain::now(),
    };
    let added = relaymap::domain::Delta {
        version: 2,
        actors: vec![stored(hall)],
        ties: vec![relaymap::domain::Stored {
            value: tie,
            created_at: relaymap::domain::now(),
            updated_at: relaymap::domain::now(),
        }],
        ..Default::default()
    };
    let (apply_added, grown) = time(5, || network.apply(&added));
    let (update_added, _) = time(5, || {
        graph
            .update(&network, &grown, &added, |_| true)
            .expect("the graph updates")
    });
    println!(
        "a new organisation and its tie: applied in {apply_added:?}, the relay graph brought up to date in {update_added:?}"
    );
    println!(
        "snapshot: {} actors, {} ties; build {:?}; {:.0} bytes per tie",
        graph.node_count(),
        graph.tie_count(),
        build,
        graph.memory_bytes() as f64 / graph.tie_count() as f64
    );
    let (floor_time, floor_reached) = time(21, floor(&network));
    println!("floor (raw CSR BFS from every responder): {floor_time:?}, {floor_reached} actors");
    let never = AtomicBool::new(false);
    let query = RelayQuery::default();
    let (reach_time, report) = time(21, || reach(&graph, &query, &never).expect("reach runs"));
    println!(
        "reach (defaults, whole city): {reach_time:?} = {:.1}x floor; {} of {} reached",
        reach_time.as_secs_f64() / floor_time.as_secs_f64(),
        report.reached_count,
        report.targets
    );
    // What the API answers by default to a paged request: the counts and the first 100 targets.
    let first = TargetPage {
        after: None,
        limit: 100,
    };
    let (page_time, page) = time(21, || {
        reach_page(&graph, &query, &first, &never).expect("reach runs")
    });
    assert_eq!(page.report.reached_count, report.reached_count);
    println!(
        "reach, counts and a page of 100 targets (?limit=100): {page_time:?} = {:.1}x floor",
        page_time.as_secs_f64() / floor_time.as_secs_f64(),
    );
    // The next page, from the search kept for the query (as the server keeps it per version).
    let searched = ReachSearch::new(&graph, &query, &never).expect("reach runs");
    let next = TargetPage {
        after: page.next_cursor.as_ref().map(|id| id.to_string()),
        limit: 100,
    };
    let (next_time, next_page) = time(21, || searched.page(&graph, &next).expect("a page"));
    assert_eq!(next_page.report.reached_count, report.reached_count);
    println!(
        "the next page of 100 from the kept search: {next_time:?} = {:.2}x floor",
        next_time.as_secs_f64() / floor_time.as_secs_f64(),
    );
    // The load benchmark's reach: one responder's, within 3 hops, a page of 100 targets.
    let responder = graph_responder(&network);
    let one = RelayQuery {
        from: Some(vec![responder]),
        max_hops: 3,
        ..RelayQuery::default()
    };
    let (one_time, one_page) = time(21, || {
        reach_page(&graph, &one, &first, &never).expect("reach runs")
    });
    println!(
        "reach from one responder, a page of 100 (the load benchmark's): {one_time:?} = {:.1}x floor; {} of {} reached",
        one_time.as_secs_f64() / floor_time.as_secs_f64(),
        one_page.report.reached_count,
        one_page.report.targets
    );
    let (coverage_time, report) = time(7, || {
        coverage(&graph, &query, &never).expect("coverage runs")
    });
    println!(
        "coverage (call list and single points of failure): {coverage_time:?} = {:.1}x floor; {} calls, {} points of failure",
        coverage_time.as_secs_f64() / floor_time.as_secs_f64(),
        report.call_list.len(),
        report.single_points_of_failure.len()
    );
    println!(
        "  of which fragile (one independent path): {}",
        report.fragile.len()
    );
    let (critical_time, critical) = time(7, || {
        critical_ties(&graph, &query, &never).expect("verification runs")
    });
    println!(
        "re-verify first (ties whose loss alone cuts targets off): {critical_time:?} = {:.1}x floor; {} ties",
        critical_time.as_secs_f64() / floor_time.as_secs_f64(),
        critical.len()
    );
    // SIM_RUNS=100 keeps the million-migrant run short (each run costs about as much as reach).
    let params = SimulationParams {
        runs: std::env::var("SIM_RUNS")
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(1000),
        ..SimulationParams::default()
    };
    let (simulate_time, simulation) = time(3, || {
        simulate(&graph, &query, &params, &never).expect("the simulation runs")
    });
    println!(
        "cascade simulation ({} runs, {} h): {simulate_time:?} = {:.1}x floor per run; {:.0} of {} targets reached at the horizon on average",
        params.runs,
        params.hours,
        simulate_time.as_secs_f64() / params.runs as f64 / floor_time.as_secs_f64(),
        simulation.by_hour.last().map_or(0.0, |b| b.mean),
        simulation.targets
    );
}
