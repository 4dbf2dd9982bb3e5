//! CBPE equals NannyML 0.13.1's on the shared car-loan and wfh pairs
//! (fixture from tools/reference/cbpe.py), and the isotonic calibrator equals
//! scikit-learn's on every distinct reference score. The calibration check
//! (`needs_calibration`) decides as NannyML does on those pairs and on small
//! synthetic cases stored in the fixture. The pairs' tests fail, naming the
//! file, when the shared data (../shared/data, or TIDELINE_SHARED_DATA) is
//! missing.

include!("fixtures/reference/replay_support.rs");
include!("fixtures/reference/shared_data.rs");

use std::path::PathBuf;

use replay_support::number;
use serde_json::Value;
use tideline_engine::estimation::{
    needs_calibration, BinaryOutputs, Calibration, CalibrationReason, Cbpe, CbpeMetric, IsotonicCalibrator,
    MetricEstimate,
};

/// Estimates, realised values, sampling errors, bands and thresholds (relative
/// above 1): sums of 5,000 to 50,000 terms in another order than numpy's
/// pairwise sums; the largest difference measured is 1.2e-14.
const TOL: f64 = 1e-12;

/// Calibrated probabilities: the same pooled means, merged in the same order,
/// so bit for bit.
const CALIBRATION_TOL: f64 = 0.0;

/// ROC AUC's sampling error (and so its band): NannyML ranks the reference
/// with numpy's unstable sort, whose order among tied scores cannot be
/// reproduced; ranking ties stably moves it by 2.4e-6 (0.13 %) on these
/// files, and the band by 7.1e-6.
const ROC_AUC_SAMPLING_REL_TOL: f64 = 3e-3;

fn fixture() -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reference/cbpe.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("fixture")).expect("json")
}

/// The pairs the fixture holds (car_loan, wfh), counted from cbpe.json.
const PAIRS: usize = 2;

/// Metric estimates compared: 2 pairs × 20 chunks (10 reference, 10
/// analysis) × 5 metrics, counted from cbpe.json.
const METRIC_ESTIMATES: usize = 200;

/// Calibrated scores compared: 101 distinct reference scores per pair, and 7 probes.
const CALIBRATED_SCORES: usize = 101;
const PROBES: usize = 7;

/// The fixture's metric entries (every chunk key but its period and bounds),
/// counted independently of the replay.
fn metric_entries(fixture: &Value) -> usize {
    let chunks =
        fixture["pairs"].as_array().expect("pairs").iter().flat_map(|p| p["chunks"].as_array().expect("chunks"));
    chunks
        .map(|c| {
            c.as_object()
                .expect("chunk")
                .keys()
                .filter(|k| !["period", "start_index", "end_index"].contains(&k.as_str()))
                .count()
        })
        .sum()
}

/// The score, prediction and label columns of a NannyML CSV (no quoted fields).
struct Columns {
    scores: Vec<f64>,
    predicted: Vec<bool>,
    truth: Vec<bool>,
}

fn read_columns(file: &str, label: &str) -> Columns {
    let text = shared_data::read_to_string(file);
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or_else(|| panic!("{file} is empty")).split(',').collect();
    let at = |name: &str| header.iter().position(|h| *h == name).expect("column");
    let (s, p, t) = (at("y_pred_proba"), at("y_pred"), at(label));
    let mut c = Columns { scores: vec![], predicted: vec![], truth: vec![] };
    for line in lines {
        let f: Vec<&str> = line.split(',').collect();
        c.scores.push(f[s].parse().expect("score"));
        c.predicted.push(f[p].parse::<f64>().expect("prediction") == 1.0);
        c.truth.push(f[t].parse::<f64>().expect("label") == 1.0);
    }
    c
}

fn close(actual: f64, expected: f64, tol: f64) -> bool {
    (actual.is_nan() && expected.is_nan()) || (actual - expected).abs() <= tol * expected.abs().max(1.0)
}

fn check(failures: &mut Vec<String>, what: String, actual: f64, expected: &Value, tol: f64) {
    let expected = number(expected).unwrap_or(f64::NAN);
    if !close(actual, expected, tol) {
        failures.push(format!("{what}: {actual} vs {expected} (diff {:e})", actual - expected));
    }
}

