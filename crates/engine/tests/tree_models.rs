//! XGBoost JSON and LightGBM text models read by Tideline predict what
//! xgboost 3.1.2 and lightgbm 4.7.0 predict (tools/reference/tree_models.py):
//! probabilities, values and margins of ~40 rows per model, NaN rows and
//! categorical splits included, and the same predictions whichever form
//! XGBoost's base_score is written in. Bad files and bad data give errors
//! that say what and where.

include!("fixtures/reference/replay_support.rs");
include!("fixtures/reference/replay_tree_models.rs");

use replay_tree_models::{cases, replay_predictions};
use tideline_engine::explain::{
    check_features, feature_matrix, read_lightgbm_text, read_xgboost_json, FeatureMatrix, Model, ModelError, Test,
};
use tideline_engine::io::{load_bytes, LoadOptions};

/// Relative to max(1, |value|). XGBoost adds its float32 leaves in float32
/// and returns float32; Tideline adds them in f64, so XGBoost's outputs
/// are matched to float32 rounding. LightGBM works in f64 throughout.
const TOL: f64 = 1e-6;

#[test]
fn predictions_and_margins_equal_the_libraries() {
    let (failures, compared, worst) = replay_predictions(TOL);
    assert!(failures.is_empty(), "{failures:#?}");
    // Per model, predict and margin; and predict again per base-score
    // variant (3 each for xgb_breast_cancer and xgb_car_price): 1,280 values
    // counted from the tree_*.json fixtures.
    let listed: usize = cases()
        .iter()
        .map(|c| {
            let predict = replay_tree_models::flat(&c.json["predict"]).len();
            let variants =
                replay_tree_models::BASE_SCORE_VARIANTS.iter().filter(|(name, _, _)| *name == c.name).count();
            predict * (1 + variants) + replay_tree_models::flat(&c.json["margin"]).len()
        })
        .sum();
    assert_eq!(listed, 1280, "values in the fixtures");
    assert_eq!(compared, 1280, "values compared");
    eprintln!("worst relative difference {worst:e} over {compared} values");
}

/// XGBoost's own sum (float32, base margin first, trees in order) over the
/// leaves Tideline reaches gives XGBoost's margins: every row takes XGBoost's
/// path and every leaf value is XGBoost's.
#[test]
fn xgboost_margins_are_exact_in_float32() {
    for case in cases().iter().filter(|c| c.name.starts_with("xgb_")) {
        let want = replay_tree_models::flat(&case.json["margin"]);
        let k = case.model.n_outputs();
        for (r, want) in want.chunks(k).enumerate() {
            let mut sum: Vec<f32> = case.model.base_margin.iter().map(|&b| b as f32).collect();
            for (tree, &out) in case.model.trees.iter().zip(&case.model.tree_output) {
                let leaf = tree.value_of(case.rows.row(r)) as f32;
                sum[out as usize] += leaf;
            }
            let got: Vec<f64> = sum.into_iter().map(f64::from).collect();
            assert_eq!(got, want, "{} row {r}", case.name);
        }
    }
}

#[test]
fn lightgbm_is_exact_to_rounding() {
    for case in cases().iter().filter(|c| c.name.starts_with("lgb_")) {
        let want = replay_tree_models::flat(&case.json["margin"]);
        for (got, want) in case.model.margins(&case.rows).iter().zip(&want) {
            assert!(replay_tree_models::close(*got, *want, 1e-12), "{}: {got} vs {want}", case.name);
        }
    }
}

