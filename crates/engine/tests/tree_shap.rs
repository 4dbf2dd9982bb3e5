//! TreeSHAP against exact Shapley values over all 2^M coalitions, on random
//! ensembles (M ≤ 8, missing values, features repeated along paths), and the
//! properties the maths guarantees: additivity, symmetry, zero for a feature
//! no tree uses.

use proptest::prelude::*;
use tideline_engine::explain::{
    Ensemble, FeatureMatrix, InterventionalShap, Link, Missing, Model, Node, PathDependentShap, Test, Tree,
    TreeShapError,
};
use tideline_engine::progress::{Flow, NoProgress, ProgressUpdate};

#[path = "../examples/support/random_ensemble.rs"]
mod random_ensemble;
use random_ensemble::{random_ensemble, random_rows, Shape};

/// Brute force against TreeSHAP's fast paths: they agree to rounding.
const EXACT_EPS: f64 = 1e-12;

/// E[tree(x) | x_S] as path-dependent TreeSHAP defines it: a feature outside
/// `s` follows both children, weighted by cover.
fn conditional(nodes: &[Node], i: usize, row: &[f64], s: u32) -> f64 {
    let n = &nodes[i];
    if n.is_leaf() {
        return n.value;
    }
    let (l, r) = (n.left as usize, n.right as usize);
    if s >> n.feature & 1 == 1 {
        conditional(nodes, if n.goes_left(row[n.feature as usize]) { l } else { r }, row, s)
    } else {
        (nodes[l].cover * conditional(nodes, l, row, s) + nodes[r].cover * conditional(nodes, r, row, s)) / n.cover
    }
}

/// Exact Shapley values of `value(s, output)` over `m` players, then `value(∅)`.
fn shapley(m: usize, n_out: usize, mut value: impl FnMut(u32, usize) -> f64) -> (Vec<f64>, Vec<f64>) {
    let mut fact = vec![1.0; m + 1];
    for k in 1..=m {
        fact[k] = fact[k - 1] * k as f64;
    }
    let mut phi = vec![0.0; n_out * m];
    for k in 0..n_out {
        let v: Vec<f64> = (0..1u32 << m).map(|s| value(s, k)).collect();
        for i in 0..m {
            for s in 0..1u32 << m {
                if s >> i & 1 == 0 {
                    let size = s.count_ones() as usize;
                    let w = fact[size] * fact[m - size - 1] / fact[m];
                    phi[k * m + i] += w * (v[(s | 1 << i) as usize] - v[s as usize]);
                }
            }
        }
    }
    (phi, (0..n_out).map(|k| value(0, k)).collect())
}

fn brute_path_dependent(model: &Ensemble, row: &[f64]) -> (Vec<f64>, Vec<f64>) {
    shapley(model.features.len(), model.n_outputs(), |s, k| {
        let trees = model.trees.iter().zip(&model.tree_output).filter(|(_, &o)| o as usize == k);
        model.base_margin[k] + trees.map(|(t, _)| conditional(&t.nodes, 0, row, s)).sum::<f64>()
    })
}

fn brute_interventional(model: &Ensemble, row: &[f64], background: &FeatureMatrix) -> (Vec<f64>, Vec<f64>) {
    let mut mixed = vec![0.0; row.len()];
    let mut margin = vec![0.0; model.n_outputs()];
    shapley(model.features.len(), model.n_outputs(), |s, k| {
        let mut total = 0.0;
        for j in 0..background.n_rows {
            let z = background.row(j);
            for (f, v) in mixed.iter_mut().enumerate() {
                *v = if s >> f & 1 == 1 { row[f] } else { z[f] };
            }
            model.margin_into(&mixed, &mut margin);
            total += margin[k];
        }
        total / background.n_rows as f64
    })
}

fn assert_close(got: &[f64], want: &[f64], eps: f64, what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: lengths");
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        assert!((g - w).abs() <= eps, "{what}[{i}]: {g} vs {w}");
    }
}

fn shapes() -> Vec<Shape> {
    vec![
        Shape { n_trees: 3, depth: 4, n_features: 6, n_outputs: 1, leaf_chance: 0.0 },
        // Three features under depth 5: features repeat along paths.
        Shape { n_trees: 4, depth: 5, n_features: 3, n_outputs: 1, leaf_chance: 0.2 },
        Shape { n_trees: 6, depth: 3, n_features: 8, n_outputs: 3, leaf_chance: 0.3 },
    ]
}

