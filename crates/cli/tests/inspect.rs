//! `tideline inspect` run as a subprocess on fixture files.

mod common;

use common::{engine_fixture, tideline};

#[test]
fn json_schema_has_the_promised_fields() {
    let path = engine_fixture("readers", "missing_markers.csv");
    let out = tideline(&["inspect", "--json", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["rows"], 4);
    let x = &json["columns"][0];
    assert_eq!(
        x,
        &serde_json::json!({"name": "x", "inferred_type": "Fractional", "kind": "numerical", "missing": 2, "distinct": 2, "role": "feature"})
    );
    // The markers that became missing are reported on stderr.
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("warning: 1 cell such as 'NA', 'NaN' or 'null' in 'x' read as missing"), "{stderr}");
    assert!(stderr.contains("warning: 2 infinite values in 'y' read as missing"), "{stderr}");
}

#[test]
fn table_output_lists_every_column() {
    let path = engine_fixture("readers", "bom_crlf.csv");
    let out = tideline(&["inspect", path.to_str().unwrap()]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "3 rows, 3 columns");
    assert!(lines[1].starts_with("column") && lines[1].contains("inferred_type"));
    assert!(
        lines[4].starts_with("score") && lines[4].contains("Fractional") && lines[4].contains("1 (33.3%)"),
        "{text}"
    );
}

#[test]
fn several_files_are_stacked() {
    let a = engine_fixture("readers", "tabs.tsv");
    let out = tideline(&["inspect", "--json", a.to_str().unwrap(), a.to_str().unwrap()]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["rows"], 4);
}

#[test]
fn bad_input_exits_non_zero_with_one_line() {
    let path = engine_fixture("readers", "truncated.json");
    let out = tideline(&["inspect", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("tideline: the file ends in the middle of a record"), "{stderr}");
    assert!(stderr.trim_end().ends_with("truncated.json"));
    let missing = tideline(&["inspect", "/nonexistent/file.csv"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).starts_with("tideline: cannot open /nonexistent/file.csv"));
}

#[test]
fn options_are_honoured() {
    let path = engine_fixture("readers", "no_header.csv");
    let out = tideline(&["inspect", "--json", "--header", path.to_str().unwrap()]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((json["rows"].as_u64(), json["columns"][0]["name"].as_str()), (Some(2), Some("1")));
    let named = tideline(&["inspect", "--json", "--names", "a,b,c", path.to_str().unwrap()]);
    let json: serde_json::Value = serde_json::from_slice(&named.stdout).unwrap();
    assert_eq!((json["rows"].as_u64(), json["columns"][2]["name"].as_str()), (Some(3), Some("c")));
    let bad = tideline(&["inspect", "--format", "xml", path.to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(1));
}

#[test]
fn capture_files_read_with_user_names() {
    let path = engine_fixture("capture", "csv.jsonl");
    let out = tideline(&["inspect", "--json", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> = json["columns"].as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap()).collect();
    assert!(names.starts_with(&["_c0"]) && names.contains(&"eventId"), "{names:?}");
}
