//! Checks a tree read from a file before anything walks it: children inside
//! the tree, no node reached twice and none leading back to the root (so the
//! nodes reached from the root form a tree and no walk can loop), features
//! inside the model. A file is user data; a bad one must be an
//! error, not a hang or a panic.

use super::model_error::ModelError;
use super::tree::{Tree, LEAF};

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
}