#[test]
fn path_dependent_equals_exact_shapley() {
    for (seed, shape) in shapes().into_iter().enumerate() {
        let model = random_ensemble(seed as u64 + 1, shape);
        let x = random_rows(seed as u64 + 100, &model, 12, 0.15);
        for slots in [10, 8, 3, 0] {
            let shap = PathDependentShap::with_table_slots(&model, slots).unwrap();
            let got = shap.explain_rows(&x, 0..x.n_rows, &mut NoProgress).unwrap();
            for r in 0..x.n_rows {
                let (phi, expected) = brute_path_dependent(&model, x.row(r));
                assert_close(&got.expected_value, &expected, EXACT_EPS, "expected value");
                let mine: Vec<f64> = (0..model.n_outputs()).flat_map(|k| got.of(r, k).to_vec()).collect();
                assert_close(&mine, &phi, EXACT_EPS, &format!("shape {seed}, table slots {slots}, row {r}"));
            }
        }
    }
}

#[test]
fn interventional_equals_exact_shapley() {
    for (seed, shape) in shapes().into_iter().enumerate() {
        let model = random_ensemble(seed as u64 + 7, shape);
        let x = random_rows(seed as u64 + 200, &model, 8, 0.15);
        let background = random_rows(seed as u64 + 300, &model, 5, 0.15);
        let shap = InterventionalShap::new(&model, &background).unwrap();
        let got = shap.explain_rows(&x, 0..x.n_rows, &mut NoProgress).unwrap();
        for r in 0..x.n_rows {
            let (phi, expected) = brute_interventional(&model, x.row(r), &background);
            assert_close(&got.expected_value, &expected, EXACT_EPS, "expected value");
            let mine: Vec<f64> = (0..model.n_outputs()).flat_map(|k| got.of(r, k).to_vec()).collect();
            assert_close(&mine, &phi, EXACT_EPS, &format!("shape {seed}, row {r}"));
        }
    }
}

/// Every row's values plus the expected value give its margin.
fn assert_additive(model: &Ensemble, x: &FeatureMatrix, values: &tideline_engine::explain::Attributions, eps: f64) {
    let margins = model.margins(x);
    let k = model.n_outputs();
    for r in 0..x.n_rows {
        for o in 0..k {
            let total: f64 = values.of(r, o).iter().sum::<f64>() + values.expected_value[o];
            assert!((total - margins[r * k + o]).abs() <= eps, "row {r} output {o}: {total} vs {}", margins[r * k + o]);
        }
    }
}

#[test]
fn deep_paths_use_the_polynomial_and_agree_with_tables() {
    // Paths of up to 14 distinct features: beyond the tables' 10.
    let shape = Shape { n_trees: 3, depth: 14, n_features: 16, n_outputs: 1, leaf_chance: 0.45 };
    let model = random_ensemble(11, shape);
    assert!(model.trees.iter().any(|t| t.depth() > 10));
    let x = random_rows(12, &model, 20, 0.1);
    let tables = PathDependentShap::new(&model).unwrap().explain_rows(&x, 0..x.n_rows, &mut NoProgress).unwrap();
    let poly =
        PathDependentShap::with_table_slots(&model, 0).unwrap().explain_rows(&x, 0..x.n_rows, &mut NoProgress).unwrap();
    assert_close(&tables.values, &poly.values, 1e-12, "tables vs polynomial");
    assert_additive(&model, &x, &tables, 1e-9);
}

#[test]
fn symmetric_features_get_equal_values() {
    // f(x) = h(x0 ≤ .5, x1 ≤ .5) with h symmetric and symmetric covers.
    let split = |feature, left, right, cover| Node {
        left,
        right,
        feature,
        test: Test::LessEqual(0.5),
        missing: Missing::Nan { default_left: true },
        value: 0.0,
        cover,
    };
    let tree = Tree {
        nodes: vec![
            split(0, 1, 2, 100.0),
            split(1, 3, 4, 60.0),
            split(1, 5, 6, 40.0),
            Node::leaf(1.0, 36.0),
            Node::leaf(2.0, 24.0),
            Node::leaf(2.0, 24.0),
            Node::leaf(5.0, 16.0),
        ],
    };
    let model = Ensemble {
        features: vec!["a".into(), "b".into(), "unused".into()],
        trees: vec![tree],
        tree_output: vec![0],
        base_margin: vec![0.0],
        link: Link::Identity,
        objective: "test".into(),
    };
    let x = FeatureMatrix { features: model.features.clone(), n_rows: 2, values: vec![0.2, 0.3, 9.0, 0.9, 0.7, -1.0] };
    let background =
        FeatureMatrix { features: model.features.clone(), n_rows: 2, values: vec![0.2, 0.8, 0.0, 0.8, 0.2, 1.0] };
    let path = PathDependentShap::new(&model).unwrap().explain_rows(&x, 0..x.n_rows, &mut NoProgress).unwrap();
    let inter =
        InterventionalShap::new(&model, &background).unwrap().explain_rows(&x, 0..x.n_rows, &mut NoProgress).unwrap();
    for values in [&path, &inter] {
        for r in 0..2 {
            let phi = values.of(r, 0);
            assert!((phi[0] - phi[1]).abs() < EXACT_EPS && phi[0] != 0.0, "row {r}: {phi:?}");
            assert_eq!(phi[2], 0.0, "the unused feature");
        }
        assert_additive(&model, &x, values, 1e-12);
    }
}

