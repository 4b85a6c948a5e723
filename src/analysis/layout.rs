//! Force-directed layout of a graph for the network view: ForceAtlas2-style forces with a
//! Barnes–Hut quadtree for the repulsion, each connected component laid out on its own and the
//! components packed side by side. Owns positions only; it knows nothing of actors, ids or ties,
//! and does no I/O.
//!
//! Graphs come in compressed rows, as for [`louvain`](super::louvain): `offsets[v]..offsets[v + 1]`
//! indexes the neighbours of `v` in `targets`, each edge stored from both ends.

use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use super::AnalysisError;
use crate::rng::Rng;

/// ForceAtlas2's "scaling": two nodes of masses m and m' (degree + 1) push each other apart with
/// force REPULSION · m · m' / d.
const REPULSION: f32 = 2.0;
/// Pull towards the centre of the component, per unit of mass and of distance. Weak on purpose:
/// without it the branches of a tree stretch far out from the hubs they hang from, while a pull
/// twenty times as strong squeezes trees into discs and twists rings.
const GRAVITY: f32 = 0.01;
/// Barnes–Hut opening angle: a cell seen under less than this (side / distance) counts as one
/// body. At 0.9 the repulsion stays within a few per cent of the exact sum for a fraction of the
/// work.
const THETA: f32 = 0.9;
/// Cells with at most this many nodes are not split; their nodes are visited one by one.
const LEAF_CAPACITY: usize = 16;
/// Cells this deep are not split whatever they hold, so coinciding nodes cannot make the tree
/// subdivide without end.
const MAX_DEPTH: u32 = 24;
/// Nodes closer than this are treated as this far apart, so that the repulsion stays finite.
const MIN_DISTANCE: f32 = 0.01;
/// Components with fewer nodes compute their forces on the calling thread: handing a few nodes
/// to the thread pool costs more than it saves, and there may be thousands of such components.
const PARALLEL_FROM: usize = 1_000;
/// Space left between packed components, in typical distances between nodes (the square root
/// of the bounding-box area per node, over the components of more than one node).
const MARGIN: f32 = 1.5;
/// The output spans [-HALF_EXTENT, HALF_EXTENT] on its longer axis.
const HALF_EXTENT: f32 = 1000.0;

/// Lays a graph out in the plane for drawing: tied nodes end up close together, densely tied
/// groups form separate clusters, and every component, lone nodes included, stays in view.
///
/// ForceAtlas2's forces, with Fruchterman–Reingold's cooling in place of ForceAtlas2's adaptive
/// speeds. Each connected component is laid out on its own: every node has mass degree + 1,
/// and two nodes push each other apart with force 2 · m · m' / d (Barnes–Hut, opening angle
/// 0.9); each edge pulls its two ends together with force d; a weak gravity (0.01 · m · d) pulls
/// every node towards the centre. Nodes start at seeded random positions and move, all at once
/// each iteration, by their net force capped at a temperature that cools linearly to zero: 300
/// iterations for components of up to 500 nodes, falling to 100 from 10,000 nodes. Self-loops
/// are ignored; a repeated edge pulls as many times as it is listed. Components of 1,000 nodes
/// or more share out their forces on rayon's thread pool; the result does not depend on it.
///
/// The components are then packed in rows, tallest first, a little apart. Left to repel one
/// another instead, held only by gravity, a lone node ends up several times further out than a
/// large dense component reaches (repulsion falls off only as 1 / d), and once rescaled the
/// component shrinks to a fraction of the view.
///
/// # Arguments
/// * `offsets`, `targets` - an undirected graph in compressed rows (`offsets.len()` is the number
///   of nodes plus one, each edge listed from both ends).
/// * `seed` - the starting positions; the same graph and seed always give the same layout.
/// * `cancel` - checked once per iteration and once per component; when set, the layout stops.
///
/// # Returns
/// One `[x, y]` per node, finite, centred on 0 and scaled so that the longer axis spans exactly
/// [-1000, 1000]. No nodes give an empty layout, one node `[[0, 0]]`.
///
/// # Errors
/// [`AnalysisError::Cancelled`] when `cancel` is found set.
///
/// # Panics
/// When a target is not below the number of nodes, or `offsets` is not a non-decreasing index
/// into `targets`.
///
/// # Complexity
/// O(I · (V log V + E)) time for I iterations (at most 300), O(V + E) memory beyond the input.
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
    let mut rng = Rng::new(seed);
    let mut positions = vec![[0.0f32; 2]; n];
    let components = components(offsets, targets);
    let mut sizes = Vec::with_capacity(components.len());
    let mut local = vec![0u32; n];
    // Bounding-box area and nodes of the components laid out by forces, for their spacing.
    let (mut area, mut spread_nodes) = (0.0f32, 0usize);
    for nodes in &components {
        check(cancel)?;
        let layout = if nodes.len() == 1 {
            vec![[0.0, 0.0]]
        } else {
            let (offsets, targets) = subgraph(offsets, targets, nodes, &mut local);
            simulate(&offsets, &targets, &mut rng, cancel)?
        };
        // Each component in its own frame, its bounding box starting at 0.
        let (low, high) = bounds(&layout);
        for (&node, [x, y]) in nodes.iter().zip(layout) {
            positions[node as usize] = [x - low[0], y - low[1]];
        }
        let size = [high[0] - low[0], high[1] - low[1]];
        if nodes.len() > 1 {
            area += size[0] * size[1];
            spread_nodes += nodes.len();
        }
        sizes.push(size);
    }
    // Lone nodes only: the unit does not matter, the layout is rescaled.
    let spacing = if area > 0.0 {
        (area / spread_nodes as f32).sqrt()
    } else {
        1.0
    };
    for (nodes, corner) in components.iter().zip(pack(&sizes, MARGIN * spacing)) {
        for &node in nodes {
            let position = &mut positions[node as usize];
            *position = [position[0] + corner[0], position[1] + corner[1]];
        }
    }
    normalise(&mut positions);
    Ok(positions)
}

