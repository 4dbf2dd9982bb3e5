//! The surrogate GBDT: it learns known functions, reproduces a captured
//! score on a real slice (NannyML's car-loan reference, prepared by
//! tools/reference/surrogate.py), is deterministic under a seed, predicts
//! through the shared `Ensemble` exactly as it did while boosting, sends
//! missing values the learned way, and measures fidelity as scikit-learn
//! 1.9.1 does.

use tideline_engine::explain::{
    agreement, fit_surrogate, r_squared, FeatureMatrix, FidelityMetric, Link, Missing, Model, PathDependentShap,
    Surrogate, SurrogateError, SurrogateOptions, SurrogateTarget,
};
use tideline_engine::progress::{Flow, NoProgress};

const CAR_LOAN: &str = include_str!("fixtures/surrogate/car_loan_2000.csv");
const FIDELITY: &str = include_str!("fixtures/reference/surrogate_fidelity.json");
const CAR_FEATURES: [&str; 7] = [
    "car_value",
    "salary_range",
    "debt_to_income_ratio",
    "loan_length",
    "repaid_loan_on_prev_car",
    "size_of_downpayment",
    "driver_tenure",
];

/// The fixture's columns by name.
fn car_loan() -> (Vec<String>, Vec<Vec<f64>>) {
    let mut lines = CAR_LOAN.lines();
    let header: Vec<String> = lines.next().unwrap().split(',').map(String::from).collect();
    let mut columns = vec![Vec::new(); header.len()];
    for line in lines {
        for (c, v) in columns.iter_mut().zip(line.split(',')) {
            c.push(v.parse::<f64>().unwrap());
        }
    }
    (header, columns)
}

fn column<'a>(data: &'a (Vec<String>, Vec<Vec<f64>>), name: &str) -> &'a [f64] {
    &data.1[data.0.iter().position(|h| h == name).unwrap()]
}

fn matrix(names: &[&str], columns: &[&[f64]]) -> FeatureMatrix {
    let n = columns[0].len();
    let values = (0..n).flat_map(|r| columns.iter().map(move |c| c[r])).collect();
    FeatureMatrix { features: names.iter().map(|s| (*s).to_string()).collect(), n_rows: n, values }
}

/// Uniform draws in [0, 1) from a 64-bit LCG (Knuth's MMIX constants).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// x0, x1 uniform, x2 noise the target ignores.
fn synthetic(n: usize, seed: u64, f: impl Fn(f64, f64) -> f64) -> (FeatureMatrix, Vec<f64>) {
    let mut rng = Lcg(seed);
    let cols: Vec<Vec<f64>> = (0..3).map(|_| (0..n).map(|_| rng.next()).collect()).collect();
    let y = (0..n).map(|i| f(cols[0][i], cols[1][i])).collect();
    (matrix(&["x0", "x1", "x2"], &[&cols[0], &cols[1], &cols[2]]), y)
}

fn fit(x: &FeatureMatrix, y: &[f64], kind: SurrogateTarget, options: &SurrogateOptions) -> Surrogate {
    fit_surrogate(x, y, kind, options, &mut |_| Flow::Continue).unwrap()
}

fn step(v: f64) -> f64 {
    if v > 0.3 {
        1.0
    } else {
        0.0
    }
}

#[test]
fn learns_a_known_function() {
    let (x, y) = synthetic(5000, 1, |a, b| 2.0 * a + step(b));
    let s = fit(&x, &y, SurrogateTarget::Score, &SurrogateOptions::default());
    assert_eq!(s.fidelity.metric, FidelityMetric::RSquared);
    assert_eq!((s.fidelity.train_rows, s.fidelity.holdout_rows), (4000, 1000));
    let r2 = s.fidelity.holdout.unwrap();
    assert!(r2 > 0.99, "held-back R² {r2}");
    assert_eq!((s.model.link, s.model.n_outputs()), (Link::Identity, 1));
    assert!(s.model.trees.iter().all(|t| t.depth() <= 6));
    eprintln!("2·x0 + step(x1): R² held back {r2}, {} trees", s.model.trees.len());
    // x2 is noise: no tree starts with it.
    assert!(s.model.trees.iter().all(|t| t.nodes[0].is_leaf() || t.nodes[0].feature != 2));
}

