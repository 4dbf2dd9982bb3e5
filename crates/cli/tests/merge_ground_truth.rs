//! `tideline merge-ground-truth` as a subprocess: SageMaker capture and
//! ground-truth files (the engine's fixtures), and two plain CSV tables
//! joined by named id columns.

mod common;

use std::path::PathBuf;

use common::{engine_fixture, scratch, tideline};

fn capture_fixture(name: &str) -> PathBuf {
    engine_fixture("capture", name)
}

#[test]
fn sagemaker_capture_and_ground_truth_merge_with_counts() {
    let dir = scratch("merge", "sagemaker");
    let out = dir.join("merged.csv");
    let (capture, truth) = (capture_fixture("merge_capture.jsonl"), capture_fixture("ground_truth.jsonl"));
    let run = tideline(&[
        "merge-ground-truth",
        "--capture",
        capture.to_str().unwrap(),
        "--ground-truth",
        truth.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    // The same counts as the engine's merge test (crates/engine/tests/capture.rs).
    let printed = String::from_utf8_lossy(&run.stdout);
    assert!(printed.contains("3 of 5 captured rows have a ground-truth label (2 have none)"), "{printed}");
    let text = std::fs::read_to_string(&out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 6, "{text}");
    assert!(lines[0].ends_with(",groundTruthData"), "{}", lines[0]);
    let labels: Vec<&str> = lines[1..].iter().map(|l| l.rsplit(',').next().unwrap()).collect();
    assert_eq!(labels, ["1", "1", "", "1", ""]);
}

#[test]
fn plain_tables_join_by_named_columns() {
    let dir = scratch("merge", "plain");
    let (capture, truth, out) = (dir.join("pred.csv"), dir.join("truth.csv"), dir.join("merged.csv"));
    std::fs::write(&capture, "id,score\n7,0.9\n8,\"0,2\"\n9,0.4\n").unwrap();
    std::fs::write(&truth, "key,y\n9,0\n7,1\n7,1\n").unwrap();
    let run = tideline(&[
        "merge-ground-truth",
        "--capture",
        capture.to_str().unwrap(),
        "--ground-truth",
        truth.to_str().unwrap(),
        "--capture-id",
        "id",
        "--truth-id",
        "key",
        "--label",
        "y",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "id,score,y\n7,0.9,1\n8,\"0,2\",\n9,0.4,0\n");
    let printed = String::from_utf8_lossy(&run.stdout);
    assert!(printed.contains("2 of 3 captured rows") && printed.contains("1 repeated ground-truth id"), "{printed}");
    let bad = tideline(&[
        "merge-ground-truth",
        "--capture",
        capture.to_str().unwrap(),
        "--ground-truth",
        truth.to_str().unwrap(),
        "--capture-id",
        "nope",
        "--truth-id",
        "key",
        "--label",
        "y",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("the captured data has no column nope"));
}
