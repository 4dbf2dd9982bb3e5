//! The whole timeline (`run_timeline`) on NannyML's wfh and car-loan pairs
//! agrees with NannyML 0.13.1 chunk by chunk (the CBPE fixture from
//! tools/reference/cbpe.py, chunk_size=5000 in file order): estimated
//! performance, its thresholds and alerts; realised performance (equal to
//! scikit-learn's) and, judged by reference variability, NannyML's
//! thresholds and alerts on it. Fails, naming the file, when the shared data
//! (../shared/data, or TIDELINE_SHARED_DATA) is missing.

include!("fixtures/reference/replay_support.rs");
include!("fixtures/reference/shared_data.rs");

use std::path::PathBuf;

use replay_support::number;
use serde_json::Value;
use tideline_engine::io::{load_bytes, LoadOptions};
use tideline_engine::model_quality::{ModelColumns, ProblemType};
use tideline_engine::table::Table;
use tideline_engine::timeline::{run_timeline, CheckKind, ThresholdChoice, TimelineConfig};
use tideline_engine::timeline::{CheckStatus, CheckTimeline};

/// Relative tolerance: sums in another order than numpy's (as cbpe_reference.rs).
const TOL: f64 = 1e-12;

fn fixture() -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reference/cbpe.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("fixture")).expect("json")
}

/// The pairs the fixture holds (car_loan, wfh), counted from cbpe.json.
const PAIRS: usize = 2;

/// Analysis windows per pair (10 chunks of 5,000 rows), counted from cbpe.json.
const ANALYSIS_WINDOWS: usize = 10;

fn load(file: &str) -> Table {
    load_bytes(file, &shared_data::read(file), LoadOptions::default()).expect("csv").table
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= TOL * a.abs().max(b.abs()).max(1.0)
}

fn series<'t>(checks: &'t [CheckTimeline], name: &str) -> &'t CheckTimeline {
    checks.iter().find(|c| c.name == name).unwrap_or_else(|| panic!("no series {name}"))
}

#[test]
fn timeline_agrees_with_nannyml_on_the_shared_pairs() {
    let fixture = fixture();
    let pairs = fixture["pairs"].as_array().expect("pairs");
    assert_eq!(pairs.len(), PAIRS, "pairs in cbpe.json");
    let (mut ran, mut compared) = (0, 0);
    for pair in pairs {
        let name = pair["name"].as_str().expect("name");
        let reference = load(pair["reference"].as_str().expect("file"));
        let analysis = load(pair["analysis"].as_str().expect("file"));
        let mut config = TimelineConfig::new("5000rows".parse().expect("spec"));
        config.checks = vec![CheckKind::ModelQuality, CheckKind::EstimatedPerformance];
        // NannyML's two-sided band (the default judges only the worse side).
        config.thresholds.set(
            CheckKind::ModelQuality,
            ThresholdChoice::Reference { std_lower_multiplier: None, std_upper_multiplier: None },
        );
        config.model = Some(ModelColumns {
            problem: ProblemType::BinaryClassification,
            label: pair["label"].as_str().expect("label").to_owned(),
            prediction: Some("y_pred".into()),
            score: Some("y_pred_proba".into()),
            threshold: 0.5,
            positive: None,
        });
        let run = run_timeline(&reference, &analysis, &config, &mut |_, _, _| {}).expect("timeline");
        let timeline = run.timeline;
        let chunks: Vec<&Value> =
            pair["chunks"].as_array().expect("chunks").iter().filter(|c| c["period"] == "analysis").collect();
        assert_eq!(chunks.len(), ANALYSIS_WINDOWS, "{name}: analysis chunks in cbpe.json");
        assert_eq!(timeline.windows.len(), chunks.len(), "{name}: windows");
        assert_eq!(run.reference_chunk_rows, vec![5000; 10], "{name}: reference chunks");
        for (nannyml, ours) in [
            ("roc_auc", "auc"),
            ("f1", "f1"),
            ("precision", "precision"),
            ("recall", "recall"),
            ("accuracy", "accuracy"),
        ] {
            let estimated = series(&timeline.checks, &format!("estimated_performance:{ours}"));
            let realised = series(&timeline.checks, &format!("model_quality:{ours}"));
            for (w, chunk) in chunks.iter().enumerate() {
                let expected = &chunk[nannyml];
                let what = format!("{name} window {w} {nannyml}");
                let cell = estimated.cells[w];
                assert!(
                    close(cell.value.expect("estimate"), number(&expected["value"]).expect("value")),
                    "{what}: estimate"
                );
                let lower = number(&expected["lower_threshold"]).expect("lower");
                let upper = number(&expected["upper_threshold"]).expect("upper");
                assert!(
                    close(cell.lower.expect("lower"), lower) && close(cell.upper.expect("upper"), upper),
                    "{what}: bounds"
                );
                let alert = expected["alert"].as_bool().expect("alert");
                assert_eq!(cell.status == CheckStatus::Violation, alert, "{what}: alert");
                // Realised: scikit-learn's value; NannyML's thresholds come from the
                // realised reference chunks, which is our reference-variability rule.
                let real = realised.cells[w];
                assert!(
                    close(real.value.expect("realised"), number(&expected["realized"]).expect("realized")),
                    "{what}: realised"
                );
                assert!(
                    close(real.lower.expect("lower"), lower) && close(real.upper.expect("upper"), upper),
                    "{what}: realised bounds"
                );
                compared += 1;
            }
        }
        ran += 1;
    }
    assert_eq!(ran, PAIRS, "pairs replayed");
    // Every (pair, metric, analysis window) was compared: 2 × 5 × 10.
    assert_eq!(compared, PAIRS * 5 * ANALYSIS_WINDOWS, "(pair, metric, window) cells compared");
}
