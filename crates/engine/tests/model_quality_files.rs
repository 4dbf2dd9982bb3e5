//! Model-quality statistics, constraints and violations files: shapes of spec
//! sagemaker.md §4, round trips, subsample stds and input errors.

use serde_json::json;
use tideline_engine::model_quality::{
    binary_statistics, evaluate_constraints, labels_from_scores, multiclass_statistics, regression_statistics,
    suggest_constraints, violations_json, ComparisonOperator, ModelQualityConstraints, ModelQualityError,
    ModelQualityStatistics,
};

/// A deterministic binary sample of `n` rows.
fn binary_rows(n: usize) -> (Vec<bool>, Vec<f64>) {
    let scores: Vec<f64> = (0..n).map(|i| ((i * 37) % 101) as f64 / 100.0).collect();
    let actual = scores.iter().enumerate().map(|(i, s)| (*s > 0.4) != (i % 7 == 0)).collect();
    (actual, scores)
}

#[test]
fn binary_statistics_have_the_spec_shape_and_round_trip() {
    let actual = [false, false, false, true];
    let predicted = [false, true, true, true];
    let stats = binary_statistics(&actual, &predicted, Some(&[0.2, 0.6, 0.7, 0.9]), ("0", "1"), 1).expect("stats");
    let file = stats.to_json();
    assert_eq!(file["version"], json!(0.0));
    assert_eq!(file["dataset"]["item_count"], json!(4));
    let body = &file["binary_classification_metrics"];
    assert_eq!(body["confusion_matrix"], json!({"0": {"0": 1, "1": 2}, "1": {"0": 0, "1": 1}}));
    assert_eq!(body["recall"], json!({"value": 1.0, "standard_deviation": "NaN"}));
    assert!(body["receiver_operating_characteristic_curve"]["false_positive_rates"].is_array());
    assert!(body["precision_recall_curve"]["recalls"].is_array());
    let back = ModelQualityStatistics::from_json(&file).expect("reads back");
    assert_eq!(back.to_json(), file);
}

#[test]
fn standard_deviation_needs_200_rows_and_is_seeded() {
    let (actual, scores) = binary_rows(199);
    let predicted = labels_from_scores(&scores, 0.5).expect("labels");
    let small = binary_statistics(&actual, &predicted, Some(&scores), ("0", "1"), 7).expect("stats");
    assert!(small.scalars().values().all(|m| m.standard_deviation.is_nan()));

    let (actual, scores) = binary_rows(500);
    let predicted = labels_from_scores(&scores, 0.5).expect("labels");
    let a = binary_statistics(&actual, &predicted, Some(&scores), ("0", "1"), 7).expect("stats");
    let b = binary_statistics(&actual, &predicted, Some(&scores), ("0", "1"), 7).expect("stats");
    let c = binary_statistics(&actual, &predicted, Some(&scores), ("0", "1"), 8).expect("stats");
    let accuracy = |s: &ModelQualityStatistics| s.scalars()["accuracy"].standard_deviation;
    assert!(accuracy(&a).is_finite() && accuracy(&a) > 0.0);
    assert_eq!(accuracy(&a), accuracy(&b));
    assert_ne!(accuracy(&a), accuracy(&c));
}

#[test]
fn regression_and_multiclass_files_round_trip() {
    let truth: Vec<f64> = (0..300).map(|i| f64::from(i % 17)).collect();
    let predicted: Vec<f64> = truth.iter().enumerate().map(|(i, t)| t + (i % 3) as f64 - 1.0).collect();
    let reg = regression_statistics(&truth, &predicted, 3).expect("regression");
    assert!(reg.to_json()["regression_metrics"]["rmse"]["standard_deviation"].is_number());
    assert_eq!(ModelQualityStatistics::from_json(&reg.to_json()).expect("reads").to_json(), reg.to_json());

    let actual = ["a", "b", "b", "c"];
    let guessed = ["a", "b", "c", "c"];
    let multi = multiclass_statistics(&actual, &guessed, 3).expect("multiclass");
    let file = multi.to_json();
    assert_eq!(file["multiclass_classification_metrics"]["confusion_matrix"]["b"], json!({"a": 0, "b": 1, "c": 1}));
    assert_eq!(ModelQualityStatistics::from_json(&file).expect("reads").to_json(), file);
}

#[test]
fn constraints_are_suggested_from_the_baseline_and_read_back() {
    let truth = [1.0, 2.0, 3.0, 4.0];
    let stats = regression_statistics(&truth, &[1.5, 2.0, 2.5, 4.5], 1).expect("stats");
    let constraints = suggest_constraints(&stats);
    let mae = constraints.constraints["mae"];
    assert_eq!(mae.threshold, stats.scalars()["mae"].value);
    assert_eq!(mae.comparison_operator, ComparisonOperator::GreaterThanThreshold);
    assert_eq!(constraints.constraints["r2"].comparison_operator, ComparisonOperator::LessThanThreshold);
    let file = constraints.to_json();
    assert_eq!(file["regression_constraints"]["mae"]["comparison_operator"], json!("GreaterThanThreshold"));
    assert_eq!(ModelQualityConstraints::from_json(&file).expect("reads"), constraints);
    // The baseline never violates its own suggestions.
    assert!(evaluate_constraints(&constraints, &stats).expect("same type").is_empty());
}

#[test]
fn violations_use_the_spec_format() {
    // spec §4's sample: {"metric_name":"f2","constraint_check_type":"LessThanThreshold",
    // "description":"Metric f2 with 0.61 was LessThanThreshold 0.625"}.
    let constraints =
        ModelQualityConstraints::from_json(&json!({"version": 0.0, "binary_classification_constraints": {
        "f2": {"threshold": 0.625, "comparison_operator": "LessThanThreshold"},
        "f1": {"threshold": 0.5, "comparison_operator": "LessThanThreshold"}}}))
        .expect("constraints");
    let current = ModelQualityStatistics::from_json(&json!({"version": 0.0, "dataset": {"item_count": 10},
        "binary_classification_metrics": {"confusion_matrix": {},
            "f2": {"value": 0.61, "standard_deviation": "NaN"},
            "f1": {"value": 0.7, "standard_deviation": "NaN"}}}))
    .expect("statistics");
    let violations = evaluate_constraints(&constraints, &current).expect("same type");
    assert_eq!(
        violations_json(&violations),
        json!({"violations": [{"metric_name": "f2", "constraint_check_type": "LessThanThreshold",
            "description": "Metric f2 with 0.61 was LessThanThreshold 0.625"}]})
    );
    let regression = regression_statistics(&[1.0, 2.0], &[1.0, 2.0], 1).expect("stats");
    assert!(matches!(evaluate_constraints(&constraints, &regression), Err(ModelQualityError::InvalidFile(_))));
}

#[test]
fn a_score_at_the_threshold_is_negative_and_bad_input_is_an_error() {
    assert_eq!(labels_from_scores(&[0.5, 0.51, 0.49], 0.5).expect("labels"), [false, true, false]);
    assert_eq!(labels_from_scores(&[0.5, f64::NAN], 0.5), Err(ModelQualityError::NonFinite { what: "score", row: 1 }));
    assert_eq!(
        regression_statistics(&[1.0], &[1.0, 2.0], 1),
        Err(ModelQualityError::LengthMismatch { truth: 1, prediction: 2 })
    );
    assert_eq!(regression_statistics(&[], &[], 1), Err(ModelQualityError::Empty));
}