fn check_metric(failures: &mut Vec<String>, at: &str, m: &MetricEstimate, expected: &Value) {
    let name = m.metric.name();
    let band_tol = if m.metric == CbpeMetric::RocAuc { ROC_AUC_SAMPLING_REL_TOL } else { TOL };
    let e = &expected[name];
    let mut c =
        |field: &str, actual: f64, tol: f64| check(failures, format!("{at} {name} {field}"), actual, &e[field], tol);
    c("value", m.value, TOL);
    c("realized", m.realized.unwrap_or(f64::NAN), TOL);
    c("sampling_error", m.sampling_error, band_tol);
    c("upper_confidence_boundary", m.upper_confidence_boundary, band_tol);
    c("lower_confidence_boundary", m.lower_confidence_boundary, band_tol);
    c("upper_threshold", m.thresholds.upper.unwrap_or(f64::NAN), TOL);
    c("lower_threshold", m.thresholds.lower.unwrap_or(f64::NAN), TOL);
    if e["alert"].as_bool() != Some(m.alert) {
        failures.push(format!("{at} {name} alert: {} vs {}", m.alert, e["alert"]));
    }
}

#[test]
fn cbpe_equals_nannyml_on_the_shared_pairs() {
    let fixture = fixture();
    assert_eq!(metric_entries(&fixture), METRIC_ESTIMATES, "metric entries in cbpe.json");
    let mut failures = Vec::new();
    let (mut checked, mut calibrated_scores) = (0, 0);
    let pairs = fixture["pairs"].as_array().expect("pairs");
    assert_eq!(pairs.len(), PAIRS, "pairs in cbpe.json");
    for pair in pairs {
        let label = pair["label"].as_str().expect("label");
        let reference = read_columns(pair["reference"].as_str().expect("file"), label);
        let analysis = read_columns(pair["analysis"].as_str().expect("file"), label);
        let (calibration, _) = Calibration::decide(&reference.truth, &reference.scores).unwrap();
        assert_eq!(calibration, Calibration::Isotonic, "NannyML calibrates {}", pair["name"]);
        let chunks = pair["chunks"].as_array().expect("chunks");
        let range = |c: &Value| {
            let start = c["start_index"].as_u64().expect("start") as usize;
            start..c["end_index"].as_u64().expect("end") as usize + 1
        };
        let reference_chunks: Vec<_> = chunks.iter().filter(|c| c["period"] == "reference").map(range).collect();
        let reference = BinaryOutputs::new(&reference.scores, &reference.predicted, Some(&reference.truth)).unwrap();
        let analysis = BinaryOutputs::new(&analysis.scores, &analysis.predicted, Some(&analysis.truth)).unwrap();
        let cbpe = Cbpe::fit(&reference, &reference_chunks, &CbpeMetric::ALL, calibration).unwrap();

        let calibrated = &pair["calibrator_on_reference_scores"];
        let scores: Vec<f64> = calibrated["scores"].as_array().unwrap().iter().map(|v| number(v).unwrap()).collect();
        let expected = calibrated["calibrated"].as_array().unwrap();
        assert_eq!(
            (scores.len(), expected.len()),
            (CALIBRATED_SCORES, CALIBRATED_SCORES),
            "{}: calibrated scores",
            pair["name"]
        );
        for (i, (s, e)) in cbpe.calibrate(&scores).iter().zip(expected).enumerate() {
            check(&mut failures, format!("{} calibrated score #{i}", pair["name"]), *s, e, CALIBRATION_TOL);
            calibrated_scores += 1;
        }

        for (i, chunk) in chunks.iter().enumerate() {
            let data = if chunk["period"] == "reference" { &reference } else { &analysis };
            let estimate = cbpe.estimate_chunk(&data.slice(range(chunk)).unwrap()).unwrap();
            for m in &estimate.metrics {
                check_metric(&mut failures, &format!("{} chunk {i}", pair["name"]), m, chunk);
                checked += 1;
            }
        }
    }
    println!("checked {checked} metric estimates");
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
    assert_eq!(checked, METRIC_ESTIMATES, "metric estimates compared");
    assert_eq!(calibrated_scores, PAIRS * CALIBRATED_SCORES, "calibrated scores compared");
}

#[test]
fn calibrator_clips_like_scikit_learn_on_probes() {
    let fixture = fixture();
    let mut compared = 0;
    for pair in fixture["pairs"].as_array().expect("pairs") {
        let reference = read_columns(pair["reference"].as_str().expect("file"), pair["label"].as_str().unwrap());
        let calibrator = IsotonicCalibrator::fit(&reference.scores, &reference.truth).unwrap();
        let probes = &pair["calibrator_on_probes"];
        let (scores, expected) = (probes["scores"].as_array().unwrap(), probes["calibrated"].as_array().unwrap());
        assert_eq!((scores.len(), expected.len()), (PROBES, PROBES), "{}: probes", pair["name"]);
        for (s, e) in scores.iter().zip(expected) {
            let actual = calibrator.calibrate_one(number(s).unwrap());
            assert!(close(actual, number(e).unwrap(), CALIBRATION_TOL), "{s}: {actual} vs {e}");
            compared += 1;
        }
    }
    assert_eq!(compared, PAIRS * PROBES, "probes compared");
}

