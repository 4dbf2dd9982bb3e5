//! `tideline bias --config analysis_config.json --data DATA [--out DIR]`:
//! Clarify's bias metrics. Writes `DIR/analysis.json` (Clarify's schema),
//! `DIR/fairness.json` (AIF360's and Fairlearn's metrics, with bootstrap
//! intervals, four-fifths flags, small-group warnings and the intersection of
//! several facets)
//! and `DIR/analysis_config.json` (the configuration used), and prints a
//! table of the metrics.

use std::path::{Path, PathBuf};

use clap::Args;
use tideline_engine::bias::fairness::FairnessOptions;
use tideline_engine::bias::{
    fairness_for_config, run_bias, Analysis, AnalysisConfig, BiasRun, BootstrapOptions, Metric,
};
use tideline_engine::table::Table;

use crate::bias_args::BiasConfigArgs;
use crate::output::Outputs;

/// Arguments of `bias`.
#[derive(Debug, Args)]
pub struct BiasArgs {
    #[command(flatten)]
    input: BiasConfigArgs,
    /// Output directory (created when absent); without it, only the table is printed.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

/// Prints every metric of an analysis, one line each.
pub fn print_analysis(analysis: &Analysis) {
    for (stage, report) in
        [("pre-training", &analysis.pre_training_bias_metrics), ("post-training", &analysis.post_training_bias_metrics)]
    {
        let Some(report) = report else { continue };
        say!("{stage}: label {} = {}", report.label, report.label_value_or_threshold);
        for (facet, values) in &report.facets {
            for value in values {
                say!("  {facet} = {}", value.value_or_threshold);
                for m in &value.metrics {
                    let text = match (m.value, &m.error) {
                        (Some(v), _) => {
                            let flag = Metric::parse(&m.name).is_some_and(|metric| metric.is_concern(v));
                            format!("{v:>10.4}{}", if flag { "  !" } else { "" })
                        }
                        (None, Some(e)) => format!("     error: {e}"),
                        (None, None) => "         -".into(),
                    };
                    say!("    {:<6}{text}", m.name);
                }
            }
        }
    }
}

/// Stages `analysis.json`, `fairness.json` (with seeded bootstrap
/// intervals) and the `analysis_config.json` used in `dir`; fairness is
/// computed before anything is staged.
pub fn stage_outputs(
    outputs: &mut Outputs,
    dir: &Path,
    table: &Table,
    config: &AnalysisConfig,
    run: &BiasRun,
) -> Result<(), String> {
    let options = FairnessOptions { bootstrap: Some(BootstrapOptions::default()), ..FairnessOptions::default() };
    let fairness = fairness_for_config(table, config, &options).map_err(|e| e.to_string())?;
    outputs.text(&dir.join("analysis.json"), &run.analysis.to_json())?;
    outputs.text(&dir.join("fairness.json"), &fairness.to_json())?;
    outputs.text(&dir.join("analysis_config.json"), &config.to_json())
}

/// Reads the config and the data, runs the analysis and prints it (warnings on stderr).
pub fn analyse(input: &BiasConfigArgs) -> Result<(AnalysisConfig, Table, BiasRun), String> {
    let config = input.config()?;
    let table = input.table(&config)?;
    let run = run_bias(&table, &config).map_err(|e| format!("{e} in {}", input.data_names()))?;
    for warning in &run.warnings {
        eprintln!("warning: {warning}");
    }
    print_analysis(&run.analysis);
    Ok((config, table, run))
}

pub fn run(args: &BiasArgs) -> Result<(), String> {
    let (config, table, run) = analyse(&args.input)?;
    if let Some(dir) = &args.out {
        let mut outputs = Outputs::new();
        stage_outputs(&mut outputs, dir, &table, &config, &run)?;
        outputs.commit()?;
        say!("wrote {}", dir.join("analysis.json").display());
    }
    Ok(())
}
