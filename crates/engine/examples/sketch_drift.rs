//! Sketch-mode drift benchmark (run by `cargo xtask bench sketch`): both
//! sides streamed into states within a memory budget, each file read
//! `REPEAT` times in a row (a generator of REPEAT × its rows, without the
//! disk space), then the drift of the two states; prints JSON.
//!
//! Usage: `cargo run --release -p tideline-engine --example sketch_drift -- BASE CUR BUDGET_MB REPEAT [PRESET]`

use std::path::Path;
use std::time::Instant;

use tideline_engine::drift::sketched::run_drift_states;
use tideline_engine::drift::{DriftOptions, Preset};
use tideline_engine::io::LoadOptions;
use tideline_engine::progress::{Flow, ProgressUpdate};
use tideline_engine::sketch::{profile_file, DatasetState, StateBuilder};

#[path = "support/peak_rss.rs"]
mod peak;

fn side(path: &str, budget: u64, repeat: usize) -> Result<DatasetState, String> {
    let mut builder = StateBuilder::default();
    let mut progress = |_: ProgressUpdate| Flow::Continue;
    for _ in 0..repeat {
        profile_file(&mut builder, Path::new(path), path, &LoadOptions::default(), budget, &mut progress)
            .map_err(|e| e.to_string())?;
    }
    Ok(builder.finish())
}

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    let [_, base, cur, budget, repeat, rest @ ..] = args.as_slice() else {
        return Err("usage: sketch_drift BASE CUR BUDGET_MB REPEAT [PRESET]".into());
    };
    let budget = budget.parse::<u64>().map_err(|e| e.to_string())? << 20;
    let repeat = repeat.parse::<usize>().map_err(|e| e.to_string())?;
    let preset = rest.first().and_then(|p| Preset::parse(p)).unwrap_or_default();
    let bytes: u64 =
        [base, cur].iter().map(|p| std::fs::metadata(p).map_or(0, |m| m.len())).sum::<u64>() * repeat as u64;
    let start = Instant::now();
    let (b, c) = std::thread::scope(|scope| {
        let b = scope.spawn(|| side(base, budget / 2, repeat));
        let c = side(cur, budget / 2, repeat);
        (b.join().unwrap_or_else(|_| Err("the baseline's thread stopped".into())), c)
    });
    let (b, c) = (b?, c?);
    let profiled = start.elapsed().as_secs_f64();
    let report = run_drift_states(&b, &c, &[], &DriftOptions { preset, ..DriftOptions::default() });
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "{{\"rows\":{},\"bytes\":{bytes},\"seconds\":{seconds},\"profile_seconds\":{profiled},\"mb_per_s\":{},\"peak_rss\":{},\"drifted\":{},\"tested\":{}}}",
        b.rows(),
        bytes as f64 / 1e6 / seconds,
        peak::peak_rss(),
        report.n_drifted,
        report.n_tested
    );
    Ok(())
}
