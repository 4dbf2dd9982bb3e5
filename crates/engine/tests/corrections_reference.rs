//! Bonferroni and Benjamini–Hochberg equal numpy's and scipy's.

include!("fixtures/reference/replay_corrections.rs");

#[test]
fn corrections_equal_scipy() {
    let (failures, cases) = replay_corrections(1e-12);
    assert!(cases > 0);
    assert!(failures.is_empty(), "{failures:#?}");
}
