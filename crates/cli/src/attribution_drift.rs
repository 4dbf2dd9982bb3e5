//! `tideline attribution-drift`: Model Monitor's feature-attribution drift
//! check (NDCG of the current global attributions against the baseline's,
//! a violation below the threshold, sagemaker spec §8).
//!
//! - `--baseline BASE_analysis.json --current CUR_analysis.json` compares
//!   two analysis files → `DIR/constraint_violations.json`.
//! - `--model M --baseline-data B --data D --time-column T --window W`
//!   computes the attributions itself: the baseline's global values from B,
//!   then every window of D (cut as `tideline timeline` cuts them) →
//!   `DIR/attribution_timeline.json` and `DIR/constraint_violations.json`
//!   (entries of the violating windows, each naming its window).
//!
//! Exit status 0 whenever the check ran.

use std::path::{Path, PathBuf};

use clap::Args;
use serde_json::json;
use tideline_engine::explain::{
    attribution_violations, attribution_window, by_label, check_attribution_drift, explain_table, feature_matrix,
    read_global_shap, AttributionViolations, AttributionWindow, ExplainOutcome, Explainer, DEFAULT_NDCG_THRESHOLD,
};
use tideline_engine::progress::{Flow, NoProgress};
use tideline_engine::timeline::{current_windows, TimelineConfig};

use crate::explain::{read_model, ExplainSettings};
use crate::load::{stacked, ReadArgs};
use crate::output::Outputs;

/// Arguments of `attribution-drift`.
#[derive(Debug, Args)]
pub struct AttributionDriftArgs {
    /// The baseline's analysis.json (Clarify's or Tideline's).
    #[arg(long = "baseline", value_name = "FILE", required_unless_present = "model", conflicts_with = "model")]
    baseline_analysis: Option<PathBuf>,
    /// The current analysis.json.
    #[arg(long, value_name = "FILE", required_unless_present = "model", conflicts_with = "model")]
    current: Option<PathBuf>,
    /// NDCG below this is a violation.
    #[arg(long, value_name = "T", default_value_t = DEFAULT_NDCG_THRESHOLD, value_parser = crate::numbers::unit)]
    threshold: f64,
    /// The model (computes the attributions from data, per window).
    #[arg(long, value_name = "FILE", requires_all = ["baseline_data", "data", "window"])]
    model: Option<PathBuf>,
    /// The baseline rows whose global attributions are the reference.
    #[arg(long, value_name = "FILE")]
    baseline_data: Option<PathBuf>,
    /// The current rows, cut into windows.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    data: Vec<PathBuf>,
    /// The timestamp column of the current data (without it windows go by rows).
    #[arg(long, value_name = "COLUMN")]
    time_column: Option<String>,
    /// Window: 1h, 1d, 7d, 1w, 1mo or a row count such as 10000rows.
    #[arg(long, value_name = "WINDOW")]
    window: Option<String>,
    /// With --model: background rows (default: the baseline data).
    #[arg(long, value_name = "FILE")]
    background: Option<PathBuf>,
    #[command(flatten)]
    settings: ExplainSettings,
    /// Output directory (created when absent).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    #[command(flatten)]
    read: ReadArgs,
}

pub fn run(args: &AttributionDriftArgs) -> Result<(), String> {
    if args.model.is_some() {
        return over_windows(args);
    }
    let (Some(base), Some(cur)) = (&args.baseline_analysis, &args.current) else {
        return Err("give --baseline and --current, or --model with --baseline-data, --data and --window".into());
    };
    let read = |path: &Path| -> Result<_, String> {
        let text = crate::files::read_text(path)?;
        read_global_shap(&text, None).map_err(|e| format!("{e}: {}", path.display()))
    };
    let checks = check_attribution_drift(&read(base)?, &read(cur)?, args.threshold)
        .map_err(|e| format!("{e} (baseline {}, current {})", base.display(), cur.display()))?;
    for c in &checks {
        say!(
            "{}: NDCG {:.4} (threshold {}){}",
            c.label,
            c.ndcg,
            c.threshold,
            if c.violated { " violation" } else { "" }
        );
    }
    finish(Outputs::new(), &args.out, &attribution_violations(&checks))
}

