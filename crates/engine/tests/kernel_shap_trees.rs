//! Kernel SHAP on real tree models: with every coalition enumerated it is
//! the exact Shapley value of the marginal game over the background, which
//! is what shap 0.51.0's interventional `TreeExplainer` computes. So on the
//! XGBoost and LightGBM car-price regressions (5 features, 30 background
//! rows with missing values; fixtures from tools/reference/tree_models.py)
//! the two agree, an independent check of both.

include!("fixtures/reference/replay_support.rs");

use replay_support::number;
use serde_json::Value;
use tideline_engine::explain::{
    read_lightgbm_text, read_xgboost_json, Baseline, Ensemble, FeatureMatrix, KernelShap, KernelShapConfig,
};

/// Differences as a share of the expected value (about 4,800). Measured:
/// 9.6e-9 (XGBoost) and 4.2e-8 (LightGBM), single-precision rounding on
/// the way into shap's tree arrays (not traced further); Kernel SHAP itself
/// matches brute-force Shapley values to 1e-13 (kernel_shap.rs).
const TOL: f64 = 1e-7;

fn matrix(features: &[String], v: &Value) -> FeatureMatrix {
    let rows = v.as_array().unwrap();
    let values = rows.iter().flat_map(|r| r.as_array().unwrap().iter().map(|x| number(x).unwrap())).collect();
    FeatureMatrix { features: features.to_vec(), n_rows: rows.len(), values }
}

fn replay(fixture: &str, model: Ensemble) {
    let doc: Value = serde_json::from_str(fixture).unwrap();
    let features: Vec<String> = model.features.clone();
    let x = matrix(&features, &doc["rows"]);
    let baseline = Baseline::uniform(matrix(&features, &doc["background"])).unwrap();
    let config = KernelShapConfig { num_samples: None, seed: 0, use_logit: false };
    let got = KernelShap::new(&model, &baseline, config).unwrap().explain(&x).unwrap();
    let want: Vec<f64> = doc["shap_interventional"]["values"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|row| {
            row.as_array().unwrap().iter().flat_map(|o| o.as_array().unwrap().iter().map(|v| number(v).unwrap()))
        })
        .collect();
    assert_eq!(got.values.len(), want.len());
    let e = number(&doc["shap_interventional"]["expected_value"][0]).unwrap();
    let worst = got.values.iter().zip(&want).map(|(a, b)| (a - b).abs()).fold(0.0, f64::max) / e.abs().max(1.0);
    assert!(worst < TOL, "{}: worst difference {worst:e} of the expected value", doc["model"]);
    assert!((got.expected_value[0] - e).abs() / e.abs().max(1.0) < TOL);
}

#[test]
fn xgboost_regression_equals_interventional_tree_shap() {
    let model = read_xgboost_json(include_str!("fixtures/models/xgb_car_price.json")).unwrap();
    replay(include_str!("fixtures/reference/tree_xgb_car_price.json"), model);
}

#[test]
fn lightgbm_regression_equals_interventional_tree_shap() {
    let model = read_lightgbm_text(include_str!("fixtures/models/lgb_car_price.txt")).unwrap();
    replay(include_str!("fixtures/reference/tree_lgb_car_price.json"), model);
}
