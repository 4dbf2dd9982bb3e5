//! `tideline explain --model MODEL --data DATA [--method …] --out DIR`:
//! SHAP attributions of every row as Clarify writes them,
//! `DIR/analysis.json` (`explanations.<method>.<label>.global_shap_values`,
//! `expected_value`) and `DIR/explanations_shap/out.csv`. Without a model,
//! `--surrogate-target COL` fits a surrogate on the data's features → COL
//! and explains it; its fidelity is printed and the outputs carry a
//! `surrogate` block, since the values explain the surrogate, not the
//! captured model.

use std::path::{Path, PathBuf};

use clap::Args;
use indicatif::ProgressBar;
use serde_json::{json, Value};
use tideline_engine::explain::{
    analysis_json, explain_table, feature_matrix, fit_surrogate, load_model, local_shap_csv, AggMethod, ExplainConfig,
    ExplainMethod, ExplainOutcome, Fidelity, LoadedModel, SurrogateOptions, SurrogateTarget,
};
use tideline_engine::progress::{Flow, ProgressUpdate};
use tideline_engine::roles::Role;
use tideline_engine::table::Table;

use crate::load::{stacked, ReadArgs};
use crate::output::Outputs;

/// Tables with fewer rows are explained without a progress bar (on stderr,
/// drawn only on a terminal).
const PROGRESS_BAR_ROWS: usize = 10_000;

/// Arguments of `explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The model: XGBoost JSON, LightGBM text or linear JSON (recognised by content).
    #[arg(long, value_name = "FILE", required_unless_present = "surrogate_target")]
    model: Option<PathBuf>,
    /// No model: fit a surrogate tree model on the data's features to this column and explain it.
    #[arg(long, value_name = "COLUMN", conflicts_with = "model")]
    surrogate_target: Option<String>,
    /// The rows to explain (several files are stacked).
    #[arg(long, value_name = "FILE", num_args = 1.., required = true)]
    data: Vec<PathBuf>,
    /// Background rows (Kernel SHAP's baseline; interventional and linear
    /// SHAP's background); default: the data (Kernel SHAP clusters it).
    #[arg(long = "baseline", value_name = "FILE", conflicts_with = "num_clusters")]
    background: Option<PathBuf>,
    #[command(flatten)]
    settings: ExplainSettings,
    /// Output directory (created when absent).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    #[command(flatten)]
    read: ReadArgs,
}

/// The SHAP settings shared by `explain` and `attribution-drift`.
#[derive(Debug, Args)]
pub struct ExplainSettings {
    /// tree, tree-interventional, kernel or linear (default: tree for trees, linear for linear models).
    #[arg(long, value_name = "METHOD")]
    method: Option<String>,
    /// Kernel SHAP: summarise the data into K k-means centres as the baseline (default 10).
    #[arg(long, value_name = "K")]
    pub num_clusters: Option<usize>,
    /// Kernel SHAP: coalitions per row (default min(2M + 2048, 2^M − 2)).
    #[arg(long, value_name = "N")]
    num_samples: Option<usize>,
    /// Seed of every random choice.
    #[arg(long, value_name = "S", default_value_t = 0)]
    seed: u64,
    /// Global aggregate: mean_abs, median or mean_sq.
    #[arg(long, value_name = "AGG", default_value = "mean_abs")]
    agg: String,
    /// Kernel SHAP: explain the log-odds of the predicted probabilities.
    #[arg(long)]
    use_logit: bool,
    /// Label names, one per model output (default label0, label1, …).
    #[arg(long, value_name = "A,B,...", value_delimiter = ',')]
    pub label_headers: Option<Vec<String>>,
}

impl ExplainSettings {
    /// The engine's configuration for these flags.
    pub fn config(&self) -> Result<ExplainConfig, String> {
        let agg = match self.agg.as_str() {
            "mean_abs" => AggMethod::MeanAbs,
            "median" => AggMethod::Median,
            "mean_sq" => AggMethod::MeanSq,
            other => return Err(format!("unknown --agg {other:?} (expected mean_abs, median or mean_sq)")),
        };
        Ok(ExplainConfig {
            method: self.method.as_deref().map(ExplainMethod::parse).transpose().map_err(|e| e.to_string())?,
            num_clusters: self.num_clusters,
            num_samples: self.num_samples,
            seed: self.seed,
            agg,
            use_logit: self.use_logit,
            ..ExplainConfig::default()
        })
    }
}

/// Reads a model file, naming it in errors.
pub fn read_model(path: &Path) -> Result<LoadedModel, String> {
    let bytes = crate::files::read_bytes(path)?;
    let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    load_model(&name, &bytes).map_err(|e| format!("{e}: {}", path.display()))
}

