//! The explainability messages' payloads: what the engine worker says about
//! a loaded model, and the attributions it computed for both sides. Kept
//! apart from `protocol` because they are many and only the Explainability
//! view reads them.
//!
//! Feature values may be missing; JSON has no NaN, so they travel as
//! `Option<f64>` (`null`).

use serde::{Deserialize, Serialize};
use tideline_engine::explain::{AttributionWindow, Fidelity, ModelSummary, SurrogateTarget};

use super::Side;

/// Most rows of local values sent to the page per side (beeswarm and
/// dependence plots); a seeded sample when a side has more.
pub const SAMPLE_ROWS: usize = 2_000;

/// The model the worker holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelInfo {
    /// The file it came from (or what it is, for a surrogate).
    pub name: String,
    /// Type, trees, depth, features, objective, link.
    pub summary: ModelSummary,
    /// Set when the model is a surrogate fitted in the worker.
    pub surrogate: Option<SurrogateInfo>,
}

/// How a surrogate was fitted and how faithful it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SurrogateInfo {
    /// The column it learned (the captured prediction or score).
    pub target: String,
    /// Whether that column is a score or a 0/1 label.
    pub kind: SurrogateTarget,
    /// R² or agreement on held-back rows.
    pub fidelity: Fidelity,
    /// Feature columns left out because they are not numbers.
    pub skipped_features: Vec<String>,
}

/// A Clarify `analysis.json` read in place of a model, for one side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PrecomputedInfo {
    /// The side it stands for.
    pub side: Side,
    /// Its file name.
    pub name: String,
    /// Its labels (`label0`, … or the headers).
    pub labels: Vec<String>,
    /// Its features.
    pub features: usize,
}

/// Local values of some rows of one side, for the beeswarm and dependence plots.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LocalSample {
    /// Row indices in the side's data, ascending.
    pub rows: Vec<usize>,
    /// Attributions, row-major: rows × labels × features.
    pub values: Vec<f64>,
    /// Feature values, row-major: rows × features (`None` when missing).
    pub feature_values: Vec<Option<f64>>,
}

/// One side's attributions.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SideAttributions {
    /// Rows explained (0 for precomputed attributions).
    pub rows: usize,
    /// Global attribution per label, per feature (in `ExplainResult::features` order).
    pub global: Vec<Vec<f64>>,
    /// Expected value (the mean margin) per label.
    pub expected_value: Vec<f64>,
    /// A capped sample of local values.
    pub sample: LocalSample,
}

/// Global attributions and NDCG per window of the current data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttributionDrift {
    /// How the windows were cut (e.g. `1d`, `300 rows`).
    pub window: String,
    /// The time column, when windows are by time.
    pub time_column: Option<String>,
    /// The NDCG threshold (0.90 unless changed).
    pub threshold: f64,
    /// Each window's global values, NDCG per label and violation (windows
    /// without rows are left out).
    pub windows: Vec<AttributionWindow>,
    /// Each of those windows' index in the monitoring timeline (for `Focus`).
    pub indices: Vec<usize>,
}

/// What an explain run gives back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExplainResult {
    /// The job that computed it.
    pub job: u32,
    /// The method (`tree_shap`, `kernel_shap`, `linear_shap`, or `precomputed`).
    pub method: String,
    /// True when a surrogate was explained: every output says "surrogate attributions".
    pub surrogate: bool,
    /// Output labels (`label0`, …).
    pub labels: Vec<String>,
    /// Features, in the model's order.
    pub features: Vec<String>,
    /// Baseline attributions.
    pub baseline: SideAttributions,
    /// Current attributions.
    pub current: SideAttributions,
    /// NDCG of the current ranking against the baseline's, per label.
    pub ndcg: Vec<f64>,
    /// True when some label's NDCG is below the threshold.
    pub violation: bool,
    /// Attributions per window of the current data (`None` without a model).
    pub drift: Option<AttributionDrift>,
    /// Why there is no drift series, when there is none.
    pub drift_note: Option<String>,
    /// Workers that computed (the engine worker and its helpers).
    pub workers: usize,
    /// Milliseconds the run took in the worker.
    pub millis: f64,
}

/// One current row's attributions, for the waterfall.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExplainedRow {
    /// Row index in the current data.
    pub row: usize,
    /// Features, in the model's order.
    pub features: Vec<String>,
    /// The row's feature values.
    pub feature_values: Vec<Option<f64>>,
    /// Attributions per label, per feature.
    pub values: Vec<Vec<f64>>,
    /// Expected value per label: it plus the row's values is its margin.
    pub expected_value: Vec<f64>,
}

/// Rows explained so far in a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExplainProgress {
    /// The job.
    pub job: u32,
    /// Rows done, both sides together.
    pub done: usize,
    /// Rows in all.
    pub total: usize,
    /// Workers computing.
    pub workers: usize,
}
