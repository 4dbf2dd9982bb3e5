//! Spec sagemaker.md §4's verified Model Monitor examples: the doc's binary
//! confusion matrix {"0":{"0":1,"1":2},"1":{"0":0,"1":1}} and its best
//! constant classifier (prevalence p = 0.25).

use tideline_engine::model_quality::BinaryCounts;

/// TN=1, FP=2, FN=0, TP=1, as spec §4 reads the doc's matrix.
fn doc_counts() -> BinaryCounts {
    BinaryCounts { tp: 1, fp: 2, tn: 1, fn_: 0 }
}

fn metric(metrics: &[(&str, f64)], name: &str) -> f64 {
    metrics.iter().find(|(n, _)| *n == name).map(|(_, v)| *v).expect("metric present")
}

#[test]
fn doc_confusion_matrix_gives_the_doc_scalars() {
    let m = doc_counts().metrics();
    // spec §4: recall 1.0, precision 1/3, accuracy 0.5.
    assert_eq!(metric(&m, "recall"), 1.0);
    assert_eq!(metric(&m, "precision"), 1.0 / 3.0);
    assert_eq!(metric(&m, "accuracy"), 0.5);
    // spec §4: the doc shows true_negative_rate 0.33333333333333337 (= 1 − FPR).
    assert_eq!(metric(&m, "true_negative_rate"), 0.333_333_333_333_333_37);
    // spec §4: f0_5 = 0.3846, f2 = 0.7143 (four decimals in the doc).
    assert!((metric(&m, "f0_5") - 0.3846).abs() < 5e-5);
    assert!((metric(&m, "f2") - 0.7143).abs() < 5e-5);
}

#[test]
fn best_constant_classifier_predicts_positive() {
    let m = doc_counts().best_constant().metrics();
    // spec §4: p = 0.25 gives precision 0.25, f1 0.4, f0_5 0.2941, f2 0.625, recall 1.
    assert_eq!(metric(&m, "recall"), 1.0);
    assert_eq!(metric(&m, "precision"), 0.25);
    assert_eq!(metric(&m, "accuracy"), 0.25);
    assert!((metric(&m, "f1") - 0.4).abs() < 1e-12);
    assert!((metric(&m, "f0_5") - 0.2941).abs() < 5e-5);
    assert!((metric(&m, "f2") - 0.625).abs() < 1e-12);
}
