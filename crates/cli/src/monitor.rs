//! `tideline monitor --statistics S --constraints C --data CUR --out DIR`:
//! checks a current dataset against a baseline, as a Model Monitor
//! monitoring job does; writes `DIR/statistics.json` (the current profile)
//! and `DIR/constraint_violations.json`, and prints the number of checks and
//! violations per check type.
//!
//! The exit status is 0 whenever the checks ran, with or without violations
//! (read the file or the summary for those); it is 1 on errors (unreadable
//! or malformed input, unwritable output).

use crate::files::read_text;
use std::path::PathBuf;

use clap::Args;
use tideline_engine::data_quality::{evaluate, Constraints, Statistics};

use crate::load::ReadArgs;
use crate::output::Outputs;
use crate::sketch_args::{profile_data, SketchArgs};

/// Arguments of `monitor`.
#[derive(Debug, Args)]
pub struct MonitorArgs {
    /// The baseline's statistics.json (Tideline's or SageMaker's).
    #[arg(long, value_name = "S")]
    statistics: PathBuf,
    /// The baseline's constraints.json.
    #[arg(long, value_name = "C")]
    constraints: PathBuf,
    /// Current data files (stacked into one dataset).
    #[arg(long = "data", required = true, value_name = "CUR")]
    data: Vec<PathBuf>,
    /// Output directory (created when absent).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    #[command(flatten)]
    read: ReadArgs,
    #[command(flatten)]
    sketch: SketchArgs,
}

pub fn run(args: &MonitorArgs) -> Result<(), String> {
    let baseline = Statistics::from_json(&read_text(&args.statistics)?)
        .map_err(|e| format!("{e}: {}", args.statistics.display()))?;
    let constraints = Constraints::from_json(&read_text(&args.constraints)?)
        .map_err(|e| format!("{e}: {}", args.constraints.display()))?;
    let current = profile_data(&args.data, &args.read, &args.sketch)?;
    let report = evaluate(&constraints, &baseline, &current).map_err(|e| e.to_string())?;
    let violations = report.violations();
    let violations_path = args.out.join("constraint_violations.json");
    let mut outputs = Outputs::new();
    outputs.text(&args.out.join("statistics.json"), &current.to_statistics().to_json())?;
    outputs.text(&violations_path, &violations.to_json())?;
    outputs.commit()?;
    say!("current: {} rows, {} columns", current.item_count, current.features.len());
    say!("{:<26} {:>7} {:>10}", "check", "checked", "violations");
    for (check, checked, failed) in report.counts() {
        say!("{:<26} {checked:>7} {failed:>10}", check.as_str());
    }
    let n = violations.violations.len();
    if n == 0 {
        say!("Completed: no violations.");
    } else {
        say!("CompletedWithViolations: {n} violations written to {}", violations_path.display());
    }
    Ok(())
}
