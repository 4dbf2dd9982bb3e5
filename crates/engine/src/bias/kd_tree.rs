//! A k-d tree for Euclidean k-nearest-neighbour queries, built and searched
//! the way scikit-learn 1.9's `KDTree` (leaf_size 30) does, so that rows at
//! equal distances become neighbours exactly as there.
//!
//! Layout: the tree is complete and implicit (node i has children 2i+1 and
//! 2i+2) with ⌊log₂(max(1, (n−1)/30))⌋ + 1 levels, so leaves hold 30 to 60
//! rows. Each node splits its rows at the median (`n/2`) of the feature with
//! the largest spread (the first such feature on equal spreads), ordering
//! rows by value and then by row index, with [`nth_element`]'s arrangement.
//! Every node keeps the bounding box of its rows. Building costs O(n log n).
//!
//! Search: depth first from the root, entering the child whose box is
//! closer first (the left one on equal distances) and skipping a node whose
//! box is farther than the current k-th neighbour; a leaf offers its rows in
//! tree order to a [`NeighbourHeap`]. Distances are squared and summed over
//! features in column order, as scikit-learn sums them.

use super::neighbour_heap::NeighbourHeap;
use super::nth_element::nth_element;

/// scikit-learn's default `leaf_size`, which fixes the tree's shape.
const LEAF_SIZE: usize = 30;

/// Leaf rows whose distances are computed together (leaves hold at most 60).
const BLOCK: usize = 64;

/// Features summed between two checks for a block that is already too far.
const EARLY_EXIT_EVERY: usize = 4;

/// A k-d tree over the rows of a row-major matrix.
#[derive(Clone, Debug)]
pub(crate) struct KdTree {
    n_features: usize,
    /// The rows in tree order, each leaf one block stored column by column,
    /// so a leaf's distances are computed a feature at a time (vectorised).
    points: Vec<f64>,
    /// The original index of each row in tree order.
    rows: Vec<usize>,
    /// Each node's range in tree order, `start..end`.
    ranges: Vec<(usize, usize)>,
    /// Each node's box: `n_features` lower bounds, then as many upper bounds.
    bounds: Vec<f64>,
}

impl KdTree {
    /// Builds the tree over `data`, `n_features` values per row. Values must
    /// be finite (the caller rejects NaN and ±∞ first).
    pub(crate) fn new(data: &[f64], n_features: usize) -> Self {
        let n = data.len().checked_div(n_features).unwrap_or(0);
        let levels = (n.saturating_sub(1) / LEAF_SIZE).max(1).ilog2() + 1;
        let n_nodes = (1usize << levels) - 1;
        let mut order: Vec<usize> = (0..n).collect();
        let mut ranges = vec![(0, 0); n_nodes];
        let mut bounds = vec![0.0; 2 * n_features * n_nodes];
        if let Some(root) = ranges.first_mut() {
            *root = (0, n);
        }
        for node in 0..n_nodes {
            let (start, end) = ranges[node];
            let lower_upper = &mut bounds[2 * n_features * node..2 * n_features * (node + 1)];
            let split = fill_bounds(data, n_features, &order[start..end], lower_upper);
            if !splits(node, n_nodes, end - start) {
                continue;
            }
            let mid = (end - start) / 2;
            let value = |row: usize| data[row * n_features + split];
            let less = |a: usize, b: usize| {
                let (va, vb) = (value(a), value(b));
                if va == vb {
                    a < b
                } else {
                    va < vb
                }
            };
            nth_element(&mut order[start..end], mid, &less);
            ranges[2 * node + 1] = (start, start + mid);
            ranges[2 * node + 2] = (start + mid, end);
        }
        let mut points = Vec::with_capacity(n * n_features);
        for (node, &(start, end)) in ranges.iter().enumerate() {
            if !splits(node, n_nodes, end - start) {
                for j in 0..n_features {
                    points.extend(order[start..end].iter().map(|&row| data[row * n_features + j]));
                }
            }
        }
        Self { n_features, points, rows: order, ranges, bounds }
    }

    /// Fills `heap` (cleared first) with the nearest rows to `point`.
    pub(crate) fn query(&self, point: &[f64], heap: &mut NeighbourHeap) {
        heap.clear();
        if self.ranges.is_empty() || point.len() != self.n_features {
            return;
        }
        self.search(0, self.box_distance(0, point), point, heap);
    }

