//! Force-directed layout of a graph for the network view: Fruchterman–Reingold forces with a
//! Barnes–Hut quadtree for the repulsion. Owns positions only; it knows nothing of actors, ids or
//! ties, and does no I/O.
//!
//! Graphs come in compressed rows, as for [`louvain`](super::louvain): `offsets[v]..offsets[v + 1]`
//! indexes the neighbours of `v` in `targets`, each edge stored from both ends.

use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use super::AnalysisError;
use crate::rng::Rng;

/// The ideal edge length while the forces run (the output is rescaled afterwards).
const K: f32 = 1.0;
/// Barnes–Hut opening angle: a cell seen under less than this (side / distance) counts as one
/// body. 0.9 keeps the repulsion within a few per cent of the exact sum for a fraction of the work.
const THETA: f32 = 0.9;
/// Pull towards the centre per unit of distance. Linear, so that a component or a lone node
/// pushed away by the rest of the graph (a repulsion that falls off only as 1 / d) stops at a
/// bounded distance, of the order of the size of the graph, instead of drifting off and
/// shrinking everything else to a dot once the layout is rescaled.
const GRAVITY: f32 = 1.0;
/// Cells with at most this many nodes are not split; their nodes are visited one by one.
const LEAF_CAPACITY: usize = 16;
/// Cells this deep are not split whatever they hold, so coinciding nodes cannot make the tree
/// subdivide without end.
const MAX_DEPTH: u32 = 24;
/// Nodes closer than this are treated as this far apart, so that the repulsion stays finite.
const MIN_DISTANCE: f32 = 0.01 * K;
/// The output spans [-HALF_EXTENT, HALF_EXTENT] on its longer axis.
const HALF_EXTENT: f32 = 1000.0;

/// Lays a graph out in the plane by Fruchterman–Reingold forces, for drawing: tied nodes end up
/// close together, dense groups form visible clusters, and components and lone nodes stay in view.
///
/// Every node repels every other with force k²/d, computed with a Barnes–Hut quadtree (opening
/// angle 0.9); each edge pulls its two ends together with force d²/k; a weak linear gravity pulls
/// every node towards the centre. Nodes start at seeded random positions and move, all at once
/// each iteration, by their net force capped at a temperature that cools linearly to zero: 300
/// iterations up to 500 nodes, falling to 100 from 10,000 nodes. Self-loops are ignored; a
/// repeated edge pulls as many times as it is listed.
///
/// # Arguments
/// * `offsets`, `targets` - an undirected graph in compressed rows (`offsets.len()` is the number
///   of nodes plus one, each edge listed from both ends).
/// * `seed` - the starting positions; the same graph and seed always give the same layout.
/// * `cancel` - checked once per iteration; when set, the layout stops.
///
/// # Returns
/// One `[x, y]` per node, finite, centred on 0 and scaled so that the longer axis spans exactly
/// [-1000, 1000]. No nodes give an empty layout, one node `[[0, 0]]`.
///
/// # Errors
/// [`AnalysisError::Cancelled`] when `cancel` is set at the start of an iteration.
///
/// # Panics
/// When a target is not below the number of nodes, or `offsets` is not a non-decreasing index
/// into `targets`.
///
/// # Complexity
/// O(I · (V log V + E)) time for I iterations (at most 300), O(V) memory beyond the input.
///
/// # Example
/// ```
/// use std::sync::atomic::AtomicBool;
/// use relaymap::analysis::force_layout;
///
/// // 0 --- 1 --- 2
/// let offsets = [0, 1, 3, 4];
/// let targets = [1, 0, 2, 1];
/// let layout = force_layout(&offsets, &targets, 7, &AtomicBool::new(false)).unwrap();
/// assert_eq!(layout.len(), 3);
/// assert!(layout.iter().flatten().all(|c| c.is_finite() && c.abs() <= 1000.0));
/// ```
pub fn force_layout(
    offsets: &[usize],
    targets: &[u32],
    seed: u64,
    cancel: &AtomicBool,
) -> Result<Vec<[f32; 2]>, AnalysisError> {
    let n = offsets.len().saturating_sub(1);
    if n <= 1 {
        return Ok(vec![[0.0, 0.0]; n]);
    }
    // Start at about one node per k² and let the first moves go a tenth of the way across, as
    // Fruchterman and Reingold do.
    let side = (n as f32).sqrt() * K;
    let mut positions = initial_positions(n, side, seed);
    let iterations = iteration_count(n);
    let start_temperature = side / 10.0;
    let mut tree = QuadTree::with_capacity(n);
    let mut forces = vec![[0.0f32; 2]; n];
    for iteration in 0..iterations {
        if cancel.load(Ordering::Relaxed) {
            return Err(AnalysisError::Cancelled);
        }
        tree.rebuild(&positions);
        // Nodes in tree order, so that consecutive nodes walk much the same cells; `forces[i]`
        // is the force on node `tree.order()[i]`.
        // Each force depends only on the positions, so the parallel loop gives the same result
        // as a sequential one.
        forces
            .par_iter_mut()
            .zip(tree.order())
            .for_each_init(Vec::new, |stack, (force, &node)| {
                *force = net_force(node as usize, offsets, targets, &positions, &tree, stack);
            });
        let temperature = start_temperature * (1.0 - iteration as f32 / iterations as f32);
        for (force, &node) in forces.iter().zip(tree.order()) {
            step(&mut positions[node as usize], *force, temperature);
        }
    }
    normalise(&mut positions);
    Ok(positions)
}