#[test]
fn learns_a_label() {
    let (x, y) = synthetic(4000, 2, |a, b| step(a * 0.6 + b * 0.4));
    let s = fit(&x, &y, SurrogateTarget::Label, &SurrogateOptions::default());
    assert_eq!((s.fidelity.metric, s.model.link), (FidelityMetric::Agreement, Link::Logistic));
    let agree = s.fidelity.holdout.unwrap();
    assert!(agree > 0.97, "held-back agreement {agree}");
    let p = s.model.predict(&x);
    assert!(p.iter().all(|&p| (0.0..=1.0).contains(&p)));
}

#[test]
fn reproduces_a_captured_score_on_real_data() {
    let data = car_loan();
    let cols: Vec<&[f64]> = CAR_FEATURES.iter().map(|f| column(&data, f)).collect();
    let x = matrix(&CAR_FEATURES, &cols);
    let s = fit(&x, column(&data, "y_pred_proba"), SurrogateTarget::Score, &SurrogateOptions::default());
    let r2 = s.fidelity.holdout.unwrap();
    eprintln!("car loan y_pred_proba: R² held back {r2}, train {:?}, {} trees", s.fidelity.train, s.model.trees.len());
    assert!(r2 > 0.9, "held-back R² {r2}");
    assert_eq!((s.fidelity.train_rows, s.fidelity.holdout_rows), (1600, 400));
    let s = fit(&x, column(&data, "y_pred"), SurrogateTarget::Label, &SurrogateOptions::default());
    let agree = s.fidelity.holdout.unwrap();
    eprintln!("car loan y_pred: agreement held back {agree}, {} trees", s.model.trees.len());
    assert!(agree > 0.9, "held-back agreement {agree}");
}

#[test]
fn fidelity_measures_equal_scikit_learn() {
    let reference: serde_json::Value = serde_json::from_str(FIDELITY).unwrap();
    let data = car_loan();
    let (proba, label, repaid) = (column(&data, "y_pred_proba"), column(&data, "y_pred"), column(&data, "repaid"));
    let close = |got: f64, key: &str| {
        let want = reference[key].as_f64().unwrap();
        assert!((got - want).abs() < 1e-12, "{key}: {got} vs {want}");
    };
    close(r_squared(proba, label).unwrap(), "r2_proba_vs_label");
    let shifted: Vec<f64> = proba.iter().enumerate().map(|(i, p)| p + 0.05 * (i as f64).sin()).collect();
    close(r_squared(proba, &shifted).unwrap(), "r2_proba_vs_shifted");
    let margins: Vec<f64> = label.iter().map(|l| l - 0.5).collect();
    close(agreement(repaid, &margins).unwrap(), "accuracy_repaid_vs_label");
}

#[test]
fn the_ensemble_predicts_what_the_booster_fitted() {
    let (x, y) = synthetic(3000, 3, |a, b| (6.0 * a).sin() + b * b);
    let s = fit(&x, &y, SurrogateTarget::Score, &SurrogateOptions::default());
    let margins = s.model.margins(&x);
    for (&r, &m) in s.train_rows.iter().zip(&s.train_margins) {
        assert_eq!(margins[r].to_bits(), m.to_bits(), "row {r}");
    }
    let held: Vec<f64> = s.holdout_rows.iter().map(|&r| margins[r]).collect();
    let y_held: Vec<f64> = s.holdout_rows.iter().map(|&r| y[r]).collect();
    assert_eq!(r_squared(&y_held, &held), s.fidelity.holdout);
    // Covers add up (what path-dependent TreeSHAP relies on) and count rows.
    for tree in &s.model.trees {
        assert_eq!(tree.nodes[0].cover, 2400.0);
        for n in tree.nodes.iter().filter(|n| !n.is_leaf()) {
            let (l, r) = (&tree.nodes[n.left as usize], &tree.nodes[n.right as usize]);
            assert_eq!(l.cover + r.cover, n.cover);
        }
    }
}

