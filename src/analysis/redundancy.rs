//! Redundancy: how many independent paths reach each target, and which single ties, if they
//! failed, would cut reached targets off. The definitions are those of `graph-schema/README.md`
//! ("Redundancy and re-verification").

use std::collections::VecDeque;
use std::sync::atomic::{AtomicU8, Ordering};

use rayon::prelude::*;

use super::AnalysisError;
use super::relay::{BoundQuery, Dominators, check};

const NONE: u32 = u32::MAX;
/// Independent paths are counted up to this many ("3 or more").
pub const PATHS_CAP: u8 = 3;
/// Shortcut neighbours kept per node towards the sources (see [`downhill`]).
const DOWNHILL: usize = 3;
/// Hop counts beyond this are not followed by the shortcut (the exact search still is).
const FAR: u8 = u8::MAX - 1;

/// For every node at `hops` h ≥ 1 from the sources, up to [`DOWNHILL`] distinct usable
/// neighbours at h − 1: the first steps of shortest paths back to a source, so a search for
/// disjoint paths mostly follows them instead of scanning a hub's every member.
fn downhill(q: &BoundQuery, hops: &[u8]) -> Vec<[u32; DOWNHILL]> {
    (0..q.graph.node_count() as u32)
        .into_par_iter()
        .map(|v| {
            let mut next = [NONE; DOWNHILL];
            let h = hops[v as usize];
            if h == 0 || h > FAR {
                return next;
            }
            let mut kept = 0;
            for (w, _) in q.usable_edges(v) {
                if hops[w as usize].wrapping_add(1) == h && !next[..kept].contains(&w) {
                    next[kept] = w;
                    kept += 1;
                    if kept == DOWNHILL {
                        break;
                    }
                }
            }
            next
        })
        .collect()
}

/// Per-thread search state, reused from target to target: stamps instead of clearing arrays.
struct Scratch {
    /// Per residual state (2 per node: in, out): the search that visited it.
    visit: Vec<u32>,
    /// Per residual state: the state it was reached from.
    parent: Vec<u32>,
    /// Per node: the target whose flow runs through it.
    flow: Vec<u32>,
    /// Per node: the target for which the shortcut found no way on from it.
    dead: Vec<u32>,
    visit_stamp: u32,
    target_stamp: u32,
    queue: VecDeque<u32>,
    /// The states the last augmenting search reached.
    reached: Vec<u32>,
    /// Flow on the tie ends `(u, w)`: from u's out-state to w's in-state.
    edges: Vec<(u32, u32)>,
    /// Nodes whose flow runs on to the virtual sink (sources only).
    sink: Vec<u32>,
}

const IN: u32 = 0;
const OUT: u32 = 1;

fn state(v: u32, side: u32) -> u32 {
    v * 2 + side
}

impl Scratch {
    fn new(n: usize) -> Self {
        Self {
            visit: vec![0; 2 * n],
            parent: vec![NONE; 2 * n],
            flow: vec![0; n],
            dead: vec![0; n],
            visit_stamp: 0,
            target_stamp: 0,
            queue: VecDeque::new(),
            reached: Vec::new(),
            edges: Vec::new(),
            sink: Vec::new(),
        }
    }

    fn next_target(&mut self) {
        if self.target_stamp == u32::MAX {
            self.flow.fill(0);
            self.dead.fill(0);
            self.target_stamp = 0;
        }
        self.target_stamp += 1;
        self.edges.clear();
        self.sink.clear();
    }

    fn carries(&self, v: u32) -> bool {
        self.flow[v as usize] == self.target_stamp
    }

