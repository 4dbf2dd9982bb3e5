//! Interventional TreeSHAP (shap's `feature_perturbation="interventional"`,
//! `model_output="raw"`): a feature outside the coalition takes a background
//! row's value, and the values are averaged over the background.
//!
//! For one row `x` and one background row `z`, a tree is a game on the
//! features where `x` and `z` part ways at a split. Walking the tree, each
//! such split sends the walk both ways: to `x`'s side (the feature joins set
//! `A`) and to `z`'s (set `B`); a feature met again follows the side already
//! chosen. A leaf reached with `A`, `B` is worth `v` exactly on the
//! coalitions containing `A` and missing `B`, so it adds
//! `v (|A|−1)! |B|! / (|A|+|B|)!` to each feature of `A` and
//! `−v |A|! (|B|−1)! / (|A|+|B|)!` to each of `B` (shap's `tree_shap_indep`).
//! Cost: `O(T · L · |background|)` per row, allocation-free per pair; the
//! background's split directions are computed once.

use std::ops::Range;

use super::super::attributions::Attributions;
use super::super::matrix::FeatureMatrix;
use super::super::model::Model;
use super::super::shap_error::{check_features, ShapError};
use super::super::tree::Ensemble;
use super::paths::check_ensemble;
use super::rows::start;
use super::tree_shap_error::TreeShapError;
use crate::progress::{Flow, Progress, ProgressUpdate};

/// Rows between progress reports.
const BLOCK_ROWS: usize = 16;

/// One step of the walk.
#[derive(Debug, Clone, Copy)]
enum Frame {
    /// Visit `node` with `a` features on `x`'s side and `b` on `z`'s.
    Visit { node: u32, a: u32, b: u32 },
    /// Decide `feature`'s side, then visit `node`.
    Decide { node: u32, a: u32, b: u32, feature: u32, x_side: bool },
    /// Forget the latest decision.
    Undo,
}

/// Interventional TreeSHAP prepared for one ensemble and one background.
#[derive(Debug, Clone)]
pub struct InterventionalShap<'a> {
    model: &'a Ensemble,
    n_background: usize,
    /// Per tree: first word of its background direction bits, words per row.
    tree_words: Vec<(usize, usize)>,
    /// Bit `node` of background row `j` in tree `t`: the row goes left.
    background_left: Vec<u64>,
    /// `weights[a · width + b] = (a−1)! b! / (a+b)!` for `a ≥ 1`.
    weights: Vec<f64>,
    width: usize,
    expected_value: Vec<f64>,
    max_nodes: usize,
}

impl<'a> InterventionalShap<'a> {
    /// Prepares `model` against `background` (shap's `data`; the docs
    /// suggest 100 to 1,000 rows).
    ///
    /// # Errors
    /// [`TreeShapError::Input`] when the background has other features or
    /// no rows; [`TreeShapError::Tree`] when a tree cannot be walked.
    pub fn new(model: &'a Ensemble, background: &FeatureMatrix) -> Result<Self, TreeShapError> {
        check_ensemble(model)?;
        check_features("background", &background.features, &model.features)?;
        if background.n_rows == 0 {
            return Err(ShapError::EmptyBaseline.into());
        }
        let mut tree_words = Vec::with_capacity(model.trees.len());
        let mut background_left = Vec::new();
        let mut max_depth = 0;
        let mut max_nodes = 0;
        for tree in &model.trees {
            max_depth = max_depth.max(tree.depth());
            max_nodes = max_nodes.max(tree.nodes.len());
            let words = tree.nodes.len().div_ceil(64);
            tree_words.push((background_left.len(), words));
            for j in 0..background.n_rows {
                let row = background.row(j);
                let start = background_left.len();
                background_left.resize(start + words, 0);
                for (i, node) in tree.nodes.iter().enumerate() {
                    if !node.is_leaf() && node.goes_left(row[node.feature as usize]) {
                        background_left[start + i / 64] |= 1 << (i % 64);
                    }
                }
            }
        }
        let width = max_depth + 1;
        let mut weights = vec![0.0; width * width];
        for a in 1..width {
            weights[a * width] = 1.0 / a as f64;
            for b in 1..width - a {
                weights[a * width + b] = weights[a * width + b - 1] * b as f64 / (a + b) as f64;
            }
        }
        let margins = model.margins(background);
        let n_out = model.n_outputs();
        let mut expected_value = vec![0.0; n_out];
        for row in margins.chunks_exact(n_out.max(1)) {
            for (e, m) in expected_value.iter_mut().zip(row) {
                *e += m;
            }
        }
        expected_value.iter_mut().for_each(|e| *e /= background.n_rows as f64);
        Ok(Self {
            model,
            n_background: background.n_rows,
            tree_words,
            background_left,
            weights,
            width,
            expected_value,
            max_nodes,
        })
    }

