//! Communities by the Louvain method (seeded, resolution 1, unweighted) and their modularity,
//! with NetworkX's definitions (`louvain_communities`, `modularity`).
//!
//! Graphs come in compressed rows: `offsets[v]..offsets[v + 1]` indexes the sorted neighbours of
//! `v` in `targets`, each edge stored from both ends.

use std::collections::VecDeque;

use crate::rng::Rng;

/// Modularity of a partition of an undirected simple graph in compressed rows.
///
/// # Complexity
/// O(V + E).
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
/// let simple = SimpleGraph::new(&graph);
/// let (offsets, targets): (Vec<usize>, Vec<u32>) = {
///     let mut offsets = vec![0];
///     let mut targets = Vec::new();
///     for v in 0..simple.n() {
///         let mut mine: Vec<u32> = simple.edges().filter(|&(a, _)| a as usize == v).map(|(_, b)| b)
///             .chain(simple.edges().filter(|&(_, b)| b as usize == v).map(|(a, _)| a)).collect();
///         mine.sort();
///         targets.extend(mine);
///         offsets.push(targets.len());
///     }
///     (offsets, targets)
/// };
/// let labels = louvain(&offsets, &targets, 1);
/// assert_eq!(labels.iter().max(), Some(&1), "the line of three, and m-2 alone");
/// assert!(modularity(&offsets, &targets, &labels) <= 0.5);
/// ```
pub fn modularity(offsets: &[usize], targets: &[u32], community: &[usize]) -> f64 {
    let twice_m = targets.len() as f64;
    if twice_m == 0.0 {
        return 0.0;
    }
    let groups = community.iter().copied().max().map_or(0, |c| c + 1);
    let mut inside = vec![0.0; groups];
    let mut degree = vec![0.0; groups];
    for (v, row) in offsets.windows(2).enumerate() {
        let neighbours = &targets[row[0]..row[1]];
        degree[community[v]] += neighbours.len() as f64;
        inside[community[v]] += neighbours
            .iter()
            .filter(|&&w| community[w as usize] == community[v])
            .count() as f64;
    }
    (0..groups)
        .map(|c| inside[c] / twice_m - (degree[c] / twice_m).powi(2))
        .sum()
}

/// One level of the Louvain method: a weighted graph in compressed rows, each node's self-loop
/// weight (the ties inside the community it stands for) kept apart.
struct Level {
    offsets: Vec<usize>,
    targets: Vec<u32>,
    weights: Vec<f64>,
    self_loop: Vec<f64>,
}

impl Level {
    fn size(&self) -> usize {
        self.offsets.len() - 1
    }

    fn row(&self, v: usize) -> std::ops::Range<usize> {
        self.offsets[v]..self.offsets[v + 1]
    }

    /// Moves nodes between communities until no move raises modularity. Every node is visited
    /// once in the seeded order, then only the neighbours of nodes that moved (outside their new
    /// community): the same kind of local optimum as sweeping every node until none moves, for
    /// far less work (Ozaki, Tezuka and Inaba's pruning).
    ///
    /// Returns each node's community (a node id), or `None` when no node moved.
    fn local_moves(&self, twice_m: f64, rng: &mut Rng) -> Option<Vec<u32>> {
        let size = self.size();
        let strength: Vec<f64> = (0..size)
            .map(|v| self.weights[self.row(v)].iter().sum::<f64>() + 2.0 * self.self_loop[v])
            .collect();
        let mut community: Vec<u32> = (0..size as u32).collect();
        let mut total = strength.clone();
        let mut order: Vec<u32> = (0..size as u32).collect();
        rng.shuffle(&mut order);
        let mut queue: VecDeque<u32> = order.into();
        let mut queued = vec![true; size];
        // Links from the node being moved to each neighbouring community: a dense scratch row,
        // cleared after each node through the communities it touched, in neighbour order (ties
        // between equal gains go to the community met first, as in NetworkX).
        let mut links = vec![0.0f64; size];
        let mut touched: Vec<u32> = Vec::new();
        let mut moved_any = false;
        while let Some(v) = queue.pop_front() {
            let v = v as usize;
            queued[v] = false;
            let row = self.row(v);
            for (&w, &weight) in self.targets[row.clone()]
                .iter()
                .zip(&self.weights[row.clone()])
            {
                let c = community[w as usize];
                if links[c as usize] == 0.0 {
                    touched.push(c);
                }
                links[c as usize] += weight;
            }
            let own = community[v];
            let share = strength[v] / twice_m;
            total[own as usize] -= strength[v];
            let mut best = own;
            let mut best_gain = links[own as usize] - total[own as usize] * share;
            for &c in &touched {
                let gain = links[c as usize] - total[c as usize] * share;
                if gain > best_gain + 1e-12 {
                    best = c;
                    best_gain = gain;
                }
                links[c as usize] = 0.0;
            }
            touched.clear();
            total[best as usize] += strength[v];
            if best != own {
                community[v] = best;
                moved_any = true;
                for &w in &self.targets[row] {
                    if !queued[w as usize] && community[w as usize] != best {
                        queued[w as usize] = true;
                        queue.push_back(w);
                    }
                }
            }
        }
        moved_any.then_some(community)
    }

