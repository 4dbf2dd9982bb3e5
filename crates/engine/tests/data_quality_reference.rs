//! Model Monitor code against tools/reference/monitor.py's fixture.

include!("fixtures/reference/replay_data_quality.rs");

/// Relative tolerance: sums and shares are computed in a different order
/// than numpy/scipy (pairwise vs sequential), so a few ULPs may differ.
const REL_TOL: f64 = 1e-12;
/// Absolute tolerance, for values near zero.
const ABS_TOL: f64 = 1e-15;

#[test]
fn monitor_matches_the_reference() {
    // monitor.json: 4 profiles, 3 KS, 3 KLL, 4 chi-square, 2 categorical L∞,
    // 4 completeness bounds, the capacities and the robust example.
    const CASES: usize = 22;
    let fixture: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/reference/monitor.json")).expect("fixture is JSON");
    let listed: usize = ["profiles", "ks", "kll", "chi_square", "categorical_linf", "completeness_bounds"]
        .iter()
        .map(|key| fixture[key].as_array().expect(key).len())
        .sum::<usize>()
        + ["capacities", "robust_example"].iter().filter(|key| fixture[**key].is_object()).count();
    assert_eq!(listed, CASES, "cases in monitor.json");
    let (failures, cases) = replay_data_quality(REL_TOL, ABS_TOL);
    assert_eq!(cases, CASES, "cases replayed");
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}
