//! `cargo xtask bench shap`: TreeSHAP on a generated ensemble of 100 trees
//! of depth 6 over 20 features: path-dependent on 100,000 rows and
//! interventional (100 background rows) on 10,000 rows, one thread, native
//! release build (the engine's `tree_shap` example; cargo is all it needs). The browser half comes
//! with the Explainability view; `TIDELINE_BENCH_NATIVE=1` will skip it.

use std::path::PathBuf;

use crate::run::{cmd, exec, output, root};

fn number(json: &serde_json::Value, key: &str) -> Result<f64, String> {
    json.get(key).and_then(serde_json::Value::as_f64).ok_or_else(|| format!("benchmark output lacks '{key}': {json}"))
}

/// Where cargo puts release examples (`CARGO_TARGET_DIR` when set).
fn example(name: &str) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| root().join("target"), PathBuf::from)
        .join("release/examples")
        .join(name)
}

pub fn run() -> Result<(), String> {
    exec(&mut cmd("cargo", &["build", "--release", "-p", "tideline-engine", "--example", "tree_shap"]))?;
    let out = output(&mut std::process::Command::new(example("tree_shap")))?;
    let json: serde_json::Value =
        serde_json::from_str(out.trim().lines().last().unwrap_or_default()).map_err(|e| format!("{e}: {out}"))?;
    println!("\nTreeSHAP, 100 trees of depth 6, 20 features, one thread (native release)\n");
    println!("| method | rows | seconds | rows/s | largest additivity error |");
    println!("|---|---:|---:|---:|---:|");
    println!(
        "| path-dependent | {} | {:.2} | {:.0} | {:.1e} |",
        number(&json, "rows")?,
        number(&json, "path_seconds")?,
        number(&json, "path_rows_per_second")?,
        number(&json, "path_additivity_error")?,
    );
    println!(
        "| interventional, {} background rows | {} | {:.2} | {:.0} | {:.1e} |",
        number(&json, "background_rows")?,
        number(&json, "interventional_rows")?,
        number(&json, "interventional_seconds")?,
        number(&json, "interventional_rows_per_second")?,
        number(&json, "interventional_additivity_error")?,
    );
    Ok(())
}
