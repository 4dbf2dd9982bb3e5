//! Decision-tree ensembles in one format for every source (XGBoost,
//! LightGBM, the surrogate): each node knows how its split is decided, so
//! prediction and TreeSHAP never ask where a model came from.

use super::link::Link;
use super::model::Model;

/// The child index of a leaf.
pub const LEAF: u32 = u32::MAX;

/// How a split sends a present value.
#[derive(Debug, Clone, PartialEq)]
pub enum Test {
    /// XGBoost: left when `(x as f32) < threshold` (XGBoost compares in float32).
    Less(f32),
    /// LightGBM: left when `x <= threshold` (in f64).
    LessEqual(f64),
    /// Categorical: the value, truncated to an integer category, is in `set`
    /// (sorted); matched values go left when `matched_left`, else right.
    /// Negative values go where unmatched categories go.
    Categories {
        /// Categories matched, sorted ascending.
        set: Box<[u32]>,
        /// Whether matched categories go left (LightGBM) or right (XGBoost).
        matched_left: bool,
    },
}

/// Where missing values go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    /// NaN takes the default branch (XGBoost, LightGBM `missing_type` NaN).
    Nan {
        /// The default branch is the left one.
        default_left: bool,
    },
    /// NaN and zero take the default branch (LightGBM `missing_type` Zero).
    NanOrZero {
        /// The default branch is the left one.
        default_left: bool,
    },
    /// NaN is read as 0.0 and tested (LightGBM `missing_type` None).
    AsZero,
}

/// One node: a split (with two children) or a leaf (children [`LEAF`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Left child, or [`LEAF`].
    pub left: u32,
    /// Right child, or [`LEAF`].
    pub right: u32,
    /// Feature tested (index into the ensemble's features).
    pub feature: u32,
    /// The test.
    pub test: Test,
    /// Where missing values go.
    pub missing: Missing,
    /// The leaf's value (margin contribution); unused on splits.
    pub value: f64,
    /// Training rows (or hessian sum) that reached the node: path-dependent
    /// TreeSHAP weighs branches by it.
    pub cover: f64,
}

impl Node {
    /// A leaf with `value` and `cover`.
    #[must_use]
    pub fn leaf(value: f64, cover: f64) -> Self {
        Self { left: LEAF, right: LEAF, feature: 0, test: Test::LessEqual(0.0), missing: Missing::AsZero, value, cover }
    }

    /// Whether the node is a leaf.
    #[must_use]
    pub fn is_leaf(&self) -> bool {
        self.left == LEAF
    }

    /// Whether a row with value `x` for this node's feature goes left.
    #[must_use]
    pub fn goes_left(&self, x: f64) -> bool {
        let x = match self.missing {
            Missing::Nan { default_left } if x.is_nan() => return default_left,
            // LightGBM's `IsZero`: within its kZeroThreshold, 1e-35 as a float32.
            Missing::NanOrZero { default_left } if x.is_nan() || x.abs() <= f64::from(1e-35_f32) => {
                return default_left
            }
            Missing::AsZero if x.is_nan() => 0.0,
            _ => x,
        };
        match &self.test {
            // XGBoost reads features as float32
            Test::Less(t) => (x as f32) < *t,
            Test::LessEqual(t) => x <= *t,
            Test::Categories { set, matched_left } => {
                // Both libraries read a category by truncation and send an
                // invalid one where a category outside the split goes.
                // XGBoost (`InvalidCat`) judges its float32, so any negative
                // is invalid; LightGBM judges the truncated integer, so -0.5
                // is category 0. (tests/tree_edges.rs checks both.)
                // XGBoost reads features as float32
                let category = if *matched_left { x.trunc() } else { f64::from((x as f32).trunc()) };
                let valid = category >= 0.0 && category <= f64::from(u32::MAX) && (*matched_left || x >= 0.0);
                // checked above
                let matched = valid && set.binary_search(&(category as u32)).is_ok();
                matched == *matched_left
            }
        }
    }
}

/// One tree; node 0 is the root.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Tree {
    /// Nodes; children come after their parent.
    pub nodes: Vec<Node>,
}

impl Tree {
    /// The leaf `row` reaches.
    #[must_use]
    pub fn leaf_of(&self, row: &[f64]) -> usize {
        let mut i = 0;
        loop {
            let node = &self.nodes[i];
            if node.is_leaf() {
                return i;
            }
            let x = row.get(node.feature as usize).copied().unwrap_or(f64::NAN);
            i = if node.goes_left(x) { node.left } else { node.right } as usize;
        }
    }