#[test]
fn deterministic_under_a_seed() {
    let (x, y) = synthetic(2000, 4, |a, b| a * b);
    let options = SurrogateOptions { seed: 11, ..SurrogateOptions::default() };
    let a = fit(&x, &y, SurrogateTarget::Score, &options);
    assert_eq!(a, fit(&x, &y, SurrogateTarget::Score, &options));
    let b = fit(&x, &y, SurrogateTarget::Score, &SurrogateOptions { seed: 12, ..options });
    assert_ne!(a.holdout_rows, b.holdout_rows);
}

#[test]
fn missing_values_go_the_learned_way() {
    // Missing x0 behaves like a high x0 in one set and like a low one in the other.
    for (missing_target, default_left) in [(3.0, false), (-1.0, true)] {
        let (mut x, mut y) = synthetic(3000, 5, |a, _| 2.0 * a);
        for r in (0..x.n_rows).step_by(7) {
            x.values[r * 3] = f64::NAN;
            y[r] = missing_target;
        }
        let s = fit(&x, &y, SurrogateTarget::Score, &SurrogateOptions::default());
        let root = &s.model.trees[0].nodes[0];
        assert_eq!(root.missing, Missing::Nan { default_left });
        let mut out = [0.0];
        s.model.margin_into(&[f64::NAN, 0.5, 0.5], &mut out);
        assert!((out[0] - missing_target).abs() < 0.1, "{missing_target}: {}", out[0]);
    }
}

#[test]
fn rows_without_a_target_are_skipped_and_counted() {
    let (x, mut y) = synthetic(1000, 6, |a, b| a + b);
    for v in y.iter_mut().step_by(10) {
        *v = f64::NAN;
    }
    let s = fit(&x, &y, SurrogateTarget::Score, &SurrogateOptions::default());
    assert_eq!(s.skipped_rows, 100);
    assert_eq!(s.train_rows.len() + s.holdout_rows.len(), 900);
    assert!(s.train_rows.iter().chain(&s.holdout_rows).all(|r| r % 10 != 0));
    let flat = vec![0.25; 1000];
    let err = fit_surrogate(&x, &flat, SurrogateTarget::Score, &SurrogateOptions::default(), &mut |_| Flow::Continue);
    assert!(matches!(err, Err(SurrogateError::ConstantTarget { .. })));
}

#[test]
fn early_stopping_keeps_the_best_round() {
    // Pure noise: the held-back loss stops improving almost at once.
    let (x, _) = synthetic(2000, 7, |_, _| 0.0);
    let mut rng = Lcg(99);
    let y: Vec<f64> = (0..2000).map(|_| rng.next()).collect();
    let s = fit(&x, &y, SurrogateTarget::Score, &SurrogateOptions::default());
    assert!(s.model.trees.len() < 30, "{} trees", s.model.trees.len());
    let all = SurrogateOptions { early_stopping_rounds: None, n_trees: 40, ..SurrogateOptions::default() };
    let s = fit(&x, &y, SurrogateTarget::Score, &all);
    assert!(s.model.trees.len() <= 40);
}

#[test]
fn tree_shap_explains_the_surrogate() {
    let (x, y) = synthetic(2000, 8, |a, b| 2.0 * a + step(b));
    let s = fit(&x, &y, SurrogateTarget::Score, &SurrogateOptions::default());
    let shap = PathDependentShap::new(&s.model).unwrap();
    // Covers are training row counts, so the expected value is the mean training margin.
    let mean = s.train_margins.iter().sum::<f64>() / s.train_margins.len() as f64;
    assert!((shap.expected_value()[0] - mean).abs() < 1e-9, "{} vs {mean}", shap.expected_value()[0]);
    let phi = shap.explain_rows(&x, 0..x.n_rows, &mut NoProgress).unwrap();
    let margins = s.model.margins(&x);
    let mut importance = [0.0; 3];
    for (r, m) in margins.iter().enumerate() {
        let row = phi.of(r, 0);
        assert!((row.iter().sum::<f64>() + phi.expected_value[0] - m).abs() < 1e-9, "row {r}");
        importance.iter_mut().zip(row).for_each(|(i, v)| *i += v.abs());
    }
    // x0 spans 2, the step 1, and x2 is noise.
    assert!(importance[0] > importance[1] && importance[1] > 20.0 * importance[2], "{importance:?}");
}
