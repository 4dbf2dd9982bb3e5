//! What a report is made of: the results of one analysis, as the engine
//! produced them, plus the files and settings behind them. The worker and
//! the CLI fill it; every export reads only this.

use serde::{Deserialize, Serialize};
use tideline_engine::bias::{AnalysisConfig, BiasDriftCheck, BiasRun};
use tideline_engine::data_quality::{CheckResult, TypeRule};
use tideline_engine::drift::DriftReport;
use tideline_engine::histogram::Histogram;
use tideline_engine::pii::PiiReport;
use tideline_engine::summary::DatasetSummary;
use tideline_engine::timeline::Timeline;

use crate::model_card_info::ModelCardInfo;

/// Everything one report shows. Sections are `None` when their analysis did
/// not run (no labels, no facet, no model ...); the report says so.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ReportInputs {
    /// Title, version, time.
    pub meta: ReportMeta,
    /// Every input file with its SHA-256, in load order.
    pub files: Vec<InputFile>,
    /// Every setting that shaped the results (preset, thresholds, roles,
    /// configurations), as the user or the defaults gave them.
    pub settings: serde_json::Value,
    /// The baseline's schema.
    pub baseline: Option<DatasetSummary>,
    /// The current data's schema.
    pub current: Option<DatasetSummary>,
    /// Drift tests.
    pub drift: Option<DriftSection>,
    /// Model Monitor's data-quality checks.
    pub data_quality: Option<DataQualitySection>,
    /// Realised model quality, when labels meet predictions.
    pub model_quality: Option<ModelQualitySection>,
    /// Clarify's bias metrics and bias drift.
    pub bias: Option<BiasSection>,
    /// SHAP attributions and their drift.
    pub attributions: Option<AttributionSection>,
    /// The monitoring timeline.
    pub timeline: Option<Timeline>,
    /// The personal-data scan and what was done about it.
    pub pii: Option<PiiSection>,
    /// What the user wrote for the model card.
    #[serde(default)]
    pub model_card: Option<ModelCardInfo>,
}

/// Who made the report, and when.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ReportMeta {
    /// The report's title (e.g. the current file's name).
    pub title: String,
    /// Tideline's version (`CARGO_PKG_VERSION`).
    pub tool_version: String,
    /// When the report was made, RFC 3339 in UTC (the caller's clock).
    pub generated_at: String,
    /// The model's file name, when a model was loaded.
    pub model: Option<String>,
}

/// One input file.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct InputFile {
    /// What it was: `baseline`, `current`, `model`, `constraints`,
    /// `analysis_config`, `timeline_config`, `attributions` ...
    pub role: String,
    /// File name as loaded.
    pub name: String,
    /// Size in bytes.
    pub bytes: u64,
    /// SHA-256 of its bytes, lowercase hex.
    pub sha256: String,
}

/// Drift tests of every shared column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DriftSection {
    /// Per-column results and the verdict.
    pub report: DriftReport,
    /// Baseline-vs-current histogram per tested column, in report order
    /// (shorter when a column has none).
    pub histograms: Vec<Histogram>,
}

/// Model Monitor's data-quality job and its files.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DataQualitySection {
    /// Every check evaluated (passed and failed).
    pub checks: Vec<CheckResult>,
    /// The baseline's `statistics.json`.
    pub baseline_statistics: String,
    /// The current data's `statistics.json`.
    pub current_statistics: String,
    /// The `constraints.json` used.
    pub constraints: String,
    /// True when the constraints were the user's, not suggested.
    pub edited: bool,
    /// `constraint_violations.json`.
    pub violations: String,
    /// The data-type rule the checks followed.
    #[serde(default)]
    pub types: TypeRule,
    /// Columns left out by their role, with the note saying why.
    #[serde(default)]
    pub not_checked: Vec<(String, String)>,
}

/// Realised model quality of both sides.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ModelQualitySection {
    /// `binary`, `multiclass` or `regression`.
    pub problem: String,
    /// The columns used: label, then prediction and/or score.
    pub columns: Vec<String>,
    /// Metrics of the baseline's labelled rows, in the problem's order.
    pub baseline: Vec<(String, f64)>,
    /// Metrics of the current data's labelled rows.
    pub current: Vec<(String, f64)>,
    /// Labelled rows (baseline, current).
    pub labelled_rows: (usize, usize),
}

/// Clarify's bias analysis of either side, and bias drift.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BiasSection {
    /// The analysis as Clarify's `analysis_config.json`.
    pub config: AnalysisConfig,
    /// The baseline's metrics.
    pub baseline: Option<BiasRun>,
    /// The current data's metrics.
    pub current: Option<BiasRun>,
    /// Bias drift of the current metrics against the baseline's.
    pub drift: Vec<BiasDriftCheck>,
    /// `constraint_violations.json` of the bias drift check.
    pub violations: Option<String>,
}

/// SHAP attributions of both sides and their drift.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AttributionSection {
    /// `tree`, `tree-interventional`, `kernel`, `linear` or `precomputed`.
    pub method: String,
    /// True when the values explain a surrogate of the captured model.
    pub surrogate: bool,
    /// Output labels (one per model output).
    pub labels: Vec<String>,
    /// Features, in the model's order.
    pub features: Vec<String>,
    /// Global attributions per label, per feature, of the baseline.
    pub baseline_global: Vec<Vec<f64>>,
    /// Global attributions per label, per feature, of the current data.
    pub current_global: Vec<Vec<f64>>,
    /// NDCG of the current ranking against the baseline's, per label.
    pub ndcg: Vec<f64>,
    /// The NDCG under which attributions drift (Clarify: 0.90).
    pub threshold: f64,
    /// True when some label's NDCG is under the threshold.
    pub violation: bool,
    /// Clarify-format `analysis.json` of each side (baseline, current).
    pub analysis_json: Option<(String, String)>,
}

/// The personal-data scan.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PiiSection {
    /// The baseline's scan.
    pub baseline: PiiReport,
    /// The current data's scan.
    pub current: PiiReport,
    /// Columns masked or left out, with `mask` or `exclude`.
    pub actions: Vec<(String, String)>,
}
