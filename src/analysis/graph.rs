//! The relay graph snapshot: migrants, organisations and responders, and the ties that carry
//! messages (`knows`, `member_of`, `partners_with`, `serves`), both ways, in compressed sparse
//! row (CSR) arrays with `u32` indices. Built once per store version and shared behind an `Arc`;
//! every query reads it and never changes it.
//!
//! Node indices follow the byte order of actor ids, so "smallest id" tie-breaks are index
//! comparisons. Indices never leave `analysis/`.

use std::collections::HashMap;

use crate::domain::{ActorId, ActorKind, Channel, Date, Network};

/// A tie's attributes, kept once per tie (both directions point at the same record).
#[derive(Debug, Clone, Copy)]
pub(crate) struct TieFacts {
    /// Trust in (0, 1].
    pub trust: f64,
    /// Bit `i` set when the tie uses `Channel::ALL[i]`.
    pub channels: u8,
    /// Days since 1970-01-01 of `last_verified`, `i32::MIN` when never verified.
    pub verified: i32,
    /// Whether the two actors share a language.
    pub shared_language: bool,
    /// The two nodes the tie joins.
    pub ends: (u32, u32),
}

/// The relay graph of one version of the network.
#[derive(Debug)]
pub struct RelayGraph {
    /// The store version it was built from.
    pub version: u64,
    pub(crate) ids: Vec<ActorId>,
    pub(crate) kinds: Vec<ActorKind>,
    /// First language per node, if any.
    pub(crate) first_language: Vec<Option<crate::domain::Language>>,
    /// (lon, lat) per node, if located.
    pub(crate) location: Vec<Option<(f64, f64)>>,
    pub(crate) index: HashMap<ActorId, u32>,
    /// `offsets[v]..offsets[v + 1]` are v's entries in `neighbours` and `tie_of`.
    pub(crate) offsets: Vec<u32>,
    pub(crate) neighbours: Vec<u32>,
    pub(crate) tie_of: Vec<u32>,
    pub(crate) ties: Vec<TieFacts>,
    /// Per tie, its position in the network's `ties` it was built from.
    pub(crate) network_tie: Vec<u32>,
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
        keep: impl Fn(&crate::domain::StoredActor) -> bool,
    ) -> Self {
        let mut relays: Vec<&crate::domain::StoredActor> = network
            .actors
            .iter()
            .filter(|a| a.kind != ActorKind::City && keep(a))
            .collect();
        relays.sort_by(|a, b| a.value.id.as_str().as_bytes().cmp(b.id.as_str().as_bytes()));
        let n = relays.len();
        let index: HashMap<ActorId, u32> = relays
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i as u32))
            .collect();
        let languages: Vec<&crate::domain::Languages> =
            relays.iter().map(|a| &a.languages).collect();

        let mut ties = Vec::new();
        let mut ends = Vec::new();
        let mut network_tie = Vec::new();
        for (position, stored) in network.ties.iter().enumerate() {
            let tie = &stored.value;
            if !tie.kind.relays() {
                continue;
            }
            let (Some(&s), Some(&t)) = (index.get(&tie.source), index.get(&tie.target)) else {
                continue;
            };
            ties.push(TieFacts {
                trust: tie.trust.value(),
                channels: tie
                    .channels
                    .as_slice()
                    .iter()
                    .fold(0, |mask, c| mask | channel_bit(*c)),
                verified: tie.last_verified.map_or(i32::MIN, day_number),
                shared_language: languages[s as usize].shares_any(languages[t as usize]),
                ends: (s, t),
            });
            ends.push((s, t));
            network_tie.push(position as u32);
        }
        let mut degree = vec![0u32; n + 1];
        for &(s, t) in &ends {
            degree[s as usize] += 1;
            degree[t as usize] += 1;
        }
        let mut offsets = vec![0u32; n + 1];
        for v in 0..n {
            offsets[v + 1] = offsets[v] + degree[v];
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
        RelayGraph {
            version,
            ids: relays.iter().map(|a| a.id.clone()).collect(),
            kinds: relays.iter().map(|a| a.kind).collect(),
            first_language: relays.iter().map(|a| a.languages.first()).collect(),
            location: relays
                .iter()
                .map(|a| a.location.map(|l| (l.lon(), l.lat())))
                .collect(),
            index,
            offsets,
            neighbours,
            tie_of,
            ties,
            network_tie,
        }
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
        for tie in &self.ties {
            let (s, t) = tie.ends;
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

    /// Bytes held by the snapshot's arrays (ids and the id index included, roughly).
    pub fn memory_bytes(&self) -> usize {
        use std::mem::size_of;
        let id_bytes: usize = self
            .ids
            .iter()
            .map(|id| id.as_str().len() + size_of::<ActorId>())
            .sum();
        id_bytes * 2 // the id list and the index's keys
            + self.index.capacity() * (size_of::<u32>() + 8)
            + self.kinds.len() * size_of::<ActorKind>()
            + self.first_language.len() * size_of::<Option<crate::domain::Language>>()
            + self.location.len() * size_of::<Option<(f64, f64)>>()
            + (self.offsets.len()
                + self.neighbours.len()
                + self.tie_of.len()
                + self.network_tie.len())
                * size_of::<u32>()
            + self.ties.len() * size_of::<TieFacts>()
    }

    /// The entries of node `v`: (neighbour, tie index).
    /// Migrants with no relaying tie at all: nobody can pass them a message.
    pub fn isolated_migrants(&self) -> usize {
        (0..self.node_count())
            .filter(|&v| {
                self.kinds[v] == ActorKind::Migrant && self.offsets[v] == self.offsets[v + 1]
            })
            .count()
    }

    pub(crate) fn edges(&self, v: u32) -> impl Iterator<Item = (u32, u32)> + '_ {
        let range = self.offsets[v as usize] as usize..self.offsets[v as usize + 1] as usize;
        self.neighbours[range.clone()]
            .iter()
            .copied()
            .zip(self.tie_of[range].iter().copied())
    }
}
