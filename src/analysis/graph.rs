//! The relay graph snapshot: migrants, organisations and responders, and the ties that carry
//! messages (`knows`, `member_of`, `partners_with`, `serves`), both ways, in compressed sparse
//! row (CSR) arrays with `u32` indices. Built once per store version and shared behind an `Arc`;
//! every query reads it and never changes it.
//!
//! Node indices follow the byte order of actor ids, so "smallest id" tie-breaks are index
//! comparisons. Indices never leave `analysis/`.

use rayon::prelude::*;

pub(crate) use super::facts::TieFacts;
use super::facts::{Positions, TieTable};
use crate::domain::{
    ActorId, ActorKind, Channel, Date, Delta, Language, Network, Records, StoredActor, StoredTie,
};

/// The relay graph of one version of the network.
#[derive(Debug, PartialEq)]
pub struct RelayGraph {
    /// The store version it was built from.
    pub version: u64,
    /// Actor ids in byte order: a node's index is its id's rank (found by binary search). In
    /// chunks the next version shares.
    pub(crate) ids: Records<ActorId>,
    pub(crate) kinds: Vec<ActorKind>,
    /// First language per node, if any.
    pub(crate) first_language: Vec<Option<Language>>,
    /// (lon, lat) per node, if located.
    pub(crate) location: Vec<Option<(f64, f64)>>,
    /// `offsets[v]..offsets[v + 1]` are v's entries in `neighbours` and `tie_of`, in tie order.
    pub(crate) offsets: Vec<u32>,
    pub(crate) neighbours: Vec<u32>,
    pub(crate) tie_of: Vec<u32>,
    /// Per tie, its facts.
    pub(crate) ties: TieTable,
    /// Per tie, its position in the network's `ties` it was built from (increasing).
    pub(crate) network_tie: Positions,
}

/// Bit mask of a channel.
pub(crate) fn channel_bit(channel: Channel) -> u8 {
    1 << Channel::ALL
        .iter()
        .position(|c| *c == channel)
        .expect("every channel is listed")
}

/// Days since the epoch, for cheap date comparisons.
pub(crate) fn day_number(date: Date) -> i32 {
    let epoch = Date::from_ymd_opt(1970, 1, 1).expect("a valid date");
    (date - epoch).num_days() as i32
}

const NONE: u32 = u32::MAX;

/// The facts of a stored tie between two actors.
fn facts(tie: &StoredTie, source: &StoredActor, target: &StoredActor) -> TieFacts {
    TieFacts {
        trust: tie.trust.value(),
        verified: tie.last_verified.map_or(i32::MIN, day_number),
        channels: tie
            .channels
            .as_slice()
            .iter()
            .fold(0, |mask, c| mask | channel_bit(*c)),
        shared_language: source.languages.shares_any(&target.languages),
    }
}

/// Compressed rows of `n` nodes from the ties' ends: each node's entries in tie order.
fn compressed_rows(n: usize, ends: &[(u32, u32)]) -> (Vec<u32>, Vec<u32>, Vec<u32>) {
    let mut offsets = vec![0u32; n + 1];
    for &(s, t) in ends {
        offsets[s as usize + 1] += 1;
        offsets[t as usize + 1] += 1;
    }
    for v in 0..n {
        offsets[v + 1] += offsets[v];
    }
    let mut fill = offsets.clone();
    let mut neighbours = vec![0u32; offsets[n] as usize];
    let mut tie_of = vec![0u32; offsets[n] as usize];
    for (i, &(s, t)) in ends.iter().enumerate() {
        for (from, to) in [(s, t), (t, s)] {
            let slot = fill[from as usize] as usize;
            neighbours[slot] = to;
            tie_of[slot] = i as u32;
            fill[from as usize] += 1;
        }
    }
    (offsets, neighbours, tie_of)
}

/// The record of an actor in a network (sorted by id), if any.
fn actor_in<'n>(network: &'n Network, id: &ActorId) -> Option<&'n StoredActor> {
    network
        .actors
        .binary_search_by(|a| a.id.cmp(id))
        .ok()
        .map(|i| &*network.actors[i])
}

/// Where the items an update keeps go: old index `i` moves to `i - (dropped before it) +
/// (inserted at or before it)`, and the dropped ones go. A step function with a step per
/// change, so that renumbering an array costs a lookup in a list as long as the change.
struct Moves {
    /// Sorted old indices that go.
    dropped: Vec<u32>,
    /// Sorted old indices from which `shifts` apply.
    bounds: Vec<u32>,
    shifts: Vec<i64>,
}

