//! Edge values the tree readers must route as the libraries do
//! (tools/reference/tree_edges.py): XGBoost 3.1.2's categorical splits on
//! negative, fractional and out-of-range categories, and LightGBM 4.7.0's
//! `zero_as_missing` splits on values within and just beyond its 1e-35 zero
//! threshold, with fractional and negative categories.

use serde_json::Value;
use tideline_engine::explain::{read_lightgbm_text, read_xgboost_json, FeatureMatrix, Model};

fn fixture() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/reference/tree_edges.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn model_text(case: &Value) -> String {
    let path = format!("{}/tests/fixtures/{}", env!("CARGO_MANIFEST_DIR"), case["model"].as_str().unwrap());
    std::fs::read_to_string(path).unwrap()
}

fn rows(case: &Value) -> FeatureMatrix {
    let rows = case["rows"].as_array().unwrap();
    let values: Vec<f64> = rows
        .iter()
        .flat_map(|r| r.as_array().unwrap().iter().map(|v| v.as_f64().unwrap_or(f64::NAN)).collect::<Vec<_>>())
        .collect();
    let features = case["features"].as_array().unwrap().iter().map(|f| f.as_str().unwrap().to_owned()).collect();
    FeatureMatrix { features, n_rows: rows.len(), values }
}

fn check(case: &Value, margins: &[f64], tol: f64) {
    let want: Vec<f64> = case["margin"].as_array().unwrap().iter().map(|v| v.as_f64().unwrap()).collect();
    assert_eq!(margins.len(), want.len());
    let rows = case["rows"].as_array().unwrap();
    let wrong: Vec<String> = margins
        .iter()
        .zip(&want)
        .enumerate()
        .filter(|(_, (g, w))| (*g - *w).abs() > tol * w.abs().max(1.0))
        .map(|(i, (g, w))| format!("row {i} {}: {g} vs {w}", rows[i]))
        .collect();
    assert!(wrong.is_empty(), "{} of {} rows differ:\n{}", wrong.len(), want.len(), wrong.join("\n"));
}

#[test]
fn xgboost_routes_odd_categories_as_xgboost_does() {
    let f = fixture();
    let case = &f["xgboost"];
    let model = read_xgboost_json(&model_text(case)).unwrap();
    check(case, &model.margins(&rows(case)), 1e-6);
}

#[test]
fn lightgbm_treats_near_zero_and_odd_categories_as_lightgbm_does() {
    let f = fixture();
    let case = &f["lightgbm"];
    let model = read_lightgbm_text(&model_text(case)).unwrap();
    check(case, &model.margins(&rows(case)), 1e-12);
}