    fn search(&self, node: usize, box_distance: f64, point: &[f64], heap: &mut NeighbourHeap) {
        if box_distance > heap.largest() {
            return;
        }
        if self.is_leaf(node) {
            let (start, end) = self.ranges[node];
            let mut distances = [0.0; BLOCK];
            for block in (start..end).step_by(BLOCK) {
                let len = self.leaf_distances(start, end, block, point, heap.largest(), &mut distances);
                for (i, &distance) in distances[..len].iter().enumerate() {
                    heap.push(distance, self.rows[block + i]);
                }
            }
            return;
        }
        let (left, right) = (2 * node + 1, 2 * node + 2);
        let (to_left, to_right) = (self.box_distance(left, point), self.box_distance(right, point));
        if to_left <= to_right {
            self.search(left, to_left, point, heap);
            self.search(right, to_right, point, heap);
        } else {
            self.search(right, to_right, point, heap);
            self.search(left, to_left, point, heap);
        }
    }

    /// Squared distances from `point` to the rows `block..` (at most
    /// [`BLOCK`]) of the leaf `start..end`, written to `out`; returns how
    /// many. Each is summed over the features in order, as scikit-learn sums.
    /// Once every partial sum exceeds `cutoff` the rest is skipped: the rows
    /// are all refused by the heap whatever their full distance.
    fn leaf_distances(
        &self,
        start: usize,
        end: usize,
        block: usize,
        point: &[f64],
        cutoff: f64,
        out: &mut [f64; BLOCK],
    ) -> usize {
        let len = end.saturating_sub(block).min(BLOCK);
        if len == 0 {
            return 0;
        }
        let out = &mut out[..len];
        out.fill(0.0);
        let leaf = &self.points[start * self.n_features..end * self.n_features];
        for (j, (column, &p)) in leaf.chunks_exact(end - start).zip(point).enumerate() {
            for (sum, &x) in out.iter_mut().zip(&column[block - start..]) {
                let d = p - x;
                *sum += d * d;
            }
            if j % EARLY_EXIT_EVERY == EARLY_EXIT_EVERY - 1 && out.iter().all(|&sum| sum > cutoff) {
                break;
            }
        }
        len
    }

    fn is_leaf(&self, node: usize) -> bool {
        let (start, end) = self.ranges[node];
        !splits(node, self.ranges.len(), end - start)
    }

    /// Squared distance from `point` to the node's box (0 inside it).
    fn box_distance(&self, node: usize, point: &[f64]) -> f64 {
        let bounds = &self.bounds[2 * self.n_features * node..2 * self.n_features * (node + 1)];
        let (lower, upper) = bounds.split_at(self.n_features);
        let mut sum = 0.0;
        for ((&p, &lo), &hi) in point.iter().zip(lower).zip(upper) {
            // Comparisons rather than `f64::max`, which is slow on wasm.
            let gap = if p < lo {
                lo - p
            } else if p > hi {
                p - hi
            } else {
                0.0
            };
            sum += gap * gap;
        }
        sum
    }
}

/// Whether `node` has children: it is above the last level and holds two
/// rows or more.
fn splits(node: usize, n_nodes: usize, n_rows: usize) -> bool {
    2 * node + 1 < n_nodes && n_rows >= 2
}

/// Writes the box of `rows` into `lower_upper` and returns the feature with
/// the largest spread (the first one on ties, feature 0 if all are flat).
fn fill_bounds(data: &[f64], n_features: usize, rows: &[usize], lower_upper: &mut [f64]) -> usize {
    let (lower, upper) = lower_upper.split_at_mut(n_features);
    let (mut widest, mut widest_spread) = (0, 0.0);
    for j in 0..n_features {
        let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
        for &row in rows {
            let v = data[row * n_features + j];
            if v < lo {
                lo = v;
            }
            if v > hi {
                hi = v;
            }
        }
        lower[j] = lo;
        upper[j] = hi;
        if hi - lo > widest_spread {
            widest_spread = hi - lo;
            widest = j;
        }
    }
    widest
}

#[cfg(test)]
mod tests {
    use super::{KdTree, NeighbourHeap};

    #[test]
    fn finds_the_same_neighbours_as_a_full_scan() {
        // A deterministic scatter of 500 rows in 3 dimensions.
        let mut state = 7u64;
        let mut next = || {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (state >> 11) as f64 / (1u64 << 53) as f64
        };
        let data: Vec<f64> = (0..1500).map(|_| next()).collect();
        let tree = KdTree::new(&data, 3);
        let mut heap = NeighbourHeap::new(5);
        for q in 0..50 {
            let point = [next(), next(), next()];
            tree.query(&point, &mut heap);
            let mut got = heap.rows().to_vec();
            got.sort_unstable();
            let distance = |r: usize| (0..3).map(|j| (data[r * 3 + j] - point[j]).powi(2)).sum::<f64>();
            let mut all: Vec<usize> = (0..500).collect();
            all.sort_by(|&a, &b| distance(a).total_cmp(&distance(b)));
            let mut expected = all[..5].to_vec();
            expected.sort_unstable();
            assert_eq!(got, expected, "query {q}");
        }
    }
}
