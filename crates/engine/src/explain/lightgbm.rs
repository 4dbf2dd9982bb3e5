//! LightGBM models as `Booster.save_model` writes them (text, version v4),
//! read into an [`Ensemble`] that predicts what LightGBM predicts: `x <=
//! threshold` in f64, the `decision_type` bits (categorical, default left,
//! missing type None / Zero / NaN), categorical bitsets sending members
//! left and NaN or negative values right, leaf values with shrinkage and the
//! initial score already in them (base margin 0), counts as cover.

use std::collections::HashMap;

use super::link::Link;
use super::model_error::ModelError;
use super::tree::{Ensemble, Missing, Node, Test, Tree};
use super::tree_check::{check_feature_count, check_output_count, check_tree};

const FORMAT: &str = "LightGBM text";
const SUPPORTED: &str = "binary, cross_entropy, regression (l2, l1, huber, fair, quantile, mape), \
     multiclass and multiclassova";

/// `key=value` lines of one block, with the line each came from.
type Block<'a> = HashMap<&'a str, (&'a str, usize)>;

/// Reads a LightGBM text model.
///
/// # Errors
/// [`ModelError::Malformed`] (with the line) for text that is not such a
/// model or a field that does not parse, [`ModelError::Truncated`] when the
/// trees stop before `end of trees`, [`ModelError::UnknownObjective`],
/// [`ModelError::Unsupported`] for settings not reproduced (a sigmoid other
/// than 1, linear trees, averaged output), [`ModelError::Inconsistent`] for
/// arrays that disagree.
pub fn read_lightgbm_text(text: &str) -> Result<Ensemble, ModelError> {
    let (header, trees, ended) = blocks(text);
    if !header.contains_key("version") && !header.contains_key("max_feature_idx") {
        return Err(malformed(1, "no LightGBM header (version=…, max_feature_idx=…)".into()));
    }
    if !ended {
        let line = text.lines().count();
        return Err(ModelError::Truncated { format: FORMAT, line, column: 1 });
    }
    let n_features = usize_field(&header, "max_feature_idx")?.saturating_add(1);
    check_feature_count(n_features, "max_feature_idx")?;
    let features: Vec<String> = match header.get("feature_names") {
        Some((names, line)) => {
            let names: Vec<String> = names.split_whitespace().map(str::to_owned).collect();
            if names.len() != n_features {
                return Err(malformed(
                    *line,
                    format!("{} feature names for max_feature_idx {}", names.len(), n_features - 1),
                ));
            }
            names
        }
        None => (0..n_features).map(|i| format!("Column_{i}")).collect(),
    };
    if header.contains_key("average_output") {
        return Err(ModelError::Unsupported(
            "the LightGBM model averages its trees (random forest mode); Tideline reads boosted sums".into(),
        ));
    }
    let (objective, line) =
        header.get("objective").copied().ok_or_else(|| malformed(1, "no objective= line".into()))?;
    let n_outputs = usize_field(&header, "num_class").unwrap_or(1).max(1);
    let per_iteration = usize_field(&header, "num_tree_per_iteration").unwrap_or(n_outputs).max(1);
    if per_iteration != n_outputs {
        return Err(malformed(line, format!("{per_iteration} trees per iteration for {n_outputs} classes")));
    }
    check_output_count(n_outputs, trees.len(), "num_class")?;
    let link = link_of(objective, n_outputs)?;
    let mut out_trees = Vec::with_capacity(trees.len());
    let mut tree_output = Vec::with_capacity(trees.len());
    for (t, block) in trees.iter().enumerate() {
        let tree = read_tree(block, t)?;
        check_tree(&tree, t, n_features)?;
        out_trees.push(tree);
        // n_outputs came from a usize that fits
        tree_output.push((t % per_iteration) as u32);
    }
    Ok(Ensemble {
        features,
        trees: out_trees,
        tree_output,
        base_margin: vec![0.0; n_outputs],
        link,
        objective: objective.to_owned(),
    })
}

/// Splits the text into the header block, the tree blocks and whether
/// `end of trees` was reached.
fn blocks(text: &str) -> (Block<'_>, Vec<Block<'_>>, bool) {
    let mut header = Block::new();
    let mut trees: Vec<Block<'_>> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line == "end of trees" {
            return (header, trees, true);
        }
        let Some((key, value)) = line.split_once('=') else {
            // A bare flag (`average_output`) or the file's first word.
            if !line.is_empty() && trees.is_empty() {
                header.insert(line, ("", i + 1));
            }
            continue;
        };
        if key == "Tree" {
            trees.push(Block::new());
        }
        match trees.last_mut() {
            Some(block) => block.insert(key, (value, i + 1)),
            None => header.insert(key, (value, i + 1)),
        };
    }
    (header, trees, false)
}

