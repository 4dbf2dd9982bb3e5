//! Checks a model read from a file before anything walks it: children inside
//! the tree, no node reached twice and none leading back to the root (so the
//! nodes reached from the root form a tree and no walk can loop), features
//! inside the model, a depth TreeSHAP can hold, and feature and output counts
//! no larger than a table or the trees can use. A file is user data; a bad
//! one must be an error, not a hang, a panic or an out-of-memory abort.

use super::model_error::ModelError;
use super::tree::{Tree, LEAF};

/// The deepest tree read. TreeSHAP keeps a path as deep as the tree for
/// every node on it, so memory grows with the square of the depth: a
/// 100,000-level chain asked for 7.6 GB (80 GB interventionally). Boosted
/// trees are 6 (XGBoost) to a few dozen levels deep.
pub const MAX_TREE_DEPTH: usize = 1024;

/// The most features a model may declare: the most columns a table holds.
pub const MAX_MODEL_FEATURES: usize = crate::io::MAX_COLUMNS;

/// Refuses a feature count no table could feed (names are made for each).
pub(crate) fn check_feature_count(n_features: usize, field: &str) -> Result<(), ModelError> {
    if n_features > MAX_MODEL_FEATURES {
        return Err(ModelError::Invalid(format!(
            "{field} declares {n_features} features; Tideline reads models of at most {MAX_MODEL_FEATURES} (as many \
             as a table's columns)"
        )));
    }
    Ok(())
}

/// Refuses more outputs (classes) than trees to compute them
/// (a `num_class` of 10^9 asked for gigabytes of base margins).
pub(crate) fn check_output_count(n_outputs: usize, n_trees: usize, field: &str) -> Result<(), ModelError> {
    if n_outputs > n_trees.max(1) {
        return Err(ModelError::Invalid(format!(
            "{field} is {n_outputs} but the model holds {n_trees} trees: each class needs at least one tree"
        )));
    }
    Ok(())
}

/// Checks tree `index` of a model with `n_features` features.
pub(crate) fn check_tree(tree: &Tree, index: usize, n_features: usize) -> Result<(), ModelError> {
    let bad = |node: usize, message: String| ModelError::Inconsistent { tree: index, node, message };
    let n = tree.nodes.len();
    if n == 0 {
        return Err(bad(0, "the tree has no nodes".into()));
    }
    let mut parent = vec![None::<usize>; n];
    for (i, node) in tree.nodes.iter().enumerate() {
        if node.is_leaf() {
            if node.right != LEAF {
                return Err(bad(i, "a node with one child".into()));
            }
            continue;
        }
        if node.feature as usize >= n_features {
            return Err(bad(i, format!("splits on feature {} but the model has {n_features}", node.feature)));
        }
        for child in [node.left, node.right] {
            let c = child as usize;
            if child == LEAF || c >= n {
                return Err(bad(i, format!("child {} is outside the tree's {n} nodes", child as i64)));
            }
            if c == 0 || parent[c].is_some() {
                return Err(bad(i, format!("node {c} is reached twice (the tree has a cycle)")));
            }
            parent[c] = Some(i);
        }
    }
    // Nodes no split leads to are left alone: XGBoost keeps pruned (deleted)
    // leaves in its arrays, and no walk from the root reaches them.
    check_depth(tree, index)
}

/// Refuses a tree deeper than [`MAX_TREE_DEPTH`] (a walk from the root; the
/// checks above make it finite).
fn check_depth(tree: &Tree, index: usize) -> Result<(), ModelError> {
    let mut stack = vec![(0_usize, 0_usize)];
    while let Some((i, depth)) = stack.pop() {
        let Some(node) = tree.nodes.get(i) else { continue };
        if node.is_leaf() {
            continue;
        }
        if depth >= MAX_TREE_DEPTH {
            return Err(ModelError::Inconsistent {
                tree: index,
                node: i,
                message: format!(
                    "the tree is more than {MAX_TREE_DEPTH} levels deep here; Tideline reads trees up to \
                     {MAX_TREE_DEPTH} levels (TreeSHAP's memory grows with the square of the depth)"
                ),
            });
        }
        stack.push((node.left as usize, depth + 1));
        stack.push((node.right as usize, depth + 1));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explain::tree::{Missing, Node, Test};

    fn split(left: u32, right: u32) -> Node {
        Node { left, right, feature: 0, test: Test::Less(0.5), missing: Missing::AsZero, value: 0.0, cover: 1.0 }
    }

    #[test]
    fn cycles_and_stray_children_are_refused_pruned_leaves_kept() {
        let ok = Tree { nodes: vec![split(1, 2), Node::leaf(1.0, 1.0), Node::leaf(2.0, 1.0)] };
        assert_eq!(check_tree(&ok, 0, 1), Ok(()));
        assert!(check_tree(&ok, 0, 0).unwrap_err().to_string().contains("feature 0 but the model has 0"));
        let cycle = Tree { nodes: vec![split(1, 2), split(0, 2), Node::leaf(2.0, 1.0)] };
        assert!(check_tree(&cycle, 3, 1).unwrap_err().to_string().starts_with("tree 3, node 1"));
        let stray = Tree { nodes: vec![split(1, 7), Node::leaf(1.0, 1.0)] };
        assert!(check_tree(&stray, 0, 1).unwrap_err().to_string().contains("child 7 is outside"));
        // A deleted (pruned) leaf that nothing leads to, as XGBoost keeps them.
        let pruned =
            Tree { nodes: vec![split(1, 2), Node::leaf(1.0, 1.0), Node::leaf(1.0, 1.0), Node::leaf(0.0, 0.0)] };
        assert_eq!(check_tree(&pruned, 0, 1), Ok(()));
        assert!(check_tree(&Tree::default(), 0, 1).is_err());
    }

    /// A chain: each split's left child is a leaf, its right the next split.
    fn chain(splits: usize) -> Tree {
        let mut nodes = Vec::new();
        for i in 0..splits {
            let at = u32::try_from(2 * i).unwrap();
            nodes.push(split(at + 1, at + 2));
            nodes.push(Node::leaf(1.0, 1.0));
        }
        nodes.push(Node::leaf(1.0, 1.0));
        Tree { nodes }
    }

    #[test]
    fn a_tree_deeper_than_the_limit_is_refused() {
        assert_eq!(check_tree(&chain(MAX_TREE_DEPTH), 0, 1), Ok(()));
        let error = check_tree(&chain(100_000), 2, 1).unwrap_err().to_string();
        assert!(error.starts_with("tree 2, node 2048") && error.contains("up to 1024 levels"), "{error}");
        assert!(check_output_count(1_000_000_000, 12, "num_class").unwrap_err().to_string().contains("12 trees"));
        assert_eq!(check_output_count(3, 3, "num_class"), Ok(()));
        assert!(check_feature_count(1 << 40, "max_feature_idx").is_err());
    }
}
