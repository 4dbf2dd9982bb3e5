//! Every leaf's path from the root, as TreeSHAP needs it: the splits on the
//! way (node and side taken) and the distinct features they test, each with
//! its zero fraction (the product of `cover(child) / cover(node)` over the
//! splits on that feature). A feature tested twice on a path is one player
//! whose fractions multiply, which is what the unwinding in Lundberg et al.'s
//! algorithm (arXiv 1802.03888, Algorithm 2) does.
//!
//! The structure is checked once here, so the hot loops index without
//! failing: children come after their parent and inside the tree, features
//! and outputs are the model's.

use super::super::tree::{Ensemble, Tree};
use super::tree_shap_error::TreeShapError;

/// One split on a leaf's path.
#[derive(Debug, Clone, Copy)]
pub(super) struct Step {
    /// The split node.
    pub node: u32,
    /// Whether the path goes to its left child.
    pub left: bool,
    /// The feature's slot among the path's distinct features.
    pub slot: u32,
}

/// The path to one leaf.
#[derive(Debug, Clone)]
pub(super) struct LeafPath {
    /// The leaf's node.
    pub node: u32,
    /// The leaf's value.
    pub value: f64,
    /// The splits from the root down.
    pub steps: Vec<Step>,
    /// Distinct features, by slot (in order of first appearance).
    pub features: Vec<u32>,
    /// Zero fraction per slot.
    pub zero: Vec<f64>,
}

impl LeafPath {
    /// The share of training cover reaching the leaf (the product of every
    /// zero fraction): the leaf's weight in the expected value.
    pub fn reach(&self) -> f64 {
        self.zero.iter().product()
    }
}

fn tree_error(tree: usize, node: usize, what: impl Into<String>) -> TreeShapError {
    TreeShapError::Tree { tree, node, what: what.into() }
}

/// Checks that every tree can be walked: a node's children come after it
/// and inside the tree, split features and tree outputs are in range.
///
/// # Errors
/// [`TreeShapError::Tree`] naming the first faulty node.
pub(super) fn check_ensemble(model: &Ensemble) -> Result<(), TreeShapError> {
    let n_features = model.features.len();
    let n_outputs = model.base_margin.len();
    if model.tree_output.len() != model.trees.len() {
        return Err(tree_error(
            model.tree_output.len().min(model.trees.len()),
            0,
            format!("{} trees but {} tree outputs", model.trees.len(), model.tree_output.len()),
        ));
    }
    for (t, (tree, &output)) in model.trees.iter().zip(&model.tree_output).enumerate() {
        if output as usize >= n_outputs {
            return Err(tree_error(t, 0, format!("adds to output {output}, the model has {n_outputs}")));
        }
        if tree.nodes.is_empty() {
            return Err(tree_error(t, 0, "the tree has no nodes"));
        }
        for (i, node) in tree.nodes.iter().enumerate() {
            if node.is_leaf() {
                continue;
            }
            let n = tree.nodes.len();
            for child in [node.left, node.right] {
                if (child as usize) <= i || child as usize >= n {
                    return Err(tree_error(
                        t,
                        i,
                        format!("child {child} is not after the node inside the tree's {n} nodes"),
                    ));
                }
            }
            if node.feature as usize >= n_features {
                return Err(tree_error(
                    t,
                    i,
                    format!("splits on feature {}, the model has {n_features}", node.feature),
                ));
            }
        }
    }
    Ok(())
}

/// The paths to every leaf reachable from the root of tree `t` (checked by
/// [`check_ensemble`]), in node order.
///
/// # Errors
/// [`TreeShapError::Tree`] when a split on a path has no positive finite
/// cover to divide by.
pub(super) fn leaf_paths(t: usize, tree: &Tree) -> Result<Vec<LeafPath>, TreeShapError> {
    let nodes = &tree.nodes;
    // parent[i] = (parent, went left); children come after parents, so one pass.
    let mut parent: Vec<Option<(u32, bool)>> = vec![None; nodes.len()];
    let mut reachable = vec![false; nodes.len()];
    reachable[0] = true;
    for (i, node) in nodes.iter().enumerate() {
        if node.is_leaf() || !reachable[i] {
            continue;
        }
        // node counts fit u32 (children are u32)
        let me = i as u32;
        if !(node.cover.is_finite() && node.cover > 0.0) {
            return Err(tree_error(
                t,
                i,
                format!("cover {} on a split: path-dependent TreeSHAP needs positive training covers", node.cover),
            ));
        }
        parent[node.left as usize] = Some((me, true));
        parent[node.right as usize] = Some((me, false));
        reachable[node.left as usize] = true;
        reachable[node.right as usize] = true;
    }
    let mut paths = Vec::new();
    for (i, node) in nodes.iter().enumerate() {
        if !node.is_leaf() || !reachable[i] {
            continue;
        }
        let mut up = Vec::new();
        let mut at = i;
        while let Some((p, left)) = parent[at] {
            up.push((p, left, at));
            at = p as usize;
        }
        // node counts fit u32 (children are u32)
        let mut path = LeafPath {
            node: i as u32,
            value: node.value,
            steps: Vec::with_capacity(up.len()),
            features: Vec::new(),
            zero: Vec::new(),
        };
        for &(p, left, child) in up.iter().rev() {
            let split = &nodes[p as usize];
            let fraction = nodes[child].cover / split.cover;
            let slot = if let Some(s) = path.features.iter().position(|&f| f == split.feature) {
                path.zero[s] *= fraction;
                s
            } else {
                path.features.push(split.feature);
                path.zero.push(fraction);
                path.features.len() - 1
            };
            // slots are fewer than nodes
            path.steps.push(Step { node: p, left, slot: slot as u32 });
        }
        paths.push(path);
    }
    Ok(paths)
}
