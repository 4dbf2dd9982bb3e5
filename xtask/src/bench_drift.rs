//! `cargo xtask bench drift`: the `evidently` preset end to end (parsing
//! included) on a generated 1,000,000 × 20 baseline and a current file with
//! four shifted columns, natively and in headless Chromium.

use crate::bench::{field, last_json};
use crate::generate::{drift_current_file, ingest_file, SHIFTED};
use crate::run::{cmd, exec, output, root};
use crate::tools::{ensure_browser_tools, ensure_rust_tools};

const PRESET: &str = "evidently";

pub fn run() -> Result<(), String> {
    ensure_rust_tools()?;
    ensure_browser_tools()?;
    let base = ingest_file()?.to_string_lossy().into_owned();
    let cur = drift_current_file()?.to_string_lossy().into_owned();
    exec(&mut cmd(
        "cargo",
        &["build", "--release", "-p", "tideline-engine", "--example", "drift", "--example", "profile"],
    ))?;
    let exe = root().join("target/release/examples/drift");
    let mut best: Option<serde_json::Value> = None;
    for _ in 0..3 {
        let json = last_json(&output(std::process::Command::new(&exe).args([&base, &cur, PRESET]))?)?;
        if best
            .as_ref()
            .is_none_or(|b| field(&json, "seconds").unwrap_or(f64::MAX) < field(b, "seconds").unwrap_or(f64::MAX))
        {
            best = Some(json);
        }
    }
    let native = best.ok_or("no native run")?;
    let profile =
        last_json(&output(std::process::Command::new(root().join("target/release/examples/profile")).arg(&base))?)?;
    exec(&mut cmd("trunk", &["build", "--release"]))?;
    let wasm = last_json(&output(
        cmd("node", &["bench-drift.mjs", &base, &cur, PRESET])
            .current_dir(root().join("tests/e2e"))
            .env("TIDELINE_DIST", root().join("dist")),
    )?)?;
    let shifted: Vec<String> = SHIFTED.iter().map(|c| format!("x{c}")).collect();
    println!(
        "\nDrift, preset {PRESET}: 1,000,000 x 20 baseline vs current with {} shifted, parsing included\n",
        shifted.join(", ")
    );
    println!("| where | seconds end to end | of which tests | drifted columns | peak memory | target |");
    println!("|---|---:|---:|---:|---:|---|");
    println!(
        "| native (release) | {:.2} | {:.2} | {} | {:.0} MB (peak RSS) | ≤ 2 s |",
        field(&native, "seconds")?,
        field(&native, "drift_seconds")?,
        native.get("drifted").map_or_else(String::new, ToString::to_string),
        field(&native, "peak_rss")? / 1e6
    );
    println!(
        "| wasm (Chromium worker) | {:.2} | {:.2} | {} of {} | {:.0} MB (wasm memory) | ≤ 5 s, ≤ 700 MB |",
        field(&wasm, "seconds")?,
        field(&wasm, "drift_millis")? / 1000.0,
        field(&wasm, "drifted")?,
        field(&wasm, "tested")?,
        field(&wasm, "wasm_bytes")? / 1e6
    );
    println!("\nModel Monitor profile + suggested constraints of the 1,000,000 x 20 baseline (parsing excluded)\n");
    println!(
        "native: {:.2} s (profile {:.2} s). In the browser, profile of both sides + suggestion + the six checks: {:.2} s.",
        field(&profile, "profile_and_suggest_seconds")?,
        field(&profile, "profile_seconds")?,
        field(&wasm, "quality_millis")? / 1000.0
    );
    Ok(())
}