#[test]
fn models_have_the_files_features_and_outputs() {
    let cases = cases();
    let by_name = |n: &str| cases.iter().find(|c| c.name == n).expect("case");
    let wine = by_name("xgb_wine");
    assert_eq!((wine.model.n_outputs(), wine.model.trees.len()), (3, 36));
    assert_eq!(wine.model.features[0], "alcohol");
    for name in ["xgb_adult_categorical", "lgb_adult"] {
        let nodes = by_name(name).model.trees.iter().flat_map(|t| t.nodes.iter());
        assert!(nodes.clone().any(|n| matches!(n.test, Test::Categories { .. })), "{name} has categorical splits");
    }
    assert_eq!(by_name("lgb_wine").model.n_outputs(), 3);
    for case in &cases {
        let features: Vec<String> =
            case.json["features"].as_array().unwrap().iter().map(|f| f.as_str().unwrap().to_owned()).collect();
        assert_eq!(case.model.features, features, "{}", case.name);
        assert!(
            case.rows.values.iter().any(|x| x.is_nan()) || case.name == "xgb_car_loan",
            "{} has NaN rows",
            case.name
        );
    }
}

/// The first rows of nannyml_car_loan_analysis.csv, read as a user's file is.
fn analysis_head() -> tideline_engine::table::Table {
    let csv = include_bytes!("fixtures/models/car_loan_analysis_head.csv");
    load_bytes("car_loan_analysis_head.csv", csv, LoadOptions::default()).expect("CSV").table
}

/// The demo: the car-loan model explains the analysis CSV by column name.
#[test]
fn the_car_loan_model_reads_the_analysis_csv_by_column_name() {
    let table = analysis_head();
    let cases = cases();
    let case = cases.iter().find(|c| c.name == "xgb_car_loan").unwrap();
    let mapping = feature_matrix(&table, &case.model.features).unwrap();
    assert_eq!(mapping.matrix.values, case.rows.values);
    let unused = ["id", "salary_range", "size_of_downpayment", "repaid", "timestamp", "y_pred_proba", "y_pred"];
    assert_eq!(mapping.unused_columns, unused);
    let want = replay_tree_models::flat(&case.json["predict"]);
    for (got, want) in case.model.predict(&mapping.matrix).iter().zip(&want) {
        assert!(replay_tree_models::close(*got, *want, TOL), "{got} vs {want}");
    }
}

#[test]
fn text_columns_and_missing_columns_are_named() {
    let table = analysis_head();
    let err = feature_matrix(&table, &["car_value".into(), "salary_range".into()]).unwrap_err();
    assert!(matches!(&err, ModelError::NotNumeric { column, .. } if column == "salary_range"), "{err}");
    assert!(err.to_string().starts_with("column \"salary_range\" is categorical (values like '"), "{err}");
    assert!(err.to_string().ends_with("the model needs numbers"));
    let err = feature_matrix(&table, &["car_value".into(), "income".into(), "age".into()]).unwrap_err();
    assert_eq!(err, ModelError::MissingColumns(vec!["income".into(), "age".into()]));
    assert_eq!(err.to_string(), "the table has no column for the model features: income, age");
}

#[test]
fn wrong_feature_counts_are_refused() {
    let cases = cases();
    let case = cases.iter().find(|c| c.name == "xgb_car_loan").unwrap();
    assert_eq!(check_features(&case.model, &case.rows), Ok(()));
    let short = FeatureMatrix { features: case.model.features[..4].to_vec(), n_rows: 1, values: vec![0.0; 4] };
    let err = check_features(&case.model, &short).unwrap_err();
    assert_eq!(err, ModelError::FeatureCount { expected: 5, found: 4 });
    assert_eq!(err.to_string(), "the model reads 5 features but the data has 4");
    let mut renamed = case.rows.clone();
    renamed.features[1] = "dti".into();
    assert_eq!(
        check_features(&case.model, &renamed),
        Err(ModelError::MissingColumns(vec!["debt_to_income_ratio".into()]))
    );
}

fn xgb_text(name: &str) -> &'static str {
    replay_tree_models::FIXTURES.iter().find(|f| f.0 == name).unwrap().2
}

