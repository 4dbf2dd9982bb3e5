//! `tideline suggest-baseline` and `tideline monitor` run as subprocesses on
//! 300-row slices of NannyML's car-loan data (reference rows 0–299, analysis
//! rows 40000–40299, where car_value has shifted).

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{fixture, json, scratch, tideline};

fn baseline(dir: &Path) -> PathBuf {
    let base = dir.join("base");
    let data = fixture("car_loan_reference_300.csv");
    let out = tideline(&["suggest-baseline", "--data", data.to_str().unwrap(), "--out", base.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    base
}

fn monitor(base: &Path, constraints: &Path, data: &Path, out: &Path) -> Output {
    let statistics = base.join("statistics.json");
    tideline(&[
        "monitor",
        "--statistics",
        statistics.to_str().unwrap(),
        "--constraints",
        constraints.to_str().unwrap(),
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ])
}

/// (feature, check) of every violation.
fn violations(path: &Path) -> Vec<(String, String)> {
    json(path)["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (v["feature_name"].as_str().unwrap().to_owned(), v["constraint_check_type"].as_str().unwrap().to_owned())
        })
        .collect()
}

#[test]
fn car_value_drift_is_flagged() {
    let dir = scratch("monitor", "drift");
    let base = baseline(&dir);
    let statistics = json(&base.join("statistics.json"));
    assert_eq!(statistics["dataset"]["item_count"], 300);
    assert_eq!(statistics["version"], 0.0);
    let constraints = json(&base.join("constraints.json"));
    assert_eq!(constraints["monitoring_config"]["datatype_check_threshold"], 1.0);
    assert_eq!(constraints["monitoring_config"]["distribution_constraints"]["comparison_method"], "Robust");

    let current = dir.join("current");
    let out = monitor(&base, &base.join("constraints.json"), &fixture("car_loan_analysis_300.csv"), &current);
    // Violations are not an error.
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("baseline_drift_check"), "{stdout}");
    assert!(stdout.contains("CompletedWithViolations"), "{stdout}");

    let found = violations(&current.join("constraint_violations.json"));
    let drift = |name: &str| found.contains(&(name.to_owned(), "baseline_drift_check".to_owned()));
    assert!(drift("car_value"), "{found:?}");
    // The ids grow with time: they drift by construction.
    assert!(drift("id"), "{found:?}");
    for stable in ["debt_to_income_ratio", "driver_tenure", "salary_range", "loan_length"] {
        assert!(!drift(stable), "{stable} flagged: {found:?}");
    }
    // The reference writes repaid as 1.0/0.0 (Fractional), the analysis as 1/0 (Integral).
    assert!(found.contains(&("repaid".to_owned(), "data_type_check".to_owned())), "{found:?}");
    let description = json(&current.join("constraint_violations.json"))["violations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["feature_name"] == "car_value")
        .unwrap()["description"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        description.starts_with("Numerical distance: 0.") && description.ends_with("exceeds numerical threshold: 0.1")
    );
    assert_eq!(json(&current.join("statistics.json"))["dataset"]["item_count"], 300);
}

#[test]
fn a_statistics_json_is_a_baseline_too() {
    let dir = scratch("monitor", "from-statistics");
    let base = baseline(&dir);
    let again = dir.join("again");
    let statistics = base.join("statistics.json");
    let out = tideline(&["suggest-baseline", "--data", statistics.to_str().unwrap(), "--out", again.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(json(&again.join("constraints.json")), json(&base.join("constraints.json")));
    assert_eq!(json(&again.join("statistics.json")), json(&statistics));
}

#[test]
fn disabled_evaluation_reports_nothing() {
    let dir = scratch("monitor", "disabled");
    let base = baseline(&dir);
    let mut constraints = json(&base.join("constraints.json"));
    constraints["monitoring_config"]["evaluate_constraints"] = "Disabled".into();
    let path = dir.join("disabled.json");
    std::fs::write(&path, constraints.to_string()).unwrap();
    let current = dir.join("current");
    let out = monitor(&base, &path, &fixture("car_loan_analysis_300.csv"), &current);
    assert!(out.status.success());
    assert!(violations(&current.join("constraint_violations.json")).is_empty());
}

#[test]
fn missing_and_extra_columns_are_reported() {
    let dir = scratch("monitor", "columns");
    let base = baseline(&dir);
    let data = dir.join("other.csv");
    std::fs::write(&data, "car_value,surprise\n12000.0,a\n30000.0,b\n").unwrap();
    let current = dir.join("current");
    let out = monitor(&base, &base.join("constraints.json"), &data, &current);
    assert!(out.status.success());
    let found = violations(&current.join("constraint_violations.json"));
    assert!(found.contains(&("salary_range".to_owned(), "missing_column_check".to_owned())));
    assert!(found.contains(&("surprise".to_owned(), "extra_column_check".to_owned())));
    assert_eq!(found.iter().filter(|(_, c)| c == "missing_column_check").count(), 11);
}

#[test]
fn malformed_constraints_exit_non_zero() {
    let dir = scratch("monitor", "malformed");
    let base = baseline(&dir);
    let path = dir.join("bad.json");
    std::fs::write(&path, "{\"features\": 3}").unwrap();
    let out = monitor(&base, &path, &fixture("car_loan_analysis_300.csv"), &dir.join("current"));
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.starts_with("tideline: invalid constraints.json"), "{stderr}");
}
