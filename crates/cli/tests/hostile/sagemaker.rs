//! Model Monitor files that claim to be one and are not: statistics.json
//! (given to `drift --baseline`, `suggest-baseline --data` and `monitor`)
//! and constraints.json (given to `monitor`).

use super::case::{refused, Case};

/// A small valid statistics.json (3 rows, one numeric and one string column).
const STATISTICS: &str = r#"{"version": 0.0, "dataset": {"item_count": 3},
 "features": [
  {"name": "x", "inferred_type": "Fractional",
   "numerical_statistics": {"common": {"num_present": 3, "num_missing": 0},
     "mean": 2.0, "sum": 6.0, "std_dev": 0.8, "min": 1.0, "max": 3.0,
     "distribution": {"kll": {"buckets": [{"lower_bound": 1.0, "upper_bound": 3.0, "count": 3.0}],
       "sketch": {"parameters": {"c": 0.64, "k": 2048.0}, "data": [[1.0, 2.0, 3.0]]}}}}},
  {"name": "c", "inferred_type": "String",
   "string_statistics": {"common": {"num_present": 3, "num_missing": 0}, "distinct_count": 2.0,
     "distribution": {"categorical": {"buckets": [{"value": "a", "count": 2}, {"value": "b", "count": 1}]}}}}]}"#;

const CONSTRAINTS: &str = r#"{"version": 0.0, "features": [
  {"name": "x", "inferred_type": "Fractional", "completeness": 1.0},
  {"name": "c", "inferred_type": "String", "completeness": 1.0,
   "string_constraints": {"domains": ["a", "b"]}}],
 "monitoring_config": {"evaluate_constraints": "Enabled", "emit_metrics": "Enabled",
   "distribution_constraints": {"perform_comparison": "Enabled", "comparison_threshold": 0.1,
     "comparison_method": "Robust"}}}"#;

const DATA: &str = "x,c\n1.5,a\n2.5,b\n3.5,a\n";

/// `monitor` on the case's three files.
const MONITOR: [&str; 9] = [
    "monitor",
    "--statistics",
    "statistics.json",
    "--constraints",
    "constraints.json",
    "--data",
    "data.csv",
    "--out",
    "out",
];

/// Broken statistics files, with the words their refusal holds.
fn broken_statistics() -> Vec<(&'static str, String, &'static str)> {
    let edit = |from: &str, to: &str| {
        assert!(STATISTICS.contains(from), "{from}");
        STATISTICS.replacen(from, to, 1)
    };
    vec![
        ("truncated", STATISTICS[..STATISTICS.len() / 2].to_owned(), "line"),
        ("a count of 1e300", edit("\"item_count\": 3", "\"item_count\": 1e300"), "2^53"),
        ("a count of 2^64", edit("\"item_count\": 3", "\"item_count\": 18446744073709551616"), "2^53"),
        ("a negative count", edit("\"num_present\": 3", "\"num_present\": -3"), "found -3"),
        ("a fractional count", edit("\"count\": 2}", "\"count\": 2.5}"), "found 2.5"),
        ("a count as text", edit("\"item_count\": 3", "\"item_count\": \"3\""), "line 1"),
        ("no dataset", edit("\"dataset\": {\"item_count\": 3},", ""), "dataset"),
        (
            "features not a list",
            STATISTICS.split("\"features\"").next().unwrap().to_owned() + "\"features\": 7}",
            "expected a sequence at line 2",
        ),
        ("an unknown type", edit("\"Fractional\"", "\"Complex\""), "Complex"),
        ("a rebuild of 2^53 rows", edit("\"item_count\": 3", "\"item_count\": 9007199254740992"), "rows ×"),
        (
            "no features",
            "{\"version\": 0.0, \"dataset\": {\"item_count\": 3}, \"features\": []}".to_owned(),
            "no column",
        ),
        ("a sketch item that is text", edit("[[1.0, 2.0, 3.0]]", "[[1.0, \"two\", 3.0]]"), "line"),
    ]
}

/// Every case of this class.
pub fn cases() -> Vec<Case> {
    let mut cases = Vec::new();
    for (name, text, words) in broken_statistics() {
        let runs: [(&str, Vec<&str>); 3] = [
            ("drift", vec!["drift", "--baseline", "statistics.json", "--current", "data.csv", "--out", "out.json"]),
            ("suggest-baseline", vec!["suggest-baseline", "--data", "statistics.json", "--out", "out"]),
            ("monitor", MONITOR.to_vec()),
        ];
        for (command, args) in runs {
            // The rebuild limit and an empty profile only matter where a table is rebuilt.
            if command != "drift" && (name.starts_with("a rebuild") || name == "no features") {
                continue;
            }
            let case = Case::new(
                "sagemaker files",
                format!("statistics with {name} via {command}"),
                &args,
                refused(&["statistics.json", words]),
            )
            .file("statistics.json", text.clone())
            .file("constraints.json", CONSTRAINTS)
            .file("data.csv", DATA);
            cases.push(case);
        }
    }
    let broken_constraints: [(&str, String, &str); 4] = [
        ("truncated", CONSTRAINTS[..CONSTRAINTS.len() / 2].to_owned(), "line"),
        ("completeness as text", CONSTRAINTS.replacen("\"completeness\": 1.0", "\"completeness\": \"all\"", 1), "line"),
        ("features not a list", "{\"version\": 0.0, \"features\": {}}".to_owned(), "expected a sequence at line 1"),
        ("a JSON array", "[1, 2]".to_owned(), "constraints.json"),
    ];
    for (name, text, words) in broken_constraints {
        let args = MONITOR;
        cases.push(
            Case::new("sagemaker files", format!("constraints {name}"), &args, refused(&["constraints.json", words]))
                .file("statistics.json", STATISTICS)
                .file("constraints.json", text)
                .file("data.csv", DATA),
        );
    }
    cases
}
