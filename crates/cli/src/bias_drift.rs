//! `tideline bias-drift --baseline analysis.json --config C --data DATA --out DIR`:
//! Model Monitor's bias drift check. Computes the current metrics, compares
//! each with the baseline's (a metric farther from no bias than its baseline
//! value is a violation; the rule is documented in the engine's
//! `bias::drift_check`), writes `DIR/analysis.json` and
//! `DIR/constraint_violations.json`. Exit status 0 whenever the check ran.

use std::path::PathBuf;

use clap::Args;
use tideline_engine::bias::{
    bias_drift, bias_violations, judge_beyond_noise, metric_intervals, Analysis, BootstrapOptions,
};

use crate::bias::{analyse, stage_outputs};
use crate::bias_args::BiasConfigArgs;
use crate::output::Outputs;

/// Arguments of `bias-drift`.
#[derive(Debug, Args)]
pub struct BiasDriftArgs {
    /// The baseline's analysis.json (Clarify's or Tideline's).
    #[arg(long, value_name = "FILE")]
    baseline: PathBuf,
    #[command(flatten)]
    input: BiasConfigArgs,
    /// Output directory (created when absent).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
}

/// The baseline's metrics written as `"NaN"` (no drift rule can fire on them).
fn nan_metrics(baseline: &Analysis) -> usize {
    [&baseline.pre_training_bias_metrics, &baseline.post_training_bias_metrics]
        .into_iter()
        .flatten()
        .flat_map(|stage| stage.facets.values().flatten())
        .flat_map(|facet| &facet.metrics)
        .filter(|m| m.value.is_some_and(f64::is_nan))
        .count()
}

pub fn run(args: &BiasDriftArgs) -> Result<(), String> {
    let text = crate::files::read_text(&args.baseline)?;
    let baseline = Analysis::from_json(&text).map_err(|e| format!("{e}: {}", args.baseline.display()))?;
    let (config, table, run) = analyse(&args.input)?;
    let mut checks = bias_drift(&baseline, &run.analysis);
    let nan = nan_metrics(&baseline);
    if checks.is_empty() {
        return Err(format!(
            "no metric of {} can be compared with this run: its facets, facet values or label differ{}",
            args.baseline.display(),
            if nan > 0 { format!(", and {nan} of its metrics are NaN") } else { String::new() }
        ));
    }
    if nan > 0 {
        eprintln!("warning: {nan} metrics of {} are NaN and cannot be checked", args.baseline.display());
    }
    judge_beyond_noise(&mut checks, &metric_intervals(&run, &BootstrapOptions::default()));
    let violations = bias_violations(&checks);
    let path = args.out.join("constraint_violations.json");
    let mut outputs = Outputs::new();
    stage_outputs(&mut outputs, &args.out, &table, &config, &run)?;
    outputs.text(&path, &violations.to_json())?;
    outputs.commit()?;
    let unchecked = checks.iter().filter(|c| c.current.is_none()).count();
    let beyond = checks.iter().filter(|c| c.beyond_noise).count();
    say!(
        "bias drift: {} metrics checked against the baseline, {} violations (Model Monitor's rule), {beyond} beyond their 95% bootstrap interval, {unchecked} not computable now",
        checks.len(),
        violations.violations.len()
    );
    if violations.violations.is_empty() {
        say!("Completed: no violations.");
    } else {
        for (v, c) in violations.violations.iter().zip(checks.iter().filter(|c| c.violated)) {
            say!("  {} = {}: {} {} ({})", v.facet, v.facet_value, v.metric_name, v.description, c.verdict());
        }
        say!("CompletedWithViolations: written to {}", path.display());
    }
    Ok(())
}
