//! Path-dependent TreeSHAP (shap's `feature_perturbation="tree_path_dependent"`,
//! XGBoost's `pred_contribs`): a feature outside the coalition follows both
//! children, weighted by training cover.
//!
//! Each leaf is a game on the distinct features of its path: with zero
//! fractions `z` (cover ratios) and one fractions `o` (1 when the row takes
//! the path's side at every split on that feature, else 0), the leaf adds
//! `v (o_i − z_i) Σ_{S ⊆ F∖i} w(|S|) Π_{S} o Π_{F∖S∖i} z` to feature `i`,
//! with `w(k) = k! (d−k−1)! / d!`. Only the set `T` of features with
//! `o = 1` varies with the row, so, as in Fast TreeSHAP v2 (Yang 2021,
//! arXiv 2109.09847), every leaf stores two tables over the subsets of its
//! `d` features: `v Π_{F∖T} z` and `G(T) = Σ_{S ⊆ T} w(|S|) Π_{T∖S} z`.
//! A feature outside `T` then gets `−v Π_{F∖T} z · G(T)`, one inside gets
//! `(1 − z_i) · v Π_{F∖T} z · G(T∖i)`: two lookups and `d` additions per
//! leaf and row, against `O(d²)` for Lundberg's extend/unwind. Leaves with
//! at most 8 features store these shares outright for every `T`. Which `T`
//! a row has at every leaf comes from one pass down the tree. Leaves with
//! more than [`TABLE_SLOTS`] distinct features (deep LightGBM trees) use the
//! path polynomial `Π (z_j + o_j t)` divided by each factor instead (the
//! unwinding), `O(d²)` per leaf and row.

use std::ops::Range;

use super::super::attributions::Attributions;
use super::super::matrix::FeatureMatrix;
use super::super::tree::Ensemble;
use super::paths::{check_ensemble, leaf_paths, Step};
use super::rows::start;
use super::tree_shap_error::TreeShapError;
use crate::progress::{Flow, Progress, ProgressUpdate};

/// Leaves with at most this many distinct features get subset tables
/// (2 × 2^10 values, 16 KiB, at most per leaf).
pub const TABLE_SLOTS: usize = 10;

/// Leaves with at most this many distinct features store every feature's
/// share for every subset outright (`d · 2^d` values, 16 KiB at most per
/// leaf): a row then costs `d` contiguous reads and additions per leaf.
const CONTRIBUTION_SLOTS: usize = 8;

/// Rows explained together, tree by tree: a tree's tables are fetched once
/// per block (1,024 rows, their values and the tables fit a 1 MiB L2 cache).
const BLOCK_ROWS: usize = 1024;

/// Where a leaf's pieces sit in the flat arrays.
#[derive(Debug, Clone, Copy)]
struct Leaf {
    node: u32,
    value: f64,
    steps: (u32, u32),
    slots: u32,
    d: u32,
    /// Start of the leaf's table (contributions or subsets by `d`), or
    /// `usize::MAX` for the polynomial.
    table: usize,
    /// The table holds contributions (`d` per subset), not `(v Π z, G)` pairs.
    contributions: bool,
}

/// A tree's leaves and output.
#[derive(Debug, Clone)]
struct Planned {
    output: usize,
    leaves: Vec<Leaf>,
    /// Per node: the bit of its feature's slot on every path through it (0
    /// for leaves, and for slots past 63, which only polynomial leaves have).
    slot_bit: Vec<u64>,
}

/// Path-dependent TreeSHAP prepared for one ensemble: every leaf's path and
/// tables, built once; rows are then explained in any ranges (one per worker).
#[derive(Debug, Clone)]
pub struct PathDependentShap<'a> {
    model: &'a Ensemble,
    trees: Vec<Planned>,
    steps: Vec<Step>,
    slot_feature: Vec<u32>,
    slot_zero: Vec<f64>,
    tables: Vec<f64>,
    expected_value: Vec<f64>,
    max_nodes: usize,
    max_slots: usize,
}

/// Shapley weights `w(k) = k! (d−k−1)! / d!` for `k < d`, into `w`.
fn shapley_weights(d: usize, w: &mut [f64]) {
    let mut x = 1.0 / d as f64;
    for (k, slot) in w.iter_mut().enumerate().take(d) {
        *slot = x;
        x *= (k + 1) as f64 / (d - k - 1).max(1) as f64;
    }
}