/// `Err(Cancelled)` once `cancel` is set.
fn check(cancel: &AtomicBool) -> Result<(), AnalysisError> {
    if cancel.load(Ordering::Relaxed) {
        Err(AnalysisError::Cancelled)
    } else {
        Ok(())
    }
}

/// The connected components, in the order of their smallest node, each listing its nodes in
/// breadth-first order from that node.
fn components(offsets: &[usize], targets: &[u32]) -> Vec<Vec<u32>> {
    let n = offsets.len().saturating_sub(1);
    let mut seen = vec![false; n];
    let mut components = Vec::new();
    for first in 0..n {
        if seen[first] {
            continue;
        }
        seen[first] = true;
        let mut nodes = vec![first as u32];
        let mut next = 0;
        while let Some(&node) = nodes.get(next) {
            next += 1;
            let node = node as usize;
            for &other in &targets[offsets[node]..offsets[node + 1]] {
                if !seen[other as usize] {
                    seen[other as usize] = true;
                    nodes.push(other);
                }
            }
        }
        components.push(nodes);
    }
    components
}

/// The compressed rows of a component on its own, its nodes numbered in the order of `nodes`.
/// `local` is scratch space with a slot per node of the whole graph.
fn subgraph(
    offsets: &[usize],
    targets: &[u32],
    nodes: &[u32],
    local: &mut [u32],
) -> (Vec<usize>, Vec<u32>) {
    for (index, &node) in nodes.iter().enumerate() {
        local[node as usize] = index as u32;
    }
    let mut sub_offsets = Vec::with_capacity(nodes.len() + 1);
    let mut sub_targets = Vec::new();
    sub_offsets.push(0);
    for &node in nodes {
        let row = &targets[offsets[node as usize]..offsets[node as usize + 1]];
        sub_targets.extend(row.iter().map(|&other| local[other as usize]));
        sub_offsets.push(sub_targets.len());
    }
    (sub_offsets, sub_targets)
}

/// A connected graph being laid out: its compressed rows and the masses of its nodes.
struct Graph<'a> {
    offsets: &'a [usize],
    targets: &'a [u32],
    masses: Vec<f32>,
}

impl<'a> Graph<'a> {
    /// Each node's mass is its degree + 1, self-loops left out.
    fn new(offsets: &'a [usize], targets: &'a [u32]) -> Self {
        let masses = (0..offsets.len() - 1)
            .map(|node| {
                let neighbours = &targets[offsets[node]..offsets[node + 1]];
                let degree = neighbours.iter().filter(|&&other| other as usize != node);
                1.0 + degree.count() as f32
            })
            .collect();
        Self {
            offsets,
            targets,
            masses,
        }
    }

