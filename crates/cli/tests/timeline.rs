//! `tideline timeline` as a subprocess on the car-loan demo pair
//! (public/demo: 3,000 rows each, with timestamps): flags become the
//! configuration (windows, checks, methods, thresholds, alert rule), the
//! file has one cell per window for every series, and bad flags fail with a
//! message. The numbers themselves are checked against NannyML and
//! scikit-learn in the engine (tests/timeline_nannyml.rs, timeline_run.rs).

mod common;

use std::path::PathBuf;

use common::{json, tideline};

fn demo(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/demo").join(name).to_string_lossy().into_owned()
}

fn out(test: &str) -> PathBuf {
    common::scratch("timeline", test).join("timeline.json")
}

fn run(out: &std::path::Path, extra: &[&str]) -> std::process::Output {
    let (reference, current) = (demo("car_loan_reference.csv"), demo("car_loan_analysis.csv"));
    let mut args = vec!["timeline", "--baseline", &reference, "--current", &current, "--out", out.to_str().unwrap()];
    args.extend(extra);
    tideline(&args)
}

#[test]
fn flags_become_the_timeline() {
    let path = out("flags");
    let output = run(
        &path,
        &[
            "--window",
            "500rows",
            "--label",
            "repaid",
            "--prediction",
            "y_pred",
            "--score",
            "y_pred_proba",
            "--checks",
            "drift,model_quality,estimated",
            "--continuous-method",
            "kolmogorov_smirnov",
            "--categorical-method",
            "chi2",
            "--threshold",
            "model_quality=0.5:",
            "--alert",
            "2/3",
        ],
    );
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let timeline = json(&path);
    assert_eq!(timeline["window"], "500rows");
    assert_eq!(timeline["alert_rule"], serde_json::json!({"datapoints_to_alert": 2, "evaluation_period": 3}));
    let windows = timeline["windows"].as_array().unwrap();
    assert_eq!(windows.len(), 6);
    let checks = timeline["checks"].as_array().unwrap();
    let names: Vec<&str> = checks.iter().map(|c| c["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"drift:car_value:kolmogorov_smirnov"), "{names:?}");
    assert!(names.contains(&"drift:salary_range:chi2"), "{names:?}");
    assert!(names.contains(&"estimated_performance:auc"), "{names:?}");
    assert!(!names.iter().any(|n| n.starts_with("data_quality") || n.contains(":id:") || n.contains(":timestamp:")));
    for check in checks {
        assert_eq!(check["cells"].as_array().unwrap().len(), 6, "{}", check["name"]);
        assert_eq!(check["alert_states"].as_array().unwrap().len(), 6);
    }
    let f1 = checks.iter().find(|c| c["name"] == "model_quality:f1").unwrap();
    assert!(f1["cells"].as_array().unwrap().iter().all(|c| c["lower"] == 0.5 && c["upper"].is_null()));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.starts_with("6 windows of 500rows; alert rule 2/3"), "{stdout}");
}

#[test]
fn a_timeline_config_file_is_read_and_flags_override_it() {
    let dir = common::scratch("timeline", "config");
    let config = dir.join("config.json");
    std::fs::write(
        &config,
        r#"{"window":"1000rows","checks":["data_quality"],"alert":{"datapoints_to_alert":1,"evaluation_period":2}}"#,
    )
    .unwrap();
    let path = dir.join("timeline.json");
    let output = run(&path, &["--timeline-config", config.to_str().unwrap(), "--window", "1500rows"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let timeline = json(&path);
    assert_eq!((timeline["window"].as_str(), timeline["windows"].as_array().unwrap().len()), (Some("1500rows"), 2));
    assert_eq!(timeline["checks"][0]["name"], "data_quality:violations");
    assert_eq!(timeline["alert_rule"]["evaluation_period"], 2);
}

#[test]
fn bad_flags_fail_with_a_message() {
    let path = out("bad");
    let output = run(&path, &["--window", "500rows", "--checks", "drift,shap"]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("no check shap"));
    let output = run(&path, &["--window", "fortnight"]);
    assert!(String::from_utf8_lossy(&output.stderr).contains("--window fortnight"));
    let output = run(&path, &["--window", "1d", "--time-column", "when"]);
    assert!(String::from_utf8_lossy(&output.stderr).contains("the current data has no column when"));
    assert!(!path.exists());
}

#[test]
fn windows_under_the_minimum_are_not_judged() {
    // 3,000 rows in windows of 700: the last holds 200 rows.
    let path = out("min-rows");
    let output = run(&path, &["--window", "700rows", "--checks", "drift", "--min-window-rows", "300"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let timeline = json(&path);
    let rows: Vec<u64> =
        timeline["windows"].as_array().unwrap().iter().map(|w| w["n_rows"].as_u64().unwrap()).collect();
    assert_eq!(rows, [700, 700, 700, 700, 200]);
    for check in timeline["checks"].as_array().unwrap() {
        let cells = check["cells"].as_array().unwrap();
        assert_eq!(cells[4]["status"], "missing", "{}", check["name"]);
        assert!(cells[4]["value"].is_number(), "the value is still reported");
        assert!(cells[..4].iter().all(|c| c["status"] != "missing"));
    }
    let warnings = timeline["warnings"].as_array().unwrap();
    assert!(warnings.iter().any(|w| w.as_str().unwrap().contains("fewer than 300 rows")), "{warnings:?}");
}
