//! `cargo xtask bench parquet`: the generated 1,000,000 × 20 table as
//! Parquet (written by pyarrow with its defaults), read natively by
//! Tideline, by pyarrow's `read_table` in the same run, and in headless
//! Chromium by the app's worker.

use crate::bench::{field, last_json};
use crate::generate::ingest_file;
use crate::run::{cmd, exec, output, root};
use crate::tools::{ensure_browser_tools, ensure_rust_tools};

pub fn run() -> Result<(), String> {
    ensure_rust_tools()?;
    ensure_browser_tools()?;
    let python = root().join("tools/reference/.venv/bin/python");
    if !python.exists() {
        return Err("pyarrow is read from tools/reference/.venv: python3 -m venv tools/reference/.venv && \
                    tools/reference/.venv/bin/pip install -r tools/reference/requirements.txt"
            .into());
    }
    let csv = ingest_file()?;
    let parquet = csv.with_extension("parquet");
    let parquet_arg = parquet.to_string_lossy().into_owned();
    let script = root().join("tools/reference/bench_parquet.py").to_string_lossy().into_owned();
    // pyarrow writes the file (once) and times its own reader.
    let pyarrow =
        last_json(&output(&mut cmd(&python.to_string_lossy(), &[&script, &csv.to_string_lossy(), &parquet_arg]))?)?;

    exec(&mut cmd("cargo", &["build", "--release", "-p", "tideline-engine", "--example", "ingest"]))?;
    let exe = root().join("target/release/examples/ingest");
    let mut native: Option<serde_json::Value> = None;
    for _ in 0..5 {
        let json = last_json(&output(std::process::Command::new(&exe).arg(&parquet_arg))?)?;
        if native
            .as_ref()
            .is_none_or(|b| field(&json, "seconds").unwrap_or(f64::MAX) < field(b, "seconds").unwrap_or(f64::MAX))
        {
            native = Some(json);
        }
    }
    let native = native.ok_or("no native run")?;

    exec(&mut cmd("trunk", &["build", "--release"]))?;
    let wasm = last_json(&output(
        cmd("node", &["bench.mjs", &parquet_arg])
            .current_dir(root().join("tests/e2e"))
            .env("TIDELINE_DIST", root().join("dist")),
    )?)?;

    let mb = field(&pyarrow, "bytes")? / 1e6;
    println!(
        "\nParquet ingest: {} ({mb:.0} MB, {} rows x 20 numeric columns, {} row group(s), written by pyarrow {} with its defaults)\n",
        parquet.display(),
        field(&pyarrow, "rows")?,
        field(&pyarrow, "row_groups")?,
        pyarrow.get("pyarrow").and_then(serde_json::Value::as_str).unwrap_or("?")
    );
    println!("| reader | seconds | rows/s | peak memory | target |");
    println!("|---|---:|---:|---:|---|");
    let (n, p, w) = (field(&native, "seconds")?, field(&pyarrow, "seconds")?, field(&wasm, "ingest_millis")? / 1000.0);
    let rows = field(&native, "rows")?;
    println!(
        "| Tideline native (release) | {n:.3} | {:.0} | {:.0} MB (peak RSS) | ≤ pyarrow ({:.2}×) |",
        rows / n,
        field(&native, "peak_rss")? / 1e6,
        n / p
    );
    println!(
        "| pyarrow read_table ({} threads) | {p:.3} | {:.0} | | reference |",
        field(&pyarrow, "threads")?,
        rows / p
    );
    println!(
        "| Tideline wasm (Chromium worker) | {w:.3} | {:.0} | {:.0} MB (wasm memory) | ≤ 3× native ({:.2}×) |",
        rows / w,
        field(&wasm, "wasm_bytes")? / 1e6,
        w / n
    );
    Ok(())
}
