//! Bias benchmark (run by `cargo xtask bench bias`): loads a file, runs the
//! analysis an `analysis_config.json` describes and prints timings as JSON
//! (loading excluded from `bias_seconds`).
//!
//! Usage: `cargo run --release -p tideline-engine --example bias -- DATA CONFIG`

use std::time::Instant;

use tideline_engine::bias::{run_bias, AnalysisConfig};
use tideline_engine::io::{load_reader, LoadOptions};
use tideline_engine::progress::NoProgress;

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(data), Some(config)) = (args.get(1), args.get(2)) else {
        return Err("usage: bias DATA CONFIG".into());
    };
    let config = AnalysisConfig::from_json(&std::fs::read_to_string(config).map_err(|e| e.to_string())?)
        .map_err(|e| e.to_string())?;
    let file = std::fs::File::open(data).map_err(|e| format!("{data}: {e}"))?;
    let bytes = file.metadata().map_err(|e| e.to_string())?.len();
    let table =
        load_reader(data, file, Some(bytes), LoadOptions::default(), &mut NoProgress).map_err(|e| e.to_string())?.table;
    let started = Instant::now();
    let run = run_bias(&table, &config).map_err(|e| e.to_string())?;
    let seconds = started.elapsed().as_secs_f64();
    let metrics = [&run.analysis.pre_training_bias_metrics, &run.analysis.post_training_bias_metrics]
        .into_iter()
        .flatten()
        .flat_map(|s| s.facets.values().flatten())
        .map(|v| v.metrics.iter().filter(|m| m.value.is_some()).count())
        .sum::<usize>();
    println!("{{\"rows\":{},\"metrics\":{metrics},\"bias_seconds\":{seconds}}}", table.n_rows);
    Ok(())
}
