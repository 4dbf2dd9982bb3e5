//! NannyML 0.13.1's univariate drift (every method, thresholds, alerts) on
//! the shared wfh and car-loan pairs, replayed (fixture from
//! tools/reference/univariate_drift.py): the CSVs read by the engine's own
//! reader, chunked by the timeline's chunker, each method fitted on the
//! reference and computed on every chunk, thresholds resolved from the
//! reference chunks' values. Fails, naming the file, when the shared data
//! (../shared/data, or TIDELINE_SHARED_DATA) is missing.

include!("fixtures/reference/replay_support.rs");
include!("fixtures/reference/shared_data.rs");

use std::collections::BTreeMap;
use std::path::PathBuf;

use replay_support::number;
use serde_json::Value;
use tideline_engine::drift::nannyml::{fit_univariate, UnivariateMethod, UnivariateValue};
use tideline_engine::io::{load_bytes, LoadOptions};
use tideline_engine::table::{ColumnData, Table, MISSING_CODE};
use tideline_engine::timeline::{timestamps, Chunker, Incomplete, Threshold, WindowSpec, Windows};

/// Values and thresholds, absolute (relative above 1). The test prints the
/// largest differences: 0 for KS and L∞, below 1e-14 for the distances,
/// 2.3e-13 on chi2 statistics near 1,400 (sums in another order than
/// numpy's, a libm ulp). Categorical JS near 0 is only this close because
/// `rel_entr` follows scipy 1.17's `log1p` branch.
const VALUE_TOL: f64 = 1e-11;

/// chi2 p-values, relative: statrs' upper incomplete gamma against scipy's
/// `chdtrc`.
const P_VALUE_REL_TOL: f64 = 1e-8;

fn fixture() -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reference/univariate_drift.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("fixture")).expect("json")
}

/// The cases the fixture holds (wfh:5000rows, car_loan:5000rows, wfh:small,
/// wfh:1w), counted from univariate_drift.json.
const CASES: usize = 4;

/// Chunk values compared: 720 + 800 + 648 + 2,792 (series × chunks per
/// case), counted from univariate_drift.json.
const CHUNK_VALUES: usize = 4960;

/// The chunk values the fixture holds, counted independently of the replay.
fn fixture_values(fixture: &Value) -> usize {
    let cases = fixture["cases"].as_array().expect("cases");
    let series = cases.iter().flat_map(|c| c["series"].as_array().expect("series"));
    series.map(|s| s["values"].as_array().expect("values").len()).sum()
}

/// The first `rows` rows (all when `None`) of a shared CSV, with the case's
/// blanked cells made missing; panics, naming the file, without it.
fn load(file: &str, rows: Option<u64>, case: &Value, columns: &[&str]) -> (Table, usize) {
    let bytes = shared_data::read(file);
    let mut table = load_bytes(file, &bytes, LoadOptions::default()).expect("load").table;
    let n = rows.map_or(table.n_rows, |r| r as usize);
    if let Some(blank) = case["blank"].as_object() {
        let every = blank["every"].as_u64().expect("every") as usize;
        let offset = blank["offset"].as_u64().expect("offset") as usize;
        for name in columns {
            let column = table.column_mut(name).expect("column");
            for row in (0..n).filter(|r| r % every == offset) {
                match &mut column.data {
                    ColumnData::Numeric(v) => v[row] = f64::NAN,
                    ColumnData::Categorical { codes, .. } => codes[row] = MISSING_CODE,
                    ColumnData::Boolean(v) => v[row] = None,
                    other => panic!("cannot blank {} storage", other.storage_name()),
                }
            }
        }
    }
    (table, n)
}

fn chunks(table: &Table, n: usize, chunking: &Value) -> Windows {
    if let Some(size) = chunking["chunk_size"].as_u64() {
        let chunker = Chunker::Size { chunk_size: size as usize, incomplete: Incomplete::Keep };
        return chunker.split(n, None).expect("chunks");
    }
    assert_eq!(chunking["chunk_period"], "W", "only weekly periods are replayed");
    let times = timestamps(table.column("timestamp").expect("timestamp column")).expect("timestamps");
    Chunker::Period("1w".parse::<WindowSpec>().expect("spec")).split(n, Some(&times[..n])).expect("chunks")
}

/// The largest absolute difference seen per method (for the output).
type Worst = BTreeMap<String, f64>;

fn close(actual: f64, expected: f64, tol: f64) -> bool {
    (actual.is_nan() && expected.is_nan()) || (actual - expected).abs() <= tol * expected.abs().max(1.0)
}

fn same_bound(actual: Option<f64>, expected: Option<f64>) -> bool {
    match (actual, expected) {
        (Some(a), Some(e)) => close(a, e, VALUE_TOL),
        (a, e) => a == e,
    }
}

