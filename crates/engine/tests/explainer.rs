//! The explanation glue every front end shares (load_model, ExplainConfig,
//! Explainer, explain_table) replays the reference fixtures: the car-loan
//! XGBoost model on the analysis CSV gives XGBoost's `pred_contribs`
//! (tools/reference/tree_models.py, xgboost 3.1.2), interventional TreeSHAP
//! gives shap 0.51.0's, Kernel and linear SHAP give shap's
//! (tools/reference/kernel_shap.py). Row ranges explained separately join
//! into exactly the rows explained at once, as the browser's workers need.

#[allow(dead_code)]
mod fixtures {
    include!("fixtures/reference/replay_support.rs");
    include!("fixtures/reference/replay_tree_models.rs");
    include!("fixtures/reference/replay_kernel_shap.rs");
    pub use replay_kernel_shap::{cases as kernel_cases, floats as kernel_floats, max_rel_diff, nested};
    pub use replay_tree_models::{cases as tree_cases, close, flat, FIXTURES};
}

use fixtures::{close, flat, kernel_cases, max_rel_diff, nested, tree_cases, FIXTURES};
use tideline_engine::explain::{
    concat_attributions, explain_rows_parallel, explain_table, load_model, Attributions, ExplainConfig, ExplainError,
    ExplainMethod, Explainer, FeatureMatrix, LoadedModel, ModelError, ModelFormat,
};
use tideline_engine::io::{load_bytes, LoadOptions};
use tideline_engine::progress::{Flow, NoProgress, ProgressUpdate};

/// As tree_shap_reference.rs: relative to the row's largest |value|
/// (XGBoost computes its contributions in float32).
const TREE_TOL: f64 = 1e-6;

/// As kernel_shap.rs: exact Kernel SHAP against shap's all-coalition values.
const KERNEL_TOL: f64 = 1e-9;

/// As linear_shap.rs: one product per value.
const LINEAR_TOL: f64 = 1e-12;

fn with_method(method: ExplainMethod) -> ExplainConfig {
    ExplainConfig { method: Some(method), ..ExplainConfig::default() }
}

/// Values with the expected value appended per (row, output), as `pred_contribs`.
fn with_bias(a: &Attributions) -> Vec<f64> {
    let mut out = Vec::new();
    for r in 0..a.n_rows {
        for k in 0..a.n_outputs {
            out.extend_from_slice(a.of(r, k));
            out.push(a.expected_value[k]);
        }
    }
    out
}

/// Whether `got` equals `want` chunk by chunk, relative to each chunk's largest value.
fn chunks_close(got: &[f64], want: &[f64], width: usize) -> bool {
    got.len() == want.len()
        && got.chunks(width).zip(want.chunks(width)).all(|(g, w)| {
            let scale = w.iter().fold(1.0_f64, |a, v| a.max(v.abs()));
            g.iter().zip(w).all(|(g, w)| close(g / scale, w / scale, TREE_TOL))
        })
}

fn model_of(name: &str) -> LoadedModel {
    let (_, _, text) = FIXTURES.iter().find(|f| f.0 == name).expect("fixture");
    load_model(name, text.as_bytes()).expect("model")
}

#[test]
fn every_model_file_is_recognised_by_its_content() {
    for case in tree_cases() {
        let loaded = model_of(case.name);
        let LoadedModel::Trees { ensemble, format, fidelity } = &loaded else { panic!("{}: not trees", case.name) };
        let want = if case.name.starts_with("xgb") { ModelFormat::Xgboost } else { ModelFormat::Lightgbm };
        assert_eq!((*format, fidelity), (want, &None), "{}", case.name);
        assert_eq!(ensemble, &case.model, "{}", case.name);
        let summary = loaded.summary();
        // LightGBM names its objective with parameters ("binary sigmoid:1").
        assert!(summary.objective.starts_with(case.json["objective"].as_str().unwrap()), "{}", case.name);
        assert_eq!(summary.features, case.model.features);
        assert_eq!(summary.n_trees, case.model.trees.len());
        assert!(summary.max_depth >= 1 && summary.n_leaves > summary.n_trees, "{}", case.name);
    }
    let wine = model_of("xgb_wine").summary();
    assert_eq!((wine.kind.as_str(), wine.n_outputs, wine.n_trees), ("xgboost", 3, 36));
    assert_eq!(model_of("lgb_adult").summary().kind, "lightgbm");
}