    /// The next level: one node per community (numbered `renumber[community]`), with the ties
    /// between communities summed and the ties inside them folded into self-loops.
    fn aggregate(&self, community: &[u32], renumber: &[u32], groups: usize) -> Level {
        let size = self.size();
        // The nodes of each community together (a counting sort).
        let mut start = vec![0usize; groups + 1];
        for &c in community {
            start[renumber[c as usize] as usize + 1] += 1;
        }
        for g in 1..=groups {
            start[g] += start[g - 1];
        }
        let mut members = vec![0u32; size];
        let mut next = start.clone();
        for v in 0..size {
            let g = renumber[community[v] as usize] as usize;
            members[next[g]] = v as u32;
            next[g] += 1;
        }
        let mut level = Level {
            offsets: Vec::with_capacity(groups + 1),
            targets: Vec::new(),
            weights: Vec::new(),
            self_loop: vec![0.0; groups],
        };
        level.offsets.push(0);
        let mut links = vec![0.0f64; groups];
        let mut touched: Vec<u32> = Vec::new();
        for g in 0..groups {
            for &v in &members[start[g]..start[g + 1]] {
                let v = v as usize;
                level.self_loop[g] += self.self_loop[v];
                let row = self.row(v);
                for (&w, &weight) in self.targets[row.clone()].iter().zip(&self.weights[row]) {
                    let h = renumber[community[w as usize] as usize];
                    if h as usize == g {
                        level.self_loop[g] += weight / 2.0; // seen from both ends
                    } else {
                        if links[h as usize] == 0.0 {
                            touched.push(h);
                        }
                        links[h as usize] += weight;
                    }
                }
            }
            touched.sort_unstable();
            for &h in &touched {
                level.targets.push(h);
                level.weights.push(links[h as usize]);
                links[h as usize] = 0.0;
            }
            touched.clear();
            level.offsets.push(level.targets.len());
        }
        level
    }
}

/// Louvain communities.
///
/// # Arguments
/// * `offsets`, `targets` - an undirected simple graph in compressed rows.
/// * `seed` - the order nodes are visited in; the same seed gives the same communities.
///
/// # Returns
/// A community label per node: 0 for the largest community, then by size (ties: smallest node).
///
/// # Complexity
/// O(E) for the first sweep of each level, then work in proportion to the moves; a few levels.
pub fn louvain(offsets: &[usize], targets: &[u32], seed: u64) -> Vec<usize> {
    let n = offsets.len() - 1;
    let mut rng = Rng::new(seed);
    let twice_m = targets.len() as f64;
    let mut membership: Vec<u32> = (0..n as u32).collect(); // original node -> level node
    if twice_m == 0.0 {
        return label_by_size(&membership);
    }
    let mut level = Level {
        offsets: offsets.to_vec(),
        targets: targets.to_vec(),
        weights: vec![1.0; targets.len()],
        self_loop: vec![0.0; n],
    };
    while let Some(community) = level.local_moves(twice_m, &mut rng) {
        // Communities numbered in the order their first member appears.
        let mut renumber = vec![u32::MAX; level.size()];
        let mut groups = 0;
        for &c in &community {
            if renumber[c as usize] == u32::MAX {
                renumber[c as usize] = groups;
                groups += 1;
            }
        }
        for m in membership.iter_mut() {
            *m = renumber[community[*m as usize] as usize];
        }
        level = level.aggregate(&community, &renumber, groups as usize);
    }
    label_by_size(&membership)
}

/// Relabels groups 0 for the largest, then by size (ties: smallest node).
fn label_by_size(membership: &[u32]) -> Vec<usize> {
    let groups = membership
        .iter()
        .map(|&g| g as usize + 1)
        .max()
        .unwrap_or(0);
    let mut size = vec![0usize; groups];
    let mut smallest = vec![usize::MAX; groups];
    for (v, &g) in membership.iter().enumerate() {
        size[g as usize] += 1;
        smallest[g as usize] = smallest[g as usize].min(v);
    }
    let mut ranked: Vec<usize> = (0..groups).filter(|&g| size[g] > 0).collect();
    ranked.sort_by(|&a, &b| size[b].cmp(&size[a]).then(smallest[a].cmp(&smallest[b])));
    let mut rank = vec![0usize; groups];
    for (i, &g) in ranked.iter().enumerate() {
        rank[g] = i;
    }
    membership.iter().map(|&g| rank[g as usize]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Compressed rows from sorted neighbour lists.
    fn rows(lists: &[Vec<u32>]) -> (Vec<usize>, Vec<u32>) {
        let mut offsets = vec![0];
        let mut targets = Vec::new();
        for list in lists {
            targets.extend_from_slice(list);
            offsets.push(targets.len());
        }
        (offsets, targets)
    }

    /// Two triangles joined by one tie: 0-1-2 and 3-4-5, with 2-3.
    fn barbell() -> (Vec<usize>, Vec<u32>) {
        rows(&[
            vec![1, 2],
            vec![0, 2],
            vec![0, 1, 3],
            vec![2, 4, 5],
            vec![3, 5],
            vec![3, 4],
        ])
    }

    #[test]
    fn two_triangles_are_two_communities() {
        let (offsets, targets) = barbell();
        let labels = louvain(&offsets, &targets, 7);
        assert_eq!(labels[0], labels[1]);
        assert_eq!(labels[1], labels[2]);
        assert_eq!(labels[3], labels[4]);
        assert_ne!(labels[0], labels[3]);
        // Q = 2 · (3/7 − (7/14)²) = 5/14
        assert!((modularity(&offsets, &targets, &labels) - 5.0 / 14.0).abs() < 1e-12);
    }

    #[test]
    fn the_same_seed_gives_the_same_communities() {
        let ring: Vec<Vec<u32>> = (0..30u32)
            .map(|v| {
                let mut n = vec![(v + 1) % 30, (v + 29) % 30];
                n.sort();
                n
            })
            .collect();
        let (offsets, targets) = rows(&ring);
        assert_eq!(
            louvain(&offsets, &targets, 3),
            louvain(&offsets, &targets, 3)
        );
    }
}
