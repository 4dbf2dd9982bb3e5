//! XGBoost models as `Booster.save_model("model.json")` writes them
//! (XGBoost 1.x to 3.x), read into an [`Ensemble`] that predicts what
//! XGBoost predicts: float32 splits (`x < threshold`), missing values down
//! the default branch, categorical splits sending the listed categories
//! right, leaf values from `split_conditions`, and the base score turned
//! into a margin as the objective does (logit for logistic objectives).

use serde::Deserialize;
use serde_json::Value;

use super::link::Link;
use super::model_error::ModelError;
use super::tree::{Ensemble, Missing, Node, Test, Tree, LEAF};
use super::tree_check::{check_feature_count, check_output_count, check_tree};

const FORMAT: &str = "XGBoost JSON";
const SUPPORTED: &str = "binary:logistic, binary:logitraw, reg:logistic, reg:squarederror, reg:squaredlogerror, \
     reg:pseudohubererror, reg:absoluteerror, reg:quantileerror, multi:softprob and multi:softmax";

#[derive(Deserialize)]
struct File {
    learner: Learner,
}

#[derive(Deserialize)]
struct Learner {
    #[serde(default)]
    feature_names: Vec<String>,
    gradient_booster: Booster,
    learner_model_param: ModelParam,
    objective: Objective,
}

#[derive(Deserialize)]
struct Booster {
    name: String,
    model: Option<GbTree>,
}

#[derive(Deserialize)]
struct GbTree {
    trees: Vec<JsonTree>,
    tree_info: Vec<i64>,
}

#[derive(Deserialize)]
struct ModelParam {
    base_score: Value,
    #[serde(default)]
    num_class: Value,
    num_feature: Value,
}

#[derive(Deserialize)]
struct Objective {
    name: String,
}

#[derive(Deserialize)]
struct JsonTree {
    left_children: Vec<i64>,
    right_children: Vec<i64>,
    split_indices: Vec<i64>,
    split_conditions: Vec<f64>,
    default_left: Vec<Value>,
    sum_hessian: Vec<f64>,
    #[serde(default)]
    split_type: Vec<u8>,
    #[serde(default)]
    categories: Vec<i64>,
    #[serde(default)]
    categories_nodes: Vec<i64>,
    #[serde(default)]
    categories_segments: Vec<i64>,
    #[serde(default)]
    categories_sizes: Vec<i64>,
}

/// Reads an XGBoost JSON model.
///
/// # Errors
/// [`ModelError::Truncated`] / [`ModelError::Malformed`] for text that is
/// not such a model (with serde's line and column), [`ModelError::UnknownObjective`],
/// [`ModelError::Unsupported`] for boosters other than `gbtree`,
/// [`ModelError::Inconsistent`] / [`ModelError::Invalid`] for arrays or
/// fields that disagree.
pub fn read_xgboost_json(text: &str) -> Result<Ensemble, ModelError> {
    let file: File = serde_json::from_str(text).map_err(|e| ModelError::json(FORMAT, &e))?;
    let learner = file.learner;
    let objective = learner.objective.name;
    let link = link_of(&objective)?;
    let booster = learner.gradient_booster;
    let Some(model) = booster.model.filter(|_| booster.name == "gbtree") else {
        return Err(ModelError::Unsupported(format!(
            "the XGBoost booster is \"{}\"; Tideline reads gbtree models",
            booster.name
        )));
    };
    let param = learner.learner_model_param;
    let n_features = count(&param.num_feature, "num_feature")?;
    let n_outputs = count(&param.num_class, "num_class")?.max(1);
    check_feature_count(n_features, "learner_model_param.num_feature")?;
    check_output_count(n_outputs, model.trees.len(), "learner_model_param.num_class")?;
    let features = if learner.feature_names.is_empty() {
        (0..n_features).map(|i| format!("f{i}")).collect()
    } else if learner.feature_names.len() == n_features {
        learner.feature_names
    } else {
        return Err(ModelError::Invalid(format!(
            "{} feature names for num_feature {n_features}",
            learner.feature_names.len()
        )));
    };
    let base_margin = base_margins(&param.base_score, &objective, n_outputs)?;
    if model.tree_info.len() != model.trees.len() {
        return Err(ModelError::Invalid(format!(
            "{} trees but tree_info has {} entries",
            model.trees.len(),
            model.tree_info.len()
        )));
    }
    let mut trees = Vec::with_capacity(model.trees.len());
    let mut tree_output = Vec::with_capacity(model.trees.len());
    for (t, (json, &class)) in model.trees.iter().zip(&model.tree_info).enumerate() {
        let output = u32::try_from(class).ok().filter(|&c| (c as usize) < n_outputs).ok_or_else(|| {
            ModelError::Invalid(format!("tree {t} adds to output {class} of a model with {n_outputs} outputs"))
        })?;
        let tree = read_tree(json, t)?;
        check_tree(&tree, t, n_features)?;
        trees.push(tree);
        tree_output.push(output);
    }
    Ok(Ensemble { features, trees, tree_output, base_margin, link, objective })
}

