//! `cargo xtask bench`: CSV ingest throughput natively and in headless
//! Chromium (inside the app's worker, driven by Playwright), as a table.

use crate::generate::ingest_file;
use crate::run::{cmd, exec, output, root};
use crate::tools::{ensure_browser_tools, ensure_rust_tools};

/// Native runs; the best is reported (the others only warm the page cache).
const NATIVE_RUNS: usize = 3;

struct Figures {
    label: &'static str,
    bytes: f64,
    rows: f64,
    seconds: f64,
    typed_bytes: f64,
    peak_bytes: f64,
    peak_label: &'static str,
}

/// A number from a benchmark's JSON output.
pub fn field(json: &serde_json::Value, key: &str) -> Result<f64, String> {
    json.get(key).and_then(serde_json::Value::as_f64).ok_or_else(|| format!("benchmark output lacks '{key}': {json}"))
}

/// The JSON object a benchmark printed last.
pub fn last_json(out: &str) -> Result<serde_json::Value, String> {
    serde_json::from_str(out.trim().lines().last().unwrap_or_default()).map_err(|e| format!("{e}: {out}"))
}

pub fn run() -> Result<(), String> {
    ensure_rust_tools()?;
    ensure_browser_tools()?;
    let file = ingest_file()?;
    let file_arg = file.to_string_lossy().into_owned();

    exec(&mut cmd("cargo", &["build", "--release", "-p", "tideline-engine", "--example", "ingest"]))?;
    let exe = root().join("target/release/examples/ingest");
    let mut best: Option<serde_json::Value> = None;
    for _ in 0..NATIVE_RUNS {
        let out = output(std::process::Command::new(&exe).arg(&file_arg))?;
        let json: serde_json::Value = serde_json::from_str(out.trim()).map_err(|e| format!("{e}: {out}"))?;
        if best
            .as_ref()
            .is_none_or(|b| field(&json, "seconds").unwrap_or(f64::MAX) < field(b, "seconds").unwrap_or(f64::MAX))
        {
            best = Some(json);
        }
    }
    let native = best.ok_or("no native run")?;
    let native = Figures {
        label: "native (release)",
        bytes: field(&native, "bytes")?,
        rows: field(&native, "rows")?,
        seconds: field(&native, "seconds")?,
        typed_bytes: field(&native, "typed_bytes")?,
        peak_bytes: field(&native, "peak_rss")?,
        peak_label: "peak RSS",
    };

    exec(&mut cmd("trunk", &["build", "--release"]))?;
    let out = output(
        cmd("node", &["bench.mjs", &file_arg])
            .current_dir(root().join("tests/e2e"))
            .env("TIDELINE_DIST", root().join("dist")),
    )?;
    let json = last_json(&out)?;
    let wasm = Figures {
        label: "wasm (Chromium worker)",
        bytes: field(&json, "bytes")?,
        rows: field(&json, "rows")?,
        seconds: field(&json, "ingest_millis")? / 1000.0,
        typed_bytes: field(&json, "typed_bytes")?,
        peak_bytes: field(&json, "wasm_bytes")?,
        peak_label: "wasm memory",
    };

    println!("\nCSV ingest, {} ({:.0} MB, 1,000,000 rows x 20 numeric columns)\n", file.display(), native.bytes / 1e6);
    println!(
        "In the browser, {} worker(s) read the file at once; {:.2} s of the ingest waited for the File to be read; the schema summary then took {:.2} s more.\n",
        field(&json, "workers")?,
        field(&json, "read_millis")? / 1000.0,
        (field(&json, "millis")? - field(&json, "ingest_millis")?) / 1000.0
    );
    println!("| where | MB/s | rows/s | seconds | typed columns | peak memory | peak / typed | target |");
    println!("|---|---:|---:|---:|---:|---:|---:|---|");
    for (f, target) in [(&native, "≥ 300 MB/s, peak ≤ 2× typed"), (&wasm, "≥ 150 MB/s, peak ≤ 2× typed")] {
        println!(
            "| {} | {:.0} | {:.0} | {:.2} | {:.0} MB | {:.0} MB ({}) | {:.2} | {target} |",
            f.label,
            f.bytes / 1e6 / f.seconds,
            f.rows / f.seconds,
            f.seconds,
            f.typed_bytes / 1e6,
            f.peak_bytes / 1e6,
            f.peak_label,
            f.peak_bytes / f.typed_bytes
        );
    }
    Ok(())
}
