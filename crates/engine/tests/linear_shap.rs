//! Linear SHAP equals shap 0.51.0's `LinearExplainer` with an `Independent`
//! masker (tools/reference/kernel_shap.py) in margin space, and for a
//! regression equals Kernel SHAP over the same baseline.

include!("fixtures/reference/replay_support.rs");
include!("fixtures/reference/replay_kernel_shap.rs");

use replay_kernel_shap::{cases, max_rel_diff, replay_linear};
use tideline_engine::explain::{
    linear_shap, Baseline, FeatureMatrix, KernelShap, KernelShapConfig, LinearModel, Model,
};

/// φ_j = w_j (x_j − mean_j): one product per value; the means are sums of
/// at most 10 terms in another order than NumPy's.
const TOL: f64 = 1e-12;

#[test]
fn equals_shap_linear_explainer() {
    let (failures, checked) = replay_linear(TOL);
    assert!(failures.is_empty(), "{failures:#?}");
    assert_eq!(checked, 3);
}

#[test]
fn values_add_up_to_the_margin() {
    for case in cases() {
        let got = linear_shap(&case.model, &case.rows, &case.baseline_rows).unwrap();
        let margins = case.model.margins(&case.rows);
        let k = case.model.n_outputs();
        for r in 0..case.rows.n_rows {
            for o in 0..k {
                let sum: f64 = got.of(r, o).iter().sum::<f64>() + got.expected_value[o];
                assert!((sum - margins[r * k + o]).abs() < 1e-9 * margins[r * k + o].abs().max(1.0));
            }
        }
    }
}

#[test]
fn a_regression_explained_by_kernel_shap_is_linear_shap() {
    let case = cases().into_iter().find(|c| c.name == "diabetes_regression").unwrap();
    let lin = linear_shap(&case.model, &case.rows, &case.baseline_rows).unwrap();
    let cfg = KernelShapConfig { num_samples: None, seed: 0, use_logit: false };
    let kernel = KernelShap::new(&case.model, &case.baseline, cfg).unwrap().explain(&case.rows).unwrap();
    assert!(max_rel_diff(&kernel.values, &lin.values) < 1e-9);
}

#[test]
fn missing_values_are_refused_with_row_and_feature() {
    let model =
        LinearModel::from_json(r#"{"type":"linear","link":"identity","intercept":0,"coefficients":{"a":1,"b":2}}"#)
            .unwrap();
    let m =
        |values: Vec<f64>| FeatureMatrix { features: vec!["a".into(), "b".into()], n_rows: values.len() / 2, values };
    let err = linear_shap(&model, &m(vec![1.0, 2.0, 3.0, f64::NAN]), &m(vec![0.0, 0.0])).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the data: row 1, feature \"b\" is missing (NaN); a linear model needs every value (impute it first)"
    );
    assert!(linear_shap(&model, &m(vec![1.0, 2.0]), &m(vec![])).is_err());
}

#[test]
fn with_one_baseline_row_kernel_shap_in_log_odds_is_linear_shap() {
    // logit(f) of a logistic model is linear in the features, so against a
    // single baseline row Kernel SHAP with use_logit is linear SHAP.
    let case = cases().into_iter().find(|c| c.name == "breast_cancer_logistic").unwrap();
    let one = case.baseline_rows.take(&[2]);
    let lin = linear_shap(&case.model, &case.rows, &one).unwrap();
    let baseline = Baseline::uniform(one).unwrap();
    let cfg = KernelShapConfig { num_samples: None, seed: 0, use_logit: true };
    let kernel = KernelShap::new(&case.model, &baseline, cfg).unwrap().explain(&case.rows).unwrap();
    assert!(max_rel_diff(&kernel.values, &lin.values) < 1e-9);
    assert!(max_rel_diff(&kernel.expected_value, &lin.expected_value) < 1e-12);
}
