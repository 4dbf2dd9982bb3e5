//! `tideline attribution-drift` run as a subprocess: two analysis files
//! compared by Model Monitor's NDCG rule (the spec's example order gives
//! 0.6876, a violation), and the car-loan model over daily windows of a
//! 300-row slice of the analysis data.

mod common;

use common::{engine_fixture, fixture, json, scratch, tideline};

fn path(p: &std::path::Path) -> &str {
    p.to_str().unwrap()
}

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
