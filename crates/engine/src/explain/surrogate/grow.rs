//! Growing one tree depth-wise: every node of a level is split on its best
//! histogram split until `max_depth`; the larger child's histogram is the
//! parent's minus the smaller child's, so each level sums only about half
//! the rows. Nodes come out in the shared [`Tree`] format, with
//! `x <= edge` tests, the learned side for missing values, and covers that
//! are the hessian sums (row counts for squared error).

use std::ops::Range;

use super::super::tree::{Missing, Node, Test, Tree};
use super::binning::{Binned, NAN_BIN};
use super::histogram::{GradPair, Histogram, Split, SplitRules};

/// How one tree grows.
#[derive(Debug, Clone, Copy)]
pub(super) struct TreeParams {
    pub max_depth: usize,
    pub learning_rate: f64,
    pub rules: SplitRules,
}

/// A grown tree and, per leaf, its value and the rows (a range of the
/// reordered row list) that reached it.
#[derive(Debug, Clone)]
pub(super) struct Grown {
    pub tree: Tree,
    pub leaves: Vec<(f64, Range<usize>)>,
}

/// A node still to split or close.
struct Open {
    node: usize,
    rows: Range<usize>,
    depth: usize,
    total: GradPair,
    hist: Histogram,
}

/// Grows a tree on the rows `rows` (indices into `binned`), which it
/// reorders so that each leaf's rows are contiguous; `grads` has one pair
/// per binned row.
pub(super) fn grow(binned: &Binned, grads: &[GradPair], rows: &mut [u32], params: &TreeParams) -> Grown {
    let mut gathered = Vec::with_capacity(rows.len());
    let mut nodes = vec![Node::leaf(0.0, 0.0)];
    let mut leaves = Vec::new();
    let root_hist = build(binned, grads, rows, &mut gathered);
    let mut total = GradPair::default();
    gathered.iter().for_each(|&g| total += g);
    let mut level = vec![Open { node: 0, rows: 0..rows.len(), depth: 0, total, hist: root_hist }];
    while !level.is_empty() {
        let mut next = Vec::with_capacity(level.len() * 2);
        for open in level {
            let split = if open.depth < params.max_depth {
                open.hist.best_split(binned, open.total, &params.rules)
            } else {
                None
            };
            let Some(split) = split else {
                let value = params.learning_rate * params.rules.weight(open.total);
                nodes[open.node] = Node::leaf(value, open.total.h);
                leaves.push((value, open.rows));
                continue;
            };
            let mid = partition(binned, &split, &mut rows[open.rows.clone()]) + open.rows.start;
            let (left_id, right_id) = (nodes.len(), nodes.len() + 1);
            nodes.push(Node::leaf(0.0, 0.0));
            nodes.push(Node::leaf(0.0, 0.0));
            nodes[open.node] = split_node(binned, &split, params, open.total, left_id, right_id);
            let left_rows = open.rows.start..mid;
            let right_rows = mid..open.rows.end;
            // Sum the smaller child; the larger is the parent minus it.
            let left_smaller = left_rows.len() <= right_rows.len();
            let small_rows = if left_smaller { left_rows.clone() } else { right_rows.clone() };
            let small = build(binned, grads, &rows[small_rows], &mut gathered);
            let mut large = open.hist;
            large.subtract(&small);
            let (left_hist, right_hist) = if left_smaller { (small, large) } else { (large, small) };
            let depth = open.depth + 1;
            next.push(Open { node: left_id, rows: left_rows, depth, total: split.left, hist: left_hist });
            next.push(Open { node: right_id, rows: right_rows, depth, total: split.right, hist: right_hist });
        }
        level = next;
    }
    Grown { tree: Tree { nodes }, leaves }
}

/// The histogram of `rows`, gathering their gradients contiguously first.
fn build(binned: &Binned, grads: &[GradPair], rows: &[u32], gathered: &mut Vec<GradPair>) -> Histogram {
    gathered.clear();
    gathered.extend(rows.iter().map(|&r| grads[r as usize]));
    Histogram::build(binned, rows, gathered)
}

/// The split as a tree node: present values go left when `x <= edge`.
fn split_node(binned: &Binned, split: &Split, params: &TreeParams, total: GradPair, left: usize, right: usize) -> Node {
    // node counts stay far below u32::MAX
    let (left, right, feature) = (left as u32, right as u32, split.feature as u32);
    Node {
        left,
        right,
        feature,
        test: Test::LessEqual(binned.edges[split.feature][usize::from(split.bin)]),
        missing: Missing::Nan { default_left: split.nan_left },
        value: params.learning_rate * params.rules.weight(total),
        cover: total.h,
    }
}

/// Moves the rows going left to the front; returns how many they are.
fn partition(binned: &Binned, split: &Split, rows: &mut [u32]) -> usize {
    let column = binned.column(split.feature);
    let goes_left = |r: u32| match column[r as usize] {
        NAN_BIN => split.nan_left,
        b => b <= split.bin,
    };
    let mut mid = 0;
    for i in 0..rows.len() {
        if goes_left(rows[i]) {
            rows.swap(mid, i);
            mid += 1;
        }
    }
    mid
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explain::FeatureMatrix;

    #[test]
    fn a_tree_reproduces_its_training_partition() {
        // y = x0 > 2, with x1 pure noise and a missing x0 that behaves like a high value.
        let x0 = [1.0, 2.0, 3.0, 4.0, f64::NAN, 1.5];
        let x1 = [0.3, 0.1, 0.2, 0.6, 0.5, 0.4];
        let values = x0.iter().zip(&x1).flat_map(|(a, b)| [*a, *b]).collect();
        let x = FeatureMatrix { features: vec!["x0".into(), "x1".into()], n_rows: 6, values };
        let binned = Binned::new(&x, &[0, 1, 2, 3, 4, 5], 255);
        let g: Vec<GradPair> = [1.0, 1.0, -1.0, -1.0, -1.0, 1.0].iter().map(|&g| GradPair { g, h: 1.0 }).collect();
        let mut rows = [0, 1, 2, 3, 4, 5];
        let rules = SplitRules { lambda: 0.0, min_child_weight: 1.0, min_split_gain: 0.0 };
        let params = TreeParams { max_depth: 3, learning_rate: 0.5, rules };
        let grown = grow(&binned, &g, &mut rows, &params);
        let tree = &grown.tree;
        assert_eq!(tree.depth(), 1);
        assert_eq!(tree.nodes[0].test, Test::LessEqual(2.5));
        assert_eq!(tree.nodes[0].missing, Missing::Nan { default_left: false });
        assert_eq!((tree.nodes[0].cover, tree.nodes[1].cover, tree.nodes[2].cover), (6.0, 3.0, 3.0));
        assert_eq!((tree.nodes[1].value, tree.nodes[2].value), (-0.5, 0.5));
        // Every leaf's rows reach that leaf through the raw values.
        for (value, range) in &grown.leaves {
            for &r in &rows[range.clone()] {
                assert_eq!(tree.value_of(x.row(r as usize)), *value);
            }
        }
    }
}