/// Iterations for `n` nodes: 300 up to 500 nodes, 100 from 10,000, log-linear in between. Large
/// graphs get fewer so that they stay fast; their many nodes smooth the forces anyway.
fn iteration_count(n: usize) -> usize {
    const SMALL: f64 = 500.0;
    const LARGE: f64 = 10_000.0;
    let share = ((n as f64 / SMALL).ln() / (LARGE / SMALL).ln()).clamp(0.0, 1.0);
    (300.0 - 200.0 * share).round() as usize
}

/// Seeded uniform positions in a square of the given side centred on 0.
fn initial_positions(n: usize, side: f32, seed: u64) -> Vec<[f32; 2]> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|_| {
            let x = (rng.unit() - 0.5) as f32 * side;
            let y = (rng.unit() - 0.5) as f32 * side;
            [x, y]
        })
        .collect()
}

/// The force on a node: repulsion from every node, attraction along its edges, gravity.
fn net_force(
    node: usize,
    offsets: &[usize],
    targets: &[u32],
    positions: &[[f32; 2]],
    tree: &QuadTree,
    stack: &mut Vec<u32>,
) -> [f32; 2] {
    let here = positions[node];
    let repulsion = tree.repulsion(node, here, stack);
    let neighbours = &targets[offsets[node]..offsets[node + 1]];
    let attraction = attraction(node, neighbours, positions);
    [
        repulsion[0] + attraction[0] - GRAVITY * here[0],
        repulsion[1] + attraction[1] - GRAVITY * here[1],
    ]
}

/// The pull of a node's edges: d²/k towards each neighbour (self-loops ignored).
fn attraction(node: usize, neighbours: &[u32], positions: &[[f32; 2]]) -> [f32; 2] {
    let [x, y] = positions[node];
    let mut force = [0.0f32; 2];
    for &other in neighbours {
        if other as usize == node {
            continue;
        }
        let [ox, oy] = positions[other as usize];
        let (dx, dy) = (ox - x, oy - y);
        // sqrt, not hypot: hypot guards against overflow at several times the cost.
        let scale = (dx * dx + dy * dy).sqrt() / K;
        force[0] += dx * scale;
        force[1] += dy * scale;
    }
    force
}

/// The push of `other` (at `there`) on `node` (at `here`): k²/d away from it. Nodes that coincide
/// are pushed apart along a direction fixed by the pair, opposite for each of the two.
fn pair_repulsion(node: usize, other: usize, here: [f32; 2], there: [f32; 2]) -> [f32; 2] {
    let (mut dx, mut dy) = (here[0] - there[0], here[1] - there[1]);
    let mut distance_squared = dx * dx + dy * dy;
    if distance_squared < MIN_DISTANCE * MIN_DISTANCE {
        if distance_squared == 0.0 {
            [dx, dy] = separation(node, other).map(|u| u * MIN_DISTANCE);
        }
        distance_squared = MIN_DISTANCE * MIN_DISTANCE;
    }
    let scale = K * K / distance_squared;
    [dx * scale, dy * scale]
}

/// A unit vector for pushing two coinciding nodes apart: its angle is a hash of the pair, and
/// the two nodes get opposite vectors.
fn separation(node: usize, other: usize) -> [f32; 2] {
    let (low, high) = (node.min(other) as u64, node.max(other) as u64);
    let hash = (low.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ high).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    let angle = (hash >> 40) as f32 / (1u64 << 24) as f32 * std::f32::consts::TAU;
    let sign = if node < other { 1.0 } else { -1.0 };
    [sign * angle.cos(), sign * angle.sin()]
}

