//! Reference chunking and thresholds equal NannyML 0.13.1's (fixture from
//! tools/reference/timeline.py). The cases on a whole file fail, naming it,
//! when the shared data (../shared/data, or TIDELINE_SHARED_DATA) is missing.

include!("fixtures/reference/replay_support.rs");
include!("fixtures/reference/shared_data.rs");

use std::path::PathBuf;

use replay_support::number;
use serde_json::Value;
use tideline_engine::io::{load_bytes, LoadOptions};
use tideline_engine::timeline::{timestamps, Chunker, Incomplete, Threshold, ThresholdRule, WindowSpec, Windows};
use tideline_engine::types::{format_timestamp_millis, parse_datetime_millis};

/// numpy sums 8 and more values with eight interleaved partial sums, we sum
/// left to right: the thresholds may differ in the last bits.
const THRESHOLD_TOL: f64 = 1e-14;

/// timeline.json's chunking cases: 8 on its small timestamps, 2 on the
/// shared wfh reference file.
const CHUNK_CASES: usize = 10;
const CHUNK_CASES_ON_FILES: usize = 2;

/// timeline.json's threshold cases.
const THRESHOLD_CASES: usize = 48;

fn fixture() -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reference/timeline.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("fixture")).expect("json")
}

fn chunker(name: &str) -> Chunker {
    let size = |incomplete| Chunker::Size { chunk_size: 5, incomplete };
    match name {
        "5rows" => size(Incomplete::Keep),
        "5rows:drop" => size(Incomplete::Drop),
        "5rows:append" => size(Incomplete::Append),
        "number:4" => Chunker::Number { chunk_number: 4, incomplete: Incomplete::Keep },
        "default" => Chunker::Default,
        period => Chunker::matching(period.parse::<WindowSpec>().expect("spec")),
    }
}

fn compare(case: &Value, got: &Windows, failures: &mut Vec<String>) {
    let name = case["call"].as_str().expect("call");
    let expected = case["chunks"].as_array().expect("chunks");
    if expected.len() != got.windows.len() {
        failures.push(format!("{name}: {} chunks vs {}", got.windows.len(), expected.len()));
        return;
    }
    for (want, window) in expected.iter().zip(&got.windows) {
        let mut rows = window.rows.clone();
        rows.sort_unstable();
        let same_rows = match want.get("rows") {
            Some(r) => serde_json::to_value(&rows).expect("rows") == *r,
            None => {
                Some(rows.iter().sum::<usize>() as u64) == want["row_sum"].as_u64()
                    && rows.len() as u64 == want["n_rows"]
            }
        };
        let same_bounds = match want.get("start") {
            Some(start) => {
                let iso = |t: Option<i64>| t.map(|t| format_timestamp_millis(t).replace("Z", ".000Z"));
                iso(window.start_millis).as_deref() == start.as_str()
                    && iso(window.end_millis).as_deref() == want["end"].as_str()
            }
            None => window.label == want["key"],
        };
        if !same_rows || !same_bounds {
            failures.push(format!("{name}: chunk {} differs from {}", window.label, want));
        }
    }
}

#[test]
fn chunks_equal_nannyml() {
    let fixture = fixture();
    let small: Vec<i64> = fixture["chunks"]["small_timestamps"]
        .as_array()
        .expect("timestamps")
        .iter()
        .map(|t| parse_datetime_millis(t.as_str().expect("text")).expect("timestamp"))
        .collect();
    let cases = fixture["chunks"]["cases"].as_array().expect("cases");
    assert_eq!(cases.len(), CHUNK_CASES, "chunk cases in timeline.json");
    let on_files = cases.iter().filter(|c| c["file"].is_string()).count();
    assert_eq!(on_files, CHUNK_CASES_ON_FILES, "chunk cases on shared files in timeline.json");
    let mut failures = Vec::new();
    let (mut replayed, mut replayed_on_files) = (0, 0);
    for case in cases {
        let chunker = chunker(case["name"].as_str().expect("name"));
        let got = match case["file"].as_str() {
            None => chunker.split(small.len(), Some(&small)).expect("chunks"),
            Some(file) => {
                replayed_on_files += 1;
                let table = load_bytes(file, &shared_data::read(file), LoadOptions::default()).expect("load").table;
                let times = timestamps(table.column("timestamp").expect("column")).expect("timestamps");
                chunker.split(table.n_rows, Some(&times)).expect("chunks")
            }
        };
        assert!(got.missing_timestamp_rows.is_empty());
        compare(case, &got, &mut failures);
        replayed += 1;
    }
    assert_eq!(replayed, CHUNK_CASES, "chunk cases replayed");
    assert_eq!(replayed_on_files, CHUNK_CASES_ON_FILES, "chunk cases replayed on shared files");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn thresholds_equal_nannyml() {
    let fixture = fixture();
    let mut failures = Vec::new();
    let cases = fixture["thresholds"].as_array().expect("cases");
    assert_eq!(cases.len(), THRESHOLD_CASES, "threshold cases in timeline.json");
    let mut replayed = 0;
    for case in cases {
        replayed += 1;
        let values: Vec<f64> =
            case["values"].as_array().expect("values").iter().map(|v| number(v).expect("value")).collect();
        let rule = match case["rule"].as_str().expect("rule") {
            "sd" => ThresholdRule::default(),
            "sd_upper" => {
                ThresholdRule::StandardDeviation { std_lower_multiplier: None, std_upper_multiplier: Some(3.0) }
            }
            "sd_2_1.5" => {
                ThresholdRule::StandardDeviation { std_lower_multiplier: Some(2.0), std_upper_multiplier: Some(1.5) }
            }
            _ => ThresholdRule::Constant { lower: Some(0.45), upper: Some(0.65) },
        };
        let got = rule.resolve("check", &values).expect("threshold").limited(
            number(&case["lower_limit"]),
            number(&case["upper_limit"]),
            case["override_using_none"].as_bool().expect("flag"),
        );
        let want = Threshold { lower: number(&case["lower"]), upper: number(&case["upper"]) };
        let close = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) => (a - b).abs() <= THRESHOLD_TOL * b.abs().max(1.0),
            (a, b) => a == b,
        };
        if !close(got.lower, want.lower) || !close(got.upper, want.upper) {
            failures.push(format!("{}: {got:?} vs {want:?}", case["call"]));
        }
    }
    assert_eq!(replayed, THRESHOLD_CASES, "threshold cases replayed");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