    /// The leaf value `row` reaches.
    #[must_use]
    pub fn value_of(&self, row: &[f64]) -> f64 {
        self.nodes[self.leaf_of(row)].value
    }

    /// Levels of splits on the longest path (a lone leaf has depth 0).
    #[must_use]
    pub fn depth(&self) -> usize {
        fn walk(nodes: &[Node], i: usize) -> usize {
            let n = &nodes[i];
            if n.is_leaf() {
                0
            } else {
                1 + walk(nodes, n.left as usize).max(walk(nodes, n.right as usize))
            }
        }
        if self.nodes.is_empty() {
            0
        } else {
            walk(&self.nodes, 0)
        }
    }

    /// Leaves.
    #[must_use]
    pub fn n_leaves(&self) -> usize {
        self.nodes.iter().filter(|n| n.is_leaf()).count()
    }
}

/// A sum of trees per output, plus a base margin, through a link.
#[derive(Debug, Clone, PartialEq)]
pub struct Ensemble {
    /// Feature names, in the model's order.
    pub features: Vec<String>,
    /// The trees.
    pub trees: Vec<Tree>,
    /// The output each tree adds to (0 unless multiclass).
    pub tree_output: Vec<u32>,
    /// The margin before any tree, per output.
    pub base_margin: Vec<f64>,
    /// Margins to predictions.
    pub link: Link,
    /// The objective as the model file names it (`binary:logistic`, `binary`, …).
    pub objective: String,
}

impl Model for Ensemble {
    fn features(&self) -> &[String] {
        &self.features
    }

    fn n_outputs(&self) -> usize {
        self.base_margin.len()
    }

    fn link(&self) -> Link {
        self.link
    }

    fn margin_into(&self, row: &[f64], out: &mut [f64]) {
        out.copy_from_slice(&self.base_margin);
        for (tree, &output) in self.trees.iter().zip(&self.tree_output) {
            out[output as usize] += tree.value_of(row);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(feature: u32, test: Test, missing: Missing, left: u32, right: u32) -> Node {
        Node { left, right, feature, test, missing, value: 0.0, cover: 0.0 }
    }

    #[test]
    fn float32_comparison_and_missing_directions() {
        // Just under 0.1f32 in f64 rounds to 0.1f32: XGBoost sends it right.
        let n = split(0, Test::Less(0.1), Missing::Nan { default_left: false }, 1, 2);
        assert!(!n.goes_left(f64::from(0.1_f32) - 1e-10) && n.goes_left(0.09));
        assert!(!n.goes_left(f64::NAN));
        let z = split(0, Test::LessEqual(-1.0), Missing::NanOrZero { default_left: true }, 1, 2);
        assert!(z.goes_left(0.0) && z.goes_left(f64::NAN) && !z.goes_left(0.5));
        let a = split(0, Test::LessEqual(0.5), Missing::AsZero, 1, 2);
        assert!(a.goes_left(f64::NAN) && !a.goes_left(0.7));
    }

    #[test]
    fn categories_go_by_membership() {
        let set: Box<[u32]> = vec![1, 4].into();
        let lgb = split(0, Test::Categories { set: set.clone(), matched_left: true }, Missing::AsZero, 1, 2);
        assert!(lgb.goes_left(4.0) && !lgb.goes_left(2.0) && !lgb.goes_left(-1.0));
        let xgb = split(0, Test::Categories { set, matched_left: false }, Missing::Nan { default_left: true }, 1, 2);
        assert!(!xgb.goes_left(1.0) && xgb.goes_left(3.0) && xgb.goes_left(f64::NAN));
    }

    #[test]
    fn an_ensemble_adds_trees_per_output() {
        let tree = Tree {
            nodes: vec![
                split(0, Test::Less(1.0), Missing::Nan { default_left: true }, 1, 2),
                Node::leaf(-1.0, 3.0),
                Node::leaf(2.0, 5.0),
            ],
        };
        assert_eq!((tree.depth(), tree.n_leaves()), (1, 2));
        let model = Ensemble {
            features: vec!["x".into()],
            trees: vec![tree.clone(), tree],
            tree_output: vec![0, 1],
            base_margin: vec![0.5, 0.0],
            link: Link::Softmax,
            objective: "multi:softprob".into(),
        };
        let mut out = [0.0; 2];
        model.margin_into(&[0.0], &mut out);
        assert_eq!(out, [-0.5, -1.0]);
        model.margin_into(&[f64::NAN], &mut out);
        assert_eq!(out, [-0.5, -1.0]);
        model.margin_into(&[3.0], &mut out);
        assert_eq!(out, [2.5, 2.0]);
    }
}
