//! Clarify files that claim to be one and are not: analysis_config.json
//! (given to `bias --config`) and analysis.json (the baseline of
//! `bias-drift`), and configs whose values no row can hold.

use super::case::{refused, Case};

const CONFIG: &str = r#"{"dataset_type": "text/csv", "label": "repaid", "label_values_or_threshold": [1],
 "facet": [{"name_or_index": "salary_range", "value_or_threshold": ["0 - 20K €"]}],
 "methods": {"pre_training_bias": {"methods": "all"}}}"#;

/// Every case of this class.
pub fn cases() -> Vec<Case> {
    let edit = |from: &str, to: &str| {
        assert!(CONFIG.contains(from), "{from}");
        CONFIG.replacen(from, to, 1)
    };
    let configs: Vec<(&str, String, &str)> = vec![
        ("truncated", CONFIG[..CONFIG.len() / 2].to_owned(), "line"),
        ("not JSON", "label: repaid".to_owned(), "line 1"),
        ("a JSON array", "[]".to_owned(), "line 1"),
        ("facet not a list", edit("\"facet\": [", "\"facet\": 7, \"x\": ["), "line"),
        ("no label", edit("\"label\": \"repaid\", ", ""), "label"),
        ("a label no column has", edit("\"label\": \"repaid\"", "\"label\": \"nothing\""), "nothing"),
        ("a facet no column has", edit("\"salary_range\"", "\"nothing\""), "nothing"),
        ("an unknown metric", edit("\"methods\": \"all\"", "\"methods\": [\"XYZ\"]"), "XYZ"),
        ("a threshold that is text on a number", edit("[1]", "[\"high\"]"), "column 'repaid'"),
        ("label values an object", edit("[1]", "{\"a\": 1}"), "line"),
        ("methods of the wrong type", edit("\"methods\": \"all\"", "\"methods\": 7"), "line"),
    ];
    let mut cases = Vec::new();
    for (name, text, words) in configs {
        let args = ["bias", "--data", "good.csv", "--config", "cfg.json", "--out", "out"];
        // Errors of the data name the data file, errors of the file name the config.
        let file = if matches!(words, "nothing" | "column 'repaid'") { "good.csv" } else { "cfg.json" };
        let case = Case::new("clarify files", format!("config {name}"), &args, refused(&[file, words]));
        cases.push(case.good().file("cfg.json", text));
    }
    let analyses: [(&str, &str, &str); 6] = [
        ("truncated", r#"{"version": "1.0", "pre_training_bias_metrics": {"label": "repaid""#, "line"),
        ("not JSON", "analysis", "line 1"),
        ("a JSON array", "[1, 2]", "line 1"),
        (
            "metrics not a list",
            r#"{"version": "1.0", "pre_training_bias_metrics": {"label": "repaid", "label_value_or_threshold": "1", "facets": {"salary_range": 7}}}"#,
            "line",
        ),
        (
            "only NaN metrics",
            r#"{"version": "1.0", "pre_training_bias_metrics": {"label": "repaid", "label_value_or_threshold": "1", "facets": {"salary_range": [{"value_or_threshold": "0 - 20K €", "metrics": [{"name": "CI", "description": "", "value": "NaN"}]}]}}}"#,
            "NaN",
        ),
        (
            "facets that do not match",
            r#"{"version": "1.0", "pre_training_bias_metrics": {"label": "repaid", "label_value_or_threshold": "1", "facets": {"planet": [{"value_or_threshold": "mars", "metrics": [{"name": "CI", "description": "", "value": 0.1}]}]}}}"#,
            "can be compared",
        ),
    ];
    for (name, text, words) in analyses {
        let args = [
            "bias-drift",
            "--baseline",
            "analysis.json",
            "--data",
            "good.csv",
            "--label",
            "repaid",
            "--label-values",
            "1",
            "--facet",
            "salary_range",
            "--out",
            "out",
        ];
        cases.push(
            Case::new("clarify files", format!("baseline analysis {name}"), &args, refused(&["analysis.json", words]))
                .good()
                .file("analysis.json", text),
        );
    }
    cases
}
