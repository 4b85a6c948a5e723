//! Relay analysis: who responders can reach, how surely, through whom, and who is cut off.
//! The definitions are those of `graph-schema/README.md` ("Relay analysis"); every function here
//! is pure and synchronous, reading a shared [`RelayGraph`].

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, VecDeque};
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;
use serde::Serialize;

use super::AnalysisError;
use super::area::Area;
use super::graph::{RelayGraph, channel_bit, day_number};
use crate::domain::{ActorId, ActorKind, Channel, Date};

/// The largest hop limit a query may ask for.
pub const MAX_HOPS_LIMIT: u8 = 10;
const NONE: u32 = u32::MAX;
/// A row entry's trust code when its tie is not usable.
const UNUSABLE: u16 = u16::MAX;

/// A relay question, validated.
#[derive(Debug, Clone)]
pub struct RelayQuery {
    /// The sources; every responder when `None`.
    pub from: Option<Vec<ActorId>>,
    /// The affected area; every migrant is a target when `None`.
    pub area: Option<Area>,
    /// At most this many ties on a path (1 to 10).
    pub max_hops: u8,
    /// Ties trusted less are unusable.
    pub min_trust: f64,
    /// The channels still working; every tie counts when `None`.
    pub channels: Option<Vec<Channel>>,
    /// Ties between actors who share no language are unusable when true.
    pub language_check: bool,
    /// Unavailable actors: their ties are unusable and they are never targets.
    pub exclude: Vec<ActorId>,
    /// Ties last verified before this date, or never, are unusable.
    pub verified_since: Option<Date>,
}

impl Default for RelayQuery {
    fn default() -> Self {
        Self {
            from: None,
            area: None,
            max_hops: 3,
            min_trust: 0.0,
            channels: None,
            language_check: true,
            exclude: Vec::new(),
            verified_since: None,
        }
    }
}

/// One reached target.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Reached {
    /// The target.
    pub id: ActorId,
    /// Fewest usable ties from any source.
    pub hops: u8,
    /// Highest product of trust over usable paths of at most `max_hops` ties.
    pub reliability: f64,
    /// One path of that reliability: source first, target last.
    pub path: Vec<ActorId>,
    /// In a coverage report: paths from the sources to the target over usable ties that share
    /// no actor but the target, hop limit lifted, counted up to 3 (3: three or more).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub independent_paths: Option<u8>,
}

/// Who is reached and who is not.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct ReachReport {
    /// How many targets the query has.
    pub targets: usize,
    /// How many of them are reached.
    pub reached_count: usize,
    /// `reached_count / targets` (1 when there is no target).
    pub coverage: f64,
    /// The reached targets, by id.
    pub reached: Vec<Reached>,
    /// The targets not reached, by id.
    pub unreached: Vec<ActorId>,
}

/// An entry of the call list.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct CallEntry {
    /// Whom to call.
    pub id: ActorId,
    /// How many reached targets this call adds to those already covered.
    pub covers: usize,
    /// The relay is located in the affected area (and may be hit too).
    pub inside_area: bool,
}

/// An actor whose loss cuts targets off.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct PointOfFailure {
    /// The actor.
    pub id: ActorId,
    /// Targets that lose every usable path to every source without it.
    pub cut_off: usize,
}

/// The reach report plus what a crisis cell acts on.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct CoverageReport {
    /// As in [`ReachReport`].
    #[serde(flatten)]
    pub reach: ReachReport,
    /// Whom the sources should call first.
    pub call_list: Vec<CallEntry>,
    /// Single points of failure, most cut off first, then by id.
    pub single_points_of_failure: Vec<PointOfFailure>,
    /// Unreached targets by first language (`und` when unknown).
    pub unreached_by_language: BTreeMap<String, usize>,
    /// The reached targets that hang on a single path (`independent_paths` 1), by id.
    pub fragile: Vec<ActorId>,
}

/// A query bound to a graph: sources, targets and usable ties as flat arrays.
pub(super) struct BoundQuery<'g> {
    pub(super) graph: &'g RelayGraph,
    pub(super) sources: Vec<u32>,
    pub(super) is_source: Vec<bool>,
    pub(super) is_target: Vec<bool>,
    /// Per tie of the graph.
    pub(super) usable: Vec<bool>,
    pub(super) max_hops: u8,
    pub(super) cancel: &'g AtomicBool,
}

pub(super) fn check(cancel: &AtomicBool) -> Result<(), AnalysisError> {
    if cancel.load(Ordering::Relaxed) {
        Err(AnalysisError::Cancelled)
    } else {
        Ok(())
    }
}