/// Appends one leaf's table: the interleaved `(v Π_{F∖T} z, G(T))` pairs
/// or, with `contributions`, every slot's share for every `T`.
fn push_table(value: f64, zero: &[f64], contributions: bool, tables: &mut Vec<f64>) {
    let d = zero.len();
    let size = 1usize << d;
    // prod[U] = Π_{j ∈ U} z_j; esp[U·(d+1) + k] = e_k(z_U).
    let mut prod = vec![1.0; size];
    let mut esp = vec![0.0; size * (d + 1)];
    esp[0] = 1.0;
    for u in 1..size {
        let low = u.trailing_zeros() as usize;
        let rest = u & (u - 1);
        prod[u] = prod[rest] * zero[low];
        let z = zero[low];
        for k in 0..=d {
            let carried = if k > 0 { esp[rest * (d + 1) + k - 1] * z } else { 0.0 };
            esp[u * (d + 1) + k] = esp[rest * (d + 1) + k] + carried;
        }
    }
    let mut w = vec![0.0; d];
    shapley_weights(d, &mut w);
    let g = |t: usize| {
        let n = t.count_ones() as usize;
        // G(T) = Σ_{k ≤ |T|} w(k) e_{|T|−k}(z_T); T = F (all satisfied) never needs it.
        if n < d {
            (0..=n).map(|k| w[k] * esp[t * (d + 1) + n - k]).sum()
        } else {
            0.0
        }
    };
    for t in 0..size {
        let p = value * prod[(size - 1) ^ t];
        if contributions {
            for (slot, z) in zero.iter().enumerate() {
                let bit = 1 << slot;
                tables.push(if t & bit == 0 { -p * g(t) } else { (1.0 - z) * p * g(t ^ bit) });
            }
        } else {
            tables.push(p);
            tables.push(g(t));
        }
    }
}

impl<'a> PathDependentShap<'a> {
    /// Plans TreeSHAP for `model`: paths, zero fractions and subset tables.
    ///
    /// # Errors
    /// [`TreeShapError::Tree`] when a tree cannot be walked or a split has
    /// no positive cover.
    pub fn new(model: &'a Ensemble) -> Result<Self, TreeShapError> {
        Self::with_table_slots(model, TABLE_SLOTS)
    }

    /// As [`Self::new`], with subset tables only for leaves with at most
    /// `table_slots` distinct features (0: the path polynomial everywhere,
    /// least memory, slowest).
    ///
    /// # Errors
    /// As [`Self::new`].
    pub fn with_table_slots(model: &'a Ensemble, table_slots: usize) -> Result<Self, TreeShapError> {
        check_ensemble(model)?;
        let table_slots = table_slots.min(TABLE_SLOTS);
        let mut plan = Self {
            model,
            trees: Vec::with_capacity(model.trees.len()),
            steps: Vec::new(),
            slot_feature: Vec::new(),
            slot_zero: Vec::new(),
            tables: Vec::new(),
            expected_value: model.base_margin.clone(),
            max_nodes: 0,
            max_slots: 0,
        };
        for (t, (tree, &output)) in model.trees.iter().zip(&model.tree_output).enumerate() {
            plan.max_nodes = plan.max_nodes.max(tree.nodes.len());
            let mut leaves = Vec::new();
            let mut slot_bit = vec![0u64; tree.nodes.len()];
            let mut expected = 0.0;
            for path in leaf_paths(t, tree)? {
                expected += path.value * path.reach();
                let d = path.features.len();
                plan.max_slots = plan.max_slots.max(d);
                let contributions = d <= table_slots.min(CONTRIBUTION_SLOTS);
                let table = if d <= table_slots {
                    let at = plan.tables.len();
                    push_table(path.value, &path.zero, contributions, &mut plan.tables);
                    at
                } else {
                    usize::MAX
                };
                // counts of steps and slots fit u32
                for step in &path.steps {
                    slot_bit[step.node as usize] = 1u64.checked_shl(step.slot).unwrap_or(0);
                }
                leaves.push(Leaf {
                    node: path.node,
                    value: path.value,
                    steps: (plan.steps.len() as u32, (plan.steps.len() + path.steps.len()) as u32),
                    slots: plan.slot_feature.len() as u32,
                    d: d as u32,
                    table,
                    contributions,
                });
                plan.steps.extend_from_slice(&path.steps);
                plan.slot_feature.extend_from_slice(&path.features);
                plan.slot_zero.extend_from_slice(&path.zero);
            }
            plan.expected_value[output as usize] += expected;
            plan.trees.push(Planned { output: output as usize, leaves, slot_bit });
        }
        Ok(plan)
    }

    /// The expected margin per output: the base margin plus each tree's
    /// cover-weighted mean leaf value (XGBoost's bias column, shap's
    /// `expected_value`).
    #[must_use]
    pub fn expected_value(&self) -> &[f64] {
        &self.expected_value
    }

