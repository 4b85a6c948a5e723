//! Communities by the Louvain method (seeded, resolution 1, unweighted) and their modularity,
//! with NetworkX's definitions (`louvain_communities`, `modularity`).

use std::collections::HashMap;

use crate::rng::Rng;

/// Modularity of a partition of an undirected simple graph given as sorted neighbour lists.
///
/// # Complexity
/// O(V + E).
pub fn modularity(adjacency: &[Vec<u32>], community: &[usize]) -> f64 {
    let twice_m: f64 = adjacency.iter().map(|n| n.len() as f64).sum();
    if twice_m == 0.0 {
        return 0.0;
    }
    let groups = community.iter().copied().max().map_or(0, |c| c + 1);
    let mut inside = vec![0.0; groups];
    let mut degree = vec![0.0; groups];
    for (v, neighbours) in adjacency.iter().enumerate() {
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

/// Louvain communities.
///
/// # Arguments
/// * `adjacency` - sorted neighbour lists of an undirected simple graph.
/// * `seed` - the order nodes are visited in; the same seed gives the same communities.
///
/// # Returns
/// A community label per node: 0 for the largest community, then by size (ties: smallest node).
///
/// # Complexity
/// O(E) for the first sweep of each level, then work in proportion to the moves; a few levels.
pub fn louvain(adjacency: &[Vec<u32>], seed: u64) -> Vec<usize> {
    let n = adjacency.len();
    let mut rng = Rng::new(seed);
    // The current level: weighted neighbour lists (self-loops included as `self_loop`).
    let mut level: Vec<Vec<(usize, f64)>> = adjacency
        .iter()
        .map(|ns| ns.iter().map(|&w| (w as usize, 1.0)).collect())
        .collect();
    let mut self_loop = vec![0.0; n];
    let mut membership: Vec<usize> = (0..n).collect(); // original node -> level node
    let twice_m: f64 = adjacency.iter().map(|ns| ns.len() as f64).sum();
    if twice_m == 0.0 {
        return label_by_size(&membership);
    }
    loop {
        let size = level.len();
        let strength: Vec<f64> = (0..size)
            .map(|v| level[v].iter().map(|(_, w)| w).sum::<f64>() + 2.0 * self_loop[v])
            .collect();
        let mut community: Vec<usize> = (0..size).collect();
        let mut total = strength.clone();
        let mut order: Vec<usize> = (0..size).collect();
        rng.shuffle(&mut order);
        let mut moved_any = false;
        // Links from the node being moved to each neighbouring community: a dense scratch row,
        // cleared after each node through the list of communities it touched.
        let mut links = vec![0.0f64; size];
        let mut touched: Vec<usize> = Vec::new();
        // Local moving visits every node once in the seeded order, then only the neighbours of
        // nodes that moved (outside their new community), until no node gains by moving: the
        // same local optimum as sweeping every node until none moves, for far less work
        // (Ozaki, Tezuka and Inaba's pruning).
        let mut queue: std::collections::VecDeque<usize> = order.iter().copied().collect();
        let mut queued = vec![true; size];
        while let Some(v) = queue.pop_front() {
            queued[v] = false;
            for &(w, weight) in &level[v] {
                let c = community[w];
                if links[c] == 0.0 {
                    touched.push(c);
                }
                links[c] += weight;
            }
            let own = community[v];
            total[own] -= strength[v];
            let gain = |c: usize, links_to: f64| links_to - total[c] * strength[v] / twice_m;
            let mut best = own;
            let mut best_gain = gain(own, links[own]);
            touched.sort_unstable();
            for &c in &touched {
                let g = gain(c, links[c]);
                if g > best_gain + 1e-12 {
                    best = c;
                    best_gain = g;
                }
            }
            for &c in &touched {
                links[c] = 0.0;
            }
            touched.clear();
            total[best] += strength[v];
            if best != own {
                community[v] = best;
                moved_any = true;
                for &(w, _) in &level[v] {
                    if !queued[w] && community[w] != best {
                        queued[w] = true;
                        queue.push_back(w);
                    }
                }
            }
        }
        if !moved_any {
            return label_by_size(&membership);
        }
        // Aggregate: one node per community.
        let mut renumber = HashMap::new();
        for &c in &community {
            let next = renumber.len();
            renumber.entry(c).or_insert(next);
        }
        let groups = renumber.len();
        let mut merged: Vec<HashMap<usize, f64>> = vec![HashMap::new(); groups];
        let mut loops = vec![0.0; groups];
        for v in 0..size {
            let cv = renumber[&community[v]];
            loops[cv] += self_loop[v];
            for &(w, weight) in &level[v] {
                let cw = renumber[&community[w]];
                if cv == cw {
                    loops[cv] += weight / 2.0; // each internal tie is seen from both ends
                } else {
                    *merged[cv].entry(cw).or_insert(0.0) += weight;
                }
            }
        }
        for m in membership.iter_mut() {
            *m = renumber[&community[*m]];
        }
        level = merged
            .into_iter()
            .map(|links| {
                let mut list: Vec<(usize, f64)> = links.into_iter().collect();
                list.sort_by_key(|&(c, _)| c);
                list
            })
            .collect();
        self_loop = loops;
    }
}

fn label_by_size(membership: &[usize]) -> Vec<usize> {
    let mut sizes: HashMap<usize, (usize, usize)> = HashMap::new(); // group -> (size, smallest node)
    for (v, &g) in membership.iter().enumerate() {
        let entry = sizes.entry(g).or_insert((0, v));
        entry.0 += 1;
    }
    let mut groups: Vec<(usize, (usize, usize))> = sizes.into_iter().collect();
    groups.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.1.1.cmp(&b.1.1)));
    let rank: HashMap<usize, usize> = groups
        .iter()
        .enumerate()
        .map(|(i, (g, _))| (*g, i))
        .collect();
    membership.iter().map(|g| rank[g]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two triangles joined by one tie: 0-1-2 and 3-4-5, with 2-3.
    fn barbell() -> Vec<Vec<u32>> {
        vec![
            vec![1, 2],
            vec![0, 2],
            vec![0, 1, 3],
            vec![2, 4, 5],
            vec![3, 5],
            vec![3, 4],
        ]
    }

    #[test]
    fn two_triangles_are_two_communities() {
        let labels = louvain(&barbell(), 7);
        assert_eq!(labels[0], labels[1]);
        assert_eq!(labels[1], labels[2]);
        assert_eq!(labels[3], labels[4]);
        assert_ne!(labels[0], labels[3]);
        // Q = 2 · (3/7 − (7/14)²) = 5/14
        assert!((modularity(&barbell(), &labels) - 5.0 / 14.0).abs() < 1e-12);
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
        assert_eq!(louvain(&ring, 3), louvain(&ring, 3));
    }
}