impl Moves {
    /// From the old indices that go (sorted, distinct) and, per inserted item, the old index
    /// it is inserted before (sorted).
    fn new(dropped: Vec<u32>, inserted_before: &[u32]) -> Self {
        let mut steps: Vec<(u32, i64)> = inserted_before
            .iter()
            .map(|&q| (q, 1))
            .chain(dropped.iter().map(|&d| (d + 1, -1)))
            .collect();
        steps.sort_unstable_by_key(|&(at, _)| at);
        let (mut bounds, mut shifts) = (Vec::new(), Vec::new());
        let mut shift = 0;
        for (at, step) in steps {
            shift += step;
            if bounds.last() == Some(&at) {
                *shifts.last_mut().expect("a shift per bound") = shift;
            } else {
                bounds.push(at);
                shifts.push(shift);
            }
        }
        Self {
            dropped,
            bounds,
            shifts,
        }
    }

    /// Nothing moves.
    fn is_identity(&self) -> bool {
        self.dropped.is_empty() && self.bounds.is_empty()
    }

    /// Where old index `i` goes, if kept.
    #[inline]
    fn get(&self, i: u32) -> Option<u32> {
        if self.dropped.binary_search(&i).is_ok() {
            return None;
        }
        Some(self.kept(i))
    }

    /// Where old index `i` goes, `i` being one that is kept.
    #[inline]
    fn kept(&self, i: u32) -> u32 {
        let step = self.bounds.partition_point(|&b| b <= i);
        let shift = step.checked_sub(1).map_or(0, |s| self.shifts[s]);
        (i as i64 + shift) as u32
    }
}

impl RelayGraph {
    /// Builds the relay graph of a network.
    ///
    /// # Arguments
    /// * `network` - actors and ties, as the store returns them (sorted by id).
    /// * `version` - the store version the network was read at.
    ///
    /// # Complexity
    /// O(V + E) time and memory, plus a sort of the V relay actors by id.
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
    /// let part = RelayGraph::build_part(&network, 1, |a| a.consent.is_recorded() || a.kind.as_str() != "migrant");
    /// assert_eq!(graph.node_count(), 4, "cities relay nothing");
    /// assert_eq!(graph.tie_count(), 2);
    /// assert_eq!(part.node_count(), 3, "m-2 left out");
    /// assert_eq!(graph.isolated_migrants(), 1);
    /// ```
    pub fn build(network: &Network, version: u64) -> Self {
        Self::build_part(network, version, |_| true)
    }