    /// Independent paths from the sources to `t`, up to [`PATHS_CAP`]: unit vertex capacities
    /// (each node split in an in- and an out-state), flow from `t` to a virtual sink joined to
    /// every source; shortest paths along [`downhill`] first, then augmenting paths.
    ///
    /// When the answer is 2, the last (failed) search reached exactly the side of a two-actor
    /// cut that holds `t`: every other target on that side, off the flow and with both of its
    /// states reached, is cut off by the same two actors, so its count is 2 as well (it has no
    /// single point of failure either: that was checked first). Those are written to `memo`, so
    /// a community hanging on two organisations is searched once, not once per member.
    fn count(
        &mut self,
        q: &BoundQuery,
        downhill: &[[u32; DOWNHILL]],
        t: u32,
        memo: &[AtomicU8],
    ) -> u8 {
        self.next_target();
        let mut found = 0;
        while found < PATHS_CAP && self.shortcut(q, downhill, t) {
            found += 1;
        }
        while found < PATHS_CAP && self.augment(q, downhill, t) {
            found += 1;
        }
        if found == 2 {
            for &state in &self.reached {
                let u = state / 2;
                if state % 2 == OUT
                    && u != t
                    && q.is_target[u as usize]
                    && self.visit[(2 * u) as usize] == self.visit_stamp
                    && !self.carries(u)
                {
                    memo[u as usize].store(2, Ordering::Relaxed);
                }
            }
        }
        found
    }

    /// One more path from `t` to a source along shortest-path steps through nodes no path
    /// uses yet (depth first, giving up on nodes that lead nowhere).
    fn shortcut(&mut self, q: &BoundQuery, downhill: &[[u32; DOWNHILL]], t: u32) -> bool {
        let mut stack = vec![t];
        while let Some(&v) = stack.last() {
            if v != t && q.is_source[v as usize] {
                for pair in stack.windows(2) {
                    self.edges.push((pair[0], pair[1]));
                    self.flow[pair[1] as usize] = self.target_stamp;
                }
                self.sink.push(v);
                return true;
            }
            let stamp = self.target_stamp;
            let next = downhill[v as usize].iter().copied().find(|&w| {
                w != NONE
                    && w != t
                    && self.flow[w as usize] != stamp
                    && self.dead[w as usize] != stamp
            });
            match next {
                Some(w) => stack.push(w),
                None => {
                    self.dead[v as usize] = stamp;
                    stack.pop();
                }
            }
        }
        false
    }

    /// One augmenting path in the residual graph, breadth first from `t`'s out-state; true when
    /// found (and the flow is updated).
    fn augment(&mut self, q: &BoundQuery, downhill: &[[u32; DOWNHILL]], t: u32) -> bool {
        if self.visit_stamp == u32::MAX {
            self.visit.fill(0);
            self.visit_stamp = 0;
        }
        self.visit_stamp += 1;
        let stamp = self.visit_stamp;
        self.queue.clear();
        self.reached.clear();
        let start = state(t, OUT);
        self.visit[start as usize] = stamp;
        self.queue.push_back(start);
        self.reached.push(start);
        while let Some(from) = self.queue.pop_front() {
            let v = from / 2;
            if from % 2 == IN {
                if self.carries(v) {
                    // Back along the flow that enters v.
                    if let Some(&(p, _)) = self.edges.iter().find(|&&(_, w)| w == v) {
                        self.visit_state(state(p, OUT), from);
                    }
                } else {
                    self.visit_state(state(v, OUT), from);
                }
                continue;
            }
            if v != t && q.is_source[v as usize] && !self.sink.contains(&v) {
                self.apply(start, from, v);
                return true;
            }
            if v != t && self.carries(v) {
                self.visit_state(state(v, IN), from);
            }
            // A free source one step away ends the search at once; the shortcut neighbours
            // are tried first, so a hub's members are scanned only when needed.
            let steps = downhill[v as usize]
                .iter()
                .copied()
                .filter(|&w| w != NONE)
                .chain(q.usable_edges(v).map(|(w, _)| w));
            let sends = v == t || self.carries(v);
            for w in steps {
                if w == t || (sends && self.edges.contains(&(v, w))) {
                    continue;
                }
                let next = state(w, IN);
                if self.visit[next as usize] == stamp {
                    continue;
                }
                self.visit_state(next, from);
                if q.is_source[w as usize] && !self.carries(w) {
                    self.apply(start, next, w);
                    return true;
                }
            }
        }
        false
    }

    fn visit_state(&mut self, next: u32, from: u32) {
        if self.visit[next as usize] != self.visit_stamp {
            self.visit[next as usize] = self.visit_stamp;
            self.parent[next as usize] = from;
            self.queue.push_back(next);
            self.reached.push(next);
        }
    }

