//! Report inputs computed by the engine from the car-loan fixtures the CLI
//! tests use (300 reference rows, 300 later rows, an XGBoost model), with a
//! hostile extra column whose name is markup, so every section has real
//! results to show.
#![allow(dead_code)] // each test file uses some of them

use std::path::PathBuf;

use serde_json::json;
use tideline_engine::bias::AnalysisConfig;
use tideline_engine::drift::{DriftOptions, Preset};
use tideline_engine::explain::{load_model, ExplainConfig};
use tideline_engine::guess::guess_timeline_config;
use tideline_engine::io::{load_bytes, LoadOptions};
use tideline_engine::pii::scan_table;
use tideline_engine::summary::summarize;
use tideline_engine::table::Table;
use tideline_engine::timeline::run_timeline;
use tideline_report::{gather, sha256_hex, InputFile, ModelCardInfo, PiiSection, ReportInputs, ReportMeta};

/// A column name that would run as script if it were not escaped.
pub const HOSTILE: &str = "<script>alert(1)</script>";

fn fixture(path: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join(path);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `csv` with a numeric column named [`HOSTILE`] appended, moved by `shift`
/// (so it drifts when the sides differ), and the label `repaid` written as
/// integers like the prediction `y_pred` (Clarify wants both of one type).
fn with_hostile_column(csv: &[u8], shift: f64) -> Vec<u8> {
    let text = String::from_utf8(csv.to_vec()).unwrap();
    let mut out = String::new();
    let mut label = None;
    for (i, line) in text.lines().enumerate() {
        let mut cells: Vec<String> = line.split(',').map(str::to_owned).collect();
        if i == 0 {
            label = cells.iter().position(|c| c == "repaid");
            cells.push(HOSTILE.to_owned());
        } else {
            let at = label.unwrap();
            if let Ok(v) = cells[at].parse::<f64>() {
                cells[at] = format!("{v:.0}");
            }
            cells.push(((i % 40) as f64 + shift).to_string());
        }
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out.into_bytes()
}

fn file(role: &str, name: &str, bytes: &[u8]) -> InputFile {
    InputFile { role: role.into(), name: name.into(), bytes: bytes.len() as u64, sha256: sha256_hex(bytes) }
}

fn table(name: &str, bytes: &[u8]) -> Table {
    load_bytes(name, bytes, LoadOptions::default()).unwrap().table
}

/// Every section filled from the car-loan fixtures.
pub fn full_inputs() -> ReportInputs {
    let base_bytes = with_hostile_column(&fixture("cli/tests/fixtures/car_loan_reference_300.csv"), 0.0);
    let cur_bytes = with_hostile_column(&fixture("cli/tests/fixtures/car_loan_analysis_300.csv"), 25.0);
    let model_bytes = fixture("engine/tests/fixtures/models/xgb_car_loan.json");
    let (baseline, current) = (table("reference.csv", &base_bytes), table("analysis.csv", &cur_bytes));
    let config = AnalysisConfig::from_json(
        &json!({
            "label": "repaid",
            "label_values_or_threshold": [1],
            "facet": [{ "name_or_index": "repaid_loan_on_prev_car" }],
            "predicted_label": "y_pred",
            "methods": { "pre_training_bias": { "methods": "all" }, "post_training_bias": { "methods": "all" } }
        })
        .to_string(),
    )
    .unwrap();
    let model = load_model("xgb_car_loan.json", &model_bytes).unwrap();
    let timeline_config = guess_timeline_config(&baseline, &current);
    let timeline = run_timeline(&baseline, &current, &timeline_config, &mut |_: &str, _, _| {}).unwrap().timeline;
    let drift_options = DriftOptions::default();
    ReportInputs {
        meta: ReportMeta {
            title: format!("Car loans {HOSTILE}"),
            tool_version: "0.0.0-test".into(),
            generated_at: "2026-11-23T05:00:00Z".into(),
            model: Some("xgb_car_loan.json".into()),
        },
        files: vec![
            file("baseline", "reference.csv", &base_bytes),
            file("current", &format!("{HOSTILE}.csv"), &cur_bytes),
            file("model", "xgb_car_loan.json", &model_bytes),
        ],
        settings: json!({ "drift": drift_options, "bias": config }),
        baseline: Some(summarize(&baseline)),
        current: Some(summarize(&current)),
        drift: Some(gather::drift(&baseline, &current, &drift_options)),
        data_quality: Some(gather::data_quality(&baseline, &current, None, Preset::Tideline).unwrap().0),
        model_quality: gather::model_quality(&baseline, &current),
        bias: Some(gather::bias(&baseline, &current, &config).unwrap()),
        attributions: Some(gather::attributions(&model, &baseline, &current, &ExplainConfig::default()).unwrap()),
        timeline: Some(timeline),
        pii: Some(PiiSection { baseline: scan_table(&baseline), current: scan_table(&current), actions: Vec::new() }),
        model_card: Some(ModelCardInfo { model_name: "car loans".into(), ..ModelCardInfo::default() }),
    }
}
