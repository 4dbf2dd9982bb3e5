//! `tideline drift` run as a subprocess on 300-row slices of NannyML's car-loan
//! data (reference rows 0–299, analysis rows 40000–40299, where car_value has
//! shifted), and on the engine's UCI Adult slices stacked into one file.

mod common;

use std::path::Path;

use common::{engine_fixture, fixture, json, path, scratch, tideline};

fn drift(extra: &[&str], out: &Path) -> serde_json::Value {
    let (base, cur) = (fixture("car_loan_reference_300.csv"), fixture("car_loan_analysis_300.csv"));
    let mut args = vec!["drift", "--baseline", path(&base), "--current", path(&cur), "--out", path(out)];
    args.extend_from_slice(extra);
    let output = tideline(&args);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    json(out)
}

fn column<'a>(report: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    report["columns"].as_array().unwrap().iter().find(|c| c["name"] == name).unwrap()
}

#[test]
fn every_preset_flags_car_value() {
    let dir = scratch("drift", "presets");
    for (preset, test) in [("tideline", "ks"), ("evidently", "ks"), ("sagemaker", "linf")] {
        let report = drift(&["--preset", preset], &dir.join(format!("{preset}.json")));
        assert_eq!(report["preset"], preset);
        assert_eq!(report["n_baseline"], 300);
        let car = column(&report, "car_value");
        assert_eq!(car["test"], test, "{preset}");
        assert_eq!(car["drifted"], true, "{preset}");
        assert!(car["effect_size"].as_f64().unwrap() > 0.1);
        for key in ["kind", "statistic", "p_value", "threshold", "effect_size"] {
            assert!(car.get(key).is_some(), "{key}");
        }
        let skipped: Vec<&str> =
            report["skipped"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
        assert!(skipped.contains(&"timestamp") && skipped.contains(&"id"), "{skipped:?}");
        let share = report["drift_share"].as_f64().unwrap();
        let n = report["n_drifted"].as_f64().unwrap() / report["n_tested"].as_f64().unwrap();
        assert!((share - n).abs() < 1e-12);
    }
}

#[test]
fn all_tests_lists_every_applicable_test() {
    let report = drift(&["--all-tests", "--correction", "bonferroni"], &scratch("drift", "all-tests").join("all.json"));
    assert_eq!(report["correction"], "bonferroni");
    let tests = column(&report, "car_value")["tests"].as_object().unwrap();
    for name in [
        "ks",
        "wasserstein",
        "anderson",
        "cramer_von_mises",
        "mannw",
        "t_test",
        "es",
        "ed",
        "empirical_mmd",
        "psi",
        "jensenshannon",
        "kl_div",
        "hellinger",
        "linf",
        "psi_quantile",
    ] {
        assert!(tests.contains_key(name), "{name} missing");
    }
    let categorical = column(&report, "salary_range")["tests"].as_object().unwrap();
    for name in ["chisquare", "z", "fisher_exact", "g_test", "TVD", "psi", "chi2", "linf"] {
        assert!(categorical.contains_key(name), "{name} missing");
    }
    assert!(!categorical.contains_key("ks"));
}

#[test]
fn a_statistics_json_can_be_the_baseline() {
    let dir = scratch("drift", "statistics");
    let base = dir.join("base");
    let data = fixture("car_loan_reference_300.csv");
    assert!(tideline(&["suggest-baseline", "--data", path(&data), "--out", path(&base)]).status.success());
    let statistics = base.join("statistics.json");
    let out = dir.join("from-statistics.json");
    let cur = fixture("car_loan_analysis_300.csv");
    let (statistics_arg, cur_arg, out_arg) = (path(&statistics), path(&cur), path(&out));
    let output = tideline(&[
        "drift",
        "--baseline",
        statistics_arg,
        "--current",
        cur_arg,
        "--preset",
        "evidently",
        "--out",
        out_arg,
    ]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let from_statistics = json(&out);
    let from_data = drift(&["--preset", "evidently"], &dir.join("from-data.json"));
    // 300 values fit in the sketch unshrunk: the rebuilt baseline is the data.
    for name in ["car_value", "salary_range", "loan_length"] {
        assert_eq!(column(&from_statistics, name)["statistic"], column(&from_data, name)["statistic"], "{name}");
    }
}

#[test]
fn one_file_split_by_a_column() {
    let train = std::fs::read_to_string(engine_fixture("reference", "adult_train_slice.csv")).unwrap();
    let test = std::fs::read_to_string(engine_fixture("reference", "adult_test_slice.csv")).unwrap();
    let mut both = String::new();
    for (i, line) in train.lines().enumerate() {
        both.push_str(&format!("{line},{}\n", if i == 0 { "dataset" } else { "train" }));
    }
    for line in test.lines().skip(1) {
        both.push_str(&format!("{line},test\n"));
    }
    let dir = scratch("drift", "split");
    let (file, out) = (dir.join("adult.csv"), dir.join("adult.json"));
    std::fs::write(&file, both).unwrap();
    let output = tideline(&[
        "drift",
        "--baseline",
        path(&file),
        "--current",
        path(&file),
        "--baseline-where",
        "dataset=train",
        "--current-where",
        "dataset=test",
        "--preset",
        "evidently",
        "--out",
        path(&out),
    ]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let report = json(&out);
    assert_eq!((report["n_baseline"].as_u64(), report["n_current"].as_u64()), (Some(1200), Some(1200)));
    // The split column is not tested; the 15 others are, as Evidently does (tools/reference/drift_report.py, case "adult").
    assert_eq!(report["n_tested"], 15);
    assert_eq!(column(&report, "capital_gain")["drifted"], true);
}

#[test]
fn bad_options_say_what_is_wrong() {
    let out_file = scratch("drift", "bad-options").join("bad.json");
    let (base_file, cur_file) = (fixture("car_loan_reference_300.csv"), fixture("car_loan_analysis_300.csv"));
    let (base, cur, out) = (path(&base_file), path(&cur_file), path(&out_file));
    let output = tideline(&["drift", "--baseline", base, "--current", cur, "--preset", "nope", "--out", out]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("unknown preset 'nope'"));
    let output = tideline(&["drift", "--baseline", base, "--current", cur, "--test", "kolmogorov", "--out", out]);
    assert!(String::from_utf8_lossy(&output.stderr).contains("unknown test 'kolmogorov'"));
    let output = tideline(&["drift", "--baseline", base, "--current", cur, "--numeric", "salary_range", "--out", out]);
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot be numerical"));
}
