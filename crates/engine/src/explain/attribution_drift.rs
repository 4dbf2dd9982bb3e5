//! Model Monitor's feature-attribution drift check (sagemaker spec §8): per
//! label, the NDCG of the current global attributions against the
//! baseline's; below the threshold (0.90 by default) is a violation,
//! written in `constraint_violations.json` with SageMaker's wording (which
//! says "exceeds" although the value is below).
//!
//! The entries carry `label` and `metric_name` and no feature, so they are
//! not the data-quality [`Violation`](crate::data_quality::Violation) (whose
//! `feature_name` is required); the file has the same `violations` list.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::attribution_error::AttributionError;
use super::ndcg::ndcg;
use crate::math::float_str;

/// Model Monitor's threshold.
pub const DEFAULT_NDCG_THRESHOLD: f64 = 0.90;

/// The check's name in `constraint_check_type`.
pub const ATTRIBUTION_DRIFT_CHECK: &str = "feature_attribution_drift_check";

/// One label's comparison, violated or not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttributionDriftCheck {
    /// The label (`label0`, … or a label header).
    pub label: String,
    /// NDCG of the current order against the baseline's gains.
    pub ndcg: f64,
    /// The threshold compared with.
    pub threshold: f64,
    /// True when `ndcg < threshold`.
    pub violated: bool,
}

/// One `feature_attribution_drift_check` entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttributionViolation {
    /// The label concerned.
    pub label: String,
    /// Always `shap`.
    pub metric_name: String,
    /// Always `feature_attribution_drift_check`.
    pub constraint_check_type: String,
    /// `Feature attribution drift … exceeds threshold …`.
    pub description: String,
}

/// `constraint_violations.json` of an attribution drift run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttributionViolations {
    /// Always "1.0".
    pub version: String,
    /// One entry per label in violation.
    pub violations: Vec<AttributionViolation>,
}

/// Compares every label of `current` with the same label of `baseline`
/// (global values by feature).
///
/// # Errors
/// A label missing from the baseline, or maps NDCG cannot compare; the
/// message names the label.
pub fn check_attribution_drift(
    baseline: &IndexMap<String, IndexMap<String, f64>>,
    current: &IndexMap<String, IndexMap<String, f64>>,
    threshold: f64,
) -> Result<Vec<AttributionDriftCheck>, AttributionError> {
    current
        .iter()
        .map(|(label, cur)| {
            let base =
                baseline.get(label).ok_or_else(|| AttributionError::LabelNotInBaseline { label: label.clone() })?;
            let value = ndcg(base, cur).map_err(|source| AttributionError::Ndcg { label: label.clone(), source })?;
            Ok(AttributionDriftCheck { label: label.clone(), ndcg: value, threshold, violated: value < threshold })
        })
        .collect()
}

/// The violations file of `checks`.
#[must_use]
pub fn attribution_violations(checks: &[AttributionDriftCheck]) -> AttributionViolations {
    let violations = checks
        .iter()
        .filter(|c| c.violated)
        .map(|c| AttributionViolation {
            label: c.label.clone(),
            metric_name: "shap".into(),
            constraint_check_type: ATTRIBUTION_DRIFT_CHECK.into(),
            description: format!(
                "Feature attribution drift {} exceeds threshold {}",
                float_str(c.ndcg),
                float_str(c.threshold)
            ),
        })
        .collect();
    AttributionViolations { version: "1.0".into(), violations }
}
