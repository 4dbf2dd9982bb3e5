//! `tideline model-quality` as a subprocess on 300 rows of NannyML's
//! car-loan reference (`repaid`, `y_pred`, `y_pred_proba`): the statistics
//! file, suggested constraints that the same data meets, and violations when
//! the predictions get worse. The metric values themselves are checked
//! against scikit-learn in the engine (tests/model_quality_reference.rs).

mod common;

use std::path::Path;
use std::process::Output;

use common::{fixture, json, scratch, tideline};

fn quality(data: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["model-quality", "--data", data.to_str().unwrap(), "--problem", "binary", "--label", "repaid"];
    args.extend(["--prediction", "y_pred", "--probability", "y_pred_proba", "--out", out.to_str().unwrap()]);
    args.extend(extra);
    let output = tideline(&args);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    output
}

/// The columns `repaid` and `y_pred` of a CSV, as (label, prediction) pairs.
fn pairs(path: &Path) -> (Vec<String>, Vec<(String, String)>) {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines();
    let header: Vec<String> = lines.next().unwrap().split(',').map(str::to_owned).collect();
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (y, p) = (at("repaid"), at("y_pred"));
    let rows = lines
        .map(|l| l.split(',').map(str::to_owned).collect::<Vec<_>>())
        .map(|c| (c[y].clone(), c[p].clone()))
        .collect();
    (header, rows)
}

#[test]
fn statistics_constraints_and_violations() {
    let dir = scratch("quality", "binary");
    let data = fixture("car_loan_reference_300.csv");
    let base = dir.join("base");
    quality(&data, &base, &[]);
    let statistics = json(&base.join("statistics.json"));
    assert_eq!(statistics["version"], 0.0);
    assert_eq!(statistics["dataset"]["item_count"], 300);
    let metrics = &statistics["binary_classification_metrics"];
    // Accuracy as the share of rows whose prediction equals the label (1.0 and 1 are the same label).
    let (_, rows) = pairs(&data);
    let same = |a: &str, b: &str| a.parse::<f64>().unwrap() == b.parse::<f64>().unwrap();
    let correct = rows.iter().filter(|(y, p)| same(y, p)).count();
    assert!((metrics["accuracy"]["value"].as_f64().unwrap() - correct as f64 / 300.0).abs() < 1e-12);
    assert!(metrics["accuracy"]["standard_deviation"].as_f64().is_some(), "N ≥ 200 has a standard deviation");
    assert!(metrics["auc"]["value"].as_f64().unwrap() > 0.5);
    assert!(metrics["receiver_operating_characteristic_curve"]["false_positive_rates"].is_array());
    let constraints = json(&base.join("constraints.json"));
    assert_eq!(
        constraints["binary_classification_constraints"]["accuracy"]["comparison_operator"],
        "LessThanThreshold"
    );
    // The same data meets its own constraints.
    let again = dir.join("again");
    let constraints_path = base.join("constraints.json");
    let out = quality(&data, &again, &["--constraints", constraints_path.to_str().unwrap()]);
    assert_eq!(json(&again.join("constraint_violations.json"))["violations"], serde_json::json!([]));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Completed: no violations."));

    // Every other prediction flipped: accuracy and f1 fall below their thresholds.
    let text = std::fs::read_to_string(&data).unwrap();
    let header: Vec<&str> = text.lines().next().unwrap().split(',').collect();
    let p = header.iter().position(|h| *h == "y_pred").unwrap();
    let mut worse = vec![header.join(",")];
    for (i, line) in text.lines().skip(1).enumerate() {
        let mut cells: Vec<String> = line.split(',').map(str::to_owned).collect();
        if i % 2 == 0 {
            cells[p] = if cells[p].parse::<f64>().unwrap() == 1.0 { "0".into() } else { "1".into() };
        }
        worse.push(cells.join(","));
    }
    let worse_path = dir.join("worse.csv");
    std::fs::write(&worse_path, worse.join("\n") + "\n").unwrap();
    let current = dir.join("current");
    quality(&worse_path, &current, &["--constraints", constraints_path.to_str().unwrap()]);
    let violations = json(&current.join("constraint_violations.json"));
    let names: Vec<&str> =
        violations["violations"].as_array().unwrap().iter().map(|v| v["metric_name"].as_str().unwrap()).collect();
    assert!(names.contains(&"accuracy") && names.contains(&"f1"), "{names:?}");
    assert_eq!(violations["violations"][0]["constraint_check_type"], "LessThanThreshold");
}

#[test]
fn a_missing_column_is_a_clear_error() {
    let dir = scratch("quality", "missing");
    let data = fixture("car_loan_reference_300.csv");
    let out = tideline(&[
        "model-quality",
        "--data",
        data.to_str().unwrap(),
        "--problem",
        "binary",
        "--label",
        "nope",
        "--prediction",
        "y_pred",
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("the data has no column nope"));
}
