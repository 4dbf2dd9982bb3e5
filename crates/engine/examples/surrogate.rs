//! Surrogate GBDT timing for the size: 50,000 rows × 20 features
//! (5% of values missing), 100 trees of depth 6, single thread, early
//! stopping off so all 100 trees are grown. The target is a smooth nonlinear
//! score of the first eight features; the data comes from a fixed seed.
//! Best of three fits, then path-dependent TreeSHAP of all rows on the
//! surrogate (the user's next step); the last line is JSON.
//!
//! Usage: `cargo run --release -p tideline-engine --example surrogate`

use std::time::Instant;

#[path = "support/random_ensemble.rs"]
mod random_ensemble;

use random_ensemble::Rng;
use tideline_engine::explain::{fit_surrogate, FeatureMatrix, PathDependentShap, SurrogateOptions, SurrogateTarget};
use tideline_engine::progress::{Flow, NoProgress};

const ROWS: usize = 50_000;
const FEATURES: usize = 20;

fn main() {
    let mut noise = Rng(0x5EED);
    let mut values = Vec::with_capacity(ROWS * FEATURES);
    let mut target = Vec::with_capacity(ROWS);
    for _ in 0..ROWS {
        let row: Vec<f64> = (0..FEATURES).map(|_| noise.uniform() * 4.0 - 2.0).collect();
        target.push(
            (row[0] * row[1]).tanh() + row[2].sin() + 0.5 * row[3] * row[3] - row[4].abs()
                + row[5..8].iter().sum::<f64>() * 0.3,
        );
        values.extend(row.into_iter().map(|v| if noise.uniform() < 0.05 { f64::NAN } else { v }));
    }
    let x = FeatureMatrix { features: (0..FEATURES).map(|i| format!("f{i}")).collect(), n_rows: ROWS, values };
    let options = SurrogateOptions { early_stopping_rounds: None, ..SurrogateOptions::default() };
    let mut best = f64::INFINITY;
    let mut last = None;
    for _ in 0..3 {
        let start = Instant::now();
        let s = fit_surrogate(&x, &target, SurrogateTarget::Score, &options, &mut |_| Flow::Continue)
            .expect("the generated data fits");
        best = best.min(start.elapsed().as_secs_f64());
        last = Some(s);
    }
    let s = last.expect("three fits ran");
    let r2 = s.fidelity.holdout.unwrap_or(f64::NAN);
    let start = Instant::now();
    let shap = PathDependentShap::new(&s.model).expect("a surrogate is a valid ensemble");
    let phi = shap.explain_rows(&x, 0..ROWS, &mut NoProgress).expect("the matrix has the model's features");
    let shap_seconds = start.elapsed().as_secs_f64();
    assert_eq!(phi.n_rows, ROWS);
    println!(
        "surrogate: {ROWS} rows × {FEATURES} features, {} trees (depth ≤ 6): best of 3 fits {best:.3} s, held-back R² {r2:.4}; TreeSHAP of all rows {shap_seconds:.3} s",
        s.model.trees.len()
    );
    println!(
        "{{\"rows\":{ROWS},\"features\":{FEATURES},\"trees\":{},\"fit_seconds\":{best:.4},\"holdout_r2\":{r2:.6},\"tree_shap_seconds\":{shap_seconds:.4}}}",
        s.model.trees.len()
    );
}
