//! `tideline explain` run as a subprocess: the car-loan XGBoost model on the
//! head of NannyML's car-loan analysis data writes Clarify's files with
//! XGBoost's own `pred_contribs` (the engine fixture tree_xgb_car_loan.json,
//! tools/reference/tree_models.py, xgboost 3.1.2); a surrogate run labels
//! its outputs; bad input fails with a message.

mod common;

use common::{engine_fixture, json, path, scratch, tideline};

/// As the engine's tree tests: relative to the row's largest |value|
/// (XGBoost computes its contributions in float32).
const TOL: f64 = 1e-6;

/// `pred_contribs` of the fixture: one row of 5 values plus the bias each.
fn contribs() -> Vec<Vec<f64>> {
    let fixture = json(&engine_fixture("reference", "tree_xgb_car_loan.json"));
    fixture["contribs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row[0].as_array().unwrap().iter().map(|v| v.as_f64().unwrap()).collect())
        .collect()
}

#[test]
fn the_car_loan_model_writes_pred_contribs() {
    let dir = scratch("explain", "car_loan");
    let model = engine_fixture("models", "xgb_car_loan.json");
    let data = engine_fixture("models", "car_loan_analysis_head.csv");
    let out = tideline(&["explain", "--model", path(&model), "--data", path(&data), "--out", path(&dir)]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let want = contribs();
    let csv = std::fs::read_to_string(dir.join("explanations_shap/out.csv")).unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "car_value_label0,debt_to_income_ratio_label0,loan_length_label0,repaid_loan_on_prev_car_label0,driver_tenure_label0"
    );
    let rows: Vec<Vec<f64>> = lines.map(|l| l.split(',').map(|v| v.parse().unwrap()).collect()).collect();
    assert_eq!(rows.len(), want.len());
    for (got, want) in rows.iter().zip(&want) {
        let scale = want.iter().fold(1.0_f64, |a, v| a.max(v.abs()));
        for (g, w) in got.iter().zip(want) {
            assert!((g - w).abs() <= TOL * scale, "{g} vs {w}");
        }
    }
    let analysis = json(&dir.join("analysis.json"));
    let label = &analysis["explanations"]["tree_shap"]["label0"];
    assert!((label["expected_value"].as_f64().unwrap() - want[0][5]).abs() < TOL);
    let mean_abs = want.iter().map(|r| r[4].abs()).sum::<f64>() / want.len() as f64;
    assert!((label["global_shap_values"]["driver_tenure"].as_f64().unwrap() - mean_abs).abs() < TOL);
    assert!(analysis.get("surrogate").is_none());
}

#[test]
fn a_surrogate_run_is_labelled_as_such() {
    let dir = scratch("explain", "surrogate");
    let data = common::fixture("car_loan_reference_300.csv");
    let out = tideline(&["explain", "--surrogate-target", "y_pred_proba", "--data", path(&data), "--out", path(&dir)]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("surrogate of y_pred_proba: fidelity (RSquared)"), "{stdout}");
    let analysis = json(&dir.join("analysis.json"));
    assert_eq!(analysis["surrogate"]["target"], "y_pred_proba");
    assert_eq!(analysis["surrogate"]["fidelity"]["metric"], "r_squared");
    let features = analysis["explanations"]["tree_shap"]["label0"]["global_shap_values"].as_object().unwrap();
    assert!(!features.contains_key("y_pred_proba") && features.contains_key("car_value"));
}

#[test]
fn bad_input_fails_with_a_message() {
    let dir = scratch("explain", "bad");
    let data = engine_fixture("models", "car_loan_analysis_head.csv");
    let text = std::fs::read_to_string(engine_fixture("models", "xgb_car_loan.json")).unwrap();
    let truncated = dir.join("truncated.json");
    std::fs::write(&truncated, &text[..text.len() / 2]).unwrap();
    let out = tideline(&["explain", "--model", path(&truncated), "--data", path(&data), "--out", path(&dir)]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("the XGBoost JSON model ends early") && stderr.contains("truncated.json"), "{stderr}");

    let linear = dir.join("linear.json");
    std::fs::write(
        &linear,
        r#"{"type":"linear","link":"identity","intercept":0,"coefficients":{"car_value":1,"income":2}}"#,
    )
    .unwrap();
    let out = tideline(&["explain", "--model", path(&linear), "--data", path(&data), "--out", path(&dir)]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.trim(),
        format!("tideline: the table has no column for the model features: income in {}", data.display())
    );

    let model = engine_fixture("models", "xgb_car_loan.json");
    let out = tideline(&[
        "explain",
        "--model",
        path(&model),
        "--data",
        path(&data),
        "--method",
        "linear",
        "--out",
        path(&dir),
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("method linear explains linear models"));
}
