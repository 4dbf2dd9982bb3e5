//! Kernel SHAP timing for the issue's benchmark case: 12 features, 1,000
//! rows, 2,072 coalitions per row (Clarify's default 2M + 2048), 10 baseline
//! rows, single thread. Two models: a logistic model (the cheapest model
//! call, so the time is Kernel SHAP's own) and a 100-tree, depth-6 ensemble
//! with a logistic link (a typical XGBoost endpoint). Data and trees are
//! generated from a fixed seed. Best of three runs for the logistic model,
//! one for the trees (about two minutes); the last line is JSON.
//!
//! Usage: `cargo run --release -p tideline-engine --example kernel_shap`

use std::time::Instant;

use tideline_engine::explain::{
    Baseline, Ensemble, FeatureMatrix, KernelShap, KernelShapConfig, LinearModel, Link, Missing, Model, Node, Test,
    Tree,
};

const FEATURES: usize = 12;
const ROWS: usize = 1_000;
const BASELINE_ROWS: usize = 10;
const SAMPLES: usize = 2 * FEATURES + 2048;
const TREES: usize = 100;
const DEPTH: usize = 6;

/// xorshift64*: a few lines of reproducible noise for the generated data.
struct Noise(u64);

impl Noise {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Roughly normal (sum of four uniforms, centred).
    fn normal(&mut self) -> f64 {
        (0..4).map(|_| self.next()).sum::<f64>() - 2.0
    }
}

fn names() -> Vec<String> {
    (0..FEATURES).map(|j| format!("f{j}")).collect()
}

fn matrix(noise: &mut Noise, n_rows: usize) -> FeatureMatrix {
    FeatureMatrix { features: names(), n_rows, values: (0..n_rows * FEATURES).map(|_| noise.normal()).collect() }
}

fn logistic_model(noise: &mut Noise) -> LinearModel {
    let coefficients: Vec<String> = names().iter().map(|f| format!("\"{f}\":{}", noise.normal())).collect();
    let json = format!(
        r#"{{"type":"linear","link":"logistic","intercept":0.2,"coefficients":{{{}}}}}"#,
        coefficients.join(",")
    );
    LinearModel::from_json(&json).expect("generated model")
}

/// A full binary tree of `DEPTH` levels on random features and thresholds.
fn tree(noise: &mut Noise) -> Tree {
    let mut nodes = Vec::new();
    let splits = (1 << DEPTH) - 1;
    for i in 0..(1 << (DEPTH + 1)) - 1 {
        if i < splits {
            nodes.push(Node {
                left: 2 * i as u32 + 1,
                right: 2 * i as u32 + 2,
                feature: (noise.next() * FEATURES as f64) as u32,
                test: Test::Less((noise.normal() * 0.8) as f32),
                missing: Missing::Nan { default_left: true },
                value: 0.0,
                cover: 1.0,
            });
        } else {
            nodes.push(Node::leaf(noise.normal() * 0.1, 1.0));
        }
    }
    Tree { nodes }
}

fn ensemble(noise: &mut Noise) -> Ensemble {
    Ensemble {
        features: names(),
        trees: (0..TREES).map(|_| tree(noise)).collect(),
        tree_output: vec![0; TREES],
        base_margin: vec![0.0],
        link: Link::Logistic,
        objective: "binary:logistic".into(),
    }
}

/// Best of `runs`: seconds for every row.
fn time(model: &dyn Model, baseline: &Baseline, x: &FeatureMatrix, runs: usize) -> f64 {
    let config = KernelShapConfig { num_samples: Some(SAMPLES), seed: 1, use_logit: false };
    let explainer = KernelShap::new(model, baseline, config).expect("explainer");
    (0..runs)
        .map(|_| {
            let started = Instant::now();
            let a = explainer.explain(x).expect("attributions");
            std::hint::black_box(&a);
            started.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let mut noise = Noise(0x5EED_1234_ABCD_0001);
    let x = matrix(&mut noise, ROWS);
    let baseline = Baseline::uniform(matrix(&mut noise, BASELINE_ROWS)).expect("baseline");
    let linear = logistic_model(&mut noise);
    let trees = ensemble(&mut noise);
    let linear_seconds = time(&linear, &baseline, &x, 3);
    let trees_seconds = time(&trees, &baseline, &x, 1);
    let evaluations = (ROWS * SAMPLES * BASELINE_ROWS) as f64;
    println!("Kernel SHAP, {FEATURES} features, {ROWS} rows, {SAMPLES} coalitions, {BASELINE_ROWS} baseline rows, one thread");
    println!("  logistic model: {linear_seconds:.3} s ({:.1} M model calls/s)", evaluations / linear_seconds / 1e6);
    println!(
        "  {TREES} trees of depth {DEPTH}: {trees_seconds:.3} s ({:.1} M model calls/s)",
        evaluations / trees_seconds / 1e6
    );
    println!(
        "{{\"features\":{FEATURES},\"rows\":{ROWS},\"samples\":{SAMPLES},\"baseline_rows\":{BASELINE_ROWS},\"linear_seconds\":{linear_seconds},\"trees_seconds\":{trees_seconds}}}"
    );
}
