//! `tideline inspect FILE...`: the schema as a table, or as JSON.

use crate::pad::pad_right;
use std::path::PathBuf;

use clap::Args;
use serde::Serialize;
use tideline_engine::summary::{summarize, DatasetSummary};
use tideline_engine::table::concat;

use crate::load::{load_file, ReadArgs};

/// Arguments of `inspect`.
#[derive(Debug, Args)]
pub struct InspectArgs {
    /// Files to read; several are stacked into one dataset.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Print JSON: {"rows": N, "columns": [{"name", "inferred_type", "kind", "missing", "distinct", "role"}]}.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    read: ReadArgs,
}

#[derive(Debug, Serialize)]
struct JsonSchema<'a> {
    rows: u64,
    columns: Vec<JsonColumn<'a>>,
}

#[derive(Debug, Serialize)]
struct JsonColumn<'a> {
    name: &'a str,
    inferred_type: &'static str,
    kind: &'static str,
    missing: u64,
    distinct: u64,
    role: &'static str,
}

pub fn run(args: &InspectArgs) -> Result<(), String> {
    let options = args.read.options()?;
    let mut tables = Vec::with_capacity(args.files.len());
    for path in &crate::files::expand_folders(&args.files)? {
        let loaded = load_file(path, &options)?;
        for warning in &loaded.warnings {
            eprintln!("warning: {} ({})", warning.message, warning.file);
        }
        tables.push(loaded.table);
    }
    let table = if tables.len() == 1 { tables.pop().unwrap_or_default() } else { concat(&tables) };
    let summary = summarize(&table);
    let out = if args.json { json(&summary)? } else { text(&summary) };
    say!("{out}");
    Ok(())
}

fn json(summary: &DatasetSummary) -> Result<String, String> {
    let schema = JsonSchema {
        rows: summary.rows,
        columns: summary
            .columns
            .iter()
            .map(|c| JsonColumn {
                name: &c.name,
                inferred_type: c.inferred_type.as_str(),
                kind: c.kind.as_str(),
                missing: c.missing,
                distinct: c.distinct,
                role: c.role.as_str(),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&schema).map_err(|e| e.to_string())
}

fn text(summary: &DatasetSummary) -> String {
    let header = ["column", "inferred_type", "kind", "role", "missing", "distinct", "range / top values"];
    let rows: Vec<[String; 7]> = summary
        .columns
        .iter()
        .map(|c| {
            let share = if summary.rows == 0 { 0.0 } else { 100.0 * c.missing as f64 / summary.rows as f64 };
            [
                c.name.clone(),
                c.inferred_type.as_str().to_owned(),
                c.kind.as_str().to_owned(),
                c.role.as_str().to_owned(),
                format!("{} ({share:.1}%)", c.missing),
                c.distinct.to_string(),
                c.overview(),
            ]
        })
        .collect();
    let mut widths = header.map(str::len);
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<&str>| {
        cells.iter().zip(widths).map(|(c, w)| pad_right(c, w)).collect::<Vec<_>>().join("  ").trim_end().to_owned()
    };
    let mut out = format!("{} rows, {} columns\n", summary.rows, summary.columns.len());
    out.push_str(&line(header.to_vec()));
    for row in &rows {
        out.push('\n');
        out.push_str(&line(row.iter().map(String::as_str).collect()));
    }
    out
}