    fn neighbours(&self, node: usize) -> &[u32] {
        &self.targets[self.offsets[node]..self.offsets[node + 1]]
    }
}

/// Runs the forces on a connected graph of at least two nodes; returns positions in the forces'
/// own units.
fn simulate(
    offsets: &[usize],
    targets: &[u32],
    rng: &mut Rng,
    cancel: &AtomicBool,
) -> Result<Vec<[f32; 2]>, AnalysisError> {
    let n = offsets.len() - 1;
    let graph = Graph::new(offsets, targets);
    // A square of about the area the repulsion will claim, so that the nodes start spread out;
    // the first moves may go all the way across it, to undo the worst of the random start.
    let side = (REPULSION * graph.masses.iter().sum::<f32>()).sqrt();
    let mut positions = initial_positions(n, side, rng);
    let iterations = iteration_count(n);
    let mut tree = QuadTree::with_capacity(n);
    let mut forces = vec![[0.0f32; 2]; n];
    let mut scratch = Scratch::default();
    for iteration in 0..iterations {
        check(cancel)?;
        tree.rebuild(&positions, &graph.masses);
        // `forces[i]` is the force on node `tree.order()[i]`, so each leaf owns a run of it.
        let fill = |scratch: &mut Scratch, (&leaf, run): (&u32, &mut [[f32; 2]])| {
            leaf_forces(&tree, leaf, run, &graph, &positions, scratch);
        };
        if n >= PARALLEL_FROM {
            let mut runs = Vec::with_capacity(tree.leaves().len());
            let mut rest = forces.as_mut_slice();
            for &leaf in tree.leaves() {
                let (run, tail) = rest.split_at_mut(tree.cells[leaf as usize].len());
                runs.push(run);
                rest = tail;
            }
            // Each force depends only on the positions, so the parallel loop gives the same
            // result as the sequential one.
            tree.leaves()
                .par_iter()
                .zip(runs)
                .for_each_init(Scratch::default, fill);
        } else {
            for &leaf in tree.leaves() {
                let range = tree.cells[leaf as usize].range();
                fill(&mut scratch, (&leaf, &mut forces[range]));
            }
        }
        let temperature = side * (1.0 - iteration as f32 / iterations as f32);
        for (force, &node) in forces.iter().zip(tree.order()) {
            step(&mut positions[node as usize], *force, temperature);
        }
    }
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
fn initial_positions(n: usize, side: f32, rng: &mut Rng) -> Vec<[f32; 2]> {
    (0..n)
        .map(|_| {
            let x = (rng.unit() - 0.5) as f32 * side;
            let y = (rng.unit() - 0.5) as f32 * side;
            [x, y]
        })
        .collect()
}

/// The forces on the nodes of a leaf, into `forces` (one per node, in tree order): repulsion
/// from every node, attraction along their edges, gravity.
fn leaf_forces(
    tree: &QuadTree,
    leaf: u32,
    forces: &mut [[f32; 2]],
    graph: &Graph,
    positions: &[[f32; 2]],
    scratch: &mut Scratch,
) {
    tree.interactions(leaf, scratch);
    let start = tree.cells[leaf as usize].start as usize;
    for (index, force) in (start..).zip(forces) {
        let node = tree.order[index] as usize;
        let here = tree.points[index];
        let push = tree.push_on(index, scratch);
        let push_scale = REPULSION * graph.masses[node];
        let pull = attraction(node, graph.neighbours(node), positions);
        let gravity = GRAVITY * graph.masses[node];
        *force = [
            push[0] * push_scale + pull[0] - gravity * here[0],
            push[1] * push_scale + pull[1] - gravity * here[1],
        ];
    }
}

/// The pull of a node's edges: d towards each neighbour (self-loops ignored).
fn attraction(node: usize, neighbours: &[u32], positions: &[[f32; 2]]) -> [f32; 2] {
    let [x, y] = positions[node];
    let mut force = [0.0f32; 2];
    for &other in neighbours {
        let [other_x, other_y] = positions[other as usize];
        // A self-loop adds 0.
        force[0] += other_x - x;
        force[1] += other_y - y;
    }
    force
}

/// The push of a unit mass at `there` (node `other`) on `node` at `here`: 1 / d away from it.
/// Nodes that coincide are pushed apart along a direction fixed by the pair, opposite for each.
fn pair_repulsion(node: usize, other: usize, here: [f32; 2], there: [f32; 2]) -> [f32; 2] {
    let (mut dx, mut dy) = (here[0] - there[0], here[1] - there[1]);
    let mut distance_squared = dx * dx + dy * dy;
    if distance_squared < MIN_DISTANCE * MIN_DISTANCE {
        if distance_squared == 0.0 {
            [dx, dy] = separation(node, other).map(|u| u * MIN_DISTANCE);
        }
        distance_squared = MIN_DISTANCE * MIN_DISTANCE;
    }
    let scale = 1.0 / distance_squared;
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
    // sqrt, not hypot: hypot guards against overflow at several times the cost.
    let length = (force[0] * force[0] + force[1] * force[1]).sqrt();
    if !length.is_finite() || length == 0.0 {
        return;
    }
    let scale = length.min(temperature) / length;
    position[0] += force[0] * scale;
    position[1] += force[1] * scale;
}

/// Places boxes of the given sizes in rows ("shelves"), tallest first, each row filled left to
/// right up to a width that makes the whole roughly square, every box `margin` clear of the
/// next. Returns each box's lower-left corner.
fn pack(sizes: &[[f32; 2]], margin: f32) -> Vec<[f32; 2]> {
    let padded = |[width, height]: [f32; 2]| [width + margin, height + margin];
    let area: f32 = sizes
        .iter()
        .map(|&size| padded(size))
        .map(|[w, h]| w * h)
        .sum();
    let widest = sizes
        .iter()
        .map(|&size| padded(size)[0])
        .fold(0.0, f32::max);
    let row_width = area.sqrt().max(widest);
    let mut order: Vec<usize> = (0..sizes.len()).collect();
    // A stable sort: equal heights keep the order of the components.
    order.sort_by(|&a, &b| sizes[b][1].total_cmp(&sizes[a][1]));
    let mut corners = vec![[0.0f32; 2]; sizes.len()];
    let (mut x, mut top, mut row_height) = (0.0f32, 0.0f32, 0.0f32);
    for index in order {
        let [width, height] = padded(sizes[index]);
        if x > 0.0 && x + width > row_width {
            top -= row_height;
            x = 0.0;
            row_height = 0.0;
        }
        corners[index] = [x, top - height];
        x += width;
        row_height = row_height.max(height);
    }
    corners
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
///
/// The nodes of a leaf share one walk of the tree (Barnes's grouping): a cell far enough from
/// every point of the leaf counts as one body at its centre of mass, and the leaves too close for
/// that are summed node by node. Sharing the walk is what makes 10,000 nodes fast.
struct QuadTree {
    cells: Vec<Cell>,
    /// The leaves that hold nodes, in the order of their nodes in `order`.
    leaves: Vec<u32>,
    order: Vec<u32>,
    /// The position and mass of node `order[i]` at `i`, so that a leaf's nodes are read from
    /// memory side by side.
    points: Vec<[f32; 2]>,
    masses: Vec<f32>,
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
    /// The total mass of the nodes inside.
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
            leaves: Vec::with_capacity(n),
            order: Vec::with_capacity(n),
            points: Vec::with_capacity(n),
            masses: Vec::with_capacity(n),
        }
    }

    /// Rebuilds the tree over new positions, reusing the allocations.
    fn rebuild(&mut self, positions: &[[f32; 2]], masses: &[f32]) {
        self.cells.clear();
        self.leaves.clear();
        self.order.clear();
        self.order.extend(0..positions.len() as u32);
        let (low, high) = bounds(positions);
        // A small floor keeps the square non-degenerate when every node coincides.
        let side = (high[0] - low[0]).max(high[1] - low[1]).max(MIN_DISTANCE);
        let middle = [(low[0] + high[0]) / 2.0, (low[1] + high[1]) / 2.0];
        self.cells.push(Cell::new(middle, side, 0, positions.len()));
        self.split(0, 0, positions, masses);
        self.points.clear();
        self.points
            .extend(self.order.iter().map(|&node| positions[node as usize]));
        self.masses.clear();
        self.masses
            .extend(self.order.iter().map(|&node| masses[node as usize]));
    }

    /// The node ids, grouped by cell: nodes next to each other in the plane are mostly next to
    /// each other here.
    fn order(&self) -> &[u32] {
        &self.order
    }

    /// Fills in a cell's mass and, unless it is a leaf, sorts its nodes into four children and
    /// recurses into those that are not empty.
    fn split(&mut self, index: usize, depth: u32, positions: &[[f32; 2]], masses: &[f32]) {
        let Cell {
            middle,
            side,
            start,
            end,
            ..
        } = self.cells[index];
        let (start, end) = (start as usize, end as usize);
        let members = &mut self.order[start..end];
        let (mut weighted, mut mass) = ([0.0f32; 2], 0.0f32);
        for &node in members.iter() {
            let ([x, y], node_mass) = (positions[node as usize], masses[node as usize]);
            weighted = [weighted[0] + node_mass * x, weighted[1] + node_mass * y];
            mass += node_mass;
        }
        self.cells[index].mass = mass;
        self.cells[index].centre = [weighted[0] / mass, weighted[1] / mass];
        if members.len() <= LEAF_CAPACITY || depth == MAX_DEPTH {
            // Depth first, children in order: the leaves come in the order of their nodes.
            self.leaves.push(index as u32);
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
            self.cells.push(Cell::new(
                [middle[0] + dx, middle[1] + dy],
                side / 2.0,
                bounds[quadrant],
                bounds[quadrant + 1],
            ));
        }
        for child in first_child..first_child + 4 {
            if self.cells[child].start < self.cells[child].end {
                self.split(child, depth + 1, positions, masses);
            }
        }
    }

    /// The leaves that hold nodes, in the order of their nodes in `order`.
    fn leaves(&self) -> &[u32] {
        &self.leaves
    }

    /// Walks the tree for the nodes of `leaf`: into `scratch.far` go the cells they may each
    /// take as one body, into `scratch.near` the leaves (this one included) to sum node by node.
    fn interactions(&self, leaf: u32, scratch: &mut Scratch) {
        let target = &self.cells[leaf as usize];
        scratch.far.clear();
        scratch.near.clear();
        scratch.stack.clear();
        scratch.stack.push(0);
        while let Some(index) = scratch.stack.pop() {
            let cell = &self.cells[index as usize];
            if cell.mass == 0.0 {
                continue;
            }
            if cell.is_far_from(target) {
                scratch.far.push((cell.centre, cell.mass));
            } else if cell.first_child == 0 {
                scratch.near.push(index);
            } else {
                scratch.stack.extend(cell.first_child..cell.first_child + 4);
            }
        }
    }

    /// The push on the node at `order[index]` from every other node: the sum of m / d away from
    /// each, for the caller to scale by the node's own mass. `scratch` holds the interactions of
    /// the node's leaf.
    fn push_on(&self, index: usize, scratch: &Scratch) -> [f32; 2] {
        let node = self.order[index] as usize;
        let here = self.points[index];
        let mut force = [0.0f32; 2];
        for &(centre, mass) in &scratch.far {
            let (dx, dy) = (here[0] - centre[0], here[1] - centre[1]);
            let scale = mass / (dx * dx + dy * dy);
            force[0] += dx * scale;
            force[1] += dy * scale;
        }
        for &leaf in &scratch.near {
            let cell = &self.cells[leaf as usize];
            for other in cell.range() {
                if other != index {
                    let push =
                        pair_repulsion(node, self.order[other] as usize, here, self.points[other]);
                    force[0] += self.masses[other] * push[0];
                    force[1] += self.masses[other] * push[1];
                }
            }
        }
        force
    }
}

