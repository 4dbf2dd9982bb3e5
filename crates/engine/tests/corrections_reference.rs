//! Bonferroni and Benjamini–Hochberg equal numpy's and scipy's.

include!("fixtures/reference/replay_corrections.rs");

#[test]
fn corrections_equal_scipy() {
    let (failures, cases) = replay_corrections(1e-12);
    // corrections.json holds 4 cases.
    assert_eq!(cases, 4, "cases replayed");
    assert!(failures.is_empty(), "{failures:#?}");
}
