//! Benchmark inputs as files a user could drop on the Explainability view:
//! a generated ensemble written as an XGBoost JSON model (the layout
//! `Booster.save_model("model.json")` writes) and rows as CSV. XGBoost
//! stores float32 splits tested `x < threshold` and float32 leaves, so the
//! ensemble is first brought to that form ([`xgboost_form`]); the model
//! read back then predicts exactly what the ensemble does.

#![allow(dead_code)] // each user takes what it needs

use std::fmt::Write as _;
use std::io::Write as _;

use serde_json::json;
use tideline_engine::explain::{Ensemble, FeatureMatrix, Link, Missing, Test, Tree};

/// `model` with every split as XGBoost stores one (`x < threshold` in
/// float32) and every leaf in float32. Categorical splits and missing
/// rules other than "NaN takes the default branch" are refused.
///
/// # Errors
/// A split XGBoost cannot store, or a model with more than one output.
// float32 is the point
pub fn xgboost_form(model: &Ensemble) -> Result<Ensemble, String> {
    if model.base_margin.len() != 1 || model.link != Link::Identity {
        return Err("only single-output models with the identity link are written".into());
    }
    let mut out = model.clone();
    for (t, tree) in out.trees.iter_mut().enumerate() {
        for (i, node) in tree.nodes.iter_mut().enumerate() {
            if node.is_leaf() {
                node.value = f64::from(node.value as f32);
                continue;
            }
            node.test = match &node.test {
                Test::Less(t) => Test::Less(*t),
                Test::LessEqual(t) => Test::Less(*t as f32),
                Test::Categories { .. } => return Err(format!("tree {t} node {i}: a categorical split")),
            };
            if !matches!(node.missing, Missing::Nan { .. }) {
                return Err(format!("tree {t} node {i}: missing values not sent down a default branch"));
            }
        }
    }
    out.objective = "reg:squarederror".into();
    out.base_margin = vec![f64::from(model.base_margin[0] as f32)];
    Ok(out)
}

/// One tree in XGBoost's arrays.
fn tree_json(tree: &Tree, id: usize, n_features: usize) -> serde_json::Value {
    let n = tree.nodes.len();
    let mut parents = vec![i64::from(i32::MAX); n];
    for (i, node) in tree.nodes.iter().enumerate() {
        if !node.is_leaf() {
            parents[node.left as usize] = i as i64;
            parents[node.right as usize] = i as i64;
        }
    }
    let child = |c: u32, leaf: bool| if leaf { -1 } else { i64::from(c) };
    let split = |node: &tideline_engine::explain::Node| match (&node.test, node.is_leaf()) {
        (_, true) => node.value,
        (Test::Less(t), false) => f64::from(*t),
        _ => f64::NAN,
    };
    let default_left = |m: &Missing| u8::from(matches!(m, Missing::Nan { default_left: true }));
    json!({
        "base_weights": tree.nodes.iter().map(|n| if n.is_leaf() { n.value } else { 0.0 }).collect::<Vec<_>>(),
        "categories": [], "categories_nodes": [], "categories_segments": [], "categories_sizes": [],
        "default_left": tree.nodes.iter().map(|n| default_left(&n.missing)).collect::<Vec<_>>(),
        "id": id,
        "left_children": tree.nodes.iter().map(|n| child(n.left, n.is_leaf())).collect::<Vec<_>>(),
        "loss_changes": vec![0.0; n],
        "parents": parents,
        "right_children": tree.nodes.iter().map(|n| child(n.right, n.is_leaf())).collect::<Vec<_>>(),
        "split_conditions": tree.nodes.iter().map(split).collect::<Vec<_>>(),
        "split_indices": tree.nodes.iter().map(|n| if n.is_leaf() { 0 } else { n.feature }).collect::<Vec<_>>(),
        "split_type": vec![0; n],
        "sum_hessian": tree.nodes.iter().map(|n| n.cover).collect::<Vec<_>>(),
        "tree_param": {
            "num_deleted": "0", "num_feature": n_features.to_string(),
            "num_nodes": n.to_string(), "size_leaf_vector": "1"
        }
    })
}

/// `model` (as [`xgboost_form`] leaves it) as XGBoost JSON text (XGBoost
/// 2.1 and 3.1 read it and predict the same margins).
///
/// # Errors
/// As [`xgboost_form`], or a split that is not `x < threshold`.
pub fn xgboost_json(model: &Ensemble) -> Result<String, String> {
    let model = xgboost_form(model)?;
    if model.trees.iter().flat_map(|t| &t.nodes).any(|n| !n.is_leaf() && !matches!(n.test, Test::Less(_))) {
        return Err("a split is not x < threshold".into());
    }
    let m = model.features.len();
    let trees: Vec<_> = model.trees.iter().enumerate().map(|(i, t)| tree_json(t, i, m)).collect();
    // Exact: xgboost_form left the base margin in float32.
    let base_score = format!("{:E}", model.base_margin[0]);
    let doc = json!({
        "learner": {
            "attributes": {},
            "feature_names": model.features,
            "feature_types": vec!["float"; m],
            "gradient_booster": {
                "model": {
                    "gbtree_model_param": { "num_parallel_tree": "1", "num_trees": trees.len().to_string() },
                    "iteration_indptr": (0..=trees.len()).collect::<Vec<_>>(),
                    "tree_info": vec![0; trees.len()],
                    "trees": trees
                },
                "name": "gbtree"
            },
            "learner_model_param": {
                "base_score": base_score, "boost_from_average": "1", "num_class": "0",
                "num_feature": m.to_string(), "num_target": "1"
            },
            "objective": { "name": "reg:squarederror", "reg_loss_param": { "scale_pos_weight": "1" } }
        },
        "version": [3, 1, 2]
    });
    serde_json::to_string(&doc).map_err(|e| e.to_string())
}

/// Writes `x` as CSV at `path`: a header of feature names, empty cells for
/// missing values, numbers in the shortest form that reads back exactly.
///
/// # Errors
/// The file cannot be written.
pub fn write_csv(path: &std::path::Path, x: &FeatureMatrix) -> Result<(), String> {
    let fail = |e: std::io::Error| format!("{}: {e}", path.display());
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).map_err(fail)?);
    writeln!(out, "{}", x.features.join(",")).map_err(fail)?;
    let m = x.features.len();
    let mut line = String::new();
    for row in x.values.chunks_exact(m.max(1)) {
        line.clear();
        for (j, v) in row.iter().enumerate() {
            if j > 0 {
                line.push(',');
            }
            if !v.is_nan() {
                let _ = write!(line, "{v}");
            }
        }
        writeln!(out, "{line}").map_err(fail)?;
    }
    out.flush().map_err(fail)
}
