//! Model Monitor code against tools/reference/monitor.py's fixture.

include!("fixtures/reference/replay_monitor.rs");

/// Relative tolerance: sums and shares are computed in a different order
/// than numpy/scipy (pairwise vs sequential), so a few ULPs may differ.
const REL_TOL: f64 = 1e-12;
/// Absolute tolerance, for values near zero.
const ABS_TOL: f64 = 1e-15;

#[test]
fn monitor_matches_the_reference() {
    let (failures, cases) = replay_monitor(REL_TOL, ABS_TOL);
    assert!(cases > 0);
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}