    /// Pushes one unit along the residual path that ends at `last`, from `start`, then through
    /// `source` on to the sink.
    fn apply(&mut self, start: u32, last: u32, source: u32) {
        let mut states = vec![last];
        let mut at = last;
        while at != start {
            at = self.parent[at as usize];
            states.push(at);
        }
        states.reverse();
        if last % 2 == IN {
            states.push(state(source, OUT)); // through the source itself
        }
        for pair in states.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let (u, w) = (a / 2, b / 2);
            match (a % 2, b % 2) {
                // Along a tie: new flow from u to w.
                (OUT, IN) if u != w => self.edges.push((u, w)),
                // Back along a tie: cancel the flow from w to u.
                (IN, OUT) if u != w => {
                    if let Some(i) = self.edges.iter().position(|&e| e == (w, u)) {
                        self.edges.swap_remove(i);
                    }
                }
                // Through a node, or back through it.
                (IN, OUT) => self.flow[u as usize] = self.target_stamp,
                (OUT, IN) => self.flow[u as usize] = 0,
                _ => unreachable!("states alternate sides or stay on one node"),
            }
        }
        self.sink.push(source);
    }
}

/// Items per parallel chunk: about eight chunks per core, at least 256 items each.
fn chunk_of(items: usize) -> usize {
    (items / (8 * rayon::current_num_threads())).max(256)
}

/// `independent_paths` for each of `reached` (reached targets of the query), in that order.
///
/// # Complexity
/// O(E) for the shortcut steps; then per target a few shortest-path steps, and an augmenting
/// search (at worst O(E)) only where the shortcut found fewer than three paths and the target
/// has no single point of failure. Targets are shared among the cores.
pub(super) fn independent_paths(
    q: &BoundQuery,
    dominators: &Dominators,
    reached: &[u32],
) -> Result<Vec<u8>, AnalysisError> {
    let n = q.graph.node_count();
    let root = n as u32;
    let hops = q.hops_from(&q.sources, FAR);
    check(q.cancel)?;
    let downhill = downhill(q, &hops);
    check(q.cancel)?;
    let memo: Vec<AtomicU8> = (0..n).map(|_| AtomicU8::new(0)).collect();
    // A few large chunks, each with its own scratch arrays: one set per chunk, not one per
    // rayon job (each set is six arrays of the graph's size).
    let counts: Vec<u8> = reached
        .par_chunks(chunk_of(reached.len()))
        .flat_map_iter(|chunk| {
            let mut scratch = Scratch::new(n);
            let memo = &memo;
            let downhill = &downhill;
            chunk
                .iter()
                .map(move |&t| {
                    if q.cancel.load(Ordering::Relaxed) {
                        return 0;
                    }
                    match dominators.idom[t as usize] {
                        NONE => 0,
                        d if d != root => 1,
                        _ if memo[t as usize].load(Ordering::Relaxed) == 2 => 2,
                        _ => scratch.count(q, downhill, t, memo),
                    }
                })
                .collect::<Vec<u8>>()
        })
        .collect();
    check(q.cancel)?;
    Ok(counts)
}

/// Per-thread state of [`critical_ties`], stamped per candidate tie.
struct CutScratch {
    mark: Vec<u32>,
    counted_at: Vec<u32>,
    counted: Vec<u32>,
    new_hops: Vec<u8>,
    stamp: u32,
}

/// A tie whose failure alone cuts reached targets off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CriticalTie {
    /// The tie's position in the network's `ties` the graph was built from.
    pub position: usize,
    /// Reached targets no longer reached without it.
    pub cut_off: usize,
}

