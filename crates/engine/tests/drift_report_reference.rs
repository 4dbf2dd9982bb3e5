//! The `evidently` preset equals Evidently 0.7.23's DataDriftPreset end to end.

include!("fixtures/reference/replay_drift_report.rs");

#[test]
fn evidently_preset_equals_evidently() {
    let (failures, cases) = replay_drift_report(1e-9);
    // drift_report.json holds 4 cases.
    assert_eq!(cases, 4, "cases replayed");
    assert!(failures.is_empty(), "{failures:#?}");
}
