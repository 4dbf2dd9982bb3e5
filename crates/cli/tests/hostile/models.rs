//! Model files that are not what they claim: XGBoost JSON, LightGBM text
//! and linear JSON with broken structure or sizes that would exhaust
//! memory (a 100,000-level chain tree, a `num_class` of 10^9).

use super::case::{refused, Case};

/// An XGBoost JSON model with the given trees (each `(left, right,
/// split_indices, split_conditions)`), features and classes.
/// A tree as XGBoost's arrays: left and right children, split features, conditions.
type Arrays = (Vec<i64>, Vec<i64>, Vec<i64>, Vec<f64>);

fn xgboost(trees: &[Arrays], num_feature: &str, num_class: &str) -> String {
    let tree_json: Vec<String> = trees
        .iter()
        .map(|(left, right, split, cond)| {
            let n = left.len();
            format!(
                r#"{{"left_children": {left:?}, "right_children": {right:?}, "split_indices": {split:?}, "split_conditions": {cond:?}, "default_left": {dl:?}, "sum_hessian": {sh:?}}}"#,
                dl = vec![0; n],
                sh = vec![1.0; n]
            )
        })
        .collect();
    let info = vec![0; trees.len()];
    format!(
        r#"{{"learner": {{"feature_names": [], "gradient_booster": {{"name": "gbtree", "model": {{"trees": [{}], "tree_info": {info:?}}}}}, "learner_model_param": {{"base_score": "5E-1", "num_class": "{num_class}", "num_feature": "{num_feature}"}}, "objective": {{"name": "binary:logistic"}}}}}}"#,
        tree_json.join(", ")
    )
}

/// One split on feature 0 with two leaves.
fn stump() -> Arrays {
    (vec![1, -1, -1], vec![2, -1, -1], vec![0, 0, 0], vec![0.5, -0.1, 0.1])
}

/// A chain of `depth` splits: each left child a leaf, each right the next split.
fn chain(depth: i64) -> Arrays {
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for i in 0..depth {
        left.push(2 * i + 1);
        right.push(2 * i + 2);
        left.push(-1);
        right.push(-1);
    }
    left.push(-1);
    right.push(-1);
    let n = left.len();
    (left, right, vec![0; n], vec![0.5; n])
}

/// A LightGBM text model with `num_class`, `max_feature_idx` and trees.
fn lightgbm(num_class: &str, max_feature_idx: &str, trees: &str) -> String {
    format!(
        "tree\nversion=v4\nnum_class={num_class}\nnum_tree_per_iteration={num_class}\nlabel_index=0\nmax_feature_idx={max_feature_idx}\nobjective=binary sigmoid:1\nfeature_names=f0\nfeature_infos=[0:1]\ntree_sizes=100\n\n{trees}end of trees\n"
    )
}

const LGB_TREE: &str = "Tree=0\nnum_leaves=2\nnum_cat=0\nsplit_feature=0\nsplit_gain=1\nthreshold=0.5\ndecision_type=2\nleft_child=-1\nright_child=-2\nleaf_value=-0.1 0.1\nleaf_weight=1 1\nleaf_count=1 1\ninternal_value=0\ninternal_weight=2\ninternal_count=2\nis_linear=0\nshrinkage=1\n\n";

/// A LightGBM chain tree of `depth` splits.
fn lgb_chain(depth: usize) -> String {
    let left: Vec<String> = (0..depth).map(|i| format!("-{}", i + 1)).collect();
    let right: Vec<String> =
        (0..depth).map(|i| if i + 1 < depth { (i + 1).to_string() } else { format!("-{}", depth + 1) }).collect();
    let join = |v: Vec<String>| v.join(" ");
    format!(
        "Tree=0\nnum_leaves={}\nnum_cat=0\nsplit_feature={}\nsplit_gain={}\nthreshold={}\ndecision_type={}\nleft_child={}\nright_child={}\nleaf_value={}\nleaf_weight={}\nleaf_count={}\ninternal_value={}\ninternal_weight={}\ninternal_count={}\nis_linear=0\nshrinkage=1\n\n",
        depth + 1,
        join(vec!["0".into(); depth]),
        join(vec!["1".into(); depth]),
        join(vec!["0.5".into(); depth]),
        join(vec!["2".into(); depth]),
        join(left),
        join(right),
        join(vec!["0.1".into(); depth + 1]),
        join(vec!["1".into(); depth + 1]),
        join(vec!["1".into(); depth + 1]),
        join(vec!["0".into(); depth]),
        join(vec!["2".into(); depth]),
        join(vec!["2".into(); depth]),
    )
}

const DATA: &str = "f0\n0.1\n0.9\n0.4\n";