/// The link of an objective, or why it is not read.
fn link_of(objective: &str) -> Result<Link, ModelError> {
    Ok(match objective {
        "binary:logistic" | "reg:logistic" => Link::Logistic,
        "binary:logitraw"
        | "reg:squarederror"
        | "reg:squaredlogerror"
        | "reg:pseudohubererror"
        | "reg:absoluteerror"
        | "reg:quantileerror" => Link::Identity,
        // multi:softmax predicts the top class; its margins are softprob's.
        "multi:softprob" | "multi:softmax" => Link::Softmax,
        _ => return Err(ModelError::UnknownObjective { objective: objective.to_owned(), supported: SUPPORTED }),
    })
}

/// A count written as a number or a string (`"3"`); absent is 0.
fn count(v: &Value, field: &str) -> Result<usize, ModelError> {
    let n = match v {
        Value::Null => return Ok(0),
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    };
    n.and_then(|n| usize::try_from(n).ok())
        .ok_or_else(|| ModelError::Invalid(format!("learner_model_param.{field} is {v}, not a count")))
}

/// The base margins per output: `base_score` as a number (1.x), a string
/// (`"5E-1"`, 2.x) or an array string (`"[5E-1]"`, one per class in 3.x),
/// through the objective's probability-to-margin map, in float32 as XGBoost.
fn base_margins(v: &Value, objective: &str, n_outputs: usize) -> Result<Vec<f64>, ModelError> {
    let bad = || ModelError::Invalid(format!("base_score {v} is not a number or a list of numbers"));
    let scores: Vec<f64> = match v {
        Value::Number(n) => vec![n.as_f64().ok_or_else(bad)?],
        Value::String(s) => {
            let inner = s.trim().strip_prefix('[').and_then(|s| s.strip_suffix(']')).unwrap_or(s);
            inner.split(',').map(|x| x.trim().parse::<f64>().map_err(|_| bad())).collect::<Result<_, _>>()?
        }
        Value::Array(a) => a.iter().map(|x| x.as_f64().ok_or_else(bad)).collect::<Result<_, _>>()?,
        _ => return Err(bad()),
    };
    let scores = match scores.len() {
        1 => vec![scores[0]; n_outputs],
        k if k == n_outputs => scores,
        k => return Err(ModelError::Invalid(format!("{k} base scores for {n_outputs} outputs"))),
    };
    let logistic = matches!(objective, "binary:logistic" | "reg:logistic");
    scores
        .into_iter()
        .map(|s| {
            // XGBoost keeps base_score in float32
            let s = s as f32;
            if !logistic {
                return Ok(f64::from(s));
            }
            if !(s > 0.0 && s < 1.0) {
                return Err(ModelError::Invalid(format!(
                    "base_score {s} of a logistic objective is not a probability in (0, 1)"
                )));
            }
            Ok(f64::from(-(1.0_f32 / s - 1.0).ln()))
        })
        .collect()
}