/// The ties whose removal alone leaves some of the query's reached targets unreached (hop limit
/// included), with how many: only ties on shortest paths can change anyone's hops, and only
/// those that are their far end's one tie to the level before it. For each, the nodes whose
/// every shortest path uses it are found level by level and their hops recomputed from their
/// other neighbours.
///
/// # Complexity
/// O(E) to find the candidates, plus for each the edges of the nodes whose hops it decides.
pub fn critical_ties(
    graph: &super::RelayGraph,
    query: &super::RelayQuery,
    cancel: &std::sync::atomic::AtomicBool,
) -> Result<Vec<CriticalTie>, AnalysisError> {
    let q = BoundQuery::new(graph, query, cancel)?;
    let limit = q.max_hops;
    let hops = q.hops_from(&q.sources, limit);
    let within = |v: u32| hops[v as usize] <= limit;
    // Usable tie ends from each node to the level before it.
    let parents: Vec<u32> = (0..graph.node_count() as u32)
        .into_par_iter()
        .map(|v| {
            let h = hops[v as usize];
            if h == 0 || h > limit {
                return 0;
            }
            q.usable_edges(v)
                .filter(|&(w, _)| hops[w as usize].wrapping_add(1) == h)
                .count() as u32
        })
        .collect();
    check(cancel)?;
    // (tie, the end whose only tie back it is)
    let ends = graph.tie_ends();
    let candidates: Vec<(u32, u32)> = (0..graph.ties.len() as u32)
        .filter(|&tie| q.usable[tie as usize])
        .filter_map(|tie| {
            let (a, b) = ends[tie as usize];
            let (ha, hb) = (hops[a as usize], hops[b as usize]);
            if within(b) && ha != u8::MAX && ha + 1 == hb && parents[b as usize] == 1 {
                Some((tie, b))
            } else if within(a) && hb != u8::MAX && hb + 1 == ha && parents[a as usize] == 1 {
                Some((tie, a))
            } else {
                None
            }
        })
        .collect();
    let n = graph.node_count();
    let mut cuts: Vec<CriticalTie> = candidates
        .par_chunks(chunk_of(candidates.len()))
        .flat_map_iter(|chunk| {
            let mut scratch = CutScratch {
                mark: vec![0; n],
                counted_at: vec![0; n],
                counted: vec![0; n],
                new_hops: vec![u8::MAX; n],
                stamp: 0,
            };
            let (q, hops, parents) = (&q, &hops, &parents);
            let within = move |v: u32| hops[v as usize] <= limit;
            chunk
                .iter()
                .map(move |&(tie, child)| {
                    let scratch = &mut scratch;
                    if cancel.load(Ordering::Relaxed) {
                        return None;
                    }
                    scratch.stamp += 1;
                    let stamp = scratch.stamp;
                    let CutScratch {
                        mark,
                        counted_at,
                        counted,
                        new_hops,
                        ..
                    } = scratch;
                    // The nodes whose every shortest path runs through the tie.
                    let mut affected = vec![child];
                    mark[child as usize] = stamp;
                    let mut i = 0;
                    while i < affected.len() {
                        let y = affected[i];
                        i += 1;
                        for (x, _) in q.usable_edges(y) {
                            if hops[x as usize] != hops[y as usize] + 1 || !within(x) {
                                continue;
                            }
                            if counted_at[x as usize] != stamp {
                                counted_at[x as usize] = stamp;
                                counted[x as usize] = 0;
                            }
                            counted[x as usize] += 1;
                            if counted[x as usize] == parents[x as usize]
                                && mark[x as usize] != stamp
                            {
                                mark[x as usize] = stamp;
                                affected.push(x);
                            }
                        }
                    }
                    // Their hops without the tie: from unaffected neighbours, then among themselves.
                    let mut buckets: Vec<Vec<u32>> = vec![Vec::new(); limit as usize + 2];
                    for &a in &affected {
                        let best = q
                            .usable_edges(a)
                            .filter(|&(p, via)| {
                                via != tie && mark[p as usize] != stamp && within(p)
                            })
                            .map(|(p, _)| hops[p as usize] + 1)
                            .min()
                            .unwrap_or(u8::MAX);
                        new_hops[a as usize] = best;
                        if best <= limit {
                            buckets[best as usize].push(a);
                        }
                    }
                    for h in 1..=limit {
                        let level = std::mem::take(&mut buckets[h as usize]);
                        for a in level {
                            if new_hops[a as usize] != h || h == limit {
                                continue;
                            }
                            for (x, via) in q.usable_edges(a) {
                                if via != tie
                                    && mark[x as usize] == stamp
                                    && new_hops[x as usize] > h + 1
                                {
                                    new_hops[x as usize] = h + 1;
                                    buckets[h as usize + 1].push(x);
                                }
                            }
                        }
                    }
                    let cut_off = affected
                        .iter()
                        .filter(|&&a| q.is_target[a as usize] && new_hops[a as usize] > limit)
                        .count();
                    // A tie index until the end, where it becomes a network position.
                    (cut_off > 0).then_some(CriticalTie {
                        position: tie as usize,
                        cut_off,
                    })
                })
                .collect::<Vec<_>>()
        })
        .flatten()
        .collect();
    check(cancel)?;
    // Tie indices to network positions: the graph keeps those for reading in order.
    if !cuts.is_empty() {
        let positions: Vec<u32> = graph.network_tie.iter().collect();
        for cut in &mut cuts {
            cut.position = positions[cut.position] as usize;
        }
    }
    Ok(cuts)
}