/// Moves a node by its force, capped at the temperature. A force that is not finite (it should
/// never be) leaves the node where it is rather than spreading NaN.
fn step(position: &mut [f32; 2], force: [f32; 2], temperature: f32) {
    let length = (force[0] * force[0] + force[1] * force[1]).sqrt();
    if !length.is_finite() || length == 0.0 {
        return;
    }
    let scale = length.min(temperature) / length;
    position[0] += force[0] * scale;
    position[1] += force[1] * scale;
}

/// The smallest and largest coordinates on each axis.
fn bounds(positions: &[[f32; 2]]) -> ([f32; 2], [f32; 2]) {
    positions.iter().fold(
        ([f32::INFINITY; 2], [f32::NEG_INFINITY; 2]),
        |(low, high), &[x, y]| {
            (
                [low[0].min(x), low[1].min(y)],
                [high[0].max(x), high[1].max(y)],
            )
        },
    )
}

/// Centres the layout's bounding box on 0 and scales it, keeping its proportions, so that the
/// longer axis spans [-HALF_EXTENT, HALF_EXTENT]. The clamp only absorbs rounding.
fn normalise(positions: &mut [[f32; 2]]) {
    let (low, high) = bounds(positions);
    let centre = [(low[0] + high[0]) / 2.0, (low[1] + high[1]) / 2.0];
    let extent = (high[0] - low[0]).max(high[1] - low[1]);
    let scale = if extent > 0.0 {
        2.0 * HALF_EXTENT / extent
    } else {
        0.0
    };
    for position in positions {
        for axis in 0..2 {
            position[axis] =
                ((position[axis] - centre[axis]) * scale).clamp(-HALF_EXTENT, HALF_EXTENT);
        }
    }
}

/// A Barnes–Hut quadtree over the node positions, rebuilt every iteration.
///
/// Cells live in one flat `Vec`, the four children of a cell side by side; `order` holds the node
/// ids permuted so that the nodes inside any cell are one contiguous run of it. A cell holding at
/// most `LEAF_CAPACITY` nodes, or `MAX_DEPTH` levels down, is a leaf, whose nodes are visited one
/// by one: the depth limit ends the subdivision when nodes coincide.
struct QuadTree {
    cells: Vec<Cell>,
    order: Vec<u32>,
    /// `points[i]` is the position of node `order[i]`, so that a leaf's nodes are read from
    /// memory side by side.
    points: Vec<[f32; 2]>,
}

/// One square of the quadtree.
#[derive(Debug, Clone, Copy)]
struct Cell {
    /// The middle of the square.
    middle: [f32; 2],
    /// The side of the square.
    side: f32,
    /// The centre of mass of the nodes inside.
    centre: [f32; 2],
    /// How many nodes are inside.
    mass: f32,
    /// The index of the first of the four children in `cells`; 0 for a leaf (the root, at 0,
    /// is nobody's child).
    first_child: u32,
    /// The nodes inside are `order[start..end]`.
    start: u32,
    end: u32,
}

impl QuadTree {
    fn with_capacity(n: usize) -> Self {
        Self {
            cells: Vec::with_capacity(n),
            order: Vec::with_capacity(n),
            points: Vec::with_capacity(n),
        }
    }

    /// Rebuilds the tree over new positions, reusing the allocations.
    fn rebuild(&mut self, positions: &[[f32; 2]]) {
        self.cells.clear();
        self.order.clear();
        self.order.extend(0..positions.len() as u32);
        let (low, high) = bounds(positions);
        // A small floor keeps the square non-degenerate when every node coincides.
        let side = (high[0] - low[0]).max(high[1] - low[1]).max(MIN_DISTANCE);
        let middle = [(low[0] + high[0]) / 2.0, (low[1] + high[1]) / 2.0];
        self.cells.push(Cell::new(middle, side, 0, positions.len()));
        self.split(0, 0, positions);
        self.points.clear();
        self.points
            .extend(self.order.iter().map(|&node| positions[node as usize]));
    }

    /// The node ids, grouped by cell: nodes next to each other in the plane are mostly next to
    /// each other here.
    fn order(&self) -> &[u32] {
        &self.order
    }

