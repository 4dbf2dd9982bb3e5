//! The output rule (issue 18): inputs are checked before anything is
//! written, outputs appear whole or not at all (no temporary file is left),
//! an output path equal to an input is refused, and a file that claims to
//! be a `statistics.json` is never re-read as data.

mod common;

use std::path::Path;

use common::{fixture, path, scratch, tideline};

/// Names in `dir`, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

fn refused(args: &[&str], needle: &str) -> String {
    let out = tideline(args);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
    assert!(stderr.contains(needle) && !stderr.contains("panicked"), "{args:?}: {stderr}");
    stderr
}

#[test]
fn an_output_equal_to_an_input_is_refused_and_the_input_kept() {
    let dir = scratch("outputs", "same");
    let base = dir.join("base.csv");
    std::fs::copy(fixture("car_loan_reference_300.csv"), &base).unwrap();
    let before = std::fs::read(&base).unwrap();
    let cur = fixture("car_loan_analysis_300.csv");
    refused(&["report", "--baseline", path(&base), "--current", path(&cur), "--out", path(&base)], "also an input");
    // The same file named another way is still the input.
    let other_name = dir.join(".").join("base.csv");
    refused(
        &["drift", "--baseline", path(&base), "--current", path(&cur), "--out", path(&other_name)],
        "also an input",
    );
    assert_eq!(std::fs::read(&base).unwrap(), before);
    assert_eq!(listing(&dir), ["base.csv"], "no temporary file left");
}

#[test]
fn a_failed_command_leaves_no_file_and_no_folder() {
    let dir = scratch("outputs", "failed");
    let data = fixture("car_loan_reference_300.csv");
    let bad = dir.join("bad_constraints.json");
    std::fs::write(&bad, "{\"version\": 0.0, \"binary_classification_constraints\": 7}").unwrap();
    let out_dir = dir.join("mq");
    let out = tideline(&[
        "model-quality",
        "--data",
        path(&data),
        "--problem",
        "binary",
        "--label",
        "repaid",
        "--prediction",
        "y_pred",
        "--constraints",
        path(&bad),
        "--out",
        path(&out_dir),
    ]);
    assert!(!out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!out_dir.exists(), "model-quality wrote before checking --constraints");

    let report = dir.join("pii.json");
    std::fs::write(&report, "the user's own file\n").unwrap();
    refused(
        &[
            "pii-scan",
            path(&data),
            "--json",
            path(&report),
            "--exclude",
            "martian",
            "--out",
            path(&dir.join("copy.csv")),
        ],
        "--exclude",
    );
    assert_eq!(std::fs::read_to_string(&report).unwrap(), "the user's own file\n");

    let attributions = dir.join("attributions");
    refused(
        &["attribution-drift", "--baseline", path(&bad), "--current", path(&bad), "--out", path(&attributions)],
        "bad_constraints.json",
    );
    assert!(!attributions.exists(), "attribution-drift made its folder before reading its inputs");
    assert_eq!(listing(&dir), ["bad_constraints.json", "pii.json"]);
}

#[test]
fn a_successful_command_leaves_only_its_outputs() {
    let dir = scratch("outputs", "whole");
    let data = fixture("car_loan_reference_300.csv");
    let out_dir = dir.join("nested").join("baseline");
    let out = tideline(&["suggest-baseline", "--data", path(&data), "--out", path(&out_dir)]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(listing(&out_dir), ["constraints.json", "statistics.json"]);
}

#[test]
fn a_broken_statistics_json_is_an_error_not_data() {
    let dir = scratch("outputs", "statistics");
    let data = fixture("car_loan_reference_300.csv");
    let good = dir.join("good");
    assert!(tideline(&["suggest-baseline", "--data", path(&data), "--out", path(&good)]).status.success());
    let text = std::fs::read_to_string(good.join("statistics.json")).unwrap();
    let cases = [
        ("truncated.json", text[..text.len() / 2].to_owned(), "statistics.json"),
        ("huge.json", text.replacen("\"item_count\": 300", "\"item_count\": 1e300", 1), "2^53"),
        ("two64.json", text.replacen("\"item_count\": 300", "\"item_count\": 18446744073709551616", 1), "2^53"),
        ("nine.json", text.replacen("\"item_count\": 300", "\"item_count\": 9007199254740992", 1), "rows ×"),
        ("empty.json", "{\"version\": 0.0, \"dataset\": {\"item_count\": 3}, \"features\": []}".into(), "no column"),
    ];
    for (name, body, needle) in cases {
        assert_ne!(body, text, "{name}: the edit must change the file");
        let file = dir.join(name);
        std::fs::write(&file, body).unwrap();
        let drift_out = dir.join("drift.json");
        let stderr =
            refused(&["drift", "--baseline", path(&file), "--current", path(&data), "--out", path(&drift_out)], needle);
        assert!(stderr.contains(name), "{name}: {stderr}");
        assert!(!drift_out.exists());
        if name == "nine.json" {
            continue; // a valid count: only rebuilding 2^53 rows is refused
        }
        let suggested = dir.join("suggested");
        let stderr = refused(&["suggest-baseline", "--data", path(&file), "--out", path(&suggested)], needle);
        assert!(stderr.contains(name), "{name}: {stderr}");
        assert!(!suggested.exists());
    }
}