    /// Builds the relay graph of the part of a network whose actors `keep` accepts: the other
    /// actors, and every tie they are an end of, are left out (without copying the network).
    ///
    /// # Complexity
    /// As [`RelayGraph::build`].
    pub fn build_part(
        network: &Network,
        version: u64,
        keep: impl Fn(&StoredActor) -> bool,
    ) -> Self {
        let mut relays: Vec<&StoredActor> = network
            .actors
            .iter()
            .map(|a| &**a)
            .filter(|a| a.kind != ActorKind::City && keep(a))
            .collect();
        relays.sort_by(|a, b| a.id.cmp(&b.id));
        // Two lookups per tie: foldhash (seeded per process), not SipHash.
        let index: hashbrown::HashMap<&str, u32> = relays
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i as u32))
            .collect();
        // The ties, looked up on every core (in the network's order, as collected).
        let runs: Vec<_> = network.ties.runs().collect();
        let found: Vec<(u32, TieFacts, (u32, u32))> = runs
            .into_par_iter()
            .flat_map_iter(|(start, run)| {
                let (index, relays) = (&index, &relays);
                run.iter().enumerate().filter_map(move |(i, tie)| {
                    if !tie.kind.relays() {
                        return None;
                    }
                    let s = *index.get(tie.source.as_str())?;
                    let t = *index.get(tie.target.as_str())?;
                    let facts = facts(tie, relays[s as usize], relays[t as usize]);
                    Some(((start + i) as u32, facts, (s, t)))
                })
            })
            .collect();
        let mut ties = TieTable::with_capacity(found.len());
        let mut ends = Vec::with_capacity(found.len());
        let mut network_tie = Positions::with_capacity(found.len());
        for (position, facts, pair) in found {
            ties.push(facts);
            ends.push(pair);
            network_tie.push(position);
        }
        let (offsets, neighbours, tie_of) = compressed_rows(relays.len(), &ends);
        RelayGraph {
            version,
            ids: relays.iter().map(|a| a.id.clone()).collect(),
            kinds: relays.iter().map(|a| a.kind).collect(),
            first_language: relays.iter().map(|a| a.languages.first()).collect(),
            location: relays.iter().map(|a| location(a)).collect(),
            offsets,
            neighbours,
            tie_of,
            ties,
            network_tie,
        }
    }

    /// The relay graph of the next version of the network, from this one (built from `old`
    /// with the same `keep`) and the delta that turned `old` into `new`: exactly what
    /// [`RelayGraph::build_part`] would build from `new`, without reading `new` record by record
    /// or hashing an id. `None` when the delta cannot say it: an actor that was in `old` but
    /// left out joins the part (a consent given), and its ties are not in the delta; then
    /// build.
    ///
    /// # Complexity
    /// O(d log(V + E)) for the d changed records to find them, then copies: the tie columns in
    /// runs between changes, the rows renumbered by a step function with a step per change
    /// (an O(log d) lookup per entry; straight copies when nothing moves), and a walk of the
    /// ties' positions; no hashing, no allocation per record. A change to more than an eighth
    /// of the ties builds instead.
    pub fn update(
        &self,
        old: &Network,
        new: &Network,
        delta: &Delta,
        keep: impl Fn(&StoredActor) -> bool,
    ) -> Option<Self> {
        if self.update_builds(delta.len()) {
            return Some(Self::build_part(new, delta.version, keep));
        }
        let kept =
            |id: &ActorId| actor_in(new, id).filter(|a| a.kind != ActorKind::City && keep(a));
        // Nodes: the changed actors, each added, removed or updated.
        let mut changed: Vec<&ActorId> = delta
            .actors
            .iter()
            .map(|a| &a.id)
            .chain(&delta.removed_actors)
            .collect();
        changed.sort();
        changed.dedup();
        let mut added: Vec<&StoredActor> = Vec::new();
        let mut gone = vec![false; self.node_count()];
        let mut relanguaged = vec![false; self.node_count()];
        let mut renewed: Vec<(u32, &StoredActor)> = Vec::new();
        for id in changed {
            match (self.position(id), kept(id)) {
                (None, Some(_)) if actor_in(old, id).is_some() => return None,
                (None, Some(actor)) => added.push(actor),
                (None, None) => {}
                (Some(v), None) => gone[v as usize] = true,
                (Some(v), Some(actor)) => {
                    let before = actor_in(old, id)?;
                    relanguaged[v as usize] = before.languages != actor.languages;
                    renewed.push((v, actor));
                }
            }
        }
        // Merge the kept nodes with the added ones, in id order; each new node's old one.
        let n = self.node_count() - gone.iter().filter(|&&g| g).count() + added.len();
        let added_ids: Vec<ActorId> = added.iter().map(|a| a.id.clone()).collect();
        let gone_ids: Vec<ActorId> = (self.ids.iter().zip(&gone))
            .filter(|(_, goes)| **goes)
            .map(|(id, _)| id.clone())
            .collect();
        let mut graph = RelayGraph {
            version: delta.version,
            ids: self.ids.changed(&added_ids, &gone_ids),
            kinds: Vec::with_capacity(n),
            first_language: Vec::with_capacity(n),
            location: Vec::with_capacity(n),
            offsets: Vec::new(),
            neighbours: Vec::new(),
            tie_of: Vec::new(),
            ties: TieTable::default(),
            network_tie: Positions::default(),
        };
        let mut old_of = Vec::with_capacity(n);
        let inserted_nodes: Vec<u32> = added
            .iter()
            .map(|a| self.ids.binary_search(&a.id).unwrap_or_else(|q| q) as u32)
            .collect();
        let mut renewed = renewed.into_iter().peekable();
        let mut added = added.into_iter().peekable();
        for ((v, &goes), id) in gone.iter().enumerate().zip(self.ids.iter()) {
            while let Some(actor) = added.next_if(|a| a.id < *id) {
                graph.push_node(actor);
                old_of.push(NONE);
            }
            if goes {
                continue;
            }
            old_of.push(v as u32);
            match renewed.next_if(|&(r, _)| r as usize == v) {
                Some((_, actor)) => graph.push_node(actor),
                None => {
                    graph.kinds.push(self.kinds[v]);
                    graph.first_language.push(self.first_language[v]);
                    graph.location.push(self.location[v]);
                }
            }
        }
        for actor in added {
            graph.push_node(actor);
            old_of.push(NONE);
        }
        debug_assert_eq!(graph.ids.len(), graph.kinds.len());
        let gone_nodes: Vec<u32> = (0..self.node_count() as u32)
            .filter(|&v| gone[v as usize])
            .collect();

        // The network's ties: a record removed or replaced leaves its position, one inserted
        // or replaced takes one.
        let at = |network: &Network, id: &crate::domain::TieId| {
            network.ties.binary_search_by(|t| t.id.cmp(id))
        };
        // A tie rewritten between the same two nodes keeps its place: only its facts change.
        let mut in_place: Vec<(u32, TieFacts)> = Vec::new();
        let mut moved: Vec<&StoredTie> = Vec::new();
        for tie in &delta.ties {
            let here = at(old, &tie.id).ok().and_then(|p| {
                let before = &old.ties[p];
                let same = before.source == tie.source
                    && before.target == tie.target
                    && before.kind.relays()
                    && tie.kind.relays();
                same.then(|| self.network_tie.find(p as u32)).flatten()
            });
            match here {
                Some(t) => in_place.push((
                    t as u32,
                    facts(
                        tie,
                        actor_in(new, &tie.source)?,
                        actor_in(new, &tie.target)?,
                    ),
                )),
                None => moved.push(tie),
            }
        }
        let mut left: Vec<u32> = delta
            .removed_ties
            .iter()
            .filter_map(|id| at(old, id).ok())
            .chain(moved.iter().filter_map(|t| at(old, &t.id).ok()))
            .map(|p| p as u32)
            .collect();
        left.sort_unstable();
        left.dedup();
        let mut taken: Vec<u32> = moved
            .iter()
            .map(|t| at(old, &t.id).unwrap_or_else(|q| q) as u32)
            .collect();
        taken.sort_unstable();
        // The graph's ties that go: those whose record left, and those of the nodes gone.
        let mut dropped: Vec<u32> = left
            .iter()
            .filter_map(|&p| self.network_tie.find(p).map(|t| t as u32))
            .chain(
                gone_nodes
                    .iter()
                    .flat_map(|&v| self.edges(v).map(|(_, tie)| tie)),
            )
            .collect();
        dropped.sort_unstable();
        dropped.dedup();
        let records = Moves::new(left, &taken);
        // The other ties written that relay, at their positions in `new` (in order, as
        // `delta.ties`).
        let mut fresh: Vec<(u32, TieFacts, (u32, u32))> = Vec::new();
        for tie in moved {
            if let (true, Some(s), Some(t)) = (
                tie.kind.relays(),
                graph.position(&tie.source),
                graph.position(&tie.target),
            ) {
                let position = at(new, &tie.id).ok()? as u32;
                let facts = facts(
                    tie,
                    actor_in(new, &tie.source)?,
                    actor_in(new, &tie.target)?,
                );
                fresh.push((position, facts, (s, t)));
            }
        }

        // The tie columns: runs of kept ties copied whole, the fresh ones put between them by
        // position. Each fresh tie's index, and the old tie it goes before.
        let capacity = self.tie_count() + fresh.len();
        let mut ties = self.ties.successor(capacity);
        let mut network_tie = Positions::with_capacity(capacity);
        let mut fresh_before: Vec<u32> = Vec::with_capacity(fresh.len());
        let mut fresh_index: Vec<u32> = Vec::with_capacity(fresh.len());
        let mut pending = fresh.iter().peekable();
        let mut skipped = dropped.iter().copied().peekable();
        let mut run = 0;
        // Every tie keeps its index and its record's position (a tie's facts changed, or an
        // actor's): the positions as they were, no walk.
        let unmoved_ties = records.is_identity() && fresh.is_empty() && dropped.is_empty();
        if unmoved_ties {
            network_tie = self.network_tie.clone();
        }
        let walk = (!unmoved_ties).then(|| self.network_tie.iter());
        for (t, p) in walk.into_iter().flatten().enumerate() {
            if skipped.next_if_eq(&(t as u32)).is_some() {
                ties.extend_from(&self.ties, run..t);
                run = t + 1;
                continue;
            }
            let q = records.get(p).expect("a kept tie keeps its record");
            if pending.peek().is_some_and(|f| f.0 < q) {
                ties.extend_from(&self.ties, run..t);
                run = t;
                while let Some(&(position, facts, _)) = pending.next_if(|f| f.0 < q) {
                    fresh_before.push(t as u32);
                    fresh_index.push(ties.len() as u32);
                    ties.push(facts);
                    network_tie.push(position);
                }
            }
            network_tie.push(q);
        }
        ties.extend_from(&self.ties, run..self.tie_count());
        for &(position, facts, _) in pending {
            fresh_before.push(self.tie_count() as u32);
            fresh_index.push(ties.len() as u32);
            ties.push(facts);
            network_tie.push(position);
        }
        let tie_moves = Moves::new(dropped, &fresh_before);
        let node_moves = Moves::new(gone_nodes, &inserted_nodes);
        for (t, facts) in in_place {
            if let Some(t) = tie_moves.get(t) {
                ties.set(t as usize, facts);
            }
        }
        // A node whose languages changed: whether its kept ties' ends share one.
        for (v, _) in relanguaged.iter().enumerate().filter(|(_, r)| **r) {
            for (w, t) in self.edges(v as u32) {
                if let Some(t) = tie_moves.get(t) {
                    let languages = |id| actor_in(new, id).map(|a| &a.languages);
                    let shared =
                        languages(&self.ids[v])?.shares_any(languages(&self.ids[w as usize])?);
                    ties.set_shared_language(t as usize, shared);
                }
            }
        }

        // The rows: each kept node's entries renumbered, with the fresh ties' entries merged in
        // by tie.
        let mut entries: Vec<(u32, u32, u32)> = fresh
            .iter()
            .zip(&fresh_index)
            .flat_map(|(&(_, _, (s, t)), &tie)| [(s, tie, t), (t, tie, s)])
            .collect();
        entries.sort_unstable();
        let mut entries = entries.into_iter().peekable();
        let length = self.neighbours.len() + 2 * fresh.len();
        let (mut neighbours, mut tie_of) = (Vec::with_capacity(length), Vec::with_capacity(length));
        let mut offsets = Vec::with_capacity(n + 1);
        offsets.push(0u32);
        let unmoved = node_moves.is_identity() && tie_moves.is_identity();
        for (v, &old_v) in old_of.iter().enumerate() {
            let v = v as u32;
            if old_v != NONE {
                let range = self.offsets[old_v as usize] as usize
                    ..self.offsets[old_v as usize + 1] as usize;
                let merged = entries.peek().is_some_and(|e| e.0 == v);
                if unmoved && !merged {
                    neighbours.extend_from_slice(&self.neighbours[range.clone()]);
                    tie_of.extend_from_slice(&self.tie_of[range]);
                } else if !merged && tie_moves.dropped.is_empty() {
                    // Every tie kept (so every end: a node gone drops its ties), none added
                    // here: the row renumbered as it is.
                    let row = &self.neighbours[range.clone()];
                    neighbours.extend(row.iter().map(|&w| node_moves.kept(w)));
                    tie_of.extend(self.tie_of[range].iter().map(|&t| tie_moves.kept(t)));
                } else {
                    for (&w, &t) in self.neighbours[range.clone()]
                        .iter()
                        .zip(&self.tie_of[range])
                    {
                        let Some(t) = tie_moves.get(t) else {
                            continue;
                        };
                        while let Some((_, tie, other)) = entries.next_if(|e| e.0 == v && e.1 < t) {
                            neighbours.push(other);
                            tie_of.push(tie);
                        }
                        neighbours.push(node_moves.get(w).expect("a kept tie's ends are kept"));
                        tie_of.push(t);
                    }
                }
            }
            while let Some((_, tie, other)) = entries.next_if(|e| e.0 == v) {
                neighbours.push(other);
                tie_of.push(tie);
            }
            offsets.push(neighbours.len() as u32);
        }
        (graph.offsets, graph.neighbours, graph.tie_of) = (offsets, neighbours, tie_of);
        (graph.ties, graph.network_tie) = (ties, network_tie);
        Some(graph)
    }

    /// Whether [`RelayGraph::update`] builds afresh for a delta of `changes` records: a change
    /// to a large part of the network, where a build costs as much and its cost does not grow
    /// with the change.
    pub fn update_builds(&self, changes: usize) -> bool {
        changes > self.tie_count() / 8 + 1024
    }

    /// Appends a node's columns but its id.
    fn push_node(&mut self, actor: &StoredActor) {
        self.kinds.push(actor.kind);
        self.first_language.push(actor.languages.first());
        self.location.push(location(actor));
    }

    /// The node of an actor, if it relays in this graph.
    pub(crate) fn position(&self, id: &ActorId) -> Option<u32> {
        self.ids.binary_search(id).ok().map(|v| v as u32)
    }

    /// Each tie's two ends (the smaller node first), by tie.
    pub(crate) fn tie_ends(&self) -> Vec<(u32, u32)> {
        let mut ends = vec![(NONE, NONE); self.tie_count()];
        for v in 0..self.node_count() as u32 {
            for (w, tie) in self.edges(v) {
                if v < w {
                    ends[tie as usize] = (v, w);
                }
            }
        }
        ends
    }

    /// The relay graph as a petgraph graph, for Rust code that embeds relaymap as a library and
    /// wants petgraph's algorithms: one node per relaying actor (its id as the weight, in the
    /// graph's order) and one undirected edge per tie (its trust as the weight), parallel ties
    /// kept.
    ///
    /// # Complexity
    /// O(V + E).
    ///
    /// ```
    /// use relaymap::analysis::RelayGraph;
    /// use relaymap::document::read_json;
    /// use relaymap::domain::WriteMode;
    ///
    /// //  r-1 ── o-1 ── m-1
    /// let document = r#"{"actors": [
    ///     {"id": "r-1", "kind": "responder", "name": "R", "languages": ["tir"]},
    ///     {"id": "o-1", "kind": "organisation", "name": "O", "languages": ["tir"]},
    ///     {"id": "m-1", "kind": "migrant", "name": "M", "languages": ["tir"]}],
    ///   "ties": [
    ///     {"source": "o-1", "target": "r-1", "kind": "partners_with", "trust": 0.8},
    ///     {"source": "m-1", "target": "o-1", "kind": "member_of", "trust": 0.5}]}"#;
    /// let network = read_json(document, WriteMode::Upsert).unwrap().into_network();
    /// let graph = RelayGraph::build(&network, 1).to_petgraph();
    /// assert_eq!((graph.node_count(), graph.edge_count()), (3, 2));
    /// // o-1 holds the line together.
    /// let cut = petgraph::algo::articulation_points::articulation_points(&graph);
    /// assert_eq!(cut.iter().map(|&n| graph[n].as_str()).collect::<Vec<_>>(), ["o-1"]);
    /// ```
    pub fn to_petgraph(&self) -> petgraph::graph::UnGraph<ActorId, f64> {
        let mut graph = petgraph::graph::UnGraph::with_capacity(self.ids.len(), self.ties.len());
        let nodes: Vec<_> = self
            .ids
            .iter()
            .map(|id| graph.add_node(id.clone()))
            .collect();
        for (tie, (s, t)) in self.ties.iter().zip(self.tie_ends()) {
            graph.add_edge(nodes[s as usize], nodes[t as usize], tie.trust);
        }
        graph
    }

    /// The number of relaying actors.
    pub fn node_count(&self) -> usize {
        self.ids.len()
    }

    /// Number of relay ties.
    pub fn tie_count(&self) -> usize {
        self.ties.len()
    }

    /// Bytes held by the graph's arrays. The ids' text is shared with the network the graph
    /// was built from (an id is a pointer to it): counted is the pointer.
    pub fn memory_bytes(&self) -> usize {
        use std::mem::size_of;
        self.ids.len() * size_of::<ActorId>()
            + self.kinds.len() * size_of::<ActorKind>()
            + self.first_language.len() * size_of::<Option<crate::domain::Language>>()
            + self.location.len() * size_of::<Option<(f64, f64)>>()
            + (self.offsets.len() + self.neighbours.len() + self.tie_of.len()) * size_of::<u32>()
            + self.ties.memory_bytes()
            + self.network_tie.memory_bytes()
    }

    /// Migrants with no relaying tie at all: nobody can pass them a message.
    pub fn isolated_migrants(&self) -> usize {
        (0..self.node_count())
            .filter(|&v| {
                self.kinds[v] == ActorKind::Migrant && self.offsets[v] == self.offsets[v + 1]
            })
            .count()
    }

    /// The entries of node `v`: (neighbour, tie index), in tie order.
    pub(crate) fn edges(&self, v: u32) -> impl Iterator<Item = (u32, u32)> + '_ {
        let range = self.offsets[v as usize] as usize..self.offsets[v as usize + 1] as usize;
        self.neighbours[range.clone()]
            .iter()
            .copied()
            .zip(self.tie_of[range].iter().copied())
    }
}