    /// Fills in a cell's mass and, unless it is a leaf, sorts its nodes into four children and
    /// recurses into those that are not empty.
    fn split(&mut self, index: usize, depth: u32, positions: &[[f32; 2]]) {
        let Cell {
            middle,
            side,
            start,
            end,
            ..
        } = self.cells[index];
        let (start, end) = (start as usize, end as usize);
        let members = &mut self.order[start..end];
        let mut sum = [0.0f32; 2];
        for &node in members.iter() {
            sum[0] += positions[node as usize][0];
            sum[1] += positions[node as usize][1];
        }
        let mass = members.len() as f32;
        self.cells[index].mass = mass;
        self.cells[index].centre = [sum[0] / mass, sum[1] / mass];
        if members.len() <= LEAF_CAPACITY || depth == MAX_DEPTH {
            return;
        }

        // Quadrants in the order (west, south), (west, north), (east, south), (east, north).
        let west = partition(members, |node| positions[node as usize][0] < middle[0]);
        let (western, eastern) = members.split_at_mut(west);
        let west_south = partition(western, |node| positions[node as usize][1] < middle[1]);
        let east_south = partition(eastern, |node| positions[node as usize][1] < middle[1]);
        let bounds = [
            start,
            start + west_south,
            start + west,
            start + west + east_south,
            end,
        ];

        let first_child = self.cells.len();
        self.cells[index].first_child = first_child as u32;
        let quarter = side / 4.0;
        for quadrant in 0..4 {
            let dx = if quadrant >= 2 { quarter } else { -quarter };
            let dy = if quadrant % 2 == 1 { quarter } else { -quarter };
            let child_middle = [middle[0] + dx, middle[1] + dy];
            self.cells.push(Cell::new(
                child_middle,
                side / 2.0,
                bounds[quadrant],
                bounds[quadrant + 1],
            ));
        }
        for child in first_child..first_child + 4 {
            if self.cells[child].start < self.cells[child].end {
                self.split(child, depth + 1, positions);
            }
        }
    }

    /// The repulsion on `node`, at `here`, from every other node. A cell that `node` is outside of and that
    /// is small for its distance counts as its whole mass at its centre of mass; leaves are
    /// summed node by node. `stack` is scratch space, kept between calls to save allocations.
    fn repulsion(&self, node: usize, here: [f32; 2], stack: &mut Vec<u32>) -> [f32; 2] {
        let mut force = [0.0f32; 2];
        stack.clear();
        stack.push(0);
        while let Some(index) = stack.pop() {
            let cell = &self.cells[index as usize];
            if cell.mass == 0.0 {
                continue;
            }
            let (dx, dy) = (here[0] - cell.centre[0], here[1] - cell.centre[1]);
            let distance_squared = dx * dx + dy * dy;
            if cell.is_far_from(here, distance_squared) {
                let scale = cell.mass * K * K / distance_squared;
                force[0] += dx * scale;
                force[1] += dy * scale;
            } else if cell.first_child == 0 {
                let members = cell.start as usize..cell.end as usize;
                for (&other, &there) in self.order[members.clone()]
                    .iter()
                    .zip(&self.points[members])
                {
                    let other = other as usize;
                    if other != node {
                        let push = pair_repulsion(node, other, here, there);
                        force[0] += push[0];
                        force[1] += push[1];
                    }
                }
            } else {
                stack.extend(cell.first_child..cell.first_child + 4);
            }
        }
        force
    }
}

impl Cell {
    /// An empty cell over `order[start..end]`; `QuadTree::split` fills in the mass.
    fn new(middle: [f32; 2], side: f32, start: usize, end: usize) -> Self {
        Self {
            middle,
            side,
            centre: middle,
            mass: 0.0,
            first_child: 0,
            start: start as u32,
            end: end as u32,
        }
    }

    /// Whether a point at `distance_squared` from the centre of mass may take the cell as one
    /// body: it sees the cell under less than the opening angle, and is not inside it (which
    /// would count the point's own mass).
    fn is_far_from(&self, point: [f32; 2], distance_squared: f32) -> bool {
        let half = self.side / 2.0;
        let outside =
            (point[0] - self.middle[0]).abs() > half || (point[1] - self.middle[1]).abs() > half;
        outside && self.side * self.side < THETA * THETA * distance_squared
    }
}

