//! The categorical and binned drift tests against Evidently 0.7.23 / scipy
//! 1.17.1 / numpy 2.4.6 values recorded by tools/reference/categorical_tests.py.

include!("fixtures/reference/replay_support.rs");
include!("fixtures/reference/replay_categorical.rs");

/// Statistics: 1e-9 absolute. p-values: 1e-8 relative, tiny ones included.
#[test]
fn categorical_tests_match_evidently_and_scipy() {
    // Counted from categorical_tests.json.
    const CASES: usize = 428;
    let fixture: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/reference/categorical_tests.json")).expect("fixture is JSON");
    assert_eq!(fixture["cases"].as_array().expect("cases").len(), CASES, "cases in categorical_tests.json");
    let (failures, checked) = replay_categorical(1e-9, 1e-8);
    assert_eq!(checked, CASES, "cases replayed");
    assert!(failures.is_empty(), "{} mismatches of {checked}:\n{}", failures.len(), failures.join("\n"));
}