#[test]
fn a_truncated_model_says_so() {
    let (_, _, text) = FIXTURES.iter().find(|f| f.0 == "xgb_car_loan").unwrap();
    let err = load_model("xgb_car_loan.json", &text.as_bytes()[..text.len() / 2]).unwrap_err();
    assert!(matches!(err, ModelError::Truncated { format: "XGBoost JSON", .. }), "{err}");
    let (_, _, lgb) = FIXTURES.iter().find(|f| f.0 == "lgb_adult").unwrap();
    let err = load_model("lgb_adult.txt", &lgb.as_bytes()[..lgb.len() / 2]).unwrap_err();
    assert!(matches!(err, ModelError::Truncated { format: "LightGBM text", .. }), "{err}");
}

/// The demo: the car-loan model explains the analysis CSV by column
/// name with XGBoost's own contributions.
#[test]
fn the_car_loan_csv_explained_equals_pred_contribs() {
    let csv = include_bytes!("fixtures/models/car_loan_analysis_head.csv");
    let table = load_bytes("car_loan_analysis_head.csv", csv, LoadOptions::default()).expect("CSV").table;
    let model = model_of("xgb_car_loan");
    let cases = tree_cases();
    let case = cases.iter().find(|c| c.name == "xgb_car_loan").unwrap();
    let outcome = explain_table(&model, None, &table, &ExplainConfig::default(), &mut NoProgress).unwrap();
    assert_eq!((outcome.method, outcome.method_key), (ExplainMethod::Tree, "tree_shap"));
    let want = flat(&case.json["contribs"]);
    assert!(chunks_close(&with_bias(&outcome.attributions), &want, 6), "pred_contribs differ");
    assert_eq!(outcome.expected_value, outcome.attributions.expected_value);
    assert!(close(outcome.expected_value[0], want[5], TREE_TOL));
    let unused = ["id", "salary_range", "size_of_downpayment", "repaid", "timestamp", "y_pred_proba", "y_pred"];
    assert_eq!(outcome.unused_columns, unused);
    // mean_abs of the recorded contributions, feature by feature.
    for (j, g) in outcome.global.values[0].iter().enumerate() {
        let mean_abs = want.chunks(6).map(|r| r[j].abs()).sum::<f64>() / 40.0;
        assert!(close(*g, mean_abs, TREE_TOL), "feature {j}: {g} vs {mean_abs}");
    }
    // The same table without a feature column is refused by name.
    let trimmed = load_bytes("head.csv", &drop_column(csv, "loan_length"), LoadOptions::default()).unwrap().table;
    let err = explain_table(&model, None, &trimmed, &ExplainConfig::default(), &mut NoProgress).unwrap_err();
    assert_eq!(err.to_string(), "the table has no column for the model features: loan_length");
}