impl<'g> BoundQuery<'g> {
    pub(super) fn new(
        graph: &'g RelayGraph,
        query: &RelayQuery,
        cancel: &'g AtomicBool,
    ) -> Result<Self, AnalysisError> {
        if !(1..=MAX_HOPS_LIMIT).contains(&query.max_hops) {
            return Err(AnalysisError::invalid(
                "max_hops",
                format!("must be from 1 to {MAX_HOPS_LIMIT}"),
            ));
        }
        if !(0.0..=1.0).contains(&query.min_trust) {
            return Err(AnalysisError::invalid("min_trust", "must be from 0 to 1"));
        }
        let n = graph.node_count();
        let lookup = |field: &'static str, id: &ActorId| {
            graph.position(id).ok_or_else(|| {
                AnalysisError::invalid(
                    field,
                    format!("{id} is not a migrant, organisation or responder in the network"),
                )
            })
        };
        let sources: Vec<u32> = match &query.from {
            Some(ids) => ids
                .iter()
                .map(|id| lookup("from", id))
                .collect::<Result<_, _>>()?,
            None => (0..n as u32)
                .filter(|&v| graph.kinds[v as usize] == ActorKind::Responder)
                .collect(),
        };
        let mut excluded = vec![false; n];
        for id in &query.exclude {
            // An unknown or non-relaying id to exclude changes nothing; still, a typo should not pass.
            excluded[lookup("exclude", id)? as usize] = true;
        }
        let mut is_source = vec![false; n];
        for &s in &sources {
            is_source[s as usize] = true;
        }
        let is_target: Vec<bool> = (0..n)
            .map(|v| {
                graph.kinds[v] == ActorKind::Migrant
                    && !is_source[v]
                    && !excluded[v]
                    && match &query.area {
                        None => true,
                        Some(area) => {
                            graph.location[v].is_some_and(|(lon, lat)| area.contains(lon, lat))
                        }
                    }
            })
            .collect();
        let channel_mask = query
            .channels
            .as_ref()
            .map(|cs| cs.iter().fold(0u8, |m, c| m | channel_bit(*c)));
        let since = query.verified_since.map(day_number);
        let mut usable: Vec<bool> = (0..graph.tie_count())
            .into_par_iter()
            .map(|t| {
                let facts = graph.ties.get(t);
                facts.trust >= query.min_trust
                    && since.is_none_or(|day| facts.verified != i32::MIN && facts.verified >= day)
                    && channel_mask.is_none_or(|mask| facts.channels & mask != 0)
                    && (!query.language_check || facts.shared_language)
            })
            .collect();
        for v in (0..n as u32).filter(|&v| excluded[v as usize]) {
            for (_, tie) in graph.edges(v) {
                usable[tie as usize] = false;
            }
        }
        Ok(Self {
            graph,
            sources,
            is_source,
            is_target,
            usable,
            max_hops: query.max_hops,
            cancel,
        })
    }

    pub(super) fn usable_edges(&self, v: u32) -> impl Iterator<Item = (u32, u32)> + '_ {
        self.graph
            .edges(v)
            .filter(|&(_, tie)| self.usable[tie as usize])
    }

    /// Fewest usable ties from `starts` to every node, up to `limit` (u8::MAX: unreached).
    pub(super) fn hops_from(&self, starts: &[u32], limit: u8) -> Vec<u8> {
        let mut hops = vec![u8::MAX; self.graph.node_count()];
        let mut queue = VecDeque::new();
        for &s in starts {
            if hops[s as usize] != 0 {
                hops[s as usize] = 0;
                queue.push_back(s);
            }
        }
        while let Some(v) = queue.pop_front() {
            let next = hops[v as usize] + 1;
            if next > limit {
                continue;
            }
            for (w, _) in self.usable_edges(v) {
                if hops[w as usize] == u8::MAX {
                    hops[w as usize] = next;
                    queue.push_back(w);
                }
            }
        }
        hops
    }

    /// One search from the sources: the fewest usable ties to every node (u8::MAX: not reached
    /// within `max_hops`), the highest trust product over usable paths of at most `max_hops`
    /// ties, and for each round the predecessor set when a node improved or was first reached.
    /// A hop-bounded Bellman-Ford that only relaxes from nodes changed in the previous round:
    /// every node first reached in round r is changed in it, so the rounds are also the
    /// breadth-first levels and the hop counts come for free.
    fn search(&self) -> Result<Search, AnalysisError> {
        // Each entry of the rows' trust if usable, in the rows' order, so the rounds read
        // it as a stream (looked up by tie, it is most of a round's cost): as a code into the
        // graph's trust values when it has them (2 bytes an entry), or as the value.
        let graph = self.graph;
        let entries = graph.tie_of.par_iter().map(|&tie| tie as usize);
        match graph.ties.trust_codes() {
            Some((codes, values)) => {
                let coded: Vec<u16> = entries
                    .map(|tie| {
                        if self.usable[tie] {
                            codes[tie]
                        } else {
                            UNUSABLE
                        }
                    })
                    .collect();
                self.rounds(|slot| match coded[slot] {
                    UNUSABLE => None,
                    code => Some(values[code as usize]),
                })
            }
            None => {
                let trust: Vec<f64> = entries
                    .map(|tie| {
                        if self.usable[tie] {
                            graph.ties.trust(tie)
                        } else {
                            -1.0
                        }
                    })
                    .collect();
                self.rounds(|slot| (trust[slot] >= 0.0).then_some(trust[slot]))
            }
        }
    }

    /// The rounds of [`BoundQuery::search`], given each row entry's trust when usable.
    fn rounds(&self, trust: impl Fn(usize) -> Option<f64>) -> Result<Search, AnalysisError> {
        let graph = self.graph;
        let n = graph.node_count();
        // `best` is the one array every entry reads (at a node in no useful order): kept
        // alone, it stays in the core's cache longer.
        let mut best = vec![0.0f64; n];
        let mut hops = vec![u8::MAX; n];
        for &s in &self.sources {
            hops[s as usize] = 0;
            best[s as usize] = 1.0;
        }
        // In node order from the first round, whatever the order of `from`.
        let mut changed: Vec<u32> = self.sources.clone();
        changed.sort_unstable();
        changed.dedup();
        let mut parents = Vec::with_capacity(self.max_hops as usize);
        for round in 1..=self.max_hops {
            check(self.cancel)?;
            // The values the round relaxes from: those of the previous round.
            let values: Vec<f64> = changed.iter().map(|&u| best[u as usize]).collect();
            let mut parent = vec![NONE; n];
            for (&u, &value) in changed.iter().zip(&values) {
                let row =
                    graph.offsets[u as usize] as usize..graph.offsets[u as usize + 1] as usize;
                for slot in row {
                    let Some(trust) = trust(slot) else { continue };
                    let candidate = value * trust;
                    let w = graph.neighbours[slot] as usize;
                    let before = best[w];
                    // A node first reached by a product that underflowed to 0 still gets a path.
                    if candidate > before || (before == 0.0 && hops[w] == u8::MAX) {
                        if hops[w] == u8::MAX {
                            hops[w] = round;
                        }
                        best[w] = candidate;
                        parent[w] = u;
                    }
                }
            }
            // In node order, so the next round reads the rows as a stream (and among equally
            // reliable predecessors, the one of smallest id wins).
            let now_changed: Vec<u32> = (0..n as u32)
                .filter(|&w| parent[w as usize] != NONE)
                .collect();
            parents.push(parent);
            if now_changed.is_empty() {
                break;
            }
            changed = now_changed;
        }
        let targets = (0..n as u32)
            .filter(|&v| self.is_target[v as usize])
            .collect();
        Ok(Search {
            hops,
            best,
            parents,
            targets,
        })
    }
}

/// What one search from the sources found, per node of the graph.
struct Search {
    /// Fewest usable ties from a source (u8::MAX: not within the hop limit; the rounds stop
    /// there).
    hops: Vec<u8>,
    /// Highest trust product over usable paths within the hop limit.
    best: Vec<f64>,
    /// Per round, the predecessor of each node changed in it (`NONE` otherwise).
    parents: Vec<Vec<u32>>,
    /// The query's targets, in id order.
    targets: Vec<u32>,
}

impl Search {
    /// Whether node `v` is reached within the hop limit.
    fn reaches(&self, v: u32) -> bool {
        self.hops[v as usize] != u8::MAX
    }

    /// One best path to `target`: follow, round by round, the predecessor that set each node's
    /// value last; sources are never improved on (their value is 1), so the walk ends at one.
    fn path(&self, graph: &RelayGraph, target: u32) -> Vec<ActorId> {
        let parents = &self.parents;
        let mut path = vec![target];
        let mut node = target;
        let mut round = parents.len();
        while let Some(r) = (0..round)
            .rev()
            .find(|&r| parents[r][node as usize] != NONE)
        {
            node = parents[r][node as usize];
            path.push(node);
            round = r;
        }
        path.reverse();
        path.into_iter()
            .map(|v| graph.ids[v as usize].clone())
            .collect()
    }

    /// The report of the search, listing `listed` (a run of its targets, in id order); the
    /// counts are those of every target.
    fn report(&self, graph: &RelayGraph, listed: &[u32]) -> ReachReport {
        let targets = self.targets.len();
        let reached_count = self.targets.iter().filter(|&&v| self.reaches(v)).count();
        // Paths and ids are most of the answer's cost: build them on every core, in id order.
        let reached: Vec<Reached> = listed
            .par_iter()
            .filter(|&&v| self.reaches(v))
            .map(|&v| Reached {
                id: graph.ids[v as usize].clone(),
                hops: self.hops[v as usize],
                reliability: self.best[v as usize],
                path: self.path(graph, v),
                independent_paths: None,
            })
            .collect();
        let unreached: Vec<ActorId> = listed
            .iter()
            .filter(|&&v| !self.reaches(v))
            .map(|&v| graph.ids[v as usize].clone())
            .collect();
        let coverage = if targets == 0 {
            1.0
        } else {
            reached_count as f64 / targets as f64
        };
        ReachReport {
            targets,
            reached_count,
            coverage,
            reached,
            unreached,
        }
    }
}

