//! `tideline scenario` run as a subprocess: the files a teacher gets, and
//! `tideline drift` on them flags income at strength 1 and not at 0.

mod common;

use common::{json, scratch, tideline};

fn income_drifted(dir: &std::path::Path, strength: &str) -> bool {
    let out = tideline(&[
        "scenario",
        "covariate-shift",
        "--rows",
        "3000",
        "--strength",
        strength,
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report = dir.join("drift.json");
    let (b, c) = (dir.join("baseline.csv"), dir.join("current.csv"));
    let out = tideline(&[
        "drift",
        "--baseline",
        b.to_str().unwrap(),
        "--current",
        c.to_str().unwrap(),
        "--out",
        report.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report = json(&report);
    let income = report["columns"].as_array().unwrap().iter().find(|c| c["name"] == "income").unwrap().clone();
    income["drifted"].as_bool().unwrap()
}

#[test]
fn a_covariate_shift_is_flagged_only_when_made() {
    let dir = scratch("scenario", "covariate");
    assert!(!income_drifted(&dir, "0"));
    assert!(income_drifted(&dir, "1"));
    for file in [
        "baseline.csv",
        "current.csv",
        "model.json",
        "analysis_config.json",
        "baseline_analysis.json",
        "current_analysis.json",
    ] {
        assert!(dir.join(file).is_file(), "{file}");
    }
    let readme = std::fs::read_to_string(dir.join("README.txt")).unwrap();
    assert!(
        readme.contains("covariate-shift (strength 1") && readme.contains("Caught first by: the drift test on income"),
        "{readme}"
    );
    let analysis = json(&dir.join("current_analysis.json"));
    let values = &analysis["explanations"]["linear_shap"]["label0"]["global_shap_values"];
    assert!(values["income"].as_f64().unwrap() > 0.0, "{analysis}");
}

#[test]
fn an_unknown_scenario_lists_the_known_ones() {
    let out = tideline(&["scenario", "drift-of-doom", "--out", scratch("scenario", "unknown").to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no scenario 'drift-of-doom'") && err.contains("sudden-drift"), "{err}");
}

#[test]
fn too_many_rows_are_refused_before_anything_is_made() {
    // 10^11 rows ran out of memory building the CSV text.
    let dir = scratch("scenario", "too_many").join("out");
    let out = tideline(&["scenario", "covariate-shift", "--rows", "100000000000", "--out", dir.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("--rows 100000000000: a scenario has at most 5000000 rows a side"), "{err}");
    assert!(!dir.exists(), "the folder was created");
}
