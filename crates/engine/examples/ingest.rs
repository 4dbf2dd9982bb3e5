//! Ingest benchmark (run by `cargo xtask bench`): loads one file through the
//! chunked loader (a Parquet file through its row-group reader) and prints
//! throughput and memory as JSON.
//!
//! Usage: `cargo run --release -p tideline-engine --example ingest -- FILE`

use std::time::Instant;

use tideline_engine::io::{load_parquet, load_reader, LoadOptions};
use tideline_engine::progress::NoProgress;

/// A `/proc/self/status` field in bytes (Linux), 0 elsewhere.
fn status_bytes(field: &str) -> u64 {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else { return 0 };
    status
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<u64>().ok())
        .map_or(0, |kb| kb * 1024)
}

fn main() -> Result<(), String> {
    let path = std::env::args().nth(1).ok_or("usage: ingest FILE")?;
    let file = std::fs::File::open(&path).map_err(|e| format!("{path}: {e}"))?;
    let bytes = file.metadata().map_err(|e| e.to_string())?.len();
    let rss_before = status_bytes("VmRSS:");
    let started = Instant::now();
    let loaded = if path.ends_with(".parquet") {
        load_parquet(std::path::Path::new(&path), &path, &LoadOptions::default(), &mut NoProgress)
    } else {
        load_reader(&path, file, Some(bytes), LoadOptions::default(), &mut NoProgress)
    }
    .map_err(|e| e.to_string())?;
    let seconds = started.elapsed().as_secs_f64();
    let peak = status_bytes("VmHWM:");
    println!(
        "{{\"bytes\":{bytes},\"rows\":{},\"columns\":{},\"seconds\":{seconds},\"typed_bytes\":{},\"rss_before\":{rss_before},\"peak_rss\":{peak}}}",
        loaded.table.n_rows,
        loaded.table.columns.len(),
        loaded.table.typed_bytes()
    );
    Ok(())
}