/// Which targets a paged reach answer lists: those whose id sorts after `after` (byte order),
/// at most `limit` of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetPage {
    /// Targets after this id; from the first when `None`.
    pub after: Option<String>,
    /// At most this many targets, reached or not (1 or more).
    pub limit: usize,
}

/// A page of a reach answer: the counts of every target, and the page's targets listed.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct ReachPage {
    /// Counts over every target; `reached` and `unreached` list the page's targets only.
    #[serde(flatten)]
    pub report: ReachReport,
    /// Pass as `cursor` for the next page; null on the last page (and on a whole answer).
    #[schema(value_type = Option<String>)]
    pub next_cursor: Option<ActorId>,
}

/// Answers a reach query.
///
/// # Arguments
/// * `graph` - the relay graph snapshot.
/// * `query` - sources, area, hop limit and the conditions ties must meet.
/// * `cancel` - set it to stop the analysis early (it then returns `Cancelled`).
///
/// # Returns
/// Every target with its hops, reliability and one best path, and the targets not reached.
///
/// # Complexity
/// O(E) to prepare and search, plus O(max_hops · E) for reliability.
///
/// ```
/// use std::sync::atomic::AtomicBool;
/// use relaymap::analysis::{RelayGraph, RelayQuery, reach};
/// use relaymap::document::read_json;
/// use relaymap::domain::WriteMode;
///
/// //  r-1 (responder) --0.9-- o-1 (organisation) --0.5-- m-1 (migrant)      m-2 (alone)
/// let document = r#"{"actors": [
///     {"id": "r-1", "kind": "responder", "name": "Fire service", "languages": ["tir"]},
///     {"id": "o-1", "kind": "organisation", "name": "Association", "languages": ["tir"]},
///     {"id": "m-1", "kind": "migrant", "name": "A", "languages": ["tir"]},
///     {"id": "m-2", "kind": "migrant", "name": "B", "languages": ["tir"]}],
///   "ties": [{"source": "o-1", "target": "r-1", "kind": "partners_with", "trust": 0.9},
///            {"source": "o-1", "target": "m-1", "kind": "serves", "trust": 0.5}]}"#;
/// let network = read_json(document, WriteMode::Upsert).unwrap().into_network();
/// let graph = RelayGraph::build(&network, 1);
///
/// let report = reach(&graph, &RelayQuery::default(), &AtomicBool::new(false)).unwrap();
///
/// assert_eq!(report.targets, 2);
/// assert_eq!(report.reached[0].hops, 2);
/// assert!((report.reached[0].reliability - 0.45).abs() < 1e-12);
/// assert_eq!(report.unreached[0].as_str(), "m-2");
/// ```
pub fn reach(
    graph: &RelayGraph,
    query: &RelayQuery,
    cancel: &AtomicBool,
) -> Result<ReachReport, AnalysisError> {
    Ok(ReachSearch::new(graph, query, cancel)?.report(graph))
}

/// Answers a reach query one page of targets at a time: the same search as [`reach`], with
/// paths built only for the page. A crisis cell's phone or map needs the counts and the first
/// screenful, not a path to each of 100,000 people.
///
/// # Arguments
/// * `page` - which targets to list (in id order); the counts always cover every target.
///
/// # Errors
/// As [`reach`]; a `limit` of 0 is refused (`limit`).
///
/// ```
/// # use std::sync::atomic::AtomicBool;
/// # use relaymap::analysis::*;
/// # use relaymap::document::read_json;
/// # use relaymap::domain::WriteMode;
/// # let document = r#"{"actors": [
/// #     {"id": "r-1", "kind": "responder", "name": "R", "languages": ["tir"]},
/// #     {"id": "m-1", "kind": "migrant", "name": "A", "languages": ["tir"]},
/// #     {"id": "m-2", "kind": "migrant", "name": "B", "languages": ["tir"]},
/// #     {"id": "m-3", "kind": "migrant", "name": "C", "languages": ["tir"]}],
/// #   "ties": [{"source": "m-1", "target": "r-1", "kind": "knows", "trust": 0.9},
/// #            {"source": "m-3", "target": "r-1", "kind": "knows", "trust": 0.9}]}"#;
/// # let network = read_json(document, WriteMode::Upsert).unwrap().into_network();
/// # let graph = RelayGraph::build(&network, 1);
/// # let never = AtomicBool::new(false);
/// let first = TargetPage { after: None, limit: 2 };
/// let page = reach_page(&graph, &RelayQuery::default(), &first, &never).unwrap();
/// assert_eq!((page.report.targets, page.report.reached_count), (3, 2));
/// assert_eq!(page.report.reached[0].id.as_str(), "m-1");
/// assert_eq!(page.report.unreached[0].as_str(), "m-2");
/// let next = TargetPage { after: page.next_cursor.map(|id| id.to_string()), limit: 2 };
/// let page = reach_page(&graph, &RelayQuery::default(), &next, &never).unwrap();
/// assert_eq!(page.report.reached[0].id.as_str(), "m-3");
/// assert_eq!(page.next_cursor, None);
/// ```
pub fn reach_page(
    graph: &RelayGraph,
    query: &RelayQuery,
    page: &TargetPage,
    cancel: &AtomicBool,
) -> Result<ReachPage, AnalysisError> {
    ReachSearch::new(graph, query, cancel)?.page(graph, page)
}

/// A reach query searched on one relay graph: every page of its answer is listed from it without
/// searching again. The service keeps it per version of the network, so that the pages of one
/// query, and callers asking the same query of the same version, share one search.
///
/// ```
/// # use std::sync::atomic::AtomicBool;
/// # use relaymap::analysis::*;
/// # use relaymap::document::read_json;
/// # use relaymap::domain::WriteMode;
/// # let document = r#"{"actors": [
/// #     {"id": "r-1", "kind": "responder", "name": "R", "languages": ["tir"]},
/// #     {"id": "m-1", "kind": "migrant", "name": "A", "languages": ["tir"]},
/// #     {"id": "m-2", "kind": "migrant", "name": "B", "languages": ["tir"]}],
/// #   "ties": [{"source": "m-1", "target": "r-1", "kind": "knows", "trust": 0.9}]}"#;
/// # let network = read_json(document, WriteMode::Upsert).unwrap().into_network();
/// # let graph = RelayGraph::build(&network, 1);
/// let searched = ReachSearch::new(&graph, &RelayQuery::default(), &AtomicBool::new(false)).unwrap();
/// let first = searched.page(&graph, &TargetPage { after: None, limit: 1 }).unwrap();
/// assert_eq!(first.report.reached[0].id.as_str(), "m-1");
/// let rest = TargetPage { after: first.next_cursor.map(|id| id.to_string()), limit: 1 };
/// assert_eq!(searched.page(&graph, &rest).unwrap().report.unreached[0].as_str(), "m-2");
/// assert_eq!(searched.report(&graph).reached_count, 1);
/// ```
pub struct ReachSearch {
    /// The version of the graph searched, and its size: a search answers for that graph only.
    version: u64,
    nodes: usize,
    search: Search,
}

