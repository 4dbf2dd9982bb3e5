//! `tideline`: Tideline's engine on the command line, for pipelines and big files.
#![deny(missing_docs)]

#[macro_use]
mod stdout;
mod attribution_drift;
mod bias;
mod bias_args;
mod bias_drift;
mod drift;
mod explain;
mod files;
mod inspect;
mod load;
mod merge_ground_truth;
mod merge_states;
mod model_quality;
mod monitor;
mod numbers;
mod output;
mod pad;
mod pii_scan;
mod profile;
mod report;
mod scenario;
mod sides_args;
mod sketch_args;
mod statistics_file;
mod suggest_baseline;
mod timeline;
mod write_csv;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Tideline: offline drift, bias and attribution explorer (command line).
#[derive(Debug, Parser)]
#[command(name = "tideline", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Show the schema of one dataset (several files are stacked, as on one side of the app).
    Inspect(inspect::InspectArgs),
    /// Profile a baseline and suggest Model Monitor constraints (statistics.json, constraints.json).
    SuggestBaseline(suggest_baseline::SuggestBaselineArgs),
    /// Check current data against a baseline's constraints (constraint_violations.json).
    Monitor(monitor::MonitorArgs),
    /// Test every column of current data for drift from a baseline (drift.json).
    Drift(drift::DriftArgs),
    /// Stream a dataset into a mergeable sketch state (bounded memory), to reuse as a drift baseline or merge.
    Profile(profile::ProfileArgs),
    /// Merge sketch states of several runs into the state of all their data.
    MergeStates(merge_states::MergeStatesArgs),
    /// Model Monitor's model-quality metrics (statistics.json, suggested constraints.json, violations).
    ModelQuality(model_quality::ModelQualityArgs),
    /// Join ground-truth labels to captured predictions (merged CSV; counts of what matched).
    MergeGroundTruth(merge_ground_truth::MergeArgs),
    /// Clarify's bias metrics for a labelled (and predicted) dataset (analysis.json).
    Bias(bias::BiasArgs),
    /// Check current bias metrics against a baseline analysis.json (constraint_violations.json).
    BiasDrift(bias_drift::BiasDriftArgs),
    /// Every check on every window of the current data, with thresholds and M-out-of-N alerts (timeline.json).
    Timeline(Box<timeline::TimelineArgs>),
    /// SHAP attributions of a model (or a surrogate) on a dataset (analysis.json, explanations_shap/out.csv).
    Explain(Box<explain::ExplainArgs>),
    /// Feature-attribution drift (NDCG) between analysis files, or per window of data (constraint_violations.json).
    AttributionDrift(Box<attribution_drift::AttributionDriftArgs>),
    /// Scan for personal data on this machine (emails, phones, cards, SSNs, IBANs, IPs, birth dates, names); mask or drop columns.
    PiiScan(pii_scan::PiiScanArgs),
    /// Generate a teaching scenario: a baseline and a current dataset with one kind of drift on purpose, its model and explanations.
    Scenario(scenario::ScenarioArgs),
    /// Everything that applies, in one self-contained HTML report (with the model card, the audit record and a zip of SageMaker files on request).
    Report(report::ReportArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Inspect(args) => inspect::run(&args),
        Command::SuggestBaseline(args) => suggest_baseline::run(&args),
        Command::Monitor(args) => monitor::run(&args),
        Command::Drift(args) => drift::run(&args),
        Command::Profile(args) => profile::run(&args),
        Command::MergeStates(args) => merge_states::run(&args),
        Command::Bias(args) => bias::run(&args),
        Command::MergeGroundTruth(args) => merge_ground_truth::run(&args),
        Command::ModelQuality(args) => model_quality::run(&args),
        Command::BiasDrift(args) => bias_drift::run(&args),
        Command::Timeline(args) => timeline::run(&args),
        Command::Explain(args) => explain::run(&args),
        Command::AttributionDrift(args) => attribution_drift::run(&args),
        Command::PiiScan(args) => pii_scan::run(&args),
        Command::Scenario(args) => scenario::run(&args),
        Command::Report(args) => report::run(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("tideline: {message}");
            ExitCode::FAILURE
        }
    }
}
