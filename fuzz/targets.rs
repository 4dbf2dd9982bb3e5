// What each fuzz target does with its bytes: the coverage-guided fuzzers
// (`fuzz/fuzz_targets/*.rs`, run by `cargo xtask fuzz`) and the corpus
// replay in the normal test suite (`crates/engine/tests/fuzz_corpora.rs`)
// include this file, so every input a fuzzer kept, and every crash it
// found, is run again by `cargo xtask test`. Nothing here may panic,
// hang or allocate beyond the input's size for any bytes.

use tideline_engine::bias::{Analysis, AnalysisConfig};
use tideline_engine::data_quality::{baseline_table, profile_table, suggest_constraints, Constraints, Statistics};
use tideline_engine::explain::{explain_table, load_model, ExplainConfig};
use tideline_engine::io::{load_bytes, Format, LoadOptions};
use tideline_engine::progress::NoProgress;

/// Every target, by name.
pub const TARGETS: [&str; 16] = [
    "csv",
    "json",
    "json_lines",
    "capture",
    "ground_truth",
    "sniffed",
    "statistics_json",
    "constraints_json",
    "analysis_config_json",
    "analysis_json",
    "model",
    "linear_json",
    "parquet",
    "arrow",
    "compressed",
    "state",
];

/// Profiles a table read from `bytes` (the parse, then the first analysis
/// every file meets).
fn read(name: &str, bytes: &[u8], format: Option<Format>) {
    let options = LoadOptions { format, ..LoadOptions::default() };
    if let Ok(loaded) = load_bytes(name, bytes, options) {
        let profile = profile_table(&loaded.table);
        let _ = suggest_constraints(&profile.to_statistics());
    }
}

/// A model read from `bytes` and, when small, explained on one row of zeros.
fn model(name: &str, bytes: &[u8]) {
    let Ok(model) = load_model(name, bytes) else { return };
    let features = model.feature_names();
    if features.is_empty() || features.len() > 64 || model.summary().n_trees > 2_000 {
        return;
    }
    let csv = format!("{}\n{}\n", features.join(","), vec!["0"; features.len()].join(","));
    let options = LoadOptions { format: Some(Format::Csv), has_header: Some(true), ..LoadOptions::default() };
    if let Ok(loaded) = load_bytes("row.csv", csv.as_bytes(), options) {
        let _ = explain_table(&model, None, &loaded.table, &ExplainConfig::default(), &mut NoProgress);
    }
}

/// Runs target `target` on `bytes`.
pub fn fuzz_one(target: &str, bytes: &[u8]) {
    let text = std::str::from_utf8(bytes).ok();
    match target {
        "csv" => read("data.csv", bytes, Some(Format::Csv)),
        "json" => read("data.json", bytes, Some(Format::Json)),
        "json_lines" => read("data.jsonl", bytes, Some(Format::JsonLines)),
        "capture" => read("capture.jsonl", bytes, Some(Format::Capture)),
        "ground_truth" => read("truth.jsonl", bytes, Some(Format::GroundTruth)),
        "sniffed" => read("data.txt", bytes, None),
        // Recognised by their bytes: Parquet footers and row groups, Arrow
        // IPC messages, gzip members and zstd frames (then the text inside).
        "parquet" => read("data.parquet", bytes, None),
        "arrow" => read("data.arrows", bytes, None),
        "compressed" => read("data.csv.gz", bytes, None),
        // A sketch-mode state file: decoded, merged with itself, judged
        // against itself, and written as statistics.json.
        "state" => {
            // A whole file, or (its compression aside) a bare body.
            let decoded = tideline_engine::sketch::decode_state("state.tl", bytes)
                .or_else(|_| tideline_engine::sketch::decode_state_body("state.tl", bytes));
            let Ok(state) = decoded else { return };
            let mut twice = state.clone();
            twice.merge(&state);
            let options = tideline_engine::drift::DriftOptions::default();
            let _ = tideline_engine::drift::sketched::run_drift_states(&state, &twice, &[], &options);
            let _ = suggest_constraints(&twice.profile.to_statistics());
        }
        "statistics_json" => {
            let Some(statistics) = text.and_then(|t| Statistics::from_json(t).ok()) else { return };
            let _ = suggest_constraints(&statistics);
            // The rebuild is capped at 500M cells (a unit test checks the
            // cap); here only what fits the fuzzer's memory is rebuilt.
            let cells = statistics.dataset.item_count.saturating_mul(statistics.features.len() as u64);
            if cells <= 1_000_000 {
                if let Ok((table, _)) = baseline_table(&statistics) {
                    let _ = profile_table(&table);
                }
            }
        }
        "constraints_json" => {
            if let Some(constraints) = text.and_then(|t| Constraints::from_json(t).ok()) {
                let _ = constraints.to_json();
            }
        }
        "analysis_config_json" => {
            if let Some(config) = text.and_then(|t| AnalysisConfig::from_json(t).ok()) {
                let _ = config.to_json();
            }
        }
        "analysis_json" => {
            if let Some(analysis) = text.and_then(|t| Analysis::from_json(t).ok()) {
                let _ = tideline_engine::bias::bias_drift(&analysis, &analysis);
            }
        }
        "model" => {
            // The first byte picks the file name the format is read from.
            let Some((&pick, rest)) = bytes.split_first() else { return };
            let name = ["model.json", "model.txt", "model.ubj"][usize::from(pick % 3)];
            model(name, rest);
        }
        "linear_json" => model("linear.json", bytes),
        _ => {}
    }
}
