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
    // timeline_demo.json: 6 windows; 5 performance metrics (estimate,
    // realised, lower, upper, alert) and 14 drift series (value, lower,
    // upper, alert) per window: 6 × (5 × 5 + 14 × 4) = 486.
    const VALUES: usize = 486;
    let fixture: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/reference/timeline_demo.json")).expect("fixture is JSON");
    let windows = fixture["windows"].as_u64().expect("windows") as usize;
    let metrics = fixture["performance"].as_object().expect("performance").len();
    let series = fixture["drift"].as_array().expect("drift").len();
    assert_eq!((windows, metrics, series), (6, 5, 14), "timeline_demo.json");
    assert_eq!(windows * (metrics * 5 + series * 4), VALUES);
    let (failures, compared) = replay_timeline(TOL);
    assert_eq!(compared, VALUES, "values compared");
    assert!(failures.is_empty(), "{failures:#?}");
}