/// Scratch space for one thread: the interactions of the leaf at hand and the walk's stack.
#[derive(Default)]
struct Scratch {
    far: Vec<([f32; 2], f32)>,
    near: Vec<u32>,
    stack: Vec<u32>,
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

    /// How many nodes the cell holds.
    fn len(&self) -> usize {
        (self.end - self.start) as usize
    }

    /// Where the cell's nodes are in `order`.
    fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Whether every point of `leaf`'s square sees this cell under less than the opening angle
    /// (measured from the cell's centre of mass), this cell not being the leaf or one of its
    /// ancestors, which would count the leaf's own nodes.
    fn is_far_from(&self, leaf: &Cell) -> bool {
        // Cells are nested or disjoint, and a disjoint one lies at least half the leaf's side
        // away from the leaf's middle.
        let half = self.side / 2.0;
        let contains = (leaf.middle[0] - self.middle[0]).abs() <= half
            && (leaf.middle[1] - self.middle[1]).abs() <= half;
        if contains {
            return false;
        }
        let leaf_half = leaf.side / 2.0;
        let gap_x = ((self.centre[0] - leaf.middle[0]).abs() - leaf_half).max(0.0);
        let gap_y = ((self.centre[1] - leaf.middle[1]).abs() - leaf_half).max(0.0);
        self.side * self.side < THETA * THETA * (gap_x * gap_x + gap_y * gap_y)
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

    /// The longer side of the bounding box of some nodes.
    fn extent(positions: &[[f32; 2]]) -> f32 {
        let (low, high) = bounds(positions);
        (high[0] - low[0]).max(high[1] - low[1])
    }

    /// Every node finite, inside the bounds, the longer axis spanning them and centred on 0.
    fn assert_normalised(positions: &[[f32; 2]]) {
        assert!(positions.iter().flatten().all(|c| c.is_finite()));
        assert!(positions.iter().flatten().all(|c| c.abs() <= HALF_EXTENT));
        let full = extent(positions);
        assert!((full - 2.0 * HALF_EXTENT).abs() < 1.0, "extent {full}");
        let (low, high) = bounds(positions);
        for axis in 0..2 {
            let off_centre = (low[axis] + high[axis]).abs();
            assert!(off_centre < 1.0, "off centre: {low:?} {high:?}");
        }
    }

    /// A ring of `n` nodes starting at `first`.
    fn ring(first: u32, n: u32) -> Vec<(u32, u32)> {
        (0..n).map(|i| (first + i, first + (i + 1) % n)).collect()
    }

    /// Every pair of nodes from `first` to `first + n`.
    fn clique(first: u32, n: u32) -> Vec<(u32, u32)> {
        (first..first + n)
            .flat_map(|a| (a + 1..first + n).map(move |b| (a, b)))
            .collect()
    }

    #[test]
    fn two_cliques_joined_by_one_tie_are_laid_out_as_two_clusters() {
        // Arrange: two 15-cliques, 0..15 and 15..30, with a single tie 0 - 15.
        let mut edges = clique(0, 15);
        edges.extend(clique(15, 15));
        edges.push((0, 15));
        let group = |v: usize| v / 15;

        for seed in 0..3 {
            // Act
            let positions = layout(30, &edges, seed);

            // Assert
            let pairs = (0..30).flat_map(|a| (a + 1..30).map(move |b| (a, b)));
            let (inside, between): (Vec<_>, Vec<_>) =
                pairs.partition(|&(a, b)| group(a) == group(b));
            let spread = |pairs: Vec<(usize, usize)>| {
                mean(
                    pairs
                        .into_iter()
                        .map(|(a, b)| distance(positions[a], positions[b])),
                )
            };
            let (inside, between) = (spread(inside), spread(between));
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
        let ring_extent = extent(&positions[..40]);
        assert!(ring_extent > 1000.0, "the ring spans only {ring_extent}");
    }

    #[test]
    fn a_dense_component_keeps_most_of_the_view_beside_lone_nodes_and_a_pair() {
        // Arrange: 200 nodes with 1,000 random ties among them, then a pair and 5 lone nodes.
        // Held by gravity alone, the lone nodes would sit far out and shrink the rest.
        let mut rng = Rng::new(8);
        let mut edges: Vec<(u32, u32)> = (0..1000)
            .map(|_| (rng.below(200) as u32, rng.below(200) as u32))
            .collect();
        edges.push((200, 201));

        // Act
        let positions = layout(207, &edges, 4);

        // Assert
        assert_normalised(&positions);
        let dense_extent = extent(&positions[..200]);
        assert!(
            dense_extent > 1400.0,
            "the dense part spans only {dense_extent}"
        );
    }

    #[test]
    fn components_do_not_overlap() {
        // Arrange: a 10-clique, a ring of 30, a path of 5 and 4 lone nodes.
        let mut edges = clique(0, 10);
        edges.extend(ring(10, 30));
        edges.extend((40..44).map(|v| (v, v + 1)));
        let parts = [0..10, 10..40, 40..45, 45..46, 46..47, 47..48, 48..49];

        for seed in 0..3 {
            // Act
            let positions = layout(49, &edges, seed);

            // Assert
            assert_normalised(&positions);
            let boxes: Vec<_> = parts
                .iter()
                .map(|part| bounds(&positions[part.clone()]))
                .collect();
            for (i, (low, high)) in boxes.iter().enumerate() {
                for (other_low, other_high) in &boxes[i + 1..] {
                    let apart = (0..2)
                        .any(|axis| high[axis] < other_low[axis] || other_high[axis] < low[axis]);
                    assert!(apart, "seed {seed}: boxes {i} and another overlap");
                }
            }
        }
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

    /// The push on every node through the tree, by node id.
    fn tree_pushes(positions: &[[f32; 2]], masses: &[f32]) -> Vec<[f32; 2]> {
        let mut tree = QuadTree::with_capacity(positions.len());
        tree.rebuild(positions, masses);
        let mut scratch = Scratch::default();
        let mut pushes = vec![[0.0; 2]; positions.len()];
        for &leaf in tree.leaves() {
            tree.interactions(leaf, &mut scratch);
            for index in tree.cells[leaf as usize].range() {
                pushes[tree.order()[index] as usize] = tree.push_on(index, &scratch);
            }
        }
        pushes
    }

    #[test]
    fn the_tree_repulsion_is_close_to_the_exact_sum() {
        // Arrange: 400 nodes of masses 1 to 10, half spread out, half packed in a corner.
        let mut rng = Rng::new(5);
        let positions: Vec<[f32; 2]> = (0..400)
            .map(|i| {
                let spread = if i % 2 == 0 { 40.0 } else { 4.0 };
                [rng.unit() as f32 * spread, rng.unit() as f32 * spread]
            })
            .collect();
        let masses: Vec<f32> = (0..400).map(|_| 1.0 + rng.below(10) as f32).collect();

        // Act
        let pushes = tree_pushes(&positions, &masses);

        // Assert: relative errors of a few per cent, as expected at this opening angle.
        let errors: Vec<f32> = (0..400)
            .map(|node| {
                let exact = (0..400)
                    .filter(|&other| other != node)
                    .fold([0.0; 2], |sum, other| {
                        let push = pair_repulsion(node, other, positions[node], positions[other]);
                        let mass = masses[other];
                        [sum[0] + mass * push[0], sum[1] + mass * push[1]]
                    });
                distance(pushes[node], exact) / exact[0].hypot(exact[1]).max(1.0)
            })
            .collect();
        let worst = errors.iter().copied().fold(0.0, f32::max);
        let average = mean(errors.iter().copied());
        assert!(
            worst < 0.1 && average < 0.02,
            "worst {worst}, average {average}"
        );
    }

    #[test]
    fn coinciding_nodes_do_not_break_the_tree() {
        // Arrange: the tree over 100 nodes at one point ends at the depth limit.
        let positions = vec![[3.0, -2.0]; 100];
        let mut tree = QuadTree::with_capacity(100);

        // Act
        tree.rebuild(&positions, &[1.0; 100]);
        let pushes = tree_pushes(&positions, &[1.0; 100]);

        // Assert
        assert!(tree.cells.len() <= 4 * MAX_DEPTH as usize + 1);
        assert!(pushes.iter().flatten().all(|c| c.is_finite()));
        assert!(pushes.iter().all(|&push| push != [0.0, 0.0]));
    }

    #[test]
    fn no_node_and_one_node_need_no_forces() {
        let cancel = AtomicBool::new(false);
        let none: Vec<[f32; 2]> = Vec::new();
        assert_eq!(force_layout(&[], &[], 1, &cancel).unwrap(), none);
        assert_eq!(force_layout(&[0], &[], 1, &cancel).unwrap(), none);
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
