//! `tideline suggest-baseline --data BASE --out DIR`: profiles a baseline
//! dataset and writes `DIR/statistics.json` and `DIR/constraints.json`, as
//! SageMaker's baselining job does. BASE may also be a `statistics.json`
//! (for example one written by SageMaker), whose constraints are then suggested.

use std::path::PathBuf;

use clap::Args;
use tideline_engine::data_quality::suggest_constraints;

use crate::load::ReadArgs;
use crate::output::Outputs;
use crate::sketch_args::{profile_data, SketchArgs};
use crate::statistics_file::read_statistics;

/// Arguments of `suggest-baseline`.
#[derive(Debug, Args)]
pub struct SuggestBaselineArgs {
    /// Baseline data files (stacked into one dataset), or one statistics.json.
    #[arg(long = "data", required = true, value_name = "BASE")]
    data: Vec<PathBuf>,
    /// Output directory (created when absent).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    #[command(flatten)]
    read: ReadArgs,
    #[command(flatten)]
    sketch: SketchArgs,
}

pub fn run(args: &SuggestBaselineArgs) -> Result<(), String> {
    let statistics = match args.data.as_slice() {
        [single] => match read_statistics(single)? {
            Some(statistics) => statistics,
            None => profile_data(&args.data, &args.read, &args.sketch)?.to_statistics(),
        },
        _ => profile_data(&args.data, &args.read, &args.sketch)?.to_statistics(),
    };
    let constraints = suggest_constraints(&statistics);
    let mut outputs = Outputs::new();
    outputs.text(&args.out.join("statistics.json"), &statistics.to_json())?;
    outputs.text(&args.out.join("constraints.json"), &constraints.to_json())?;
    outputs.commit()?;
    let with_domain = constraints
        .features
        .iter()
        .filter(|f| f.string_constraints.as_ref().is_some_and(|s| s.domains.is_some()))
        .count();
    say!(
        "baseline: {} rows, {} columns; {} completeness and {} domain constraints",
        statistics.dataset.item_count,
        statistics.features.len(),
        constraints.features.iter().filter(|f| f.completeness.is_some()).count(),
        with_domain
    );
    say!("wrote {} and {}", args.out.join("statistics.json").display(), args.out.join("constraints.json").display());
    Ok(())
}
