//! The zip of SageMaker-format files from engine results: each analysis'
//! files under its folder, every file JSON, and the archive reads back
//! with the same names and bytes.

mod common;

use std::io::{Cursor, Read};

use common::full_inputs;
use tideline_report::{sagemaker_files, zip};

#[test]
fn every_analysis_writes_its_files_and_the_zip_reads_back() {
    let files = sagemaker_files(&full_inputs()).unwrap();
    let paths: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        [
            "data_quality/baseline_statistics.json",
            "data_quality/statistics.json",
            "data_quality/constraints.json",
            "data_quality/constraint_violations.json",
            "drift/drift.json",
            "bias/analysis_config.json",
            "bias/baseline/analysis.json",
            "bias/current/analysis.json",
            "bias/constraint_violations.json",
            "explainability/baseline/analysis.json",
            "explainability/current/analysis.json",
            "timeline/timeline.json",
        ]
    );
    for (path, bytes) in &files {
        serde_json::from_slice::<serde_json::Value>(bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
    }

    let bytes = zip(&files).unwrap();
    assert_eq!(&bytes[..4], b"PK\x03\x04", "a local file header first");
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    assert_eq!(archive.len(), files.len());
    for (i, (path, content)) in files.iter().enumerate() {
        let mut entry = archive.by_index(i).unwrap();
        assert_eq!(entry.name().unwrap(), path.as_str());
        let mut read = Vec::new();
        entry.read_to_end(&mut read).unwrap();
        assert_eq!(&read, content, "{path}");
    }
}

#[test]
fn nothing_run_gives_no_files() {
    assert!(sagemaker_files(&tideline_report::ReportInputs::default()).unwrap().is_empty());
}
