//! PageRank and eigenvector centrality, by power iteration over the simple graph.

use super::*;

/// PageRank by power iteration, dangling nodes spread uniformly, iterated until the L1 change is
/// below 1e-12 · n (tighter than NetworkX's 1e-6 · n, so both land on the same vector).
pub(super) fn pagerank(simple: &SimpleGraph, alpha: f64) -> Vec<f64> {
    let n = simple.n();
    if n == 0 {
        return Vec::new();
    }
    let mut rank = vec![1.0 / n as f64; n];
    let mut share = vec![0.0; n];
    for _ in 0..1000 {
        // What each actor passes to each neighbour; dangling actors spread over everyone.
        let mut dangling = 0.0;
        for v in 0..n {
            match simple.degree(v) {
                0 => dangling += rank[v],
                d => share[v] = rank[v] / d as f64,
            }
        }
        let base = (1.0 - alpha) / n as f64 + alpha * dangling / n as f64;
        let next: Vec<f64> = (0..n)
            .into_par_iter()
            .map(|v| {
                base + alpha
                    * simple
                        .neighbours(v)
                        .iter()
                        .map(|&w| share[w as usize])
                        .sum::<f64>()
            })
            .collect();
        let change: f64 = next.iter().zip(&rank).map(|(a, b)| (a - b).abs()).sum();
        rank = next;
        if change < 1e-12 * n as f64 {
            break;
        }
    }
    rank
}

/// Eigenvector centrality as NetworkX computes it: power iteration on A + I from a uniform start,
/// normalised to unit length, until the L1 change is below 1e-13 · n.
pub(super) fn eigenvector(simple: &SimpleGraph) -> Vec<f64> {
    let n = simple.n();
    let mut x = vec![1.0 / n.max(1) as f64; n];
    for _ in 0..10_000 {
        let mut next: Vec<f64> = (0..n)
            .into_par_iter()
            .map(|v| {
                x[v] + simple
                    .neighbours(v)
                    .iter()
                    .map(|&w| x[w as usize])
                    .sum::<f64>()
            })
            .collect();
        let norm = next.iter().map(|a| a * a).sum::<f64>().sqrt();
        if norm == 0.0 {
            return next;
        }
        next.iter_mut().for_each(|a| *a /= norm);
        let change: f64 = next.iter().zip(&x).map(|(a, b)| (a - b).abs()).sum();
        x = next;
        if change < 1e-13 * n as f64 {
            break;
        }
    }
    x
}
