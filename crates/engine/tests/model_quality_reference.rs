//! Model Monitor's model-quality metrics and curves equal scikit-learn's.

include!("fixtures/reference/replay_support.rs");
include!("fixtures/reference/replay_model_quality.rs");

#[test]
fn model_quality_equals_scikit_learn() {
    let (failures, cases) = replay_model_quality(1e-9);
    // model_quality.json holds 11 cases.
    assert_eq!(cases, 11, "cases replayed");
    assert!(failures.is_empty(), "{failures:#?}");
}