#[cfg(test)]
mod tests {
    //! Hand-drawn networks, and properties against two references: Menger's theorem by brute
    //! force (the fewest actors whose removal cuts the target off) and petgraph's max-flow; and
    //! for critical ties, removing each tie and running reach again.

    use std::collections::{BTreeMap, HashSet};
    use std::sync::atomic::AtomicBool;

    use petgraph::graph::DiGraph;
    use proptest::prelude::*;
    use serde_json::json;

    use crate::analysis::testing::{
        Brute, actor, brute, network, random_document, random_query, tie,
    };
    use crate::analysis::{RelayGraph, RelayQuery, coverage, critical_ties, reach};
    use crate::domain::Network;

    fn paths(document: serde_json::Value, query: &RelayQuery) -> BTreeMap<String, u8> {
        let graph = RelayGraph::build(&network(document), 1);
        let report = coverage(&graph, query, &AtomicBool::new(false)).unwrap();
        report
            .reach
            .reached
            .iter()
            .map(|r| (r.id.to_string(), r.independent_paths.unwrap()))
            .collect()
    }

    #[test]
    fn two_organisations_of_one_responder_are_one_path_and_of_two_responders_two() {
        let mut document = json!({
            "actors": [actor("r-1", "responder", &["tir"]), actor("r-2", "responder", &["tir"]),
                       actor("o-1", "organisation", &["tir"]), actor("o-2", "organisation", &["tir"]),
                       actor("m-1", "migrant", &["tir"]), actor("m-2", "migrant", &["tir"])],
            "ties": [tie("o-1", "r-1", "partners_with", 0.9), tie("o-2", "r-1", "partners_with", 0.9),
                     tie("m-1", "o-1", "member_of", 0.5), tie("m-1", "o-2", "member_of", 0.5),
                     tie("m-2", "o-2", "member_of", 0.5)]
        });
        let one = paths(document.clone(), &RelayQuery::default());
        assert_eq!(one["m-1"], 1, "both paths go through r-1");
        assert_eq!(one["m-2"], 1);
        document["ties"][1] = tie("o-2", "r-2", "partners_with", 0.9);
        let two = paths(document.clone(), &RelayQuery::default());
        assert_eq!(two["m-1"], 2);
        assert_eq!(two["m-2"], 1, "o-2 alone holds m-2");
        // A third, longer way through a friend: the hop limit does not bound the count.
        let ties = document["ties"].as_array_mut().unwrap();
        ties.push(tie("m-1", "m-2", "knows", 0.5));
        ties.push(tie("m-2", "o-1", "member_of", 0.5));
        let query = RelayQuery {
            max_hops: 2,
            ..RelayQuery::default()
        };
        let graph = RelayGraph::build(&network(document), 1);
        let report = coverage(&graph, &query, &AtomicBool::new(false)).unwrap();
        assert!(report.fragile.is_empty());
        let counts: Vec<u8> = report
            .reach
            .reached
            .iter()
            .map(|r| r.independent_paths.unwrap())
            .collect();
        assert_eq!(counts, [2, 2]);
    }

