//! `cargo xtask bench shap`: SHAP on the cases. TreeSHAP on a
//! generated ensemble of 100 trees of depth 6 over 20 features:
//! path-dependent on 100,000 rows and interventional (100 background rows)
//! on 10,000 rows, natively on one thread (the engine's `tree_shap`
//! example); Kernel SHAP with 12 features, 1,000 rows, 2,072 coalitions and
//! 10 baseline rows (the `kernel_shap` example: a logistic model and a
//! 100-tree ensemble). The `tree_shap` example also writes the ensemble as
//! an XGBoost JSON model with the rows as CSVs, and the browser half loads
//! them into the Explainability view in headless Chromium: with every core,
//! and with the worker told it has one. The browser explains both sides
//! (100,000 current and 1,000 baseline rows), so its per-core figure is
//! compared per row: seconds × workers / rows against native seconds /
//! rows (target ≤ 1.5). `TIDELINE_BENCH_NATIVE=1` skips the browser half.

use std::path::{Path, PathBuf};

use crate::bench::last_json;
use crate::run::{cmd, exec, output, root};
use crate::tools::{ensure_browser_tools, ensure_rust_tools};

fn number(json: &serde_json::Value, key: &str) -> Result<f64, String> {
    json.get(key).and_then(serde_json::Value::as_f64).ok_or_else(|| format!("benchmark output lacks '{key}': {json}"))
}

/// Cargo's target directory (`CARGO_TARGET_DIR` when set).
fn target() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root().join("target"), PathBuf::from)
}

/// Where cargo puts release examples.
fn example(name: &str) -> PathBuf {
    target().join("release/examples").join(name)
}

/// Where Trunk builds the app (`TIDELINE_DIST` when set, as the e2e tests read it).
fn dist() -> PathBuf {
    std::env::var_os("TIDELINE_DIST").map_or_else(|| root().join("dist"), PathBuf::from)
}

fn native_only() -> bool {
    std::env::var_os("TIDELINE_BENCH_NATIVE").is_some_and(|v| v == "1")
}

/// The browser runs: `{"all": {...}, "one": {...}}`, each with rows, millis and workers.
fn browser(files: &Path) -> Result<serde_json::Value, String> {
    let dist = dist();
    exec(cmd("trunk", &["build", "--release", "--dist"]).arg(&dist))?;
    let arg = |name: &str| files.join(name).to_string_lossy().into_owned();
    let (baseline, current, model) = (arg("shap_baseline.csv"), arg("shap_current.csv"), arg("shap_model.json"));
    last_json(&output(
        cmd("node", &["bench-shap.mjs", &baseline, &current, &model])
            .current_dir(root().join("tests/e2e"))
            .env("TIDELINE_DIST", &dist),
    )?)
}

pub fn run() -> Result<(), String> {
    if !native_only() {
        ensure_rust_tools()?;
        ensure_browser_tools()?;
    }
    let release = ["build", "--release", "-p", "tideline-engine", "--example", "tree_shap", "--example", "kernel_shap"];
    exec(&mut cmd("cargo", &release))?;
    let files = target().join("bench/shap");
    let tree = last_json(&output(std::process::Command::new(example("tree_shap")).arg("--files").arg(&files))?)?;
    let kernel = last_json(&output(&mut std::process::Command::new(example("kernel_shap")))?)?;
    let web = if native_only() { None } else { Some(browser(&files)?) };

    let margin_diff = tree.get("files").map_or(f64::NAN, |f| number(f, "max_margin_diff").unwrap_or(f64::NAN));
    println!(
        "\nThe browser's inputs: {} (XGBoost JSON read back: largest margin difference {margin_diff:e})",
        files.display()
    );
    println!("\nTreeSHAP, 100 trees of depth 6, 20 features; Kernel SHAP, 12 features, 2,072 coalitions, 10 baseline rows; one thread (native release)\n");
    println!("| method | rows | seconds | rows/s | largest additivity error | target |");
    println!("|---|---:|---:|---:|---:|---|");
    let native_rows = number(&tree, "rows")?;
    let native_seconds = number(&tree, "path_seconds")?;
    println!(
        "| TreeSHAP path-dependent | {native_rows} | {native_seconds:.2} | {:.0} | {:.1e} | ≤ 15 s |",
        number(&tree, "path_rows_per_second")?,
        number(&tree, "path_additivity_error")?,
    );
    let (threads, parallel) = (number(&tree, "parallel_threads")?, number(&tree, "parallel_seconds")?);
    println!(
        "| TreeSHAP path-dependent, {threads} threads (`tideline explain`) | {native_rows} | {parallel:.2} | {:.0} | | {:.2}× one thread |",
        native_rows / parallel,
        native_seconds / parallel
    );
    println!(
        "| TreeSHAP interventional, {} background rows | {} | {:.2} | {:.0} | {:.1e} | |",
        number(&tree, "background_rows")?,
        number(&tree, "interventional_rows")?,
        number(&tree, "interventional_seconds")?,
        number(&tree, "interventional_rows_per_second")?,
        number(&tree, "interventional_additivity_error")?,
    );
    let kernel_rows = number(&kernel, "rows")?;
    for (model, key) in [("logistic model", "linear_seconds"), ("100 trees of depth 6", "trees_seconds")] {
        let seconds = number(&kernel, key)?;
        println!("| Kernel SHAP, {model} | {kernel_rows} | {seconds:.2} | {:.0} | | report |", kernel_rows / seconds);
    }
    let Some(web) = web else {
        println!("\nTIDELINE_BENCH_NATIVE=1: the browser half was skipped.");
        return Ok(());
    };
    println!(
        "\nPath-dependent TreeSHAP in the Explainability view (headless Chromium, both sides, parsing excluded)\n"
    );
    println!(
        "| where | rows | workers | seconds | per core vs native (s × workers / rows ÷ native s / rows) | target |"
    );
    println!("|---|---:|---:|---:|---:|---|");
    println!("| native, one thread | {native_rows} | 1 | {native_seconds:.2} | 1.00 | |");
    for (label, key) in [("Chromium, every core", "all"), ("Chromium, one worker", "one")] {
        let run = web.get(key).ok_or_else(|| format!("the browser benchmark lacks '{key}': {web}"))?;
        let (rows, seconds, workers) = (number(run, "rows")?, number(run, "millis")? / 1000.0, number(run, "workers")?);
        let per_core = seconds * workers / rows / (native_seconds / native_rows);
        println!("| {label} | {rows} | {workers} | {seconds:.2} | {per_core:.2} | ≤ 1.5 |");
    }
    Ok(())
}
