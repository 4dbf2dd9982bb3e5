//! `tideline model-quality --data DATA --problem binary|multiclass|regression
//! --label Y (--prediction P | --probability S [--threshold T]) [--constraints C] --out DIR`:
//! Model Monitor's model-quality job. Writes `DIR/statistics.json`,
//! `DIR/constraints.json` (suggested from these statistics) and, with
//! `--constraints`, `DIR/constraint_violations.json`. Rows whose label or
//! prediction is missing are left out and counted on stderr.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use tideline_engine::model_quality::{
    binary_statistics, evaluate_constraints, labels_from_scores, multiclass_statistics, regression_statistics,
    subsample::DEFAULT_SEED, suggest_constraints, violations_json, ModelQualityConstraints, ModelQualityStatistics,
};
use tideline_engine::table::{Column, Table};

use crate::load::{stacked, ReadArgs};
use crate::output::Outputs;

/// Model Monitor's problem types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Problem {
    /// Two classes.
    Binary,
    /// More than two classes.
    Multiclass,
    /// A number.
    Regression,
}

/// Arguments of `model-quality`.
#[derive(Debug, Args)]
pub struct ModelQualityArgs {
    /// Data files with labels and predictions (stacked).
    #[arg(long = "data", required = true, value_name = "DATA")]
    data: Vec<PathBuf>,
    /// The problem type.
    #[arg(long, value_enum)]
    problem: Problem,
    /// The ground-truth column.
    #[arg(long, value_name = "Y")]
    label: String,
    /// The predicted label (or value) column.
    #[arg(long, value_name = "P", required_unless_present = "probability")]
    prediction: Option<String>,
    /// The predicted probability column (binary): labels from --threshold, and auc and curves.
    #[arg(long, value_name = "S")]
    probability: Option<String>,
    /// Probability cut-off: positive when the probability is above it.
    #[arg(long, value_name = "T", default_value_t = 0.5, value_parser = crate::numbers::unit)]
    threshold: f64,
    /// The positive label value (binary; default 1 or true when the labels are 0/1 or booleans).
    #[arg(long, value_name = "V")]
    positive: Option<String>,
    /// A constraints.json to check the statistics against.
    #[arg(long, value_name = "C")]
    constraints: Option<PathBuf>,
    /// Output directory (created when absent).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    #[command(flatten)]
    read: ReadArgs,
}

fn column<'t>(table: &'t Table, name: &str) -> Result<&'t Column, String> {
    table.column(name).ok_or_else(|| format!("the data has no column {name}"))
}

/// Rows where every given column has a value.
fn complete_rows(columns: &[&Column], n: usize) -> Vec<usize> {
    (0..n).filter(|&i| columns.iter().all(|c| !c.data.is_missing(i))).collect()
}

fn keys(column: &Column, rows: &[usize]) -> Vec<String> {
    rows.iter().map(|&i| column.data.category_key(i).unwrap_or_default()).collect()
}

fn numbers(column: &Column, rows: &[usize]) -> Result<Vec<f64>, String> {
    rows.iter()
        .map(|&i| {
            let key = column.data.category_key(i).unwrap_or_default();
            key.parse::<f64>().map_err(|_| format!("column {} row {}: {key:?} is not a number", column.name, i + 1))
        })
        .collect()
}

/// The positive label: given, or 1 / true when the labels are 0/1 or booleans.
fn positive_value(args: &ModelQualityArgs, labels: &[String]) -> Result<String, String> {
    let mut distinct: Vec<&str> = labels.iter().map(String::as_str).collect();
    distinct.sort_unstable();
    distinct.dedup();
    if let Some(p) = &args.positive {
        if !distinct.contains(&p.as_str()) {
            let shown: Vec<&str> = distinct.iter().copied().take(10).collect();
            return Err(format!(
                "--positive {p:?} is not a value of the label {} (its values include {shown:?})",
                args.label
            ));
        }
        return Ok(p.clone());
    }
    for (negative, positive) in [("0", "1"), ("false", "true")] {
        if distinct.iter().all(|v| *v == negative || *v == positive) {
            return Ok(positive.to_owned());
        }
    }
    Err(format!("the label {} has values {distinct:?}: name the positive one with --positive", args.label))
}