/// Every case of this class.
pub fn cases() -> Vec<Case> {
    let good = xgboost(&[stump()], "1", "0");
    let mut bad_cycle = stump();
    bad_cycle.1[0] = 0;
    let mut stray = stump();
    stray.1[0] = 9;
    let mut bad_feature = stump();
    bad_feature.2[0] = 5;
    let xgb: Vec<(&str, String, &str)> = vec![
        ("truncated", good[..good.len() / 2].to_owned(), "line"),
        ("a 100,000-level chain", xgboost(&[chain(100_000)], "1", "0"), "up to 1024 levels"),
        ("a 2,000-level chain", xgboost(&[chain(2_000)], "1", "0"), "tree 0"),
        ("a num_class of 10^9", xgboost(&[stump()], "1", "1000000000"), "1000000000"),
        ("a num_feature of 10^12", xgboost(&[stump()], "1000000000000", "0"), "1000000000000"),
        ("a cycle", xgboost(&[bad_cycle], "1", "0"), "cycle"),
        ("a child outside the tree", xgboost(&[stray], "1", "0"), "child 9 is outside"),
        ("a feature outside the model", xgboost(&[bad_feature], "1", "0"), "feature 5"),
        ("a gblinear booster", good.replace("\"gbtree\"", "\"gblinear\""), "gblinear"),
        ("an unknown objective", good.replace("binary:logistic", "rank:martian"), "rank:martian"),
        ("a base score that is text", good.replace("\"5E-1\"", "\"half\""), "half"),
        (
            "arrays of unequal length",
            good.replacen("\"sum_hessian\": [1.0, 1.0, 1.0]", "\"sum_hessian\": [1.0]", 1),
            "sum_hessian",
        ),
    ];
    let lgb: Vec<(&str, String, &str)> = vec![
        ("a num_class of 10^9", lightgbm("1000000000", "0", LGB_TREE), "1000000000"),
        ("a max_feature_idx of 10^12", lightgbm("1", "1000000000000", LGB_TREE), "1000000000001"),
        ("a 100,000-level chain", lightgbm("1", "0", &lgb_chain(100_000)), "up to 1024 levels"),
        ("no end of trees", lightgbm("1", "0", LGB_TREE).replace("end of trees\n", ""), "model.txt"),
        ("a count that is text", lightgbm("1", "zero", LGB_TREE), "max_feature_idx=zero"),
        (
            "a child outside the tree",
            lightgbm("1", "0", &LGB_TREE.replace("right_child=-2", "right_child=7")),
            "model.txt",
        ),
    ];
    let linear: [(&str, &str, &str); 5] = [
        (
            "an intercept that is text",
            r#"{"type": "linear", "link": "identity", "intercept": "x", "coefficients": {"f0": 1}}"#,
            "expected intercept",
        ),
        (
            "coefficients that are a list of numbers",
            r#"{"type": "linear", "link": "identity", "intercept": 0, "coefficients": [1, 2]}"#,
            "expected coefficients",
        ),
        (
            "an unknown link",
            r#"{"type": "linear", "link": "cubic", "intercept": 0, "coefficients": {"f0": 1}}"#,
            "cubic",
        ),
        (
            "no coefficients",
            r#"{"type": "linear", "link": "identity", "intercept": 0, "coefficients": {}}"#,
            "linear.json",
        ),
        (
            "outputs that disagree",
            r#"{"type": "linear", "link": "softmax", "intercept": [0, 1], "coefficients": [{"f0": 1}]}"#,
            "linear.json",
        ),
    ];
    let mut cases = Vec::new();
    let mut add = |name: String, file: &str, text: String, words: &str| {
        let args = ["explain", "--model", file, "--data", "data.csv", "--out", "out"];
        cases.push(Case::new("models", name, &args, refused(&[file, words])).file(file, text).file("data.csv", DATA));
    };
    for (name, text, words) in xgb {
        add(format!("XGBoost with {name}"), "model.json", text, words);
    }
    for (name, text, words) in lgb {
        add(format!("LightGBM with {name}"), "model.txt", text, words);
    }
    for (name, text, words) in linear {
        add(format!("linear model with {name}"), "linear.json", text.to_owned(), words);
    }
    // The well-formed ones are read (so the refusals above are about what they break).
    cases.push(
        Case::new(
            "models",
            "a good XGBoost stump",
            &["explain", "--model", "model.json", "--data", "data.csv", "--out", "out"],
            super::case::accepted(None),
        )
        .file("model.json", good)
        .file("data.csv", DATA),
    );
    cases.push(
        Case::new(
            "models",
            "a good LightGBM stump",
            &["explain", "--model", "model.txt", "--data", "data.csv", "--out", "out"],
            super::case::accepted(None),
        )
        .file("model.txt", lightgbm("1", "0", LGB_TREE))
        .file("data.csv", DATA),
    );
    cases
}
