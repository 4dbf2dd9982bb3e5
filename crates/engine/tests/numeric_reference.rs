//! The numeric drift tests against scipy 1.17.1 / Evidently 0.7.23 values
//! recorded by tools/reference/numeric_tests.py.

include!("fixtures/reference/replay_support.rs");
include!("fixtures/reference/replay_numeric.rs");

/// Statistics: 1e-9 absolute. p-values: 1e-8 relative, tiny ones included.
#[test]
fn numeric_tests_match_scipy_and_evidently() {
    // 402 tests over 46 cases, counted from numeric_tests.json.
    const TESTS: usize = 402;
    let fixture: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/reference/numeric_tests.json")).expect("fixture is JSON");
    let cases = fixture["cases"].as_array().expect("cases");
    assert_eq!(cases.len(), 46, "cases in numeric_tests.json");
    let listed: usize = cases.iter().map(|c| c["tests"].as_object().expect("tests").len()).sum();
    assert_eq!(listed, TESTS, "tests in numeric_tests.json");
    let (failures, checked) = replay_numeric(1e-9, 1e-8);
    assert_eq!(checked, TESTS, "tests replayed");
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}
