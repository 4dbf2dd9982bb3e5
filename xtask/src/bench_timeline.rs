//! `cargo xtask bench timeline`: the monitoring timeline with every check
//! (data quality, NannyML drift, model quality, CBPE, bias) on NannyML's wfh
//! pair (10 windows of 5,000 rows, when ../shared/data is present) and on a
//! generated 1,000,000-row capture with 30 daily windows; natively and in
//! headless Chromium (the worker's own timing; parsing excluded).
//! `TIDELINE_BENCH_NATIVE=1` skips the browser half.

use std::path::PathBuf;

use crate::bench::last_json;
use crate::generate_bias::config;
use crate::generate_timeline::{timeline_files, CURRENT_ROWS, DAYS};
use crate::run::{cmd, exec, output, root};
use crate::tools::{ensure_browser_tools, ensure_rust_tools};

fn seconds(json: &serde_json::Value, key: &str) -> Result<f64, String> {
    json.get(key).and_then(serde_json::Value::as_f64).ok_or_else(|| format!("benchmark output lacks '{key}': {json}"))
}

/// Best of three native runs (the whole JSON of the best).
fn native(files: &[&str; 3]) -> Result<serde_json::Value, String> {
    let exe = root().join("target/release/examples/timeline");
    let mut best: Option<serde_json::Value> = None;
    for _ in 0..3 {
        let json = last_json(&output(std::process::Command::new(&exe).args(files))?)?;
        let better = match &best {
            Some(b) => seconds(&json, "timeline_seconds")? < seconds(b, "timeline_seconds")?,
            None => true,
        };
        if better {
            best = Some(json);
        }
    }
    best.ok_or_else(|| "no run".into())
}

fn browser(files: &[&str; 3]) -> Result<serde_json::Value, String> {
    if native_only() {
        return Ok(serde_json::json!({}));
    }
    last_json(&output(
        cmd("node", &["bench-timeline.mjs", files[0], files[1], files[2]])
            .current_dir(root().join("tests/e2e"))
            .env("TIDELINE_DIST", root().join("dist")),
    )?)
}

/// The wfh pair and its configuration, when the shared data is there.
fn wfh_files() -> Result<Option<[String; 3]>, String> {
    let data = root().join("../shared/data");
    let reference = data.join("nannyml_synthetic_binary_wfh_reference.csv");
    let analysis = data.join("nannyml_synthetic_binary_wfh_analysis.csv");
    if !reference.exists() || !analysis.exists() {
        eprintln!("../shared/data has no wfh pair: skipping it");
        return Ok(None);
    }
    let config: PathBuf = config(
        "timeline_wfh_config.json",
        r#"{"window":"5000rows","alert":{"datapoints_to_alert":2,"evaluation_period":3},
"model":{"problem":"binary","label":"work_home_actual","prediction":"y_pred","score":"y_pred_proba"},
"drift":{"exclude":["period"]},
"bias":{"label":"work_home_actual","label_values_or_threshold":[1],"facet":[{"name_or_index":"salary_range"}],"predicted_label":"y_pred",
"methods":{"pre_training_bias":{"methods":"all"},"post_training_bias":{"methods":["AD","CDDPL","DAR","DCA","DCR","DI","DPPL","DRR","GE","RD","SD","TE"]}}}}"#,
    )?;
    let text = |p: PathBuf| p.to_string_lossy().into_owned();
    Ok(Some([text(reference), text(analysis), text(config)]))
}

fn native_only() -> bool {
    std::env::var_os("TIDELINE_BENCH_NATIVE").is_some_and(|v| v == "1")
}

pub fn run() -> Result<(), String> {
    ensure_rust_tools()?;
    if !native_only() {
        ensure_browser_tools()?;
    }
    let (reference, current, config) = timeline_files()?;
    let generated = [reference, current, config].map(|p| p.to_string_lossy().into_owned());
    let wfh = wfh_files()?;
    exec(&mut cmd("cargo", &["build", "--release", "-p", "tideline-engine", "--example", "timeline"]))?;
    if !native_only() {
        exec(&mut cmd("trunk", &["build", "--release"]))?;
    }
    let mut rows: Vec<(String, serde_json::Value, serde_json::Value)> = Vec::new();
    if let Some(files) = &wfh {
        let f = [files[0].as_str(), files[1].as_str(), files[2].as_str()];
        rows.push(("NannyML wfh, 10 windows of 5,000 rows".into(), native(&f)?, browser(&f)?));
    }
    let g = [generated[0].as_str(), generated[1].as_str(), generated[2].as_str()];
    rows.push((format!("generated capture, {CURRENT_ROWS} rows, {DAYS} daily windows"), native(&g)?, browser(&g)?));
    println!("\nMonitoring timeline, every check (parsing excluded)\n");
    println!("| data | series | native (release) | wasm (Chromium worker) |");
    println!("|---|---:|---:|---:|");
    for (name, n, w) in &rows {
        let wasm = w
            .get("millis")
            .and_then(serde_json::Value::as_f64)
            .map_or("not run".into(), |ms| format!("{:.3} s", ms / 1000.0));
        println!(
            "| {name} | {} | {:.3} s | {wasm} |",
            n.get("series").and_then(serde_json::Value::as_u64).unwrap_or_default(),
            seconds(n, "timeline_seconds")?,
        );
    }
    for (name, n, _) in &rows {
        println!(
            "\nnative seconds per check, {name}: {}",
            n.get("check_seconds").map(ToString::to_string).unwrap_or_default()
        );
    }
    Ok(())
}