impl ReachSearch {
    /// Searches a reach query on a graph.
    ///
    /// # Errors
    /// As [`reach`].
    ///
    /// # Complexity
    /// As [`reach`] without building paths: O(E) to prepare and search, plus O(max_hops · E)
    /// for reliability.
    pub fn new(
        graph: &RelayGraph,
        query: &RelayQuery,
        cancel: &AtomicBool,
    ) -> Result<Self, AnalysisError> {
        let search = BoundQuery::new(graph, query, cancel)?.search()?;
        Ok(Self {
            version: graph.version,
            nodes: graph.node_count(),
            search,
        })
    }

    fn searched(&self, graph: &RelayGraph) {
        assert!(
            graph.version == self.version && graph.node_count() == self.nodes,
            "a reach search answers for the graph it was searched on"
        );
    }

    /// The whole answer: every target listed, with a path to each reached one.
    ///
    /// # Panics
    /// When `graph` is not the graph searched.
    pub fn report(&self, graph: &RelayGraph) -> ReachReport {
        self.searched(graph);
        self.search.report(graph, &self.search.targets)
    }

    /// One page of the answer: the counts of every target, and the page's targets listed.
    ///
    /// # Errors
    /// A `limit` of 0 is refused (`limit`).
    ///
    /// # Panics
    /// When `graph` is not the graph searched.
    ///
    /// # Complexity
    /// O(log T) to find the page among the T targets, a count of the reached ones, and a path
    /// of at most `max_hops` steps per target listed.
    pub fn page(&self, graph: &RelayGraph, page: &TargetPage) -> Result<ReachPage, AnalysisError> {
        self.searched(graph);
        if page.limit == 0 {
            return Err(AnalysisError::invalid("limit", "must be 1 or more"));
        }
        let targets = &self.search.targets;
        let start = page.after.as_deref().map_or(0, |after| {
            targets.partition_point(|&v| graph.ids[v as usize].as_str() <= after)
        });
        let end = targets.len().min(start.saturating_add(page.limit));
        let listed = &targets[start..end];
        let next_cursor = (end < targets.len())
            .then(|| graph.ids[*listed.last().expect("a full page") as usize].clone());
        Ok(ReachPage {
            report: self.search.report(graph, listed),
            next_cursor,
        })
    }
}

/// Answers a coverage query: the reach report, the call list, the single points of failure and
/// the unreached by language.
///
/// # Complexity
/// As [`reach`], plus one search of depth `max_hops − 1` per call-list candidate (in parallel),
/// a lazy greedy over their coverage sets, and O(E α) for the dominator tree.
///
/// # Example
/// ```
/// # use std::sync::atomic::AtomicBool;
/// # use relaymap::analysis::*;
/// # use relaymap::document::read_json;
/// # use relaymap::domain::WriteMode;
/// // r-1 ── o-1 ── m-1     m-2 (alone)
/// # let document = r#"{"actors": [
/// #     {"id": "r-1", "kind": "responder", "name": "R", "languages": ["tir"], "city": "c-1"},
/// #     {"id": "o-1", "kind": "organisation", "name": "O", "languages": ["tir"], "city": "c-1"},
/// #     {"id": "m-1", "kind": "migrant", "name": "A", "languages": ["tir"], "city": "c-1", "consent": true},
/// #     {"id": "m-2", "kind": "migrant", "name": "B", "languages": ["ara"], "consent": false},
/// #     {"id": "c-1", "kind": "city", "name": "Harbour"}],
/// #   "ties": [{"source": "o-1", "target": "r-1", "kind": "partners_with", "trust": 0.8},
/// #            {"source": "m-1", "target": "o-1", "kind": "member_of", "trust": 0.5}]}"#;
/// # let network = read_json(document, WriteMode::Upsert).unwrap().into_network();
/// # let graph = RelayGraph::build(&network, 1);
/// # let never = AtomicBool::new(false);
/// let report = coverage(&graph, &RelayQuery::default(), &never).unwrap();
/// assert_eq!(report.reach.reached_count, 1);
/// // Call o-1: it covers m-1. Without o-1, m-1 is cut off.
/// assert_eq!(report.call_list[0].id.as_str(), "o-1");
/// assert_eq!(report.single_points_of_failure[0].id.as_str(), "o-1");
/// assert_eq!(report.unreached_by_language["ara"], 1);
/// ```
pub fn coverage(
    graph: &RelayGraph,
    query: &RelayQuery,
    cancel: &AtomicBool,
) -> Result<CoverageReport, AnalysisError> {
    let prepared = BoundQuery::new(graph, query, cancel)?;
    let search = prepared.search()?;
    let mut reach = search.report(graph, &search.targets);
    // The report's reached and unreached, as nodes, in the same order.
    let (reached_nodes, unreached_nodes): (Vec<u32>, Vec<u32>) =
        search.targets.iter().partition(|&&v| search.reaches(v));
    let mut reached_target = vec![false; graph.node_count()];
    for &v in &reached_nodes {
        reached_target[v as usize] = true;
    }
    let call_list = call_list(&prepared, &reached_target, query.area.as_ref())?;
    check(cancel)?;
    let dominators = Dominators::of(&prepared);
    let single_points_of_failure = points_of_failure(&prepared, &dominators);
    let paths = super::redundancy::independent_paths(&prepared, &dominators, &reached_nodes)?;
    let mut fragile = Vec::new();
    for (r, count) in reach.reached.iter_mut().zip(paths) {
        r.independent_paths = Some(count);
        if count == 1 {
            fragile.push(r.id.clone());
        }
    }
    let mut unreached_by_language = BTreeMap::new();
    for v in unreached_nodes {
        let language = graph.first_language[v as usize].map_or("und".to_owned(), |l| l.to_string());
        *unreached_by_language.entry(language).or_insert(0) += 1;
    }
    Ok(CoverageReport {
        reach,
        call_list,
        single_points_of_failure,
        unreached_by_language,
        fragile,
    })
}

