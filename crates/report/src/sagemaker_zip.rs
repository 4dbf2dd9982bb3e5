//! Every SageMaker-format file the analyses produced, by path, and the zip
//! that holds them (with the model card and the audit record), so one
//! download gives what Model Monitor and Clarify would have written.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::inputs::ReportInputs;

/// The files, as (path in the zip, bytes), in a fixed order.
///
/// # Errors
/// When a result cannot be written as JSON.
pub fn sagemaker_files(inputs: &ReportInputs) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut add = |path: &str, text: String| files.push((path.to_owned(), text.into_bytes()));
    if let Some(q) = &inputs.data_quality {
        add("data_quality/baseline_statistics.json", q.baseline_statistics.clone());
        add("data_quality/statistics.json", q.current_statistics.clone());
        add("data_quality/constraints.json", q.constraints.clone());
        add("data_quality/constraint_violations.json", q.violations.clone());
    }
    if let Some(d) = &inputs.drift {
        add("drift/drift.json", pretty(&d.report)?);
    }
    if let Some(b) = &inputs.bias {
        add("bias/analysis_config.json", b.config.to_json());
        if let Some(run) = &b.baseline {
            add("bias/baseline/analysis.json", run.analysis.to_json());
        }
        if let Some(run) = &b.current {
            add("bias/current/analysis.json", run.analysis.to_json());
        }
        if let Some(v) = &b.violations {
            add("bias/constraint_violations.json", v.clone());
        }
    }
    if let Some(a) = &inputs.attributions {
        if let Some((baseline, current)) = &a.analysis_json {
            add("explainability/baseline/analysis.json", baseline.clone());
            add("explainability/current/analysis.json", current.clone());
        }
    }
    if let Some(t) = &inputs.timeline {
        add("timeline/timeline.json", pretty(t)?);
    }
    Ok(files)
}

/// A result as pretty JSON.
fn pretty<T: serde::Serialize>(value: &T) -> Result<String, String> {
    serde_json::to_string_pretty(value).map_err(|e| format!("a result cannot be written as JSON: {e}"))
}

/// A zip of `files` (deflated), openable by any unzip tool.
///
/// # Errors
/// When the archive cannot be written (a duplicate path).
pub fn zip(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, String> {
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    // A fixed time stamp: the same files give the same bytes.
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (path, bytes) in files {
        writer.start_file(path.as_str(), options).map_err(|e| format!("{path}: {e}"))?;
        writer.write_all(bytes).map_err(|e| format!("{path}: {e}"))?;
    }
    let cursor = writer.finish().map_err(|e| format!("the zip cannot be finished: {e}"))?;
    Ok(cursor.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn a_zip_reads_back_with_the_same_files() {
        let files = vec![("a/x.json".to_owned(), br#"{"a":1}"#.to_vec()), ("b.json".to_owned(), vec![b'7'; 10_000])];
        let bytes = zip(&files).unwrap();
        assert_eq!(bytes, zip(&files).unwrap(), "the same files give the same bytes");
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        assert_eq!(archive.len(), 2);
        for (path, content) in &files {
            let mut entry = archive.by_name(path).unwrap();
            let mut read = Vec::new();
            entry.read_to_end(&mut read).unwrap();
            assert_eq!(&read, content);
        }
        assert!(zip(&[files[0].clone(), files[0].clone()]).is_err(), "a duplicate path is refused");
    }
}
