//! TreeSHAP benchmark (run by `cargo xtask bench shap`): a generated
//! ensemble of 100 trees of depth 6 over 20 features; path-dependent
//! TreeSHAP on 100,000 rows and interventional TreeSHAP (100 background
//! rows) on 10,000 rows, single-threaded. Prints timings as JSON; the
//! additivity error (largest |Σφ + E − margin|) shows the values are sound.
//! The ensemble is in XGBoost's form (float32 `<` splits and leaves) and
//! the rows have six decimals, so that with `--files DIR` the same inputs
//! are written as files for the browser half of the benchmark:
//! `shap_model.json` (XGBoost JSON), `shap_current.csv` (the rows) and
//! `shap_baseline.csv` (1,000 other rows). They are read back as the app
//! reads them, and the model's margins on the CSV rows must equal the
//! in-memory ensemble's on the in-memory rows (the JSON gives the largest
//! difference).
//!
//! Usage: `cargo run --release -p tideline-engine --example tree_shap -- [--files DIR] [ROWS] [INTERVENTIONAL_ROWS]`

use std::time::Instant;

use std::path::Path;

use tideline_engine::explain::{
    explain_rows_parallel, feature_matrix, load_model, Attributions, Ensemble, ExplainConfig, Explainer, FeatureMatrix,
    InterventionalShap, LoadedModel, Model, ModelFormat, PathDependentShap,
};
use tideline_engine::progress::NoProgress;

#[path = "support/load.rs"]
mod load;
#[path = "support/random_ensemble.rs"]
mod random_ensemble;
#[path = "support/xgboost_json.rs"]
mod xgboost_json;
use random_ensemble::{random_ensemble, random_rows, Shape};
use xgboost_json::{write_csv, xgboost_form, xgboost_json};

const SHAPE: Shape = Shape { n_trees: 100, depth: 6, n_features: 20, n_outputs: 1, leaf_chance: 0.0 };

fn additivity_error(model: &Ensemble, x: &FeatureMatrix, values: &Attributions) -> f64 {
    let margins = model.margins(x);
    (0..x.n_rows)
        .map(|r| (values.of(r, 0).iter().sum::<f64>() + values.expected_value[0] - margins[r]).abs())
        .fold(0.0, f64::max)
}

/// Rows of the baseline file.
const BASELINE_ROWS: usize = 1_000;

/// `n_rows` random rows (5 % missing) rounded to six decimals, as a CSV
/// export would hold them.
fn rows_of(seed: u64, model: &Ensemble, n_rows: usize) -> FeatureMatrix {
    let mut x = random_rows(seed, model, n_rows, 0.05);
    x.values.iter_mut().for_each(|v| *v = (*v * 1e6).round() / 1e6);
    x
}

/// Writes the browser's inputs into `dir` and reads them back as the app
/// does; returns the largest margin difference (an error above 1e-9).
fn write_files(dir: &Path, model: &Ensemble, x: &FeatureMatrix) -> Result<f64, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let model_path = dir.join("shap_model.json");
    let json = xgboost_json(model)?;
    std::fs::write(&model_path, &json).map_err(|e| format!("{}: {e}", model_path.display()))?;
    write_csv(&dir.join("shap_current.csv"), x)?;
    write_csv(&dir.join("shap_baseline.csv"), &rows_of(9, model, BASELINE_ROWS))?;
    let loaded = load_model("shap_model.json", json.as_bytes()).map_err(|e| e.to_string())?;
    let path = dir.join("shap_current.csv");
    let table = load::load(&path.to_string_lossy())?;
    let read = feature_matrix(&table, loaded.feature_names()).map_err(|e| e.to_string())?.matrix;
    let (want, got) = (model.margins(x), loaded.as_model().margins(&read));
    if want.len() != got.len() {
        return Err(format!("{} rows read back from {}, {} written", got.len(), path.display(), want.len()));
    }
    let diff = want.iter().zip(&got).map(|(a, b)| (a - b).abs()).fold(0.0, f64::max);
    if diff.is_nan() || diff > 1e-9 {
        return Err(format!("the XGBoost JSON model on the CSV rows differs from the ensemble by {diff:e}"));
    }
    Ok(diff)
}

fn main() -> Result<(), String> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let files = match args.iter().position(|a| a == "--files") {
        Some(i) if i + 1 < args.len() => Some(args.drain(i..i + 2).nth(1).unwrap_or_default()),
        Some(_) => return Err("--files needs a directory".into()),
        None => None,
    };
    let args: Vec<usize> = args.iter().map(|a| a.parse().map_err(|e| format!("{a}: {e}"))).collect::<Result<_, _>>()?;
    let rows = args.first().copied().unwrap_or(100_000);
    let inter_rows = args.get(1).copied().unwrap_or(10_000);
    let model = xgboost_form(&random_ensemble(2026, SHAPE))?;
    let x = rows_of(7, &model, rows);
    let margin_diff = match &files {
        Some(dir) => write_files(Path::new(dir), &model, &x)?,
        None => f64::NAN,
    };

    let started = Instant::now();
    let shap = PathDependentShap::new(&model).map_err(|e| e.to_string())?;
    let plan_seconds = started.elapsed().as_secs_f64();
    let values = shap.explain_rows(&x, 0..x.n_rows, &mut NoProgress).map_err(|e| e.to_string())?;
    let path_seconds = started.elapsed().as_secs_f64();
    let path_error = additivity_error(&model, &x, &values);
    drop(values);

    // The same rows on every core, as `tideline explain` runs them.
    let loaded = LoadedModel::Trees { ensemble: model.clone(), format: ModelFormat::Xgboost, fidelity: None };
    let explainer = Explainer::new(&loaded, &ExplainConfig::default(), None).map_err(|e| e.to_string())?;
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let started = Instant::now();
    let parallel = explain_rows_parallel(&explainer, &x, threads, &mut NoProgress).map_err(|e| e.to_string())?;
    let parallel_seconds = started.elapsed().as_secs_f64();
    drop(parallel);

    let xi = x.take(&(0..inter_rows.min(rows)).collect::<Vec<_>>());
    let background = random_rows(8, &model, 100, 0.05);
    let started = Instant::now();
    let inter = InterventionalShap::new(&model, &background).map_err(|e| e.to_string())?;
    let values = inter.explain_rows(&xi, 0..xi.n_rows, &mut NoProgress).map_err(|e| e.to_string())?;
    let inter_seconds = started.elapsed().as_secs_f64();
    let inter_error = additivity_error(&model, &xi, &values);

    let files_json = files.map_or_else(
        || "null".to_owned(),
        |dir| serde_json::json!({ "dir": dir, "max_margin_diff": margin_diff }).to_string(),
    );
    println!(
        "{{\"files\":{files_json},\"rows\":{rows},\"features\":{},\"trees\":{},\"depth\":{},\"plan_seconds\":{plan_seconds},\
\"path_seconds\":{path_seconds},\"parallel_threads\":{threads},\"parallel_seconds\":{parallel_seconds},\"path_rows_per_second\":{},\"path_additivity_error\":{path_error:e},\
\"interventional_rows\":{},\"background_rows\":{},\"interventional_seconds\":{inter_seconds},\
\"interventional_rows_per_second\":{},\"interventional_additivity_error\":{inter_error:e}}}",
        SHAPE.n_features,
        SHAPE.n_trees,
        SHAPE.depth,
        rows as f64 / path_seconds,
        xi.n_rows,
        background.n_rows,
        xi.n_rows as f64 / inter_seconds,
    );
    Ok(())
}
