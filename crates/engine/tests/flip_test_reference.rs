//! The flip test equals smclarify 0.5's FT (scikit-learn 1.9.1's k nearest
//! neighbours), on inline cases with and without ties and on whole data files
//! (which fail, naming the file, when the shared data is missing).

include!("fixtures/reference/replay_support.rs");
include!("fixtures/reference/replay_flip_test.rs");
include!("fixtures/reference/shared_data.rs");

use tideline_engine::bias::flip_test;
use tideline_engine::io::{load_bytes, LoadOptions};
use tideline_engine::table::Table;

/// Tie-free and tied cases alike: one flipped row of 2,000 moves FT by 5e-4.
const FT_EPS: f64 = 1e-9;

/// The brief's tolerance for whole files (a few rows whose neighbours tie
/// differently); the files currently match exactly.
const REAL_DATA_EPS: f64 = 0.005;

/// bias_flip_test.json's inline cases (21) and error cases (5).
const INLINE_CASES: usize = 21;
const ERROR_CASES: usize = 5;

/// bias_flip_test.json's whole files (Adult, German, DALEX German).
const WHOLE_FILES: usize = 3;

fn fixture() -> serde_json::Value {
    serde_json::from_str(include_str!("fixtures/reference/bias_flip_test.json")).expect("fixture is JSON")
}

#[test]
fn flip_test_equals_smclarify_on_inline_cases() {
    let fixture = fixture();
    let listed =
        fixture["cases"].as_array().expect("cases").len() + fixture["errors"].as_array().expect("errors").len();
    assert_eq!(listed, INLINE_CASES + ERROR_CASES, "inline and error cases in bias_flip_test.json");
    let (failures, checked) = replay_flip_test(FT_EPS);
    assert_eq!(checked, INLINE_CASES + ERROR_CASES, "cases replayed");
    assert!(failures.is_empty(), "{failures:#?}");
}

fn column_keys(table: &Table, name: &str) -> Vec<Option<String>> {
    let column = table.column(name).unwrap_or_else(|| panic!("no column {name:?}"));
    (0..column.len()).map(|i| column.data.category_key(i)).collect()
}

/// A feature column as numbers: booleans as 0/1, missing as NaN.
fn numbers(table: &Table, name: &str) -> Vec<f64> {
    column_keys(table, name)
        .into_iter()
        .map(|key| match key.as_deref() {
            None => f64::NAN,
            Some("true" | "True") => 1.0,
            Some("false" | "False") => 0.0,
            Some(text) => text.parse().unwrap_or_else(|_| panic!("{name}: {text:?} is not a number")),
        })
        .collect()
}

/// The predicted label from the fixture's rule: `any` or `all` of
/// `[column, op, threshold]`.
fn rule(table: &Table, rule: &serde_json::Value) -> Vec<bool> {
    let (combine, conditions) = rule.as_object().and_then(|o| o.iter().next()).expect("one rule");
    let hits: Vec<Vec<bool>> = conditions
        .as_array()
        .expect("conditions")
        .iter()
        .map(|c| {
            let values = numbers(table, c[0].as_str().expect("column"));
            let threshold = c[2].as_f64().expect("threshold");
            let op = c[1].as_str().expect("op");
            values
                .iter()
                .map(|&v| match op {
                    ">=" => v >= threshold,
                    ">" => v > threshold,
                    "<=" => v <= threshold,
                    "<" => v < threshold,
                    _ => panic!("unknown op {op}"),
                })
                .collect()
        })
        .collect();
    (0..table.n_rows)
        .map(|i| match combine.as_str() {
            "any" => hits.iter().any(|h| h[i]),
            "all" => hits.iter().all(|h| h[i]),
            _ => panic!("unknown rule {combine}"),
        })
        .collect()
}

#[test]
fn flip_test_equals_smclarify_on_whole_files() {
    let fixture = fixture();
    let cases = fixture["real_data"].as_array().expect("real_data");
    assert_eq!(cases.len(), WHOLE_FILES, "whole files in bias_flip_test.json");
    let mut failures = Vec::new();
    let mut compared = 0;
    for case in cases {
        let file = case["file"].as_str().expect("file");
        let bytes = shared_data::read(file);
        let table = load_bytes(file, &bytes, LoadOptions::default()).expect("CSV").table;
        let (facet, value) = (case["facet"][0].as_str().expect("facet"), case["facet"][1].as_str().expect("value"));
        let sensitive: Vec<bool> = column_keys(&table, facet).iter().map(|k| k.as_deref() == Some(value)).collect();
        let predicted = rule(&table, &case["rule"]);
        let features: Vec<Vec<f64>> = case["features"]
            .as_array()
            .expect("features")
            .iter()
            .map(|name| numbers(&table, name.as_str().expect("name")))
            .collect();
        let slices: Vec<&[f64]> = features.iter().map(Vec::as_slice).collect();
        let expected = case["expected"].as_f64().expect("expected");
        let started = std::time::Instant::now();
        let got = flip_test(&slices, &sensitive, &predicted);
        println!("{file}: FT {got:?} (smclarify {expected}) in {:.3} s", started.elapsed().as_secs_f64());
        match got {
            Ok(got) if (got - expected).abs() <= REAL_DATA_EPS => {}
            other => failures.push(format!("{file}: got {other:?}, expected {expected}")),
        }
        compared += 1;
    }
    assert!(failures.is_empty(), "{failures:#?}");
    assert_eq!(compared, WHOLE_FILES, "whole files compared");
}