/// Moves the ids for which `is_first` holds to the front, keeping no order; returns how many.
fn partition(ids: &mut [u32], is_first: impl Fn(u32) -> bool) -> usize {
    let mut split = 0;
    for i in 0..ids.len() {
        if is_first(ids[i]) {
            ids.swap(split, i);
            split += 1;
        }
    }
    split
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Compressed rows for an undirected graph on `n` nodes, each edge stored from both ends.
    fn rows(n: usize, edges: &[(u32, u32)]) -> (Vec<usize>, Vec<u32>) {
        let mut neighbours = vec![Vec::new(); n];
        for &(a, b) in edges {
            neighbours[a as usize].push(b);
            neighbours[b as usize].push(a);
        }
        let mut offsets = vec![0];
        let mut targets = Vec::new();
        for row in neighbours {
            targets.extend(row);
            offsets.push(targets.len());
        }
        (offsets, targets)
    }

    fn layout(n: usize, edges: &[(u32, u32)], seed: u64) -> Vec<[f32; 2]> {
        let (offsets, targets) = rows(n, edges);
        force_layout(&offsets, &targets, seed, &AtomicBool::new(false))
            .expect("a layout that is not cancelled succeeds")
    }

    fn distance(a: [f32; 2], b: [f32; 2]) -> f32 {
        (a[0] - b[0]).hypot(a[1] - b[1])
    }

    fn mean(values: impl Iterator<Item = f32>) -> f32 {
        let (sum, count) = values.fold((0.0, 0), |(sum, count), v| (sum + v, count + 1));
        sum / count as f32
    }

    /// Every node finite, inside the bounds, the longer axis spanning them and centred on 0.
    fn assert_normalised(positions: &[[f32; 2]]) {
        assert!(positions.iter().flatten().all(|c| c.is_finite()));
        assert!(positions.iter().flatten().all(|c| c.abs() <= HALF_EXTENT));
        let (low, high) = bounds(positions);
        let extent = (high[0] - low[0]).max(high[1] - low[1]);
        assert!((extent - 2.0 * HALF_EXTENT).abs() < 1.0, "extent {extent}");
        for axis in 0..2 {
            assert!(
                (low[axis] + high[axis]).abs() < 1.0,
                "off centre: {low:?} {high:?}"
            );
        }
    }

    /// A ring of `n` nodes starting at `first`.
    fn ring(first: u32, n: u32) -> Vec<(u32, u32)> {
        (0..n).map(|i| (first + i, first + (i + 1) % n)).collect()
    }

    #[test]
    fn two_cliques_joined_by_one_tie_are_laid_out_as_two_clusters() {
        // Arrange: two 15-cliques, 0..15 and 15..30, with a single tie 0 - 15.
        let mut edges = Vec::new();
        for group in [0u32, 15] {
            for a in group..group + 15 {
                for b in a + 1..group + 15 {
                    edges.push((a, b));
                }
            }
        }
        edges.push((0, 15));
        let group = |v: usize| v / 15;

        for seed in 0..3 {
            // Act
            let positions = layout(30, &edges, seed);

            // Assert
            let pairs = (0..30).flat_map(|a| (a + 1..30).map(move |b| (a, b)));
            let inside = mean(
                pairs
                    .clone()
                    .filter(|&(a, b)| group(a) == group(b))
                    .map(|(a, b)| distance(positions[a], positions[b])),
            );
            let between = mean(
                pairs
                    .filter(|&(a, b)| group(a) != group(b))
                    .map(|(a, b)| distance(positions[a], positions[b])),
            );
            assert!(
                inside < 0.5 * between,
                "seed {seed}: inside {inside}, between {between}"
            );
        }
    }

    #[test]
    fn neighbours_on_a_ring_are_closer_than_other_pairs() {
        // Arrange
        let n = 60;
        let edges = ring(0, n as u32);

        for seed in 0..3 {
            // Act
            let positions = layout(n, &edges, seed);

            // Assert
            let adjacent = mean(
                edges
                    .iter()
                    .map(|&(a, b)| distance(positions[a as usize], positions[b as usize])),
            );
            let mut rng = Rng::new(seed + 100);
            let others = mean((0..500).filter_map(|_| {
                let (a, b) = (rng.below(n), rng.below(n));
                let gap = a.abs_diff(b);
                (gap > 1 && gap < n - 1).then(|| distance(positions[a], positions[b]))
            }));
            assert!(
                adjacent < 0.3 * others,
                "seed {seed}: adjacent {adjacent}, others {others}"
            );
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_layout_and_another_seed_another() {
        // Arrange: a random graph of 200 nodes and 600 ties.
        let mut rng = Rng::new(42);
        let edges: Vec<(u32, u32)> = (0..600)
            .map(|_| (rng.below(200) as u32, rng.below(200) as u32))
            .collect();

        // Act
        let first = layout(200, &edges, 1);
        let again = layout(200, &edges, 1);
        let other = layout(200, &edges, 2);

        // Assert
        assert_eq!(first, again);
        assert_ne!(first, other);
    }

    #[test]
    fn lone_nodes_stay_in_view_without_squashing_the_rest() {
        // Arrange: a ring of 40 nodes with a self-loop and a repeated tie, then 20 lone nodes.
        let mut edges = ring(0, 40);
        edges.extend([(3, 3), (5, 6)]);

        // Act
        let positions = layout(60, &edges, 9);

        // Assert
        assert_normalised(&positions);
        let (low, high) = bounds(&positions[..40]);
        let ring_extent = (high[0] - low[0]).max(high[1] - low[1]);
        assert!(
            ring_extent > 0.25 * 2.0 * HALF_EXTENT,
            "the ring spans only {ring_extent}"
        );
    }

    #[test]
    fn a_network_of_lone_nodes_is_spread_within_bounds() {
        // Act
        let positions = layout(150, &[], 3);

        // Assert
        assert_normalised(&positions);
        let closest = (0..150)
            .flat_map(|a| (a + 1..150).map(move |b| (a, b)))
            .map(|(a, b)| distance(positions[a], positions[b]))
            .fold(f32::INFINITY, f32::min);
        assert!(closest > 10.0, "two lone nodes {closest} apart");
    }

    #[test]
    fn coinciding_starts_do_not_break_the_tree() {
        // Arrange: the tree over 100 nodes at one point ends at the depth limit.
        let positions = vec![[3.0, -2.0]; 100];
        let mut tree = QuadTree::with_capacity(100);

        // Act
        tree.rebuild(&positions);
        let push = tree.repulsion(7, positions[7], &mut Vec::new());

        // Assert
        assert!(tree.cells.len() <= 4 * MAX_DEPTH as usize + 1);
        assert!(push.iter().all(|c| c.is_finite()));
    }

    #[test]
    fn the_tree_repulsion_is_close_to_the_exact_sum() {
        // Arrange: 400 nodes, half spread out, half packed in a corner.
        let mut rng = Rng::new(5);
        let positions: Vec<[f32; 2]> = (0..400)
            .map(|i| {
                let spread = if i % 2 == 0 { 40.0 } else { 4.0 };
                [rng.unit() as f32 * spread, rng.unit() as f32 * spread]
            })
            .collect();
        let mut tree = QuadTree::with_capacity(400);
        tree.rebuild(&positions);
        let mut stack = Vec::new();

        // Act
        let errors: Vec<f32> = (0..400)
            .map(|node| {
                let approximate = tree.repulsion(node, positions[node], &mut stack);
                let exact = (0..400)
                    .filter(|&other| other != node)
                    .fold([0.0; 2], |sum, other| {
                        let push = pair_repulsion(node, other, positions[node], positions[other]);
                        [sum[0] + push[0], sum[1] + push[1]]
                    });
                distance(approximate, exact) / exact[0].hypot(exact[1]).max(1.0)
            })
            .collect();

        // Assert: relative errors of a few per cent, as expected at this opening angle.
        let worst = errors.iter().copied().fold(0.0, f32::max);
        let average = mean(errors.iter().copied());
        assert!(
            worst < 0.25 && average < 0.04,
            "worst {worst}, average {average}"
        );
    }

    #[test]
    fn no_node_and_one_node_need_no_forces() {
        let cancel = AtomicBool::new(false);
        assert_eq!(
            force_layout(&[], &[], 1, &cancel).unwrap(),
            Vec::<[f32; 2]>::new()
        );
        assert_eq!(
            force_layout(&[0], &[], 1, &cancel).unwrap(),
            Vec::<[f32; 2]>::new()
        );
        assert_eq!(
            force_layout(&[0, 0], &[], 1, &cancel).unwrap(),
            vec![[0.0, 0.0]]
        );
        assert_eq!(
            force_layout(&[0, 1], &[0], 1, &cancel).unwrap(),
            vec![[0.0, 0.0]]
        );
    }

    #[test]
    fn a_cancelled_layout_returns_cancelled() {
        // Arrange
        let (offsets, targets) = rows(50, &ring(0, 50));
        let cancel = AtomicBool::new(true);

        // Act
        let result = force_layout(&offsets, &targets, 1, &cancel);

        // Assert
        assert!(matches!(result, Err(AnalysisError::Cancelled)));
    }
}
