//! Drift benchmark (run by `cargo xtask bench`): loads a baseline and a
//! current file, runs a drift preset end to end and prints timings as JSON.
//!
//! Usage: `cargo run --release -p tideline-engine --example drift -- BASE CUR [PRESET]`

use std::time::Instant;

use tideline_engine::drift::{run_drift, DriftOptions, Preset};

#[path = "support/load.rs"]
mod load;
use load::load;

#[path = "support/peak_rss.rs"]
mod peak;
use peak::peak_rss;

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(base), Some(cur)) = (args.get(1), args.get(2)) else {
        return Err("usage: drift BASE CUR [PRESET]".into());
    };
    let preset = Preset::parse(args.get(3).map_or("evidently", String::as_str)).ok_or("unknown preset")?;
    let started = Instant::now();
    // Both files at once, as `tideline drift` reads them.
    let (baseline, current) = std::thread::scope(|scope| {
        let baseline = scope.spawn(|| load(base));
        let current = load(cur);
        (baseline.join().unwrap_or_else(|_| Err("the baseline's reader stopped".into())), current)
    });
    let (baseline, current) = (baseline?, current?);
    let loaded = started.elapsed().as_secs_f64();
    let report = run_drift(&baseline, &current, &DriftOptions { preset, ..DriftOptions::default() });
    let total = started.elapsed().as_secs_f64();
    let drifted: Vec<&str> = report.columns.iter().filter(|c| c.drifted).map(|c| c.name.as_str()).collect();
    println!(
        "{{\"preset\":\"{}\",\"rows\":{},\"columns\":{},\"load_seconds\":{loaded},\"drift_seconds\":{},\"seconds\":{total},\"peak_rss\":{},\"drifted\":{:?}}}",
        preset.name(),
        baseline.n_rows + current.n_rows,
        report.n_tested,
        total - loaded,
        peak_rss(),
        drifted
    );
    Ok(())
}