fn malformed(line: usize, message: String) -> ModelError {
    ModelError::Malformed { format: FORMAT, line, column: 1, message }
}

fn usize_field(block: &Block<'_>, key: &str) -> Result<usize, ModelError> {
    let (value, line) = block.get(key).copied().ok_or_else(|| malformed(1, format!("no {key}= line")))?;
    value.trim().parse().map_err(|_| malformed(line, format!("{key}={value} is not a count")))
}

/// The link of an objective line (`binary sigmoid:1`, `multiclass num_class:3`).
fn link_of(objective: &str, n_outputs: usize) -> Result<Link, ModelError> {
    let mut words = objective.split_whitespace();
    let name = words.next().unwrap_or("");
    let params: HashMap<&str, &str> = words.filter_map(|w| w.split_once(':')).collect();
    let unknown = || ModelError::UnknownObjective { objective: objective.to_owned(), supported: SUPPORTED };
    if objective.split_whitespace().any(|w| w == "sqrt") {
        return Err(ModelError::Unsupported(format!(
            "the LightGBM objective \"{objective}\" predicts squares of its margins (reg_sqrt); Tideline reads plain regression"
        )));
    }
    match name {
        "binary" | "multiclassova" => {
            let sigmoid = params.get("sigmoid").map_or(Ok(1.0), |s| s.parse::<f64>()).map_err(|_| unknown())?;
            if sigmoid != 1.0 {
                return Err(ModelError::Unsupported(format!(
                    "the LightGBM objective \"{objective}\" scales margins by sigmoid:{sigmoid}; Tideline reads sigmoid:1"
                )));
            }
            Ok(Link::Logistic)
        }
        "cross_entropy" | "xentropy" => Ok(Link::Logistic),
        "multiclass" | "softmax" if n_outputs > 1 => Ok(Link::Softmax),
        "regression" | "regression_l2" | "regression_l1" | "huber" | "fair" | "quantile" | "mape" => Ok(Link::Identity),
        _ => Err(unknown()),
    }
}

/// One `Tree=` block as nodes: internal nodes first, then the leaves.
fn read_tree(block: &Block<'_>, t: usize) -> Result<Tree, ModelError> {
    let line_of = |key: &str| block.get(key).map_or(0, |(_, l)| *l);
    let field = |key: &str| list::<f64>(block, key, "a number");
    let ints = |key: &str| list::<i64>(block, key, "an integer");
    if block.get("is_linear").is_some_and(|(v, _)| v.trim() != "0") {
        return Err(ModelError::Unsupported(format!(
            "tree {t} of the LightGBM model is linear (linear_tree); Tideline reads constant leaves"
        )));
    }
    let n_leaves = usize_field(block, "num_leaves")?;
    let leaf_value = field("leaf_value")?;
    let leaf_count = field("leaf_count")?;
    if n_leaves == 0 || leaf_value.len() != n_leaves {
        return Err(malformed(
            line_of("leaf_value"),
            format!("tree {t}: {} leaf values for num_leaves={n_leaves}", leaf_value.len()),
        ));
    }
    let n_internal = n_leaves - 1;
    let split_feature = ints("split_feature")?;
    let threshold = field("threshold")?;
    let decision_type = ints("decision_type")?;
    let left_child = ints("left_child")?;
    let right_child = ints("right_child")?;
    let internal_count = field("internal_count")?;
    let cat_boundaries = ints("cat_boundaries")?;
    let cat_threshold = ints("cat_threshold")?;
    for (key, len) in [
        ("split_feature", split_feature.len()),
        ("threshold", threshold.len()),
        ("decision_type", decision_type.len()),
        ("left_child", left_child.len()),
        ("right_child", right_child.len()),
    ] {
        if len != n_internal {
            return Err(malformed(line_of(key), format!("tree {t}: {key} has {len} entries for {n_internal} splits")));
        }
    }
    let cover = |v: &[f64], i: usize| v.get(i).copied().unwrap_or(0.0);
    let node_of = |c: i64, i: usize| -> Result<u32, ModelError> {
        // Non-negative: an internal node; negative: leaf !c, stored after the splits.
        let index = if c >= 0 { usize::try_from(c).ok() } else { usize::try_from(!c).ok().map(|l| n_internal + l) };
        index.filter(|&x| x < n_internal + n_leaves).and_then(|x| u32::try_from(x).ok()).ok_or_else(|| {
            ModelError::Inconsistent { tree: t, node: i, message: format!("child {c} is not in the tree") }
        })
    };
    let mut nodes = Vec::with_capacity(n_internal + n_leaves);
    for i in 0..n_internal {
        let bad = |message: String| ModelError::Inconsistent { tree: t, node: i, message };
        let feature = u32::try_from(split_feature[i])
            .map_err(|_| bad(format!("split feature {} is negative", split_feature[i])))?;
        let decision = decision_type[i];
        let default_left = decision & 2 != 0;
        let missing_type = (decision >> 2) & 3;
        let (test, missing) = if decision & 1 != 0 {
            let set = category_set(threshold[i], &cat_boundaries, &cat_threshold).ok_or_else(|| {
                bad(format!("categorical split {} has no bitset in cat_boundaries/cat_threshold", threshold[i]))
            })?;
            // NaN goes right when the missing type is NaN, else it is category 0.
            let missing = if missing_type == 2 { Missing::Nan { default_left: false } } else { Missing::AsZero };
            (Test::Categories { set, matched_left: true }, missing)
        } else {
            let missing = match missing_type {
                0 => Missing::AsZero,
                1 => Missing::NanOrZero { default_left },
                2 => Missing::Nan { default_left },
                other => return Err(bad(format!("decision_type {decision} has missing type {other}"))),
            };
            (Test::LessEqual(threshold[i]), missing)
        };
        let (left, right) = (node_of(left_child[i], i)?, node_of(right_child[i], i)?);
        nodes.push(Node { left, right, feature, test, missing, value: 0.0, cover: cover(&internal_count, i) });
    }
    for (j, &value) in leaf_value.iter().enumerate() {
        nodes.push(Node::leaf(value, cover(&leaf_count, j)));
    }
    Ok(Tree { nodes })
}