    /// Menger: the fewest actors (sources included, the target not) whose removal leaves no
    /// usable path from a remaining source to `t`, up to 3.
    fn fewest_cut(b: &Brute, t: usize) -> u8 {
        let connected = |removed: &[usize]| {
            let mut seen = vec![false; b.ids.len()];
            let mut stack = vec![t];
            seen[t] = true;
            while let Some(v) = stack.pop() {
                if v != t && b.sources.contains(&v) {
                    return true;
                }
                for &(w, _) in &b.adjacency[v] {
                    if !seen[w] && !removed.contains(&w) {
                        seen[w] = true;
                        stack.push(w);
                    }
                }
            }
            false
        };
        let others: Vec<usize> = (0..b.ids.len()).filter(|&v| v != t).collect();
        if !connected(&[]) {
            return 0;
        }
        if others.iter().any(|&a| !connected(&[a])) {
            return 1;
        }
        for (i, &a) in others.iter().enumerate() {
            if others[i + 1..].iter().any(|&c| !connected(&[a, c])) {
                return 2;
            }
        }
        3
    }

    /// Max-flow with unit node capacities (each actor an in and an out node) from the target to
    /// a sink joined to every source.
    fn max_flow(b: &Brute, t: usize) -> u8 {
        let n = b.ids.len();
        let mut g = DiGraph::<(), u32>::new();
        let nodes: Vec<_> = (0..2 * n + 1).map(|_| g.add_node(())).collect();
        let (inside, outside, sink) = (
            |v: usize| nodes[2 * v],
            |v: usize| nodes[2 * v + 1],
            nodes[2 * n],
        );
        for v in 0..n {
            g.add_edge(inside(v), outside(v), 1);
            if b.sources.contains(&v) {
                g.add_edge(outside(v), sink, 1);
            }
            let mut seen = HashSet::new();
            for &(w, _) in &b.adjacency[v] {
                if seen.insert(w) {
                    g.add_edge(outside(v), inside(w), 1);
                }
            }
        }
        let (flow, _) = petgraph::algo::ford_fulkerson(&g, outside(t), sink);
        flow.min(3) as u8
    }

    fn without_tie(network: &Network, position: usize) -> Network {
        Network {
            actors: network.actors.clone(),
            ties: (network.ties.iter().enumerate())
                .filter(|&(i, _)| i != position)
                .map(|(_, tie)| tie.clone())
                .collect(),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn independent_paths_equal_a_max_flow_and_mengers_cut(seed in any::<u64>(), size in 2usize..18) {
            let document = random_document(seed, size);
            let network = network(document.clone());
            let query = random_query(seed, &document);
            let graph = RelayGraph::build(&network, 1);
            let report = coverage(&graph, &query, &AtomicBool::new(false)).unwrap();
            let b = brute(&network, &query);
            for r in &report.reach.reached {
                let t = b.ids.iter().position(|id| id == r.id.as_str()).unwrap();
                let flow = max_flow(&b, t);
                prop_assert_eq!(r.independent_paths, Some(flow), "{}", r.id);
                prop_assert_eq!(flow, fewest_cut(&b, t));
                prop_assert_eq!(report.fragile.contains(&r.id), flow == 1);
            }
        }

        #[test]
        fn critical_ties_equal_removing_each_tie_and_reaching_again(seed in any::<u64>(), size in 2usize..11) {
            let document = random_document(seed, size);
            let network = network(document.clone());
            let query = random_query(seed, &document);
            let never = AtomicBool::new(false);
            let graph = RelayGraph::build(&network, 1);
            let before: HashSet<String> = reach(&graph, &query, &never).unwrap()
                .reached.iter().map(|r| r.id.to_string()).collect();
            let mut expected: Vec<(usize, usize)> = (0..network.ties.len())
                .map(|position| {
                    let graph = RelayGraph::build(&without_tie(&network, position), 1);
                    let after: HashSet<String> = reach(&graph, &query, &never).unwrap()
                        .reached.iter().map(|r| r.id.to_string()).collect();
                    (position, before.difference(&after).count())
                })
                .filter(|&(_, lost)| lost > 0)
                .collect();
            expected.sort_unstable();
            let mut got: Vec<(usize, usize)> = critical_ties(&graph, &query, &never).unwrap()
                .iter().map(|c| (c.position, c.cut_off)).collect();
            got.sort_unstable();
            prop_assert_eq!(got, expected);
        }
    }
}