    /// Explains rows `rows` of `x` (the result's row 0 is `rows.start`), so
    /// workers can share a matrix. `progress` hears after every block of
    /// rows and may cancel.
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
        let mut scratch = Scratch::new(self.max_nodes, self.max_slots);
        let mut done = 0;
        for block in out.values.chunks_mut(BLOCK_ROWS * per_row) {
            let block_rows = block.len() / per_row;
            for (planned, tree) in self.trees.iter().zip(&self.model.trees) {
                for r in 0..block_rows {
                    let row = x.row(rows.start + done + r);
                    scratch.walk(&tree.nodes, &planned.slot_bit, row);
                    let phi = &mut block[(r * n_out + planned.output) * m..][..m];
                    for leaf in &planned.leaves {
                        self.add_leaf(leaf, &mut scratch, phi);
                    }
                }
            }
            done += block_rows;
            let update = ProgressUpdate { bytes_done: 0, bytes_total: None, rows_done: done as u64 };
            if progress.update(update) == Flow::Stop {
                return Err(TreeShapError::Cancelled { rows_done: done });
            }
        }
        Ok(out)
    }

    /// Adds one leaf's share to `phi`, given the row's split directions.
    #[inline]
    fn add_leaf(&self, leaf: &Leaf, scratch: &mut Scratch, phi: &mut [f64]) {
        let steps = &self.steps[leaf.steps.0 as usize..leaf.steps.1 as usize];
        let d = leaf.d as usize;
        let slots = leaf.slots as usize..leaf.slots as usize + d;
        let features = &self.slot_feature[slots.clone()];
        let zero = &self.slot_zero[slots];
        if leaf.table == usize::MAX {
            return self.add_leaf_polynomial(leaf.value, steps, features, zero, scratch, phi);
        }
        // d ≤ TABLE_SLOTS bits
        let set = (scratch.sets[leaf.node as usize] & ((1u64 << d) - 1)) as usize;
        if leaf.contributions {
            let shares = &self.tables[leaf.table + set * d..][..d];
            for (&f, share) in features.iter().zip(shares) {
                phi[f as usize] += share;
            }
            return;
        }
        let table = &self.tables[leaf.table..leaf.table + (2usize << d)];
        let p = table[2 * set];
        let outside = p * table[2 * set + 1];
        for (slot, (&f, &z)) in features.iter().zip(zero).enumerate() {
            let inside = (1.0 - z) * p * table[2 * (set ^ (1 << slot)) + 1];
            phi[f as usize] += if set >> slot & 1 == 1 { inside } else { -outside };
        }
    }

    /// The same share through the path polynomial, for leaves too deep for tables.
    fn add_leaf_polynomial(
        &self,
        value: f64,
        steps: &[Step],
        features: &[u32],
        zero: &[f64],
        scratch: &mut Scratch,
        phi: &mut [f64],
    ) {
        let d = features.len();
        let Scratch { dirs, one, poly, quotient, weights, .. } = scratch;
        one[..d].fill(1.0);
        for s in steps {
            if dirs[s.node as usize] != s.left {
                one[s.slot as usize] = 0.0;
            }
        }
        // poly = Π_j (z_j + o_j t), coefficients by power of t.
        poly[..=d].fill(0.0);
        poly[0] = 1.0;
        for (j, (&z, &o)) in zero.iter().zip(&one[..d]).enumerate() {
            for k in (0..=j + 1).rev() {
                let lower = if k > 0 { poly[k - 1] * o } else { 0.0 };
                poly[k] = poly[k] * z + lower;
            }
        }
        shapley_weights(d, weights);
        for (slot, (&f, &z)) in features.iter().zip(zero).enumerate() {
            let o = one[slot];
            if o == 0.0 && z == 0.0 {
                continue;
            }
            // quotient = poly / (z + o t): the unwinding of this feature.
            if o == 1.0 {
                quotient[d - 1] = poly[d];
                for k in (1..d).rev() {
                    quotient[k - 1] = poly[k] - z * quotient[k];
                }
            } else {
                for k in 0..d {
                    quotient[k] = poly[k] / z;
                }
            }
            let total: f64 = quotient[..d].iter().zip(&weights[..d]).map(|(q, w)| q * w).sum();
            phi[f as usize] += value * (o - z) * total;
        }
    }
}

/// Per-call buffers, so no row allocates.
struct Scratch {
    dirs: Vec<bool>,
    /// Per node: bit `s` is set when the row agrees with every split on
    /// slot `s`'s feature from the root down to the node.
    sets: Vec<u64>,
    one: Vec<f64>,
    poly: Vec<f64>,
    quotient: Vec<f64>,
    weights: Vec<f64>,
}

impl Scratch {
    /// One pass down the tree in node order (children follow parents): each
    /// split's direction for `row`, and the agreeing slots at every node.
    #[inline]
    fn walk(&mut self, nodes: &[super::super::tree::Node], slot_bit: &[u64], row: &[f64]) {
        self.sets[0] = u64::MAX;
        for (i, (node, &bit)) in nodes.iter().zip(slot_bit).enumerate() {
            if node.is_leaf() {
                continue;
            }
            let left = node.goes_left(row[node.feature as usize]);
            self.dirs[i] = left;
            let set = self.sets[i];
            self.sets[node.left as usize] = set & !(bit * u64::from(!left));
            self.sets[node.right as usize] = set & !(bit * u64::from(left));
        }
    }

    fn new(max_nodes: usize, max_slots: usize) -> Self {
        Self {
            dirs: vec![false; max_nodes],
            sets: vec![0; max_nodes],
            one: vec![0.0; max_slots],
            poly: vec![0.0; max_slots + 1],
            quotient: vec![0.0; max_slots],
            weights: vec![0.0; max_slots],
        }
    }
}
