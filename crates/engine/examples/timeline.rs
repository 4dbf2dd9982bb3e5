//! Timeline benchmark (run by `cargo xtask bench timeline`): loads a
//! reference and a current file, runs the timeline a configuration JSON
//! describes and prints timings as JSON (loading excluded from
//! `timeline_seconds`; `check_seconds` splits it per check).
//!
//! Usage: `cargo run --release -p tideline-engine --example timeline -- REFERENCE CURRENT CONFIG`

use std::time::Instant;

use tideline_engine::timeline::{run_timeline, TimelineConfig};

#[path = "support/load.rs"]
mod load;
use load::load;

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(reference), Some(current), Some(config)) = (args.get(1), args.get(2), args.get(3)) else {
        return Err("usage: timeline REFERENCE CURRENT CONFIG".into());
    };
    let config: TimelineConfig = serde_json::from_str(&std::fs::read_to_string(config).map_err(|e| e.to_string())?)
        .map_err(|e| e.to_string())?;
    let (reference, current) = (load(reference)?, load(current)?);
    let started = Instant::now();
    let mut marks: Vec<(String, f64)> = Vec::new();
    let run = run_timeline(&reference, &current, &config, &mut |check, _, _| {
        marks.push((check.to_owned(), started.elapsed().as_secs_f64()));
    })
    .map_err(|e| e.to_string())?;
    let seconds = started.elapsed().as_secs_f64();
    let per_check: Vec<String> = marks.windows(2).map(|w| format!("\"{}\":{:.4}", w[0].0, w[1].1 - w[0].1)).collect();
    let timeline = &run.timeline;
    for warning in &timeline.warnings {
        eprintln!("warning: {warning}");
    }
    println!(
        "{{\"rows\":{},\"windows\":{},\"series\":{},\"timeline_seconds\":{seconds},\"check_seconds\":{{{}}}}}",
        current.n_rows,
        timeline.windows.len(),
        timeline.checks.len(),
        per_check.join(",")
    );
    Ok(())
}