/// ECE before and after calibration, absolute. NannyML holds out other
/// rows (scikit-learn's MT19937 splits, not SplitMix64) and orders tied
/// scores otherwise, so the two are separate draws of one noisy estimate,
/// and the tolerance is about 4 standard deviations of that noise, measured
/// as the standard deviation of our ECEs over split seeds 0..30: on
/// car_loan 8.4e-4 (before) and 6.1e-4 (after); on the synthetic cases (400
/// pooled rows) 8.3e-3 and 1.4e-2 ("miscalibrated"), 1.1e-2 and 1.5e-2
/// ("calibrated_levels", which 0 of those 30 seeds call for calibration).
const ECE_TOL_PAIRS: f64 = 4e-3;
const ECE_TOL_SYNTHETIC: f64 = 6e-2;

/// Checks one `calibration_check` record of the fixture; returns the ECE
/// differences (before, after) when the ECE rule decided.
fn check_calibration(name: &str, truth: &[bool], scores: &[f64], expected: &Value, tol: f64) -> Option<(f64, f64)> {
    let check = needs_calibration(truth, scores).unwrap();
    assert_eq!(Value::Bool(check.needed), expected["needed"], "{name}: needs calibration");
    let reason = match check.reason {
        CalibrationReason::SingleClass => "single_class",
        CalibrationReason::NearPerfectAuc => "near_perfect_auc",
        CalibrationReason::Ece => "ece",
    };
    assert_eq!(reason, expected["reason"], "{name}: reason");
    let (Some(before), Some(after)) = (check.ece_before, check.ece_after) else {
        assert!(expected["ece_before"].is_null() && expected["ece_after"].is_null(), "{name}: ECE expected");
        return None;
    };
    let diffs = (before - number(&expected["ece_before"])?, after - number(&expected["ece_after"])?);
    println!("{name}: ECE before {before} ({:+e}), after {after} ({:+e})", diffs.0, diffs.1);
    assert!(diffs.0.abs() <= tol && diffs.1.abs() <= tol, "{name}: ECE differs by {diffs:?}");
    Some(diffs)
}

#[test]
fn calibration_check_decides_as_nannyml_on_the_shared_pairs() {
    let mut decided = 0;
    for pair in fixture()["pairs"].as_array().expect("pairs") {
        let name = pair["name"].as_str().expect("name");
        let reference = read_columns(pair["reference"].as_str().expect("file"), pair["label"].as_str().unwrap());
        assert_eq!(pair["calibration_check"]["needed"], pair["needs_calibration"]);
        check_calibration(name, &reference.truth, &reference.scores, &pair["calibration_check"], ECE_TOL_PAIRS);
        decided += 1;
    }
    assert_eq!(decided, PAIRS, "pairs decided");
}

#[test]
fn calibration_check_decides_as_nannyml_on_synthetic_cases() {
    let fixture = fixture();
    let cases = fixture["calibration_cases"].as_array().expect("calibration cases");
    assert_eq!(cases.len(), 5, "calibration cases in cbpe.json");
    let mut decisions = Vec::new();
    for case in cases {
        let name = case["name"].as_str().expect("name");
        let truth: Vec<bool> = case["y_true"].as_array().unwrap().iter().map(|v| v.as_i64() == Some(1)).collect();
        let scores: Vec<f64> = case["y_pred_proba"].as_array().unwrap().iter().map(|v| number(v).unwrap()).collect();
        check_calibration(name, &truth, &scores, &case["calibration_check"], ECE_TOL_SYNTHETIC);
        decisions.push((case["calibration_check"]["needed"].as_bool(), case["calibration_check"]["reason"].clone()));
    }
    assert_eq!(decisions.len(), 5, "calibration cases decided");
    // Both outcomes of the ECE rule and both short cuts are covered.
    for (needed, reason) in [(true, "ece"), (false, "ece"), (false, "near_perfect_auc"), (false, "single_class")] {
        assert!(decisions.contains(&(Some(needed), Value::from(reason))), "no case {needed} by {reason}");
    }
}