/// Writes `constraint_violations.json` with whatever else was staged.
fn finish(mut outputs: Outputs, dir: &Path, violations: &AttributionViolations) -> Result<(), String> {
    let path = dir.join("constraint_violations.json");
    outputs.text(&path, &serde_json::to_string_pretty(violations).map_err(|e| e.to_string())?)?;
    outputs.commit()?;
    if violations.violations.is_empty() {
        say!("Completed: no violations.");
    } else {
        say!("CompletedWithViolations: {} written to {}", violations.violations.len(), path.display());
    }
    Ok(())
}

/// A model error placed in the data files it came from.
fn in_files(files: &[PathBuf]) -> impl Fn(tideline_engine::explain::ModelError) -> String + '_ {
    move |e| format!("{e} in {}", crate::load::names(files))
}

/// The baseline's global attributions, then each window's, judged.
fn over_windows(args: &AttributionDriftArgs) -> Result<(), String> {
    let model = read_model(args.model.as_deref().ok_or("--model is required")?)?;
    let config = args.settings.config()?;
    let headers = args.settings.label_headers.as_deref();
    let baseline_path = args.baseline_data.as_ref().ok_or("--baseline-data is required with --model")?;
    let baseline = stacked(std::slice::from_ref(baseline_path), &args.read)?;
    let background = match &args.background {
        Some(path) => Some(stacked(std::slice::from_ref(path), &args.read)?),
        None => None,
    };
    let base: ExplainOutcome = explain_table(&model, background.as_ref(), &baseline, &config, &mut NoProgress)
        .map_err(|e| format!("baseline: {e}"))?;
    let base_global = by_label(&base.global, headers).map_err(|e| e.to_string())?;
    let current = stacked(&args.data, &args.read)?;
    let window = args.window.as_deref().ok_or("--window is required with --model")?;
    let mut timeline = TimelineConfig::new(window.parse().map_err(|e| format!("--window {window}: {e}"))?);
    timeline.time_column.clone_from(&args.time_column);
    let windows = current_windows(&current, &timeline).map_err(|e| e.to_string())?;
    let x = feature_matrix(&current, model.feature_names()).map_err(in_files(&args.data))?.matrix;
    // One explainer for every window, with the baseline as background
    // (Kernel SHAP clusters the baseline data when no --baseline is given).
    let bg_matrix = match &background {
        Some(b) => {
            let files = args.background.as_slice();
            Some(feature_matrix(b, model.feature_names()).map_err(in_files(files))?.matrix)
        }
        None => None,
    };
    let base_x =
        feature_matrix(&baseline, model.feature_names()).map_err(in_files(std::slice::from_ref(baseline_path)))?.matrix;
    let explainer = Explainer::for_data(&model, &config, bg_matrix.as_ref(), &base_x).map_err(|e| e.to_string())?;
    let mut entries: Vec<AttributionWindow> = Vec::new();
    let mut violations = Vec::new();
    for w in windows.windows.iter().filter(|w| !w.rows.is_empty()) {
        let rows = x.take(&w.rows);
        let local =
            explainer.explain_rows(&rows, 0..rows.n_rows, &mut |_| Flow::Continue).map_err(|e| e.to_string())?;
        let (start, end) = w.label.split_once('/').unwrap_or((&w.label, &w.label));
        let entry = attribution_window(start, end, &local, &base_global, config.agg, args.threshold, headers)
            .map_err(|e| e.to_string())?;
        let checks = check_attribution_drift(&base_global, &entry.global_shap_values, args.threshold)
            .map_err(|e| e.to_string())?;
        for mut v in attribution_violations(&checks).violations {
            v.description = format!("{} (window {})", v.description, w.label);
            violations.push(v);
        }
        say!(
            "{}: {} rows, NDCG {}{}",
            w.label,
            entry.rows,
            entry.ndcg.values().map(|v| format!("{v:.4}")).collect::<Vec<_>>().join(" "),
            if entry.violation { " violation" } else { "" }
        );
        entries.push(entry);
    }
    let doc = json!({
        "version": "1.0",
        "method": base.method_key,
        "threshold": args.threshold,
        "window": window,
        "time_column": args.time_column,
        "baseline": {"rows": baseline.n_rows, "global_shap_values": base_global, "expected_value": base.expected_value},
        "windows": entries,
    });
    let path = args.out.join("attribution_timeline.json");
    let mut outputs = Outputs::new();
    outputs.text(&path, &serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())?)?;
    let n = entries.len();
    finish(outputs, &args.out, &AttributionViolations { version: "1.0".into(), violations })?;
    say!("{n} windows written to {}", path.display());
    Ok(())
}