/// Where an actor is, as (lon, lat).
fn location(actor: &StoredActor) -> Option<(f64, f64)> {
    actor.location.map(|l| (l.lon(), l.lat()))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde_json::{Value, json};

    use super::*;
    use crate::analysis::testing::network;
    use crate::rng::Rng;

    /// A random city: responders, organisations, migrants and two cities, with random ties of
    /// every kind, as actors and ties by id.
    struct City {
        actors: std::collections::BTreeMap<String, Value>,
        ties: std::collections::BTreeMap<String, Value>,
        next_tie: usize,
    }

    const LANGUAGES: [&str; 4] = ["tir", "ara", "fra", "prs"];

    impl City {
        fn new(rng: &mut Rng) -> Self {
            let mut city = City {
                actors: Default::default(),
                ties: Default::default(),
                next_tie: 0,
            };
            for id in ["c-1", "c-2"] {
                city.actors
                    .insert(id.into(), json!({"id": id, "kind": "city", "name": id}));
            }
            for i in 0..20 {
                city.add_actor(rng, i);
            }
            for _ in 0..40 {
                city.add_tie(rng);
            }
            city
        }

        fn add_actor(&mut self, rng: &mut Rng, i: usize) {
            let kind = ["responder", "organisation", "migrant", "migrant"][i % 4];
            let id = format!("{}-{i:02}", &kind[..1]);
            let mut actor = json!({"id": id, "kind": kind, "name": "N",
                "languages": [LANGUAGES[rng.below(4)]], "consent": rng.below(2) == 0});
            if rng.below(2) == 0 {
                actor["location"] = json!({"lat": 10.0 + rng.below(5) as f64, "lon": 20.0});
            }
            self.actors.insert(id, actor);
        }

        fn kind(&self, id: &str) -> &str {
            self.actors[id]["kind"].as_str().unwrap()
        }

        fn add_tie(&mut self, rng: &mut Rng) {
            // Ids drawn so that new ties land between, before and after the others.
            let id = format!("t-{:03}-{}", rng.below(1000), self.next_tie);
            self.next_tie += 1;
            self.put_tie(rng, id);
        }

        /// A tie of that id between two actors drawn at random, if they may have one.
        fn put_tie(&mut self, rng: &mut Rng, id: String) {
            let ids: Vec<String> = self.actors.keys().cloned().collect();
            let (a, b) = (&ids[rng.below(ids.len())], &ids[rng.below(ids.len())]);
            let kind = match (self.kind(a), self.kind(b)) {
                ("migrant", "migrant") if a != b => "knows",
                ("migrant", "organisation") => "member_of",
                ("organisation", "responder") => "partners_with",
                ("organisation", "migrant") => "serves",
                ("migrant", "city") => "located_in",
                _ => return,
            };
            let twin = self.ties.values().any(|t| {
                t["kind"] == kind
                    && ((t["source"] == **a && t["target"] == **b)
                        || (kind == "knows" && t["source"] == **b && t["target"] == **a))
            });
            if twin {
                return;
            }
            let mut tie = json!({"id": id, "source": a, "target": b, "kind": kind});
            if kind != "located_in" {
                tie["trust"] = json!((1 + rng.below(10)) as f64 / 10.0);
            }
            self.ties.insert(id, tie);
        }

        /// A few random writes of every sort.
        fn write(&mut self, rng: &mut Rng) {
            for _ in 0..1 + rng.below(4) {
                let actors: Vec<String> = self
                    .actors
                    .keys()
                    .filter(|id| !id.starts_with("c-"))
                    .cloned()
                    .collect();
                let ties: Vec<String> = self.ties.keys().cloned().collect();
                match rng.below(9) {
                    0 => {
                        let i = rng.below(40);
                        self.add_actor(rng, i);
                    }
                    1 if !actors.is_empty() => {
                        let gone = actors[rng.below(actors.len())].clone();
                        self.actors.remove(&gone);
                        self.ties
                            .retain(|_, t| t["source"] != *gone && t["target"] != *gone);
                    }
                    2 if !actors.is_empty() => {
                        let id = &actors[rng.below(actors.len())];
                        self.actors.get_mut(id).unwrap()["languages"] =
                            json!([LANGUAGES[rng.below(4)]]);
                    }
                    3 if !actors.is_empty() => {
                        let id = &actors[rng.below(actors.len())];
                        let actor = self.actors.get_mut(id).unwrap();
                        actor["consent"] = json!(rng.below(2) == 0);
                        actor["location"] = json!({"lat": rng.below(5) as f64, "lon": 1.0});
                    }
                    4 | 5 => self.add_tie(rng),
                    6 if !ties.is_empty() => {
                        self.ties.remove(&ties[rng.below(ties.len())]);
                    }
                    7 if !ties.is_empty() => {
                        let tie = self.ties.get_mut(&ties[rng.below(ties.len())]).unwrap();
                        if tie["kind"] != "located_in" {
                            tie["trust"] = json!((1 + rng.below(10)) as f64 / 10.0);
                            tie["channels"] = json!(["sms"]);
                            tie["last_verified"] = json!("2026-03-01");
                        }
                    }
                    // A tie rewritten between other actors (or of another kind), same id.
                    8 if !ties.is_empty() => {
                        let id = ties[rng.below(ties.len())].clone();
                        self.ties.remove(&id);
                        self.put_tie(rng, id);
                    }
                    _ => {}
                }
            }
        }

        fn network(&self) -> Network {
            network(json!({"actors": self.actors.values().collect::<Vec<_>>(),
                "ties": self.ties.values().collect::<Vec<_>>()}))
        }
    }

    /// What changed from `old` to `new` (their values, not their times).
    fn delta(old: &Network, new: &Network, version: u64) -> Delta {
        fn diff<T: Clone + PartialEq, K: Ord + Clone>(
            old: &crate::domain::Records<std::sync::Arc<crate::domain::Stored<T>>>,
            new: &crate::domain::Records<std::sync::Arc<crate::domain::Stored<T>>>,
            key: impl Fn(&T) -> &K,
        ) -> (Vec<crate::domain::Stored<T>>, Vec<K>) {
            let find = |all: &crate::domain::Records<std::sync::Arc<crate::domain::Stored<T>>>,
                        k: &K| {
                all.iter()
                    .find(|r| key(&r.value) == k)
                    .map(|r| r.value.clone())
            };
            let written = new
                .iter()
                .filter(|r| find(old, key(&r.value)).as_ref() != Some(&r.value))
                .map(|r| (**r).clone())
                .collect();
            let removed = old
                .iter()
                .filter(|r| find(new, key(&r.value)).is_none())
                .map(|r| key(&r.value).clone())
                .collect();
            (written, removed)
        }
        let (actors, removed_actors) = diff(&old.actors, &new.actors, |a| &a.id);
        let (ties, removed_ties) = diff(&old.ties, &new.ties, |t| &t.id);
        Delta {
            version,
            actors,
            removed_actors,
            ties,
            removed_ties,
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// After any sequence of writes (actors and ties added, changed and deleted, languages
        /// and consent changed), the graph brought up to date from each delta is the graph
        /// built from the network: the whole network, and the consenting part (unless a consent
        /// given makes the update decline, which it must then do).
        #[test]
        fn an_updated_graph_equals_a_rebuilt_one(seed in any::<u64>()) {
            let mut rng = Rng::new(seed);
            let consenting = |a: &StoredActor| a.kind != ActorKind::Migrant || a.consent.is_recorded();
            let mut city = City::new(&mut rng);
            let mut current = city.network();
            let mut whole = RelayGraph::build(&current, 1);
            let mut part = RelayGraph::build_part(&current, 1, consenting);
            for version in 2..12 {
                city.write(&mut rng);
                let next = city.network();
                let delta = delta(&current, &next, version);
                let applied = current.apply(&delta);
                let values = |n: &Network| {
                    let actors: Vec<_> = n.actors.iter().map(|a| a.value.clone()).collect();
                    let ties: Vec<_> = n.ties.iter().map(|t| t.value.clone()).collect();
                    (actors, ties)
                };
                prop_assert_eq!(values(&applied), values(&next), "the delta applied");
                // Each version's graph is brought up to date from the last updated one, as a
                // server does.
                let updated = whole.update(&current, &applied, &delta, |_| true);
                prop_assert_eq!(updated.as_ref(), Some(&RelayGraph::build(&applied, version)));
                whole = updated.expect("the whole graph updates");
                let joined = delta.actors.iter().any(|a| {
                    consenting(a)
                        && current.actors.iter().any(|b| b.id == a.id && !consenting(b))
                });
                let updated = part.update(&current, &applied, &delta, consenting);
                part = RelayGraph::build_part(&applied, version, consenting);
                if joined {
                    prop_assert!(updated.is_none());
                } else {
                    prop_assert_eq!(updated.as_ref(), Some(&part));
                }
                current = applied;
            }
        }
    }
}