/// The values of a `key=v1 v2 …` line; empty when the line is absent.
fn list<T: std::str::FromStr>(block: &Block<'_>, key: &str, what: &str) -> Result<Vec<T>, ModelError> {
    let Some((value, line)) = block.get(key) else { return Ok(Vec::new()) };
    value
        .split_whitespace()
        .map(|x| x.parse::<T>().map_err(|_| malformed(*line, format!("{key}: \"{x}\" is not {what}"))))
        .collect()
}

/// The categories of a categorical split: bit b of word k of its bitset is
/// category 32·k + b.
fn category_set(index: f64, boundaries: &[i64], words: &[i64]) -> Option<Box<[u32]>> {
    if index < 0.0 || index.fract() != 0.0 {
        return None;
    }
    // checked above
    let k = index as usize;
    let start = usize::try_from(*boundaries.get(k)?).ok()?;
    let end = usize::try_from(*boundaries.get(k + 1)?).ok()?;
    let mut set = Vec::new();
    for (w, &word) in words.get(start..end)?.iter().enumerate() {
        let word = u32::try_from(word).ok()?;
        for b in 0..32 {
            if word >> b & 1 == 1 {
                set.push(u32::try_from(w * 32 + b).ok()?);
            }
        }
    }
    Some(set.into_boxed_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bitsets_list_their_categories() {
        // Words 0b10010 and 0b1 of the second split: categories 1, 4 and 32.
        let set = category_set(1.0, &[0, 1, 3], &[7, 0b10010, 1]).unwrap();
        assert_eq!(&*set, &[1, 4, 32]);
        assert!(category_set(2.0, &[0, 1, 3], &[7, 0b10010, 1]).is_none());
        assert!(category_set(0.5, &[0, 1], &[7]).is_none());
    }

    #[test]
    fn objectives_give_links_or_clear_refusals() {
        assert_eq!(link_of("binary sigmoid:1", 1), Ok(Link::Logistic));
        assert_eq!(link_of("multiclass num_class:3", 3), Ok(Link::Softmax));
        assert_eq!(link_of("regression", 1), Ok(Link::Identity));
        assert!(link_of("binary sigmoid:2", 1).unwrap_err().to_string().contains("sigmoid:1"));
        assert!(link_of("poisson", 1).unwrap_err().to_string().contains("unknown objective \"poisson\""));
        assert!(link_of("regression sqrt", 1).unwrap_err().to_string().contains("reg_sqrt"));
    }
}
