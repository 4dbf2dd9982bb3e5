//! Sketch mode through the CLI (issue 19): `profile` writes a state that
//! `drift --baseline state.tl` reuses, `merge-states` merges runs, forced
//! `--mode sketch` gives exact mode's verdicts, and what sketch mode cannot
//! do is refused with nothing written.

mod common;

use common::{engine_fixture, json, path, scratch, tideline};

fn run(args: &[&str]) -> std::process::Output {
    let out = tideline(args);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out
}

/// Tested columns with their test, verdict and statistic.
fn columns(report: &serde_json::Value) -> Vec<(String, String, bool, f64)> {
    report["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let name = c["name"].as_str().unwrap().to_owned();
            (name, c["test"].to_string(), c["drifted"].as_bool().unwrap(), c["statistic"].as_f64().unwrap_or(f64::NAN))
        })
        .collect()
}

#[test]
fn a_profiled_state_is_a_baseline_and_states_merge() {
    let dir = scratch("sketch_mode", "state");
    let data = engine_fixture("columnar", "car_loan.csv");
    let other = engine_fixture("columnar", "car_loan_zstd.parquet");
    let state = dir.join("base.tl");
    let said = run(&["profile", "--data", path(&data), "--out", path(&state)]);
    assert!(String::from_utf8_lossy(&said.stdout).contains("profiled 3000 rows"), "{said:?}");
    // The state as baseline: sketch mode, the same columns and verdicts as exact mode.
    let exact = dir.join("exact.json");
    run(&["drift", "--baseline", path(&data), "--current", path(&other), "--out", path(&exact), "--mode", "exact"]);
    let sketch = dir.join("sketch.json");
    run(&["drift", "--baseline", path(&state), "--current", path(&other), "--out", path(&sketch)]);
    let (e, s) = (json(&exact), json(&sketch));
    assert_eq!(e["mode"], "exact");
    assert_eq!(s["mode"], "sketch");
    let (ec, sc) = (columns(&e), columns(&s));
    assert_eq!(ec.len(), sc.len());
    assert!(ec.len() >= 5);
    for (a, b) in ec.iter().zip(&sc) {
        assert_eq!((&a.0, &a.1, a.2), (&b.0, &b.1, b.2));
        // 3,000 rows fit in every sketch: the statistics are exact.
        assert!((a.3 - b.3).abs() <= 1e-9 || (a.3.is_nan() && b.3.is_nan()), "{}: {} vs {}", a.0, a.3, b.3);
    }
    // Two runs' states merge into the state of both.
    let second = dir.join("second.tl");
    run(&["profile", "--data", path(&other), "--out", path(&second)]);
    let merged = dir.join("merged.tl");
    let said = run(&["merge-states", path(&state), path(&second), "--out", path(&merged)]);
    assert!(String::from_utf8_lossy(&said.stdout).contains("6000 rows"), "{said:?}");
    let both = dir.join("both.json");
    run(&["drift", "--baseline", path(&merged), "--current", path(&data), "--out", path(&both)]);
    assert_eq!(json(&both)["n_baseline"], 6000);
}

#[test]
fn what_sketch_mode_cannot_do_is_refused_with_nothing_written() {
    let dir = scratch("sketch_mode", "refusals");
    let data = engine_fixture("columnar", "car_loan.csv");
    let out = dir.join("drift.json");
    let cases: [(&[&str], &str); 4] = [
        (&["--mode", "sketch", "--baseline-where", "a=b"], "not available in sketch mode"),
        (&["--mode", "fast"], "unknown mode 'fast'"),
        (&["--memory-budget", "12Q"], "is not a size"),
        (&["--memory-budget", "1K"], "too small"),
    ];
    for (extra, expected) in cases {
        let mut args = vec!["drift", "--baseline", path(&data), "--current", path(&data), "--out", path(&out)];
        args.extend_from_slice(extra);
        let run = tideline(&args);
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(!run.status.success() && stderr.contains(expected), "{extra:?}: {stderr}");
        assert!(!out.exists(), "{extra:?} wrote {}", out.display());
    }
    let merged = dir.join("m.tl");
    let run = tideline(&["merge-states", path(&data), path(&data), "--out", path(&merged)]);
    assert!(String::from_utf8_lossy(&run.stderr).contains("is not a Tideline state file"));
    assert!(!merged.exists());
}

#[test]
fn model_monitor_files_from_a_streamed_profile_equal_exact_modes() {
    let dir = scratch("sketch_mode", "monitor");
    let data = engine_fixture("columnar", "car_loan.csv");
    let (exact, sketch) = (dir.join("exact"), dir.join("sketch"));
    run(&["suggest-baseline", "--data", path(&data), "--out", path(&exact), "--mode", "exact"]);
    run(&[
        "suggest-baseline",
        "--data",
        path(&data),
        "--out",
        path(&sketch),
        "--mode",
        "sketch",
        "--memory-budget",
        "64M",
    ]);
    let mut compared = 0;
    for file in ["statistics.json", "constraints.json"] {
        assert_eq!(json(&sketch.join(file)), json(&exact.join(file)), "{file}");
        compared += 1;
    }
    // monitor reads the current data the same way.
    let (a, b) = (dir.join("monitor_exact"), dir.join("monitor_sketch"));
    let stats = exact.join("statistics.json");
    let constraints = exact.join("constraints.json");
    for (out, mode) in [(&a, "exact"), (&b, "sketch")] {
        run(&[
            "monitor",
            "--statistics",
            path(&stats),
            "--constraints",
            path(&constraints),
            "--data",
            path(&data),
            "--out",
            path(out),
            "--mode",
            mode,
        ]);
    }
    for file in ["statistics.json", "constraint_violations.json"] {
        assert_eq!(json(&b.join(file)), json(&a.join(file)), "monitor {file}");
        compared += 1;
    }
    assert_eq!(compared, 4);
}