fn call_list(
    prepared: &BoundQuery,
    reached_target: &[bool],
    area: Option<&Area>,
) -> Result<Vec<CallEntry>, AnalysisError> {
    let graph = prepared.graph;
    let mut candidates: Vec<u32> = prepared
        .sources
        .iter()
        .flat_map(|&s| prepared.usable_edges(s).map(|(w, _)| w))
        .filter(|&w| !prepared.is_source[w as usize])
        .collect();
    candidates.sort_unstable();
    candidates.dedup();
    let depth = prepared.max_hops - 1;
    let covers: Vec<Vec<u32>> = candidates
        .par_iter()
        .map(|&c| {
            if prepared.cancel.load(Ordering::Relaxed) {
                return Vec::new();
            }
            let hops = prepared.hops_from(&[c], depth);
            (0..graph.node_count() as u32)
                .filter(|&v| hops[v as usize] <= depth && reached_target[v as usize])
                .collect()
        })
        .collect();
    check(prepared.cancel)?;
    // Lazy greedy: gains only shrink, so a candidate whose recomputed gain still tops the heap is
    // the best; ties go to the smallest id, which is the smallest index.
    let mut heap: BinaryHeap<(usize, Reverse<u32>, usize)> = covers
        .iter()
        .enumerate()
        .map(|(i, set)| (set.len(), Reverse(candidates[i]), i))
        .collect();
    let mut covered = vec![false; graph.node_count()];
    let mut remaining = reached_target.iter().filter(|&&t| t).count();
    let mut list = Vec::new();
    while remaining > 0 {
        let Some((stored, node, i)) = heap.pop() else {
            break;
        };
        let gain = covers[i].iter().filter(|&&t| !covered[t as usize]).count();
        if gain < stored {
            heap.push((gain, node, i));
            continue;
        }
        if gain == 0 {
            break;
        }
        for &t in &covers[i] {
            covered[t as usize] = true;
        }
        remaining -= gain;
        let c = node.0 as usize;
        list.push(CallEntry {
            id: graph.ids[c].clone(),
            covers: gain,
            inside_area: area
                .is_some_and(|a| graph.location[c].is_some_and(|(lon, lat)| a.contains(lon, lat))),
        });
    }
    Ok(list)
}

/// The dominator tree of a query's usable graph, rooted at a virtual node (index `n`) joined to
/// every source, hop limit lifted (Cooper, Harvey and Kennedy's iterative algorithm). In this
/// undirected graph an actor dominates a target when every usable path from a source to the
/// target passes through it.
pub(super) struct Dominators {
    /// The nodes reachable from the root in depth-first postorder, the root last.
    pub(super) order: Vec<u32>,
    /// Immediate dominator per node (`n`: the root; `NONE`: unreachable).
    pub(super) idom: Vec<u32>,
}

impl Dominators {
    pub(super) fn of(prepared: &BoundQuery) -> Self {
        let graph = prepared.graph;
        let n = graph.node_count();
        let root = n as u32; // the virtual root
        // Depth-first order from the root, iteratively.
        let mut order = Vec::with_capacity(n + 1); // postorder
        let mut post = vec![NONE; n + 1];
        let mut seen = vec![false; n + 1];
        seen[n] = true;
        let mut stack: Vec<(u32, usize)> = vec![(root, 0)];
        let successors = |v: u32, i: usize| -> Option<u32> {
            if v == root {
                prepared.sources.get(i).copied()
            } else {
                let start = graph.offsets[v as usize] as usize;
                let end = graph.offsets[v as usize + 1] as usize;
                (start + i < end).then(|| start + i).map(|slot| {
                    if prepared.usable[graph.tie_of[slot] as usize] {
                        graph.neighbours[slot]
                    } else {
                        NONE
                    }
                })
            }
        };
        while let Some(&mut (v, ref mut i)) = stack.last_mut() {
            match successors(v, *i) {
                Some(w) => {
                    *i += 1;
                    if w != NONE && !seen[w as usize] {
                        seen[w as usize] = true;
                        stack.push((w, 0));
                    }
                }
                None => {
                    post[v as usize] = order.len() as u32;
                    order.push(v);
                    stack.pop();
                }
            }
        }
        let mut idom = vec![NONE; n + 1];
        idom[n] = root;
        let intersect = |idom: &[u32], mut a: u32, mut b: u32| {
            while a != b {
                while post[a as usize] < post[b as usize] {
                    a = idom[a as usize];
                }
                while post[b as usize] < post[a as usize] {
                    b = idom[b as usize];
                }
            }
            a
        };
        let mut changed = true;
        while changed {
            changed = false;
            for &v in order.iter().rev().skip(1) {
                // Predecessors: the root for sources, usable neighbours otherwise (ties go both ways).
                let mut new_idom = if prepared.is_source[v as usize] {
                    root
                } else {
                    NONE
                };
                for (w, _) in prepared.usable_edges(v) {
                    if idom[w as usize] == NONE || !seen[w as usize] {
                        continue;
                    }
                    new_idom = if new_idom == NONE {
                        w
                    } else {
                        intersect(&idom, w, new_idom)
                    };
                }
                if new_idom != idom[v as usize] {
                    idom[v as usize] = new_idom;
                    changed = true;
                }
            }
        }
        Self { order, idom }
    }
}

/// Actors (not sources) whose removal disconnects targets from every source, with the hop limit
/// lifted: target counts per subtree of the dominator tree.
fn points_of_failure(prepared: &BoundQuery, dominators: &Dominators) -> Vec<PointOfFailure> {
    let graph = prepared.graph;
    let n = graph.node_count();
    let root = n as u32;
    let (order, idom) = (&dominators.order, &dominators.idom);
    // Targets below each node of the dominator tree, children before parents (postorder).
    let mut below = vec![0usize; n + 1];
    for &v in order {
        if v == root {
            continue;
        }
        if prepared.is_target[v as usize] {
            below[v as usize] += 1;
        }
        let parent = idom[v as usize];
        if parent != root {
            below[parent as usize] += below[v as usize];
        }
    }
    let mut points: Vec<PointOfFailure> = order
        .iter()
        .filter(|&&v| v != root && !prepared.is_source[v as usize])
        .map(|&v| {
            (
                v,
                below[v as usize] - usize::from(prepared.is_target[v as usize]),
            )
        })
        .filter(|&(_, cut_off)| cut_off > 0)
        .map(|(v, cut_off)| PointOfFailure {
            id: graph.ids[v as usize].clone(),
            cut_off,
        })
        .collect();
    points.sort_by(|a, b| {
        b.cut_off
            .cmp(&a.cut_off)
            .then_with(|| a.id.as_str().as_bytes().cmp(b.id.as_str().as_bytes()))
    });
    points
}