/// `csv` without the column named `name` (no quoted commas in the fixture).
fn drop_column(csv: &[u8], name: &str) -> Vec<u8> {
    let text = std::str::from_utf8(csv).unwrap();
    let header: Vec<&str> = text.lines().next().unwrap().split(',').collect();
    let at = header.iter().position(|h| *h == name).unwrap();
    let mut out = String::new();
    for line in text.lines() {
        let cells: Vec<&str> = line.split(',').enumerate().filter(|(i, _)| *i != at).map(|(_, c)| c).collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out.into_bytes()
}

/// `explainer` over `x` at once, and in two ranges joined.
fn whole_and_split(explainer: &Explainer, x: &FeatureMatrix) -> (Attributions, Attributions) {
    let whole = explainer.explain_rows(x, 0..x.n_rows, &mut NoProgress).unwrap();
    let cut = x.n_rows / 3;
    let parts = vec![
        explainer.explain_rows(x, 0..cut, &mut NoProgress).unwrap(),
        explainer.explain_rows(x, cut..x.n_rows, &mut NoProgress).unwrap(),
    ];
    (whole, concat_attributions(parts).unwrap())
}

#[test]
fn tree_explainers_equal_the_libraries_and_split_exactly() {
    for case in tree_cases() {
        let name = case.name;
        let model = model_of(name);
        let width = case.model.features.len() + 1;
        let path = Explainer::new(&model, &ExplainConfig::default(), None).unwrap();
        let (whole, joined) = whole_and_split(&path, &case.rows);
        assert_eq!(whole, joined, "{name}: path-dependent ranges");
        assert!(chunks_close(&with_bias(&whole), &flat(&case.json["contribs"]), width), "{name}: contribs");

        let config = with_method(ExplainMethod::TreeInterventional);
        // Two workers, each with its own explainer from the same inputs.
        let first = Explainer::new(&model, &config, Some(&case.background)).unwrap();
        let second = Explainer::new(&model, &config, Some(&case.background)).unwrap();
        let whole = first.explain_rows(&case.rows, 0..case.rows.n_rows, &mut NoProgress).unwrap();
        let parts = vec![
            first.explain_rows(&case.rows, 0..17, &mut NoProgress).unwrap(),
            second.explain_rows(&case.rows, 17..case.rows.n_rows, &mut NoProgress).unwrap(),
        ];
        assert_eq!(concat_attributions(parts).unwrap(), whole, "{name}: interventional ranges");
        // Some fixtures record no interventional values (shap refuses their model).
        if let Some(values) = case.json["shap_interventional"].get("values") {
            assert!(chunks_close(&whole.values, &flat(values), width - 1), "{name}: interventional values");
        }
    }
}

#[test]
fn kernel_explainer_equals_shap_and_splits_exactly() {
    let mut checked = 0;
    for case in kernel_cases() {
        let model = LoadedModel::Linear(case.model.clone());
        for entry in case.json["kernel"].as_array().unwrap() {
            let use_logit = entry["link"] == "logit";
            let config = ExplainConfig { use_logit, ..with_method(ExplainMethod::Kernel) };
            let explainer = Explainer::with_kernel_baseline(&model, &config, case.baseline.clone()).unwrap();
            assert_eq!(explainer.method_key(), "kernel_shap");
            let (whole, joined) = whole_and_split(&explainer, &case.rows);
            assert_eq!(whole, joined);
            assert!(max_rel_diff(&whole.values, &nested(&entry["kernel_exact"])) < KERNEL_TOL, "{}", case.name);
            let expected = fixtures::kernel_floats(&entry["expected_value"]);
            assert!(max_rel_diff(explainer.expected_value(), &expected) < KERNEL_TOL);
            checked += 1;
            if let Some(n) = entry["sampled"]["nsamples"].as_u64() {
                // Sampled coalitions: row i draws stream i, so ranges still join exactly.
                let sampled = ExplainConfig { num_samples: Some(n as usize), seed: 5, ..config.clone() };
                let explainer = Explainer::with_kernel_baseline(&model, &sampled, case.baseline.clone()).unwrap();
                let (whole, joined) = whole_and_split(&explainer, &case.rows);
                assert_eq!(whole, joined);
                assert!(max_rel_diff(&whole.values, &nested(&entry["kernel_exact"])) > 0.0);
            }
        }
    }
    assert_eq!(checked, 5);
}

#[test]
fn linear_explainer_equals_shap() {
    for case in kernel_cases() {
        let model = LoadedModel::Linear(case.model.clone());
        let explainer = Explainer::new(&model, &ExplainConfig::default(), Some(&case.baseline_rows)).unwrap();
        assert_eq!(explainer.method(), ExplainMethod::Linear);
        let (whole, joined) = whole_and_split(&explainer, &case.rows);
        assert_eq!(whole, joined);
        let lin = &case.json["linear"];
        assert!(max_rel_diff(&whole.values, &nested(&lin["values"])) < LINEAR_TOL, "{}", case.name);
        let expected = fixtures::kernel_floats(&lin["expected_value"]);
        assert!(max_rel_diff(explainer.expected_value(), &expected) < LINEAR_TOL, "{}", case.name);
    }
}

#[test]
fn kernel_on_trees_clusters_the_data_reproducibly_and_cancels() {
    let cases = tree_cases();
    let case = cases.iter().find(|c| c.name == "xgb_car_loan").unwrap();
    let model = model_of("xgb_car_loan");
    let config = ExplainConfig { num_samples: Some(40), seed: 9, ..with_method(ExplainMethod::Kernel) };
    let a = Explainer::for_data(&model, &config, None, &case.rows).unwrap();
    let b = Explainer::for_data(&model, &config, None, &case.rows).unwrap();
    assert_eq!(a.kernel_baseline().unwrap().rows.n_rows, 10, "Clarify-style default clusters");
    let (whole, joined) = whole_and_split(&a, &case.rows);
    assert_eq!(whole, joined);
    assert_eq!(b.explain_rows(&case.rows, 5..9, &mut NoProgress).unwrap().values, whole.values[5 * 5..9 * 5]);
    let mut calls = 0;
    let mut stop_second = |_: ProgressUpdate| {
        calls += 1;
        if calls == 2 {
            Flow::Stop
        } else {
            Flow::Continue
        }
    };
    let err = a.explain_rows(&case.rows, 0..40, &mut stop_second).unwrap_err();
    assert_eq!(err, ExplainError::Cancelled { rows_done: 16 });
    let linear_on_trees = Explainer::new(&model, &with_method(ExplainMethod::Linear), Some(&case.rows));
    assert!(linear_on_trees.err().unwrap().to_string().starts_with("method linear explains linear models"));
}

/// Rows explained on several threads are the rows of one thread, bit for
/// bit, and a cancel stops every thread.
#[test]
fn rows_explained_on_every_core_equal_one_thread() {
    let mut compared = 0;
    for case in tree_cases() {
        let model = model_of(case.name);
        let explainer = Explainer::new(&model, &ExplainConfig::default(), None).unwrap();
        let many: Vec<usize> = (0..600).map(|i| i % case.rows.n_rows).collect();
        let x = case.rows.take(&many);
        let one = explainer.explain_rows(&x, 0..x.n_rows, &mut NoProgress).unwrap();
        for threads in [2, 3, 8] {
            let mut heard = 0;
            let mut progress = |u: tideline_engine::progress::ProgressUpdate| {
                heard = heard.max(u.rows_done);
                tideline_engine::progress::Flow::Continue
            };
            let parallel = explain_rows_parallel(&explainer, &x, threads, &mut progress).unwrap();
            assert_eq!(parallel, one, "{} on {threads} threads", case.name);
            compared += 1;
        }
    }
    // Going on at the start, then stopping at the first report: the threads stop early.
    let case = tree_cases().into_iter().find(|c| c.name == "xgb_breast_cancer").unwrap();
    let model = model_of(case.name);
    let explainer = Explainer::new(&model, &ExplainConfig::default(), None).unwrap();
    let many: Vec<usize> = (0..400_000).map(|i| i % case.rows.n_rows).collect();
    let mut calls = 0;
    let mut stop_later = |_: tideline_engine::progress::ProgressUpdate| {
        calls += 1;
        if calls == 1 {
            tideline_engine::progress::Flow::Continue
        } else {
            tideline_engine::progress::Flow::Stop
        }
    };
    let started = std::time::Instant::now();
    let cancelled = explain_rows_parallel(&explainer, &case.rows.take(&many), 2, &mut stop_later);
    let message = cancelled.map(|a| a.n_rows).unwrap_err().to_string();
    assert!(message.contains("cancel"), "{message}");
    eprintln!("cancelled after {:?}", started.elapsed());
    assert!(compared >= 6, "{compared}");
}
