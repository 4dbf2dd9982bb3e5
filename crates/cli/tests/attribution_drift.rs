//! `tideline attribution-drift` run as a subprocess: two analysis files
//! compared by Model Monitor's NDCG rule (the spec's example order gives
//! 0.6876, a violation), and the car-loan model over daily windows of a
//! 300-row slice of the analysis data.

mod common;

use common::{engine_fixture, fixture, json, path, scratch, tideline};

fn analysis(dir: &std::path::Path, name: &str, sat: f64, gpa: f64, rank: f64) -> std::path::PathBuf {
    let file = dir.join(name);
    let doc = serde_json::json!({"version": "1.0", "explanations": {"kernel_shap": {"label0": {
        "global_shap_values": {"SAT": sat, "GPA": gpa, "Rank": rank}, "expected_value": 0.5}}}});
    std::fs::write(&file, doc.to_string()).unwrap();
    file
}

#[test]
fn two_analysis_files_are_compared() {
    let dir = scratch("attribution-drift", "files");
    // sagemaker spec §8's example: baseline SAT .70, GPA .50, Rank .05; live order Rank, GPA, SAT.
    let base = analysis(&dir, "base.json", 0.70, 0.50, 0.05);
    let cur = analysis(&dir, "cur.json", 0.1, 0.2, 0.3);
    let out = tideline(&["attribution-drift", "--baseline", path(&base), "--current", path(&cur), "--out", path(&dir)]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v = json(&dir.join("constraint_violations.json"));
    let entry = &v["violations"][0];
    assert_eq!(entry["constraint_check_type"], "feature_attribution_drift_check");
    assert_eq!(entry["label"], "label0");
    assert!(entry["description"].as_str().unwrap().starts_with("Feature attribution drift 0.6876"));
    let same =
        tideline(&["attribution-drift", "--baseline", path(&base), "--current", path(&base), "--out", path(&dir)]);
    assert!(same.status.success());
    assert_eq!(json(&dir.join("constraint_violations.json"))["violations"], serde_json::json!([]));
    let bad = dir.join("bad.json");
    std::fs::write(&bad, "{\"explanations\": ").unwrap();
    let out = tideline(&["attribution-drift", "--baseline", path(&bad), "--current", path(&cur), "--out", path(&dir)]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.json"));
}

#[test]
fn the_model_is_judged_per_window() {
    let dir = scratch("attribution-drift", "windows");
    let model = engine_fixture("models", "xgb_car_loan.json");
    let base = fixture("car_loan_reference_300.csv");
    let data = fixture("car_loan_analysis_300.csv");
    let out = tideline(&[
        "attribution-drift",
        "--model",
        path(&model),
        "--baseline-data",
        path(&base),
        "--data",
        path(&data),
        "--time-column",
        "timestamp",
        "--window",
        "1d",
        "--out",
        path(&dir),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let timeline = json(&dir.join("attribution_timeline.json"));
    let windows = timeline["windows"].as_array().unwrap();
    assert!(windows.len() >= 2);
    let rows: u64 = windows.iter().map(|w| w["rows"].as_u64().unwrap()).sum();
    assert_eq!(rows, 300);
    for w in windows {
        let ndcg = w["ndcg"]["label0"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&ndcg));
        assert_eq!(w["violation"].as_bool().unwrap(), ndcg < 0.9);
        assert_eq!(w["global_shap_values"]["label0"].as_object().unwrap().len(), 5);
    }
    assert_eq!(timeline["method"], "tree_shap");
    assert!(dir.join("constraint_violations.json").exists());
}

/// `tideline timeline --model` follows the same NDCG per window as
/// `attribution-drift` computes on the same files and windows.
#[test]
fn the_timeline_attribution_check_agrees_with_attribution_drift() {
    let dir = scratch("attribution-drift", "timeline");
    let model = engine_fixture("models", "xgb_car_loan.json");
    let (base, data) = (fixture("car_loan_reference_300.csv"), fixture("car_loan_analysis_300.csv"));
    let common = ["--time-column", "timestamp", "--window", "1d"];
    let drift_dir = dir.join("drift");
    let mut args = vec!["attribution-drift", "--model", path(&model), "--baseline-data", path(&base)];
    args.extend(["--data", path(&data), "--out", path(&drift_dir)]);
    args.extend(common);
    let out = tideline(&args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let timeline_path = dir.join("timeline.json");
    let mut args = vec!["timeline", "--baseline", path(&base), "--current", path(&data), "--model", path(&model)];
    args.extend(["--checks", "attribution", "--out", path(&timeline_path)]);
    args.extend(common);
    let out = tideline(&args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    let expected = json(&drift_dir.join("attribution_timeline.json"));
    let expected: Vec<f64> =
        expected["windows"].as_array().unwrap().iter().map(|w| w["ndcg"]["label0"].as_f64().unwrap()).collect();
    let timeline = json(&timeline_path);
    let check = &timeline["checks"][0];
    // One output: the series is named after the guessed label column.
    assert_eq!(check["name"], "attribution:repaid:ndcg");
    assert!((check["reference_value"].as_f64().unwrap() - 1.0).abs() < 1e-12, "the reference ranks as itself");
    let cells: Vec<&serde_json::Value> =
        check["cells"].as_array().unwrap().iter().filter(|c| c["value"].is_number()).collect();
    assert_eq!(cells.len(), expected.len());
    for (cell, want) in cells.iter().zip(&expected) {
        assert!((cell["value"].as_f64().unwrap() - want).abs() < 1e-12, "{cell} vs {want}");
        assert_eq!(cell["lower"], 0.9);
        assert_eq!(cell["status"] == "violation", *want < 0.9, "{cell}");
    }
}

#[test]
fn the_attribution_check_needs_a_model() {
    let dir = scratch("attribution-drift", "no-model");
    let (base, data) = (fixture("car_loan_reference_300.csv"), fixture("car_loan_analysis_300.csv"));
    let out_path = dir.join("timeline.json");
    let out = tideline(&[
        "timeline",
        "--baseline",
        path(&base),
        "--current",
        path(&data),
        "--window",
        "1d",
        "--checks",
        "attribution",
        "--out",
        path(&out_path),
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--checks attribution needs --model MODEL"));
}