/// The reverse view for one actor: who can reach them (responders, over usable ties with the
/// default conditions) and through whom.
///
/// # Complexity
/// As [`reach`] from one source, the ties read backwards.
///
/// # Example
/// ```
/// # use std::sync::atomic::AtomicBool;
/// # use relaymap::analysis::*;
/// # use relaymap::document::read_json;
/// # use relaymap::domain::WriteMode;
/// // r-1 ── o-1 ── m-1     m-2 (alone)
/// # let document = r#"{"actors": [
/// #     {"id": "r-1", "kind": "responder", "name": "R", "languages": ["tir"], "city": "c-1"},
/// #     {"id": "o-1", "kind": "organisation", "name": "O", "languages": ["tir"], "city": "c-1"},
/// #     {"id": "m-1", "kind": "migrant", "name": "A", "languages": ["tir"], "city": "c-1", "consent": true},
/// #     {"id": "m-2", "kind": "migrant", "name": "B", "languages": ["ara"], "consent": false},
/// #     {"id": "c-1", "kind": "city", "name": "Harbour"}],
/// #   "ties": [{"source": "o-1", "target": "r-1", "kind": "partners_with", "trust": 0.8},
/// #            {"source": "m-1", "target": "o-1", "kind": "member_of", "trust": 0.5}]}"#;
/// # let network = read_json(document, WriteMode::Upsert).unwrap().into_network();
/// # let graph = RelayGraph::build(&network, 1);
/// # let never = AtomicBool::new(false);
/// let m1 = relaymap::domain::ActorId::parse("m-1").unwrap();
/// let reached = reached_by(&graph, &m1, 3, &never).unwrap();
/// assert_eq!(reached[0].id.as_str(), "r-1");
/// let path: Vec<&str> = reached[0].path.iter().map(|id| id.as_str()).collect();
/// assert_eq!(path, ["r-1", "o-1", "m-1"]);
/// ```
pub fn reached_by(
    graph: &RelayGraph,
    actor: &ActorId,
    max_hops: u8,
    cancel: &AtomicBool,
) -> Result<Vec<Reached>, AnalysisError> {
    let query = RelayQuery {
        from: Some(vec![actor.clone()]),
        max_hops,
        ..RelayQuery::default()
    };
    let prepared = BoundQuery::new(graph, &query, cancel)?;
    let search = prepared.search()?;
    let mut responders = Vec::new();
    for v in 0..graph.node_count() as u32 {
        if graph.kinds[v as usize] == ActorKind::Responder
            && !prepared.is_source[v as usize]
            && search.reaches(v)
        {
            let mut path = search.path(graph, v);
            path.reverse(); // responder first, the actor last
            responders.push(Reached {
                id: graph.ids[v as usize].clone(),
                hops: search.hops[v as usize],
                reliability: search.best[v as usize],
                path,
                independent_paths: None,
            });
        }
    }
    Ok(responders)
}

#[cfg(test)]
mod tests {
    //! Hand-checked networks for each rule, and properties against a brute force that enumerates
    //! every simple path.

    use std::collections::HashSet;

    use proptest::prelude::*;
    use serde_json::{Value, json};

    use super::*;
    use crate::analysis::testing::{actor, brute, network, random_document, random_query, tie};

    fn run(document: Value, query: &RelayQuery) -> CoverageReport {
        let graph = RelayGraph::build(&network(document), 1);
        coverage(&graph, query, &AtomicBool::new(false)).expect("the query runs")
    }

    fn ids(list: &[ActorId]) -> Vec<&str> {
        list.iter().map(ActorId::as_str).collect()
    }

    /// r-1 -- o-1 -- m-1 -- m-2 -- m-3, all speaking tir, trust 0.5 each.
    fn chain() -> Value {
        json!({
            "actors": [actor("r-1", "responder", &["tir"]), actor("o-1", "organisation", &["tir"]),
                       actor("m-1", "migrant", &["tir"]), actor("m-2", "migrant", &["tir"]), actor("m-3", "migrant", &["tir"])],
            "ties": [tie("o-1", "r-1", "partners_with", 0.5), tie("o-1", "m-1", "serves", 0.5),
                     tie("m-1", "m-2", "knows", 0.5), tie("m-2", "m-3", "knows", 0.5)]
        })
    }

    #[test]
    fn the_hop_limit_decides_who_is_reached() {
        let report = run(chain(), &RelayQuery::default());
        assert_eq!(report.reach.targets, 3);
        let reached: Vec<(&str, u8)> = report
            .reach
            .reached
            .iter()
            .map(|r| (r.id.as_str(), r.hops))
            .collect();
        assert_eq!(reached, [("m-1", 2), ("m-2", 3)]);
        assert_eq!(ids(&report.reach.unreached), ["m-3"]);
        assert_eq!(
            ids(&report.reach.reached[1].path),
            ["r-1", "o-1", "m-1", "m-2"]
        );
        assert!((report.reach.reached[1].reliability - 0.125).abs() < 1e-12);
    }

    #[test]
    fn ties_below_the_minimum_trust_do_not_carry() {
        let mut document = chain();
        document["ties"][2]["trust"] = json!(0.2);
        let query = RelayQuery {
            min_trust: 0.3,
            ..RelayQuery::default()
        };
        let report = run(document, &query);
        assert_eq!(ids(&report.reach.unreached), ["m-2", "m-3"]);
    }

    #[test]
    fn only_ties_on_a_working_channel_carry_and_a_tie_without_channels_never_does() {
        let mut document = chain();
        document["ties"][1]["channels"] = json!(["whatsapp", "sms"]);
        document["ties"][2]["channels"] = json!([]);
        let sms = RelayQuery {
            channels: Some(vec![Channel::Sms, Channel::Phone]),
            ..RelayQuery::default()
        };
        assert_eq!(run(document.clone(), &sms).reach.reached_count, 1);
        let radio = RelayQuery {
            channels: Some(vec![Channel::Radio]),
            ..RelayQuery::default()
        };
        assert_eq!(run(document.clone(), &radio).reach.reached_count, 0);
        assert_eq!(
            run(document, &RelayQuery::default()).reach.reached_count,
            2,
            "no channel filter: every tie carries"
        );
    }

    #[test]
    fn the_language_check_needs_a_shared_language() {
        let mut document = chain();
        document["actors"][3]["languages"] = json!(["ara"]);
        assert_eq!(
            ids(&run(document.clone(), &RelayQuery::default())
                .reach
                .unreached),
            ["m-2", "m-3"]
        );
        let unchecked = RelayQuery {
            language_check: false,
            max_hops: 4,
            ..RelayQuery::default()
        };
        assert_eq!(run(document, &unchecked).reach.reached_count, 3);
    }

    #[test]
    fn excluded_actors_carry_nothing_and_are_not_targets() {
        let query = RelayQuery {
            exclude: vec![ActorId::parse("m-1").unwrap()],
            max_hops: 10,
            ..RelayQuery::default()
        };
        let report = run(chain(), &query);
        assert_eq!(report.reach.targets, 2);
        assert_eq!(report.reach.reached_count, 0);
    }

    #[test]
    fn ties_not_verified_since_the_date_do_not_carry() {
        let mut document = chain();
        document["ties"][2]["last_verified"] = json!("2025-12-31");
        document["ties"][3]["last_verified"] = Value::Null;
        let since = Date::from_ymd_opt(2026, 1, 1).unwrap();
        let query = RelayQuery {
            verified_since: Some(since),
            max_hops: 10,
            ..RelayQuery::default()
        };
        assert_eq!(ids(&run(document, &query).reach.unreached), ["m-2", "m-3"]);
    }

    #[test]
    fn only_migrants_located_in_the_area_are_targets_and_the_boundary_counts() {
        let mut document = chain();
        document["actors"][2]["location"] = json!({"lat": 1.0, "lon": 0.5}); // on the edge
        document["actors"][3]["location"] = json!({"lat": 2.0, "lon": 0.5}); // outside
        let square = json!({"type": "Polygon", "coordinates": [[[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]]]});
        let query = RelayQuery {
            area: Some(Area::from_geojson(square).unwrap()),
            ..RelayQuery::default()
        };
        let report = run(document, &query);
        assert_eq!(
            report.reach.targets, 1,
            "m-3 has no location, m-2 is outside"
        );
        assert_eq!(report.reach.reached[0].id.as_str(), "m-1");
    }

