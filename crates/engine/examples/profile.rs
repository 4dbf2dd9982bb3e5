//! Profile benchmark: loads one file, then times the Model Monitor profile
//! (statistics.json) and the suggested constraints, excluding parsing.
//!
//! Usage: `cargo run --release -p tideline-engine --example profile -- FILE`
//! (e.g. target/bench/ingest_1m_x20.csv from `cargo xtask bench`).

use std::time::Instant;

use tideline_engine::data_quality::{profile_table, suggest_constraints};
use tideline_engine::io::{load_reader, LoadOptions};
use tideline_engine::progress::NoProgress;

fn main() -> Result<(), String> {
    let path = std::env::args().nth(1).ok_or("usage: profile FILE")?;
    let file = std::fs::File::open(&path).map_err(|e| format!("{path}: {e}"))?;
    let bytes = file.metadata().map_err(|e| e.to_string())?.len();
    let loaded_at = Instant::now();
    let loaded =
        load_reader(&path, file, Some(bytes), LoadOptions::default(), &mut NoProgress).map_err(|e| e.to_string())?;
    let load_seconds = loaded_at.elapsed().as_secs_f64();
    let started = Instant::now();
    let profile = profile_table(&loaded.table);
    let profile_seconds = started.elapsed().as_secs_f64();
    let statistics = profile.to_statistics();
    let constraints = suggest_constraints(&statistics);
    let total_seconds = started.elapsed().as_secs_f64();
    println!(
        "{{\"rows\":{},\"columns\":{},\"load_seconds\":{load_seconds},\"profile_seconds\":{profile_seconds},\"profile_and_suggest_seconds\":{total_seconds},\"constraints\":{}}}",
        loaded.table.n_rows,
        loaded.table.columns.len(),
        constraints.features.len()
    );
    Ok(())
}