    /// The expected margin per output: the mean margin over the background.
    #[must_use]
    pub fn expected_value(&self) -> &[f64] {
        &self.expected_value
    }

    /// Explains rows `rows` of `x` (the result's row 0 is `rows.start`);
    /// `progress` hears every few rows and may cancel.
    ///
    /// # Errors
    /// [`TreeShapError::Input`] when `x` does not have the model's features,
    /// [`TreeShapError::Rows`] for a range beyond `x`,
    /// [`TreeShapError::Cancelled`] when `progress` stops.
    pub fn explain_rows(
        &self,
        x: &FeatureMatrix,
        rows: Range<usize>,
        progress: &mut dyn Progress,
    ) -> Result<Attributions, TreeShapError> {
        let mut out = start(&self.model.features, &self.expected_value, x, &rows)?;
        let (n_out, m) = (out.n_outputs, out.features.len());
        let per_row = n_out * m;
        if per_row == 0 {
            return Ok(out);
        }
        let mut walk = Walk {
            x_left: vec![false; self.max_nodes],
            side: vec![0; m],
            decided: Vec::with_capacity(self.width),
            stack: Vec::with_capacity(3 * self.width + 3),
        };
        let scale = 1.0 / self.n_background as f64;
        for (r, phi_row) in out.values.chunks_exact_mut(per_row).enumerate() {
            let row = x.row(rows.start + r);
            for (t, (tree, &output)) in self.model.trees.iter().zip(&self.model.tree_output).enumerate() {
                for (left, node) in walk.x_left.iter_mut().zip(&tree.nodes) {
                    *left = !node.is_leaf() && node.goes_left(row[node.feature as usize]);
                }
                let phi = &mut phi_row[output as usize * m..][..m];
                let (start, words) = self.tree_words[t];
                for j in 0..self.n_background {
                    let z_left = &self.background_left[start + j * words..][..words];
                    self.walk_pair(&tree.nodes, z_left, &mut walk, phi);
                }
            }
            phi_row.iter_mut().for_each(|v| *v *= scale);
            if (r + 1) % BLOCK_ROWS == 0 || r + 1 == rows.len() {
                let update = ProgressUpdate { bytes_done: 0, bytes_total: None, rows_done: (r + 1) as u64 };
                if progress.update(update) == Flow::Stop {
                    return Err(TreeShapError::Cancelled { rows_done: r + 1 });
                }
            }
        }
        Ok(out)
    }

    /// Adds one (row, background row) pair's values for one tree to `phi`.
    fn walk_pair(&self, nodes: &[super::super::tree::Node], z_left: &[u64], walk: &mut Walk, phi: &mut [f64]) {
        let Walk { x_left, side, decided, stack } = walk;
        stack.push(Frame::Visit { node: 0, a: 0, b: 0 });
        while let Some(frame) = stack.pop() {
            let (node, a, b) = match frame {
                Frame::Visit { node, a, b } => (node, a, b),
                Frame::Decide { node, a, b, feature, x_side } => {
                    side[feature as usize] = if x_side { 1 } else { 2 };
                    decided.push((feature, x_side));
                    stack.push(Frame::Undo);
                    (node, a, b)
                }
                Frame::Undo => {
                    if let Some((feature, _)) = decided.pop() {
                        side[feature as usize] = 0;
                    }
                    continue;
                }
            };
            let n = &nodes[node as usize];
            if n.is_leaf() {
                let (a, b) = (a as usize, b as usize);
                if a + b > 0 {
                    let to_a = if a > 0 { n.value * self.weights[a * self.width + b] } else { 0.0 };
                    let to_b = if b > 0 { n.value * self.weights[b * self.width + a] } else { 0.0 };
                    for &(f, x_side) in decided.iter() {
                        phi[f as usize] += if x_side { to_a } else { -to_b };
                    }
                }
                continue;
            }
            let i = node as usize;
            let xl = x_left[i];
            let zl = z_left[i / 64] >> (i % 64) & 1 == 1;
            let child = |left: bool| if left { n.left } else { n.right };
            if xl == zl {
                stack.push(Frame::Visit { node: child(xl), a, b });
                continue;
            }
            match side[n.feature as usize] {
                1 => stack.push(Frame::Visit { node: child(xl), a, b }),
                2 => stack.push(Frame::Visit { node: child(zl), a, b }),
                _ => {
                    stack.push(Frame::Decide { node: child(zl), a, b: b + 1, feature: n.feature, x_side: false });
                    stack.push(Frame::Decide { node: child(xl), a: a + 1, b, feature: n.feature, x_side: true });
                }
            }
        }
    }
}

/// Per-call buffers of the walk.
struct Walk {
    x_left: Vec<bool>,
    /// Per feature: 0 undecided, 1 on `x`'s side, 2 on the background's.
    side: Vec<u8>,
    decided: Vec<(u32, bool)>,
    stack: Vec<Frame>,
}
