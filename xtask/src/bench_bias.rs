//! `cargo xtask bench bias`: every Clarify metric but FT on 1,000,000 rows,
//! and FT on 100,000 rows (six numeric features), natively and in headless
//! Chromium; parsing excluded (the worker's own timing of the analysis).

use crate::bench::{field, last_json};
use crate::generate_bias::{bias_ft_files, bias_metrics_files, FT_ROWS, METRIC_ROWS};
use crate::run::{cmd, exec, output, root};
use crate::tools::{ensure_browser_tools, ensure_rust_tools};

/// Best of three native runs.
fn native(data: &str, config: &str) -> Result<f64, String> {
    let exe = root().join("target/release/examples/bias");
    let mut best = f64::MAX;
    for _ in 0..3 {
        let json = last_json(&output(std::process::Command::new(&exe).args([data, config]))?)?;
        best = best.min(field(&json, "bias_seconds")?);
    }
    Ok(best)
}

fn browser(data: &str, config: &str, selector: &str) -> Result<serde_json::Value, String> {
    last_json(&output(
        cmd("node", &["bench-bias.mjs", data, config, selector])
            .current_dir(root().join("tests/e2e"))
            .env("TIDELINE_DIST", root().join("dist")),
    )?)
}

pub fn run() -> Result<(), String> {
    ensure_rust_tools()?;
    ensure_browser_tools()?;
    let (metrics_data, metrics_config) = bias_metrics_files()?;
    let (ft_data, ft_config) = bias_ft_files()?;
    let [md, mc, fd, fc] =
        [&metrics_data, &metrics_config, &ft_data, &ft_config].map(|p| p.to_string_lossy().into_owned());
    exec(&mut cmd("cargo", &["build", "--release", "-p", "tideline-engine", "--example", "bias"]))?;
    let native_metrics = native(&md, &mc)?;
    let native_ft = native(&fd, &fc)?;
    exec(&mut cmd("trunk", &["build", "--release"]))?;
    let wasm_metrics = browser(&md, &mc, "[data-group=\"education\"]")?;
    let wasm_ft = browser(&fd, &fc, "[data-methods=\"FT\"]")?;
    println!("\nBias metrics (parsing excluded)\n");
    println!("| analysis | rows | native (release) | target | wasm (Chromium worker) | target |");
    println!("|---|---:|---:|---|---:|---|");
    println!(
        "| every metric but FT (sex, group variable education) | {METRIC_ROWS} | {:.3} s | ≤ 0.3 s | {:.3} s | ≤ 1 s |",
        native_metrics,
        field(&wasm_metrics, "metrics_millis")? / 1000.0
    );
    println!(
        "| FT (6 numeric features) | {FT_ROWS} | {:.3} s | ≤ 1 s | {:.3} s | ≤ 2 s |",
        native_ft,
        field(&wasm_ft, "metrics_millis")? / 1000.0
    );
    println!(
        "\nIn the browser the view also computes 1000-resample bootstrap intervals of every metric and fairness.json: {:.3} s and {:.3} s in all.",
        field(&wasm_metrics, "millis")? / 1000.0,
        field(&wasm_ft, "millis")? / 1000.0
    );
    Ok(())
}
