//! TreeSHAP benchmark (run by `cargo xtask bench shap`): a generated
//! ensemble of 100 trees of depth 6 over 20 features; path-dependent
//! TreeSHAP on 100,000 rows and interventional TreeSHAP (100 background
//! rows) on 10,000 rows, single-threaded. Prints timings as JSON; the
//! additivity error (largest |Σφ + E − margin|) shows the values are sound.
//!
//! Usage: `cargo run --release -p tideline-engine --example tree_shap -- [ROWS] [INTERVENTIONAL_ROWS]`

use std::time::Instant;

use tideline_engine::explain::{Attributions, Ensemble, FeatureMatrix, InterventionalShap, Model, PathDependentShap};
use tideline_engine::progress::NoProgress;

#[path = "support/random_ensemble.rs"]
mod random_ensemble;
use random_ensemble::{random_ensemble, random_rows, Shape};

const SHAPE: Shape = Shape { n_trees: 100, depth: 6, n_features: 20, n_outputs: 1, leaf_chance: 0.0 };

fn additivity_error(model: &Ensemble, x: &FeatureMatrix, values: &Attributions) -> f64 {
    let margins = model.margins(x);
    (0..x.n_rows)
        .map(|r| (values.of(r, 0).iter().sum::<f64>() + values.expected_value[0] - margins[r]).abs())
        .fold(0.0, f64::max)
}

fn main() -> Result<(), String> {
    let args: Vec<usize> =
        std::env::args().skip(1).map(|a| a.parse().map_err(|e| format!("{a}: {e}"))).collect::<Result<_, _>>()?;
    let rows = args.first().copied().unwrap_or(100_000);
    let inter_rows = args.get(1).copied().unwrap_or(10_000);
    let model = random_ensemble(2026, SHAPE);
    let x = random_rows(7, &model, rows, 0.05);

    let started = Instant::now();
    let shap = PathDependentShap::new(&model).map_err(|e| e.to_string())?;
    let plan_seconds = started.elapsed().as_secs_f64();
    let values = shap.explain_rows(&x, 0..x.n_rows, &mut NoProgress).map_err(|e| e.to_string())?;
    let path_seconds = started.elapsed().as_secs_f64();
    let path_error = additivity_error(&model, &x, &values);
    drop(values);

    let xi = x.take(&(0..inter_rows.min(rows)).collect::<Vec<_>>());
    let background = random_rows(8, &model, 100, 0.05);
    let started = Instant::now();
    let inter = InterventionalShap::new(&model, &background).map_err(|e| e.to_string())?;
    let values = inter.explain_rows(&xi, 0..xi.n_rows, &mut NoProgress).map_err(|e| e.to_string())?;
    let inter_seconds = started.elapsed().as_secs_f64();
    let inter_error = additivity_error(&model, &xi, &values);

    println!(
        "{{\"rows\":{rows},\"features\":{},\"trees\":{},\"depth\":{},\"plan_seconds\":{plan_seconds},\
\"path_seconds\":{path_seconds},\"path_rows_per_second\":{},\"path_additivity_error\":{path_error:e},\
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
