//! Burt's structural holes: constraint and effective size.

use super::*;

/// Burt's constraint and effective size, unweighted: with p(u, v) = 1/deg(u) for neighbours,
/// constraint(v) = Σ_{w ∈ N(v)} (p(v, w) + Σ_{u ∈ N(v)} p(v, u) p(u, w))², and effective
/// size(v) = deg(v) − 2·t/deg(v), t the ties among v's neighbours (Borgatti's form, which NetworkX
/// uses for undirected unweighted graphs). Both NaN for an isolated actor, as in NetworkX.
pub(super) fn structural_holes(simple: &SimpleGraph) -> (Vec<f64>, Vec<f64>) {
    let adjacent = |a: u32, b: u32| simple.adjacent(a, b);
    let p = |a: u32, b: u32| {
        if adjacent(a, b) {
            1.0 / simple.degree(a as usize) as f64
        } else {
            0.0
        }
    };
    (0..simple.n())
        .into_par_iter()
        .map(|v| {
            let neighbours = simple.neighbours(v);
            let k = neighbours.len();
            if k == 0 {
                return (f64::NAN, f64::NAN);
            }
            let v = v as u32;
            let constraint = neighbours
                .iter()
                .map(|&w| {
                    let indirect: f64 = neighbours.iter().map(|&u| p(v, u) * p(u, w)).sum();
                    (p(v, w) + indirect).powi(2)
                })
                .sum();
            let mut ties = 0usize;
            for (i, &a) in neighbours.iter().enumerate() {
                ties += neighbours[i + 1..]
                    .iter()
                    .filter(|&&b| adjacent(a, b))
                    .count();
            }
            (constraint, k as f64 - 2.0 * ties as f64 / k as f64)
        })
        .unzip()
}
