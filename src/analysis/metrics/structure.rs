//! Local and global structure: clustering, core numbers, connected components.

use super::*;

/// Local clustering: triangles through v over deg(v)·(deg(v) − 1)/2. Triangles are counted once
/// each, from their lowest-ranked corner (rank: degree, then index) along edges that point up
/// the ranking, with a marker array per worker; every actor's out-list is then short (at most
/// √(2E) long), which keeps the work near O(E^1.5) in the worst case and far below it on
/// networks like these.
pub(super) fn clustering(simple: &SimpleGraph) -> Vec<f64> {
    use std::sync::atomic::AtomicU32;
    let n = simple.n();
    let above = |a: usize, b: usize| (simple.degree(a), a) < (simple.degree(b), b);
    // Each actor's neighbours that rank above it, sorted.
    let up: Vec<Vec<u32>> = (0..n)
        .into_par_iter()
        .map(|v| {
            simple
                .neighbours(v)
                .iter()
                .copied()
                .filter(|&w| above(v, w as usize))
                .collect()
        })
        .collect();
    let triangles: Vec<AtomicU32> = (0..n).map(|_| AtomicU32::new(0)).collect();
    (0..n).into_par_iter().for_each_init(
        || vec![u32::MAX; n],
        |marked, u| {
            for &v in &up[u] {
                marked[v as usize] = u as u32;
            }
            for &v in &up[u] {
                for &w in &up[v as usize] {
                    if marked[w as usize] == u as u32 {
                        for corner in [u, v as usize, w as usize] {
                            triangles[corner].fetch_add(1, Ordering::Relaxed);
                        }
                    }
                }
            }
        },
    );
    (0..n)
        .map(|v| {
            let k = simple.degree(v);
            if k < 2 {
                0.0
            } else {
                2.0 * f64::from(triangles[v].load(Ordering::Relaxed)) / (k * (k - 1)) as f64
            }
        })
        .collect()
}

/// Core numbers by Batagelj and Zaversnik's O(E) peeling: actors kept sorted by current degree
/// in one array with the start of each degree's bin, so that lowering a degree is one swap.
pub(super) fn core_numbers(simple: &SimpleGraph) -> Vec<usize> {
    // Batagelj and Zaversnik's peeling, on 32-bit arrays: half the memory traffic of usize.
    let n = simple.n();
    let mut degree: Vec<u32> = (0..n).map(|v| simple.degree(v) as u32).collect();
    let max = degree.iter().copied().max().unwrap_or(0) as usize;
    // bin[d]: where actors of degree d start in `order`.
    let mut bin = vec![0u32; max + 2];
    for &d in &degree {
        bin[d as usize + 1] += 1;
    }
    for d in 1..bin.len() {
        bin[d] += bin[d - 1];
    }
    let mut position = vec![0u32; n];
    let mut order = vec![0u32; n];
    let mut next = bin.clone();
    for v in 0..n {
        let d = degree[v] as usize;
        position[v] = next[d];
        order[next[d] as usize] = v as u32;
        next[d] += 1;
    }
    for i in 0..n {
        let v = order[i] as usize;
        let dv = degree[v];
        for &u in simple.neighbours(v) {
            let u = u as usize;
            let du = degree[u];
            if du > dv {
                // Move u to the front of its bin, then shrink the bin by one from the front.
                let first = bin[du as usize];
                let w = order[first as usize] as usize;
                if u != w {
                    let pu = position[u];
                    order[pu as usize] = w as u32;
                    order[first as usize] = u as u32;
                    position[w] = pu;
                    position[u] = first;
                }
                bin[du as usize] += 1;
                degree[u] = du - 1;
            }
        }
    }
    degree.into_iter().map(|d| d as usize).collect()
}

/// Component labels: 0 for the largest component, then by size, ties by smallest member id.
pub(super) fn components(simple: &SimpleGraph) -> Vec<usize> {
    let n = simple.n();
    let mut label = vec![usize::MAX; n];
    let mut found: Vec<(usize, u32)> = Vec::new(); // (size, smallest member index)
    for start in 0..n {
        if label[start] != usize::MAX {
            continue;
        }
        let id = found.len();
        let mut stack = vec![start];
        label[start] = id;
        let mut size = 0;
        while let Some(v) = stack.pop() {
            size += 1;
            for &w in simple.neighbours(v) {
                if label[w as usize] == usize::MAX {
                    label[w as usize] = id;
                    stack.push(w as usize);
                }
            }
        }
        // Node indices follow id order, so `start` is the smallest member.
        found.push((size, start as u32));
    }
    let mut ranked: Vec<usize> = (0..found.len()).collect();
    ranked.sort_by(|&a, &b| {
        found[b]
            .0
            .cmp(&found[a].0)
            .then(found[a].1.cmp(&found[b].1))
    });
    let mut rank_of = vec![0; found.len()];
    for (rank, &c) in ranked.iter().enumerate() {
        rank_of[c] = rank;
    }
    label.into_iter().map(|c| rank_of[c]).collect()
}
