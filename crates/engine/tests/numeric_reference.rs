//! The numeric drift tests against scipy 1.17.1 / Evidently 0.7.23 values
//! recorded by tools/reference/numeric_tests.py.

include!("fixtures/reference/replay_support.rs");
include!("fixtures/reference/replay_numeric.rs");

/// Statistics: 1e-9 absolute. p-values: 1e-8 relative, tiny ones included.
#[test]
fn numeric_tests_match_scipy_and_evidently() {
    let (failures, checked) = replay_numeric(1e-9, 1e-8);
    assert!(checked > 0, "no cases replayed");
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}