#[test]
fn row_ranges_progress_and_cancel() {
    let model = random_ensemble(5, Shape { n_trees: 5, depth: 4, n_features: 5, n_outputs: 2, leaf_chance: 0.1 });
    let x = random_rows(6, &model, 1500, 0.1);
    let shap = PathDependentShap::new(&model).unwrap();
    let all = shap.explain_rows(&x, 0..x.n_rows, &mut NoProgress).unwrap();
    let part = shap.explain_rows(&x, 70..1500, &mut NoProgress).unwrap();
    assert_eq!(part.n_rows, 1430);
    assert_eq!(&all.values[70 * 10..], &part.values[..]);
    let mut seen = Vec::new();
    let stopped = shap.explain_rows(&x, 0..x.n_rows, &mut |u: ProgressUpdate| {
        seen.push(u.rows_done);
        Flow::Stop
    });
    // Progress comes after every 1,024 rows.
    assert_eq!(stopped, Err(TreeShapError::Cancelled { rows_done: 1024 }));
    assert_eq!(seen, [1024]);
    assert!(matches!(shap.explain_rows(&x, 100..1501, &mut NoProgress), Err(TreeShapError::Rows { .. })));
    let background = random_rows(7, &model, 3, 0.0);
    let inter = InterventionalShap::new(&model, &background).unwrap();
    let all = inter.explain_rows(&x, 0..x.n_rows, &mut NoProgress).unwrap();
    let part = inter.explain_rows(&x, 1490..1500, &mut NoProgress).unwrap();
    assert_eq!(&all.values[1490 * 10..], &part.values[..]);
}

#[test]
fn bad_models_and_inputs_are_refused() {
    let model = random_ensemble(1, Shape { n_trees: 1, depth: 2, n_features: 2, n_outputs: 1, leaf_chance: 0.0 });
    let mut cycle = model.clone();
    cycle.trees[0].nodes[1] = Node { left: 0, ..cycle.trees[0].nodes[0].clone() };
    let err = PathDependentShap::new(&cycle).unwrap_err();
    assert!(err.to_string().starts_with("tree 0, node 1: child 0"), "{err}");
    let mut feature = model.clone();
    feature.trees[0].nodes[0].feature = 7;
    assert!(PathDependentShap::new(&feature).unwrap_err().to_string().contains("feature 7"));
    let mut zero = model.clone();
    zero.trees[0].nodes[0].cover = 0.0;
    assert!(PathDependentShap::new(&zero).unwrap_err().to_string().contains("cover 0"));
    let wrong = FeatureMatrix { features: vec!["f1".into(), "f0".into()], n_rows: 0, values: vec![] };
    let shap = PathDependentShap::new(&model).unwrap();
    assert!(shap
        .explain_rows(&wrong, 0..0, &mut NoProgress)
        .unwrap_err()
        .to_string()
        .contains("the model expects [f0, f1]"));
    let empty = FeatureMatrix { features: model.features.clone(), n_rows: 0, values: vec![] };
    assert!(InterventionalShap::new(&model, &empty).unwrap_err().to_string().contains("no rows"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn both_are_additive(seed in 0u64..10_000, depth in 1usize..7, n_features in 1usize..9, outputs in 1usize..3) {
        let shape = Shape { n_trees: 4, depth, n_features, n_outputs: outputs, leaf_chance: 0.25 };
        let model = random_ensemble(seed, shape);
        let x = random_rows(seed ^ 1, &model, 10, 0.2);
        let path = PathDependentShap::new(&model).unwrap().explain_rows(&x, 0..x.n_rows, &mut NoProgress).unwrap();
        assert_additive(&model, &x, &path, 1e-9);
        let background = random_rows(seed ^ 2, &model, 4, 0.2);
        let inter = InterventionalShap::new(&model, &background).unwrap().explain_rows(&x, 0..x.n_rows, &mut NoProgress).unwrap();
        assert_additive(&model, &x, &inter, 1e-9);
    }

    #[test]
    fn a_feature_no_tree_uses_gets_zero(seed in 0u64..10_000, depth in 1usize..6) {
        let mut model = random_ensemble(seed, Shape { n_trees: 3, depth, n_features: 4, n_outputs: 1, leaf_chance: 0.2 });
        model.features.push("unused".into());
        let x = random_rows(seed ^ 3, &model, 6, 0.2);
        let path = PathDependentShap::new(&model).unwrap().explain_rows(&x, 0..x.n_rows, &mut NoProgress).unwrap();
        let inter = InterventionalShap::new(&model, &x).unwrap().explain_rows(&x, 0..x.n_rows, &mut NoProgress).unwrap();
        for r in 0..x.n_rows {
            prop_assert_eq!(path.of(r, 0)[4], 0.0);
            prop_assert_eq!(inter.of(r, 0)[4], 0.0);
        }
    }
}