pub fn run(args: &ExplainArgs) -> Result<(), String> {
    let config = args.settings.config()?;
    let table = stacked(&args.data, &args.read)?;
    let (model, surrogate) = match (&args.model, &args.surrogate_target) {
        (Some(path), _) => (read_model(path)?, None),
        (None, Some(target)) => {
            let (model, block) = surrogate(&table, target)?;
            (model, Some(block))
        }
        (None, None) => return Err("give --model or --surrogate-target".into()),
    };
    let background = match &args.background {
        Some(path) => Some(stacked(std::slice::from_ref(path), &args.read)?),
        None => None,
    };
    let bar = (table.n_rows >= PROGRESS_BAR_ROWS).then(|| ProgressBar::new(table.n_rows as u64));
    let mut progress = |update: ProgressUpdate| {
        if let Some(bar) = &bar {
            bar.set_position(update.rows_done);
        }
        Flow::Continue
    };
    let outcome = explain_table(&model, background.as_ref(), &table, &config, &mut progress);
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let outcome = outcome.map_err(|e| format!("{e} in {}", crate::load::names(&args.data)))?;
    let headers = args.settings.label_headers.as_deref();
    let mut analysis = analysis_json(outcome.method_key, &outcome.global, headers).map_err(|e| e.to_string())?;
    if let Some(block) = surrogate {
        analysis["surrogate"] = block;
    }
    write_outputs(&args.out, &analysis, &outcome, headers)?;
    print_summary(&model, &outcome);
    Ok(())
}

/// `DIR/analysis.json` and `DIR/explanations_shap/out.csv`, whole or not at all.
fn write_outputs(
    dir: &Path,
    analysis: &Value,
    outcome: &ExplainOutcome,
    headers: Option<&[String]>,
) -> Result<(), String> {
    let text = serde_json::to_string_pretty(analysis).map_err(|e| e.to_string())?;
    let csv = local_shap_csv(&outcome.attributions, headers).map_err(|e| e.to_string())?;
    let mut outputs = Outputs::new();
    outputs.text(&dir.join("analysis.json"), &text)?;
    outputs.bytes(&dir.join("explanations_shap").join("out.csv"), csv.as_bytes())?;
    outputs.commit()
}

fn print_summary(model: &LoadedModel, outcome: &ExplainOutcome) {
    let s = model.summary();
    say!(
        "{} model ({}, {} trees, {} features, {} output(s)); {} rows explained with {}",
        s.kind,
        s.objective,
        s.n_trees,
        s.n_features,
        s.n_outputs,
        outcome.attributions.n_rows,
        outcome.method.name()
    );
    if !outcome.unused_columns.is_empty() {
        say!("columns the model does not read: {}", outcome.unused_columns.join(", "));
    }
    for (k, values) in outcome.global.values.iter().enumerate() {
        let mut ranked: Vec<(&String, f64)> = outcome.global.features.iter().zip(values.iter().copied()).collect();
        ranked.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
        let top: Vec<String> = ranked.iter().take(5).map(|(f, v)| format!("{f} {v:.4}")).collect();
        say!("output {k}: expected value {:.6}; top: {}", outcome.expected_value[k], top.join(", "));
    }
}

/// Fits a surrogate of `target` on the numeric feature columns of `table`;
/// the model and the `surrogate` block for analysis.json.
fn surrogate(table: &Table, target: &str) -> Result<(LoadedModel, Value), String> {
    let column = table.column(target).ok_or_else(|| format!("the data has no column {target:?}"))?;
    let y = feature_matrix(table, &[target.to_owned()])
        .map_err(|e| format!("the surrogate target {target:?}: {e}"))?
        .matrix
        .values;
    let labels = y.iter().filter(|v| !v.is_nan()).all(|v| *v == 0.0 || *v == 1.0);
    let kind =
        if column.role == Role::PredictedLabel || labels { SurrogateTarget::Label } else { SurrogateTarget::Score };
    let (mut features, mut skipped) = (Vec::new(), Vec::new());
    for c in table.columns.iter().filter(|c| c.name != target && matches!(c.role, Role::Feature | Role::Facet)) {
        if feature_matrix(table, std::slice::from_ref(&c.name)).is_ok() {
            features.push(c.name.clone());
        } else {
            skipped.push(c.name.clone());
        }
    }
    if features.is_empty() {
        return Err("no feature column holds numbers to fit a surrogate on".into());
    }
    let x = feature_matrix(table, &features).map_err(|e| e.to_string())?.matrix;
    let fitted = fit_surrogate(&x, &y, kind, &SurrogateOptions::default(), &mut |_| Flow::Continue)
        .map_err(|e| format!("surrogate of {target:?}: {e}"))?;
    print_fidelity(target, &fitted.fidelity, &skipped);
    let block = json!({
        "target": target,
        "target_kind": kind,
        "fidelity": fitted.fidelity,
        "features": features,
        "skipped_columns": skipped,
        "note": format!("attributions explain a surrogate model fitted to {target:?}, not the captured model"),
    });
    Ok((LoadedModel::from_surrogate(fitted), block))
}

fn print_fidelity(target: &str, fidelity: &Fidelity, skipped: &[String]) {
    let show = |v: Option<f64>| v.map_or_else(|| "n/a".to_owned(), |v| format!("{v:.4}"));
    say!(
        "surrogate of {target}: fidelity ({:?}) {} on {} held-back rows ({} on {} training rows)",
        fidelity.metric,
        show(fidelity.holdout),
        fidelity.holdout_rows,
        show(fidelity.train),
        fidelity.train_rows
    );
    if !skipped.is_empty() {
        say!("not numeric, left out of the surrogate: {}", skipped.join(", "));
    }
    say!("the attributions below explain the surrogate, not the captured model");
}