fn statistics(args: &ModelQualityArgs, table: &Table) -> Result<ModelQualityStatistics, String> {
    let label = column(table, &args.label)?;
    let prediction = args.prediction.as_deref().map(|p| column(table, p)).transpose()?;
    let probability = args.probability.as_deref().map(|p| column(table, p)).transpose()?;
    let used: Vec<&Column> = [Some(label), prediction, probability].into_iter().flatten().collect();
    let rows = complete_rows(&used, table.n_rows);
    if rows.len() < table.n_rows {
        eprintln!(
            "warning: {} of {} rows lack a label or a prediction and are left out",
            table.n_rows - rows.len(),
            table.n_rows
        );
    }
    if rows.is_empty() {
        return Err(format!("no row has both a label ({}) and a prediction or probability", args.label));
    }
    let truth = keys(label, &rows);
    let error = |e: tideline_engine::model_quality::ModelQualityError| e.to_string();
    match args.problem {
        Problem::Regression => {
            let p = prediction.ok_or("regression needs --prediction")?;
            regression_statistics(&numbers(label, &rows)?, &numbers(p, &rows)?, DEFAULT_SEED).map_err(error)
        }
        Problem::Multiclass => {
            let p = prediction.ok_or("multiclass needs --prediction")?;
            multiclass_statistics(&truth, &keys(p, &rows), DEFAULT_SEED).map_err(error)
        }
        Problem::Binary => {
            let positive = positive_value(args, &truth)?;
            let actual: Vec<bool> = truth.iter().map(|v| *v == positive).collect();
            let scores = probability.map(|s| numbers(s, &rows)).transpose()?;
            let predicted = match (prediction, &scores) {
                (Some(p), _) => keys(p, &rows).iter().map(|v| *v == positive).collect(),
                (None, Some(s)) => labels_from_scores(s, args.threshold).map_err(error)?,
                (None, None) => return Err("binary needs --prediction or --probability".into()),
            };
            let negative = truth.iter().find(|v| **v != positive).cloned().unwrap_or_else(|| "0".into());
            binary_statistics(&actual, &predicted, scores.as_deref(), (&negative, &positive), DEFAULT_SEED)
                .map_err(error)
        }
    }
}

pub fn run(args: &ModelQualityArgs) -> Result<(), String> {
    let table = stacked(&args.data, &args.read)?;
    let constraints = match &args.constraints {
        Some(path) => {
            let text = crate::files::read_text(path)?;
            let value: serde_json::Value =
                serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
            Some(ModelQualityConstraints::from_json(&value).map_err(|e| format!("{}: {e}", path.display()))?)
        }
        None => None,
    };
    let statistics = statistics(args, &table).map_err(|e| format!("{e} in {}", crate::load::names(&args.data)))?;
    let violations =
        constraints.map(|c| evaluate_constraints(&c, &statistics).map_err(|e| e.to_string())).transpose()?;
    let pretty = |v: &serde_json::Value| serde_json::to_string_pretty(v).unwrap_or_default();
    let out = args.out.join("constraint_violations.json");
    let mut outputs = Outputs::new();
    outputs.text(&args.out.join("statistics.json"), &pretty(&statistics.to_json()))?;
    outputs.text(&args.out.join("constraints.json"), &pretty(&suggest_constraints(&statistics).to_json()))?;
    if let Some(violations) = &violations {
        outputs.text(&out, &pretty(&violations_json(violations)))?;
    }
    outputs.commit()?;
    say!("{} rows", statistics.item_count);
    for (name, m) in statistics.scalars() {
        say!("  {name:<40} {:>10.4}", m.value);
    }
    if let Some(violations) = violations {
        if violations.is_empty() {
            say!("Completed: no violations.");
        } else {
            say!("CompletedWithViolations: {} violations written to {}", violations.len(), out.display());
        }
    }
    Ok(())
}
