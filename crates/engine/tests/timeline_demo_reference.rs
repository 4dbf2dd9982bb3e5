//! The monitoring timeline on the committed car-loan demo pair equals NannyML
//! 0.13.1 window by window: CBPE estimates, realised performance, univariate
//! drift (Jensen-Shannon, chi2), their thresholds and alerts (fixture from
//! tools/reference/timeline_demo.py; the same replay runs in Chromium).

include!("fixtures/reference/replay_support.rs");
include!("fixtures/reference/replay_timeline.rs");

/// Sums of up to 3,000 terms in another order than numpy's.
const TOL: f64 = 1e-12;

#[test]
fn timeline_on_the_demo_equals_nannyml() {
    let (failures, compared) = replay_timeline(TOL);
    assert!(compared > 400, "{compared} values compared");
    assert!(failures.is_empty(), "{failures:#?}");
}
