//! `tideline merge-ground-truth --capture FILES --ground-truth FILES --out merged.csv`:
//! joins labels to captured predictions, as Model Monitor's merge job does
//! (a row's `inferenceId`, else its `eventId`, against the label's
//! `eventId`), or by any id columns (`--capture-id`, `--truth-id`,
//! `--label`). Every captured row is kept (a row without a label has an
//! empty label); the counts of matched, unmatched and duplicate ids are
//! printed, so nothing is dropped silently.

use std::path::PathBuf;

use clap::Args;
use tideline_engine::io::{merge_ground_truth, merge_labels, JoinKeys};

use crate::load::{stacked, ReadArgs};
use crate::output::Outputs;
use crate::write_csv::write_csv;

/// Arguments of `merge-ground-truth`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Captured data (SageMaker data capture JSONL, or any table with an id column).
    #[arg(long, required = true, num_args = 1.., value_name = "FILES")]
    capture: Vec<PathBuf>,
    /// Ground truth (SageMaker ground-truth JSONL, or any table with an id and a label column).
    #[arg(long = "ground-truth", required = true, num_args = 1.., value_name = "FILES")]
    ground_truth: Vec<PathBuf>,
    /// The merged table, as CSV.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Id column(s) of the captured rows, comma-separated in order of preference (default: inferenceId,eventId).
    #[arg(long, value_name = "COL,...", value_delimiter = ',')]
    capture_id: Option<Vec<String>>,
    /// Id column of the ground truth (default: eventId).
    #[arg(long, value_name = "COL")]
    truth_id: Option<String>,
    /// Label column of the ground truth (default: groundTruthData).
    #[arg(long, value_name = "COL")]
    label: Option<String>,
    #[command(flatten)]
    read: ReadArgs,
}

pub fn run(args: &MergeArgs) -> Result<(), String> {
    let capture = stacked(&args.capture, &args.read)?;
    // Ground-truth files are sniffed on their own (they are JSONL even when the capture is CSV).
    let truth = stacked(&args.ground_truth, &ReadArgs::default())?;
    let generic = args.capture_id.is_some() || args.truth_id.is_some() || args.label.is_some();
    let merged = if generic {
        let keys = JoinKeys {
            capture_ids: args.capture_id.clone().unwrap_or_else(|| vec!["inferenceId".into(), "eventId".into()]),
            truth_id: args.truth_id.clone().unwrap_or_else(|| "eventId".into()),
            label: args.label.clone().unwrap_or_else(|| "groundTruthData".into()),
        };
        merge_labels(&capture, &truth, &keys)
    } else {
        merge_ground_truth(&capture, &truth)
    }
    .map_err(|e| e.to_string())?;
    let mut outputs = Outputs::new();
    write_csv(&mut outputs, &args.out, &merged.table)?;
    outputs.commit()?;
    say!("{}", merged.report.describe());
    say!("wrote {} ({} rows, {} columns)", args.out.display(), merged.table.n_rows, merged.table.columns.len());
    Ok(())
}