#[test]
fn truncated_or_malformed_xgboost_json_says_where() {
    let text = xgb_text("xgb_car_loan");
    let err = read_xgboost_json(&text[..text.len() / 2]).unwrap_err();
    assert!(matches!(err, ModelError::Truncated { line: 1, column, .. } if column == text.len() / 2), "{err:?}");
    assert!(err.to_string().starts_with("the XGBoost JSON model ends early (line 1, column"), "{err}");
    let err = read_xgboost_json("{\"learner\": 3}").unwrap_err();
    assert!(matches!(err, ModelError::Malformed { line: 1, .. }), "{err:?}");
    assert!(err.to_string().contains("invalid type: integer `3`, expected struct Learner"), "{err}");
    let err = read_xgboost_json("{\"version\": [3, 1, 2]}").unwrap_err();
    assert!(err.to_string().contains("missing field `learner`"), "{err}");
}

#[test]
fn unknown_objectives_and_boosters_are_named() {
    let text = xgb_text("xgb_car_loan").replace("\"binary:logistic\"", "\"count:poisson\"");
    let err = read_xgboost_json(&text).unwrap_err();
    assert!(matches!(&err, ModelError::UnknownObjective { objective, .. } if objective == "count:poisson"));
    assert!(
        err.to_string().starts_with("unknown objective \"count:poisson\": Tideline reads binary:logistic"),
        "{err}"
    );
    let text = xgb_text("xgb_car_loan").replace("\"name\":\"gbtree\"", "\"name\":\"dart\"");
    assert!(read_xgboost_json(&text).unwrap_err().to_string().contains("booster is \"dart\""));
}

#[test]
fn inconsistent_xgboost_arrays_name_the_tree_and_node() {
    let text = xgb_text("xgb_car_loan");
    let mut json: serde_json::Value = serde_json::from_str(text).unwrap();
    let trees = &mut json["learner"]["gradient_booster"]["model"]["trees"];
    trees[2]["sum_hessian"].as_array_mut().unwrap().pop();
    let err = read_xgboost_json(&json.to_string()).unwrap_err();
    assert!(err.to_string().starts_with("tree 2, node 0: sum_hessian has"), "{err}");

    let mut json: serde_json::Value = serde_json::from_str(text).unwrap();
    json["learner"]["gradient_booster"]["model"]["trees"][4]["split_indices"][1] = 9.into();
    let err = read_xgboost_json(&json.to_string()).unwrap_err();
    assert_eq!(err.to_string(), "tree 4, node 1: splits on feature 9 but the model has 5");

    let mut json: serde_json::Value = serde_json::from_str(text).unwrap();
    json["learner"]["gradient_booster"]["model"]["trees"][0]["left_children"][1] = 0.into();
    let err = read_xgboost_json(&json.to_string()).unwrap_err();
    assert!(err.to_string().starts_with("tree 0, node 1: node 0 is reached twice"), "{err}");

    let mut json: serde_json::Value = serde_json::from_str(text).unwrap();
    json["learner"]["feature_names"].as_array_mut().unwrap().pop();
    let err = read_xgboost_json(&json.to_string()).unwrap_err();
    assert_eq!(err.to_string(), "the model is inconsistent: 4 feature names for num_feature 5");
}

#[test]
fn bad_lightgbm_text_says_where() {
    let text = xgb_text("lgb_adult");
    let cut = &text[..text.find("Tree=3").unwrap() + 40];
    assert!(matches!(read_lightgbm_text(cut), Err(ModelError::Truncated { .. })));
    let err =
        read_lightgbm_text(&text.replace("objective=binary sigmoid:1", "objective=binary sigmoid:2")).unwrap_err();
    assert!(err.to_string().contains("sigmoid:2"), "{err}");
    let err = read_lightgbm_text(&text.replace("objective=binary sigmoid:1", "objective=lambdarank")).unwrap_err();
    assert!(matches!(err, ModelError::UnknownObjective { .. }), "{err}");
    let bad = text.replacen("left_child=1 ", "left_child=x ", 1);
    let err = read_lightgbm_text(&bad).unwrap_err();
    assert!(matches!(err, ModelError::Malformed { line, .. } if line > 10), "{err:?}");
    assert!(err.to_string().contains("left_child: \"x\" is not an integer"), "{err}");
    assert!(read_lightgbm_text("{\"learner\": {}}").is_err());
}
