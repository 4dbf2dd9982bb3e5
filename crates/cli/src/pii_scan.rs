//! `tideline pii-scan`: the local personal-data scan of a dataset (per
//! column: kinds, counts, shares, masked samples), optionally writing a copy
//! with chosen columns masked or left out; `--evaluate` prints the scan's
//! precision and recall on the seeded labelled corpus.

use std::path::PathBuf;

use clap::Args;
use tideline_engine::pii::{corpus::labelled_corpus, evaluate, mask_column, scan_table, PiiReport};
use tideline_engine::table::Table;

use crate::load::{names, stacked, ReadArgs};
use crate::output::Outputs;
use crate::write_csv::write_csv;

/// Arguments of `pii-scan`.
#[derive(Debug, Args)]
pub struct PiiScanArgs {
    /// Files to scan; several are stacked into one dataset.
    #[arg(value_name = "FILE", required_unless_present = "evaluate")]
    files: Vec<PathBuf>,
    /// Write the report as JSON here ({"rows", "columns": [{"column", "present", "findings": [...]}]}).
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// Mask these columns (comma-separated) in the copy written by --out; `flagged` masks every flagged column.
    #[arg(long, value_delimiter = ',', value_name = "COLUMNS")]
    mask: Vec<String>,
    /// Leave these columns (comma-separated) out of the copy written by --out.
    #[arg(long, value_delimiter = ',', value_name = "COLUMNS")]
    exclude: Vec<String>,
    /// Write the data, masked and without the excluded columns, as CSV here.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Print precision and recall per kind on the labelled synthetic corpus (seeded) instead.
    #[arg(long)]
    evaluate: bool,
    /// The corpus seed for --evaluate.
    #[arg(long, default_value_t = 2026)]
    seed: u64,
    #[command(flatten)]
    read: ReadArgs,
}

pub fn run(args: &PiiScanArgs) -> Result<(), String> {
    if args.evaluate {
        return print_evaluation(args.seed);
    }
    if (!args.mask.is_empty() || !args.exclude.is_empty()) && args.out.is_none() {
        return Err("--mask and --exclude shape the copy written by --out: give --out FILE".into());
    }
    let mut table = stacked(&args.files, &args.read)?;
    let report = scan_table(&table);
    let mut outputs = Outputs::new();
    if let Some(out) = &args.out {
        shape_copy(args, &mut table, &report)?;
        write_csv(&mut outputs, out, &table)?;
    }
    if let Some(path) = &args.json {
        outputs.text(path, &serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?)?;
    }
    outputs.commit()?;
    say_raw!("{}", text(&report));
    Ok(())
}

/// Masks and drops the columns `--mask` and `--exclude` name.
fn shape_copy(args: &PiiScanArgs, table: &mut Table, report: &PiiReport) -> Result<(), String> {
    let flagged: Vec<String> = report.flagged().map(|c| c.column.clone()).collect();
    let mut to_mask: Vec<&str> = Vec::new();
    for name in &args.mask {
        if name == "flagged" {
            to_mask.extend(flagged.iter().map(String::as_str));
        } else if table.column(name).is_some() {
            to_mask.push(name);
        } else {
            return Err(format!("--mask: no column '{name}' in {}", names(&args.files)));
        }
    }
    for name in &args.exclude {
        if table.column(name).is_none() {
            return Err(format!("--exclude: no column '{name}' in {}", names(&args.files)));
        }
    }
    for name in to_mask {
        if let Some(column) = table.columns.iter_mut().find(|c| c.name == name) {
            let (masked, changed) = mask_column(column);
            eprintln!("masked {changed} cells of '{name}'");
            *column = masked;
        }
    }
    table.columns.retain(|c| !args.exclude.contains(&c.name));
    Ok(())
}

fn text(report: &PiiReport) -> String {
    let mut out = format!("{} rows, {} columns scanned\n", report.rows, report.columns.len());
    let mut any = false;
    for column in report.flagged() {
        any = true;
        for f in &column.findings {
            out.push_str(&format!(
                "{:<24} {:<18} {:>9} cells {:>6.1} %  e.g. {}\n",
                column.column,
                f.kind.label(),
                f.cells,
                100.0 * f.share,
                f.samples.join(" | ")
            ));
        }
    }
    if !any {
        out.push_str("no personal data found\n");
    }
    out
}

fn print_evaluation(seed: u64) -> Result<(), String> {
    let corpus = labelled_corpus(seed, 1000, 8000);
    say!("labelled corpus: seed {seed}, 1000 cells per kind, 8000 hard negatives\n");
    say!("| kind | precision | recall | true positives | false positives | false negatives |");
    say!("|---|---:|---:|---:|---:|---:|");
    for s in evaluate(&corpus) {
        say!(
            "| {} | {:.4} | {:.4} | {} | {} | {} |",
            s.kind.label(),
            s.precision,
            s.recall,
            s.true_positives,
            s.false_positives,
            s.false_negatives
        );
    }
    Ok(())
}