/// One tree's arrays as nodes.
fn read_tree(json: &JsonTree, t: usize) -> Result<Tree, ModelError> {
    let n = json.left_children.len();
    let lengths = [
        ("right_children", json.right_children.len()),
        ("split_indices", json.split_indices.len()),
        ("split_conditions", json.split_conditions.len()),
        ("default_left", json.default_left.len()),
        ("sum_hessian", json.sum_hessian.len()),
    ];
    if let Some((name, len)) = lengths.iter().find(|(_, len)| *len != n) {
        return Err(ModelError::Inconsistent {
            tree: t,
            node: 0,
            message: format!("{name} has {len} entries but left_children has {n}"),
        });
    }
    if !json.split_type.is_empty() && json.split_type.len() != n {
        return Err(ModelError::Inconsistent {
            tree: t,
            node: 0,
            message: format!("split_type has {} entries for {n} nodes", json.split_type.len()),
        });
    }
    let categories = categories_of(json, t, n)?;
    let mut nodes = Vec::with_capacity(n);
    for i in 0..n {
        let bad = |message: String| ModelError::Inconsistent { tree: t, node: i, message };
        let cover = json.sum_hessian[i];
        let (left, right) = (json.left_children[i], json.right_children[i]);
        if left == -1 {
            nodes.push(Node::leaf(f64::from(to_f32(json.split_conditions[i])), cover));
            continue;
        }
        let child = |c: i64| u32::try_from(c).ok().filter(|&c| c != LEAF);
        let (Some(left), Some(right)) = (child(left), child(right)) else {
            return Err(bad(format!("children {left} and {right} are not node indices")));
        };
        let feature = u32::try_from(json.split_indices[i])
            .map_err(|_| bad(format!("split index {} is not a feature", json.split_indices[i])))?;
        let default_left = match &json.default_left[i] {
            Value::Bool(b) => *b,
            Value::Number(x) => x.as_u64() == Some(1),
            other => return Err(bad(format!("default_left {other} is not a flag"))),
        };
        let test = match categories.get(&i) {
            Some(set) => Test::Categories { set: set.clone(), matched_left: false },
            None if json.split_type.get(i).is_some_and(|&s| s != 0) => {
                return Err(bad("a categorical split without categories".into()));
            }
            None => Test::Less(to_f32(json.split_conditions[i])),
        };
        nodes.push(Node { left, right, feature, test, missing: Missing::Nan { default_left }, value: 0.0, cover });
    }
    Ok(Tree { nodes })
}

/// The categories of each categorical split, sorted: node → set.
fn categories_of(
    json: &JsonTree,
    t: usize,
    n: usize,
) -> Result<std::collections::HashMap<usize, Box<[u32]>>, ModelError> {
    let k = json.categories_nodes.len();
    let bad = |node: usize, message: String| ModelError::Inconsistent { tree: t, node, message };
    if json.categories_segments.len() != k || json.categories_sizes.len() != k {
        return Err(bad(
            0,
            format!(
                "categories_nodes has {k} entries, categories_segments {}, categories_sizes {}",
                json.categories_segments.len(),
                json.categories_sizes.len()
            ),
        ));
    }
    let mut out = std::collections::HashMap::with_capacity(k);
    for j in 0..k {
        let node = usize::try_from(json.categories_nodes[j]).ok().filter(|&c| c < n);
        let Some(node) = node else {
            return Err(bad(0, format!("categories_nodes[{j}] = {} is not a node", json.categories_nodes[j])));
        };
        let start = usize::try_from(json.categories_segments[j]).ok();
        let size = usize::try_from(json.categories_sizes[j]).ok();
        let range = start.zip(size).and_then(|(s, z)| Some(s..s.checked_add(z)?));
        let Some(slice) = range.and_then(|r| json.categories.get(r)) else {
            return Err(bad(node, "its categories lie outside the categories array".into()));
        };
        let mut set = slice
            .iter()
            .map(|&c| u32::try_from(c).map_err(|_| bad(node, format!("category {c} is negative"))))
            .collect::<Result<Vec<_>, _>>()?;
        set.sort_unstable();
        out.insert(node, set.into_boxed_slice());
    }
    Ok(out)
}

/// A float32 written in JSON (XGBoost stores splits and leaves as float32).
fn to_f32(x: f64) -> f32 {
    x as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_score_forms_agree() {
        let forms = [serde_json::json!(0.5), serde_json::json!("5E-1"), serde_json::json!("[5E-1]")];
        for v in forms {
            assert_eq!(base_margins(&v, "binary:logistic", 1).unwrap(), vec![0.0]);
            assert_eq!(base_margins(&v, "multi:softprob", 3).unwrap(), vec![0.5; 3]);
        }
        let per_class = serde_json::json!("[1E-1,2E-1]");
        assert_eq!(
            base_margins(&per_class, "multi:softprob", 2).unwrap(),
            vec![f64::from(0.1_f32), f64::from(0.2_f32)]
        );
        assert!(base_margins(&per_class, "multi:softprob", 3).unwrap_err().to_string().contains("2 base scores"));
        assert!(base_margins(&serde_json::json!("1.5"), "binary:logistic", 1).is_err());
        assert!(base_margins(&serde_json::json!("x"), "reg:squarederror", 1).is_err());
    }
}