/// Replays one case; returns the values compared.
fn replay(case: &Value, failures: &mut Vec<String>, worst: &mut Worst) -> usize {
    let name = case["name"].as_str().expect("name");
    let series = case["series"].as_array().expect("series");
    let mut columns: Vec<&str> = series.iter().map(|s| s["column"].as_str().expect("column")).collect();
    columns.dedup();
    let (reference, n_reference) =
        load(case["reference"].as_str().expect("file"), case["reference_rows"].as_u64(), case, &columns);
    let (analysis, n_analysis) =
        load(case["analysis"].as_str().expect("file"), case["analysis_rows"].as_u64(), case, &columns);
    let reference_chunks = chunks(&reference, n_reference, &case["chunking"]);
    let analysis_chunks = chunks(&analysis, n_analysis, &case["chunking"]);
    let expected_chunks = case["chunks"].as_array().expect("chunks");
    let got_sizes: Vec<usize> =
        reference_chunks.windows.iter().chain(&analysis_chunks.windows).map(|w| w.rows.len()).collect();
    let want_sizes: Vec<usize> = expected_chunks.iter().map(|c| c["n_rows"].as_u64().expect("n") as usize).collect();
    assert_eq!(got_sizes, want_sizes, "{name}: chunk sizes");

    let all_reference_rows: Vec<usize> = (0..n_reference).collect();
    let mut compared = 0;
    for s in series {
        let column = s["column"].as_str().expect("column");
        let method = UnivariateMethod::parse(s["method"].as_str().expect("method")).expect("known method");
        let continuous = s["kind"] == "continuous";
        let at = format!("{name} {column} {}", method.name());
        let fitted = fit_univariate(method, reference.column(column).expect("column"), &all_reference_rows, continuous)
            .expect("fit");
        let values: Vec<UnivariateValue> = reference_chunks
            .windows
            .iter()
            .map(|w| fitted.calculate(reference.column(column).expect("column"), &w.rows))
            .chain(analysis_chunks.windows.iter().map(|w| fitted.calculate(analysis.column(column).unwrap(), &w.rows)))
            .collect();
        let reference_values: Vec<f64> = values[..reference_chunks.windows.len()].iter().map(|v| v.value).collect();
        let (lower_limit, upper_limit) = method.value_limits();
        let threshold = method.default_threshold().resolve(&at, &reference_values).expect("threshold").limited(
            lower_limit,
            upper_limit,
            false,
        );
        let want = Threshold { lower: number(&s["lower_threshold"]), upper: number(&s["upper_threshold"]) };
        if !same_bound(threshold.lower, want.lower) || !same_bound(threshold.upper, want.upper) {
            failures.push(format!("{at}: threshold {threshold:?} vs {want:?}"));
        }
        let slot = worst.entry(method.name().to_owned() + if continuous { " (continuous)" } else { "" }).or_default();
        for (i, got) in values.iter().enumerate() {
            let expected = number(&s["values"][i]).expect("value");
            if !close(got.value, expected, VALUE_TOL) {
                failures.push(format!("{at} chunk {i}: {} vs {expected} (diff {:e})", got.value, got.value - expected));
            } else if !expected.is_nan() {
                *slot = slot.max((got.value - expected).abs());
            }
            let alert = got.alert(method, &threshold);
            if Some(alert) != s["alerts"][i].as_bool() {
                failures.push(format!("{at} chunk {i}: alert {alert} vs {}", s["alerts"][i]));
            }
            if let Some(p_values) = s.get("p_values") {
                let expected = number(&p_values[i]).expect("p-value");
                let got = got.p_value.unwrap_or(f64::NAN);
                let ok = (got.is_nan() && expected.is_nan()) || (got - expected).abs() <= P_VALUE_REL_TOL * expected;
                if !ok {
                    failures.push(format!("{at} chunk {i}: p-value {got} vs {expected}"));
                }
            }
            compared += 1;
        }
    }
    compared
}

#[test]
fn univariate_drift_equals_nannyml_on_the_shared_pairs() {
    let fixture = fixture();
    assert_eq!(fixture_values(&fixture), CHUNK_VALUES, "chunk values in univariate_drift.json");
    let cases = fixture["cases"].as_array().expect("cases");
    assert_eq!(cases.len(), CASES, "cases in univariate_drift.json");
    let mut failures = Vec::new();
    let mut worst = Worst::new();
    let mut compared = 0;
    for case in cases {
        let expected: usize = case["series"]
            .as_array()
            .expect("series")
            .iter()
            .map(|s| s["values"].as_array().expect("values").len())
            .sum();
        let got = replay(case, &mut failures, &mut worst);
        assert_eq!(got, expected, "{}: chunk values compared", case["name"]);
        compared += got;
    }
    println!("compared {compared} chunk values; largest absolute differences:");
    for (method, diff) in &worst {
        println!("  {method}: {diff:e}");
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
    assert_eq!(compared, CHUNK_VALUES, "chunk values compared");
}