    #[test]
    fn a_stronger_longer_path_wins_reliability_but_not_hops() {
        // r-1 -0.1- m-1 ; r-1 -0.9- o-1 -0.9- m-1
        let document = json!({
            "actors": [actor("r-1", "responder", &["tir"]), actor("o-1", "organisation", &["tir"]), actor("m-1", "migrant", &["tir"])],
            "ties": [tie("r-1", "m-1", "serves", 0.1), tie("o-1", "r-1", "partners_with", 0.9), tie("o-1", "m-1", "serves", 0.9)]
        });
        let reached = &run(document, &RelayQuery::default()).reach.reached[0];
        assert_eq!(reached.hops, 1);
        assert!((reached.reliability - 0.81).abs() < 1e-12);
        assert_eq!(ids(&reached.path), ["r-1", "o-1", "m-1"]);
    }

    #[test]
    fn between_equally_reliable_paths_the_smaller_ids_are_taken() {
        // r-2 and r-1 each reach o-2 and o-1, which each reach m-1, all at 0.5; the ties are
        // listed so that the larger ids come first.
        let actors = ["r-2", "r-1", "o-2", "o-1", "m-1"].map(|id| {
            let kind = match &id[..1] {
                "r" => "responder",
                "o" => "organisation",
                _ => "migrant",
            };
            actor(id, kind, &["tir"])
        });
        let ties: Vec<Value> = [
            ("r-2", "o-2"),
            ("r-2", "o-1"),
            ("r-1", "o-2"),
            ("r-1", "o-1"),
            ("o-2", "m-1"),
            ("o-1", "m-1"),
        ]
        .iter()
        .map(|(a, b)| tie(b, a, "partners_with", 0.5))
        .collect();
        let document = json!({"actors": actors, "ties": ties});
        let reached = run(document.clone(), &RelayQuery::default()).reach.reached;
        assert_eq!(ids(&reached[0].path), ["r-1", "o-1", "m-1"]);
        // Whatever the order the sources are given in.
        let from = |ids: [&str; 2]| RelayQuery {
            from: Some(ids.iter().map(|id| ActorId::parse(id).unwrap()).collect()),
            ..RelayQuery::default()
        };
        let reached = run(document, &from(["r-2", "r-1"])).reach.reached;
        assert_eq!(ids(&reached[0].path), ["r-1", "o-1", "m-1"]);
    }

    #[test]
    fn between_equally_reliable_paths_the_shorter_is_taken() {
        // r-1 -0.5- o-1 -0.5- m-1 and r-2 -0.25- m-1: both 0.25.
        let document = json!({
            "actors": [actor("r-1", "responder", &["tir"]), actor("r-2", "responder", &["tir"]),
                       actor("o-1", "organisation", &["tir"]), actor("m-1", "migrant", &["tir"])],
            "ties": [tie("o-1", "r-1", "partners_with", 0.5), tie("m-1", "o-1", "member_of", 0.5),
                     tie("r-2", "m-1", "serves", 0.25)]
        });
        let reached = &run(document, &RelayQuery::default()).reach.reached[0];
        assert_eq!(reached.reliability, 0.25);
        assert_eq!(ids(&reached.path), ["r-2", "m-1"]);
    }

    #[test]
    fn the_call_list_is_greedy_and_breaks_ties_by_smallest_id() {
        // r-1 joins o-2 (two migrants), o-1 (two other migrants) and o-3 (one already covered).
        let document = json!({
            "actors": [actor("r-1", "responder", &["tir"]), actor("o-1", "organisation", &["tir"]),
                       actor("o-2", "organisation", &["tir"]), actor("o-3", "organisation", &["tir"]),
                       actor("m-1", "migrant", &["tir"]), actor("m-2", "migrant", &["tir"]),
                       actor("m-3", "migrant", &["tir"]), actor("m-4", "migrant", &["tir"])],
            "ties": [tie("o-1", "r-1", "partners_with", 0.9), tie("o-2", "r-1", "partners_with", 0.9),
                     tie("o-3", "r-1", "partners_with", 0.9),
                     tie("o-1", "m-1", "serves", 0.9), tie("o-1", "m-2", "serves", 0.9),
                     tie("o-2", "m-3", "serves", 0.9), tie("o-2", "m-4", "serves", 0.9), tie("o-3", "m-4", "serves", 0.9)]
        });
        let query = RelayQuery {
            max_hops: 2,
            ..RelayQuery::default()
        };
        let report = run(document, &query);
        let calls: Vec<(&str, usize)> = report
            .call_list
            .iter()
            .map(|c| (c.id.as_str(), c.covers))
            .collect();
        assert_eq!(calls, [("o-1", 2), ("o-2", 2)]);
        // o-1 and o-2 each alone reach their two migrants.
        let failures: Vec<(&str, usize)> = report
            .single_points_of_failure
            .iter()
            .map(|p| (p.id.as_str(), p.cut_off))
            .collect();
        assert_eq!(failures, [("o-1", 2), ("o-2", 1)]);
    }

    #[test]
    fn unreached_people_are_counted_by_first_language() {
        let mut document = chain();
        document["actors"][4]["languages"] = json!(["tir", "ara"]);
        let report = run(
            document,
            &RelayQuery {
                max_hops: 1,
                ..RelayQuery::default()
            },
        );
        assert_eq!(
            report.unreached_by_language,
            BTreeMap::from([("tir".to_owned(), 3)])
        );
    }

    #[test]
    fn a_page_after_the_last_target_is_empty_and_a_zero_limit_is_refused() {
        let graph = RelayGraph::build(&network(chain()), 1);
        let never = AtomicBool::new(false);
        let query = RelayQuery::default();
        let beyond = TargetPage {
            after: Some("zzz".into()),
            limit: 10,
        };
        let page = reach_page(&graph, &query, &beyond, &never).unwrap();
        assert_eq!(
            page.report.targets,
            reach(&graph, &query, &never).unwrap().targets
        );
        assert!(page.report.reached.is_empty() && page.report.unreached.is_empty());
        assert_eq!(page.next_cursor, None);
        let zero = TargetPage {
            after: None,
            limit: 0,
        };
        let error = reach_page(&graph, &query, &zero, &never).unwrap_err();
        assert!(error.to_string().contains("limit"), "{error}");
    }

    #[test]
    fn bad_queries_name_the_field() {
        let graph = RelayGraph::build(&network(chain()), 1);
        let cancel = AtomicBool::new(false);
        let zero = RelayQuery {
            max_hops: 0,
            ..RelayQuery::default()
        };
        let unknown = RelayQuery {
            from: Some(vec![ActorId::parse("r-9").unwrap()]),
            ..RelayQuery::default()
        };
        assert!(matches!(
            reach(&graph, &zero, &cancel),
            Err(AnalysisError::InvalidQuery {
                field: "max_hops",
                ..
            })
        ));
        assert!(matches!(
            reach(&graph, &unknown, &cancel),
            Err(AnalysisError::InvalidQuery { field: "from", .. })
        ));
        assert_eq!(
            reach(&graph, &RelayQuery::default(), &AtomicBool::new(true)),
            Err(AnalysisError::Cancelled)
        );
    }

