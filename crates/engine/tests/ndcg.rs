//! NDCG attribution drift equals scikit-learn 1.9.1's `ndcg_score` (ties
//! averaged) on the documentation's example and random, tied, identical and
//! reversed attributions (tools/reference/ndcg.py); violations below the
//! threshold carry Model Monitor's wording.

include!("fixtures/reference/replay_support.rs");

use indexmap::IndexMap;
use replay_support::number;
use serde_json::Value;
use tideline_engine::explain::{
    attribution_violations, check_attribution_drift, ndcg, NdcgError, DEFAULT_NDCG_THRESHOLD,
};

/// Sums of at most 14 terms in another order than NumPy's: measured 2.2e-16.
const TOL: f64 = 1e-14;

fn map(features: &[&str], values: &[f64]) -> IndexMap<String, f64> {
    features.iter().map(|f| (*f).to_owned()).zip(values.iter().copied()).collect()
}

/// A fixture case: name, baseline, current and scikit-learn's NDCG.
type Case = (String, IndexMap<String, f64>, IndexMap<String, f64>, f64);

fn fixture_cases() -> Vec<Case> {
    let doc: Value = serde_json::from_str(include_str!("fixtures/reference/ndcg.json")).unwrap();
    doc["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let features: Vec<&str> = c["features"].as_array().unwrap().iter().map(|f| f.as_str().unwrap()).collect();
            let read = |k: &str| -> Vec<f64> { c[k].as_array().unwrap().iter().map(|v| number(v).unwrap()).collect() };
            let name = c["name"].as_str().unwrap().to_owned();
            (name, map(&features, &read("baseline")), map(&features, &read("current")), number(&c["ndcg"]).unwrap())
        })
        .collect()
}

#[test]
fn equals_scikit_learn() {
    let cases = fixture_cases();
    assert_eq!(cases.len(), 25);
    for (name, baseline, current, expected) in cases {
        let got = ndcg(&baseline, &current).unwrap();
        assert!((got - expected).abs() < TOL, "{name}: {got} vs {expected}");
        if name.starts_with("identical") {
            assert_eq!(got, 1.0, "{name}");
        }
    }
}

#[test]
fn the_documentation_example_is_0_6876() {
    // sagemaker spec §8: train {SAT .70, GPA .50, Rank .05}, live order [Rank, GPA, SAT].
    let base = map(&["SAT", "GPA", "Rank"], &[0.70, 0.50, 0.05]);
    let live = map(&["SAT", "GPA", "Rank"], &[0.1, 0.2, 0.3]);
    let v = ndcg(&base, &live).unwrap();
    assert!((v - 0.6876).abs() < 5e-5, "{v}");
}

#[test]
fn violations_below_the_threshold_in_sagemaker_wording() {
    let base = map(&["SAT", "GPA", "Rank"], &[0.70, 0.50, 0.05]);
    let live = map(&["SAT", "GPA", "Rank"], &[0.1, 0.2, 0.3]);
    let baseline: IndexMap<_, _> = [("label0".to_owned(), base.clone()), ("label1".to_owned(), base.clone())].into();
    let current: IndexMap<_, _> = [("label0".to_owned(), live), ("label1".to_owned(), base)].into();
    let checks = check_attribution_drift(&baseline, &current, DEFAULT_NDCG_THRESHOLD).unwrap();
    assert_eq!(checks.iter().map(|c| c.violated).collect::<Vec<_>>(), [true, false]);
    let file = attribution_violations(&checks);
    let json: Value = serde_json::to_value(&file).unwrap();
    let v = &json["violations"][0];
    assert_eq!(json["version"], "1.0");
    assert_eq!(json["violations"].as_array().unwrap().len(), 1);
    assert_eq!(v["label"], "label0");
    assert_eq!(v["metric_name"], "shap");
    assert_eq!(v["constraint_check_type"], "feature_attribution_drift_check");
    assert_eq!(v["description"], format!("Feature attribution drift {} exceeds threshold 0.9", checks[0].ndcg));
    // A threshold of 1 is written as Python writes it.
    let strict = check_attribution_drift(&baseline, &current, 1.0).unwrap();
    assert!(attribution_violations(&strict).violations[0].description.ends_with("exceeds threshold 1.0"));
}

#[test]
fn maps_that_cannot_be_compared_say_why() {
    let a = map(&["x", "y"], &[0.5, 0.2]);
    let err = ndcg(&a, &map(&["x", "z"], &[0.1, 0.2])).unwrap_err();
    assert_eq!(err, NdcgError::Features { only_baseline: "y".into(), only_current: "z".into() });
    assert!(ndcg(&map(&["x", "y"], &[0.5, -0.2]), &a).unwrap_err().to_string().contains("non-negative"));
    assert_eq!(ndcg(&map(&["x", "y"], &[0.0, 0.0]), &a), Err(NdcgError::ZeroGains));
    assert_eq!(ndcg(&map(&[], &[]), &map(&[], &[])), Err(NdcgError::Empty));
    let baseline: IndexMap<_, _> = [("label0".to_owned(), a.clone())].into();
    let current: IndexMap<_, _> = [("label1".to_owned(), a)].into();
    let err = check_attribution_drift(&baseline, &current, 0.9).unwrap_err().to_string();
    assert_eq!(err, "label \"label1\" is not in the baseline");
}