    // ---- brute force ----

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn every_answer_matches_a_brute_force_on_random_networks(seed in any::<u64>(), size in 2usize..11) {
            let document = random_document(seed, size);
            let network = network(document.clone());
            let query = random_query(seed, &document);
            let graph = RelayGraph::build(&network, 1);
            let report = coverage(&graph, &query, &AtomicBool::new(false)).unwrap();
            let b = brute(&network, &query);
            let hops = b.distances(&b.sources, None);
            let max = query.max_hops as usize;

            // Reached set, hops and reliability.
            let expected: Vec<&str> = b.targets.iter().filter(|&&t| hops[t] <= max).map(|&t| b.ids[t].as_str()).collect();
            let got: Vec<&str> = report.reach.reached.iter().map(|r| r.id.as_str()).collect();
            prop_assert_eq!(&got, &expected);
            prop_assert_eq!(report.reach.targets, b.targets.len());
            for r in &report.reach.reached {
                let t = b.ids.iter().position(|id| id == r.id.as_str()).unwrap();
                prop_assert_eq!(r.hops as usize, hops[t]);
                let best = b.sources.iter().map(|&s| {
                    let mut seen = vec![false; b.ids.len()];
                    seen[s] = true;
                    b.best(s, t, max, 1.0, &mut seen)
                }).fold(0.0, f64::max);
                prop_assert!((r.reliability - best).abs() < 1e-9, "{} vs {}", r.reliability, best);
                // The path is simple, starts at a source, uses usable ties and has that product.
                let path: Vec<usize> = r.path.iter().map(|id| b.ids.iter().position(|x| x == id.as_str()).unwrap()).collect();
                prop_assert!(b.sources.contains(&path[0]));
                prop_assert_eq!(*path.last().unwrap(), t);
                prop_assert!(path.len() - 1 <= max);
                prop_assert_eq!(path.iter().collect::<HashSet<_>>().len(), path.len());
                let product: f64 = path.windows(2).map(|w| {
                    b.adjacency[w[0]].iter().filter(|(x, _)| *x == w[1]).map(|(_, trust)| *trust).fold(0.0, f64::max)
                }).product();
                prop_assert!((product - r.reliability).abs() < 1e-9);
            }

            // Call list: plain greedy over plainly computed coverage sets.
            let reached: HashSet<usize> = b.targets.iter().copied().filter(|&t| hops[t] <= max).collect();
            let mut candidates: Vec<usize> = b.sources.iter()
                .flat_map(|&s| b.adjacency[s].iter().map(|&(w, _)| w))
                .filter(|w| !b.sources.contains(w)).collect();
            candidates.sort_by(|x, y| b.ids[*x].as_bytes().cmp(b.ids[*y].as_bytes()));
            candidates.dedup();
            let sets: Vec<HashSet<usize>> = candidates.iter().map(|&c| {
                let d = b.distances(&[c], None);
                reached.iter().copied().filter(|&t| d[t] < max).collect()
            }).collect();
            let mut covered = HashSet::new();
            let mut expected_calls = Vec::new();
            while covered.len() < reached.len() {
                let (i, gain) = sets.iter().enumerate()
                    .map(|(i, s)| (i, s.difference(&covered).count()))
                    .fold((usize::MAX, 0), |best, (i, g)| if g > best.1 { (i, g) } else { best });
                prop_assert!(gain > 0, "every reached target can be covered");
                covered.extend(sets[i].iter().copied());
                expected_calls.push((b.ids[candidates[i]].clone(), gain));
            }
            let calls: Vec<(String, usize)> = report.call_list.iter().map(|c| (c.id.to_string(), c.covers)).collect();
            prop_assert_eq!(calls, expected_calls);

            // Single points of failure: remove each actor, count who loses every path.
            let mut expected_failures: Vec<(String, usize)> = (0..b.ids.len())
                .filter(|v| !b.sources.contains(v))
                .map(|v| {
                    let without = b.distances(&b.sources, Some(v));
                    let lost = b.targets.iter().filter(|&&t| t != v && hops[t] != usize::MAX && without[t] == usize::MAX).count();
                    (b.ids[v].clone(), lost)
                })
                .filter(|(_, lost)| *lost > 0)
                .collect();
            expected_failures.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.as_bytes().cmp(y.0.as_bytes())));
            let failures: Vec<(String, usize)> =
                report.single_points_of_failure.iter().map(|p| (p.id.to_string(), p.cut_off)).collect();
            prop_assert_eq!(&failures, &expected_failures);
            // The same with petgraph's dominator tree of the usable graph as the reference.
            let mut flow = petgraph::graph::DiGraph::<(), ()>::new();
            let nodes: Vec<_> = (0..=b.ids.len()).map(|_| flow.add_node(())).collect();
            let root = nodes[b.ids.len()];
            for &s in &b.sources {
                flow.add_edge(root, nodes[s], ());
            }
            for (v, out) in b.adjacency.iter().enumerate() {
                for &(w, _) in out {
                    flow.add_edge(nodes[v], nodes[w], ());
                }
            }
            let tree = petgraph::algo::dominators::simple_fast(&flow, root);
            let mut by_petgraph: Vec<(String, usize)> = (0..b.ids.len())
                .filter(|v| !b.sources.contains(v))
                .map(|v| {
                    let dominated = b.targets.iter().filter(|&&t| {
                        t != v && hops[t] != usize::MAX
                            && tree.dominators(nodes[t]).is_some_and(|mut d| d.any(|x| x == nodes[v]))
                    });
                    (b.ids[v].clone(), dominated.count())
                })
                .filter(|(_, lost)| *lost > 0)
                .collect();
            by_petgraph.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.as_bytes().cmp(y.0.as_bytes())));
            prop_assert_eq!(failures, by_petgraph);
            let _ = &b.kinds;
        }

        #[test]
        fn pages_of_a_reach_answer_add_up_to_the_whole_answer(seed in any::<u64>(), size in 2usize..11, limit in 1usize..5) {
            let document = random_document(seed, size);
            let query = random_query(seed, &document);
            let graph = RelayGraph::build(&network(document), 1);
            let never = AtomicBool::new(false);
            let whole = reach(&graph, &query, &never).unwrap();
            let (mut reached, mut unreached, mut after, mut pages) = (Vec::new(), Vec::new(), None, 0);
            loop {
                let page = TargetPage { after: after.clone(), limit };
                let answer = reach_page(&graph, &query, &page, &never).unwrap();
                pages += 1;
                prop_assert_eq!(answer.report.targets, whole.targets);
                prop_assert_eq!(answer.report.reached_count, whole.reached_count);
                prop_assert_eq!(answer.report.coverage, whole.coverage);
                let listed = answer.report.reached.len() + answer.report.unreached.len();
                prop_assert!(listed <= limit);
                reached.extend(answer.report.reached);
                unreached.extend(answer.report.unreached);
                match answer.next_cursor {
                    Some(cursor) => {
                        prop_assert_eq!(listed, limit, "only a full page has a next one");
                        after = Some(cursor.to_string());
                    }
                    None => break,
                }
            }
            prop_assert_eq!(reached, whole.reached);
            prop_assert_eq!(unreached, whole.unreached);
            prop_assert_eq!(pages, whole.targets.div_ceil(limit).max(1));
        }
    }
}
