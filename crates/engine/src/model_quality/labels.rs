//! Predicted labels from scores and a cut-off.

use super::error::{check_finite, ModelQualityError};

/// Predicted positive labels from probabilities: a row is positive when
/// `score > threshold` (strictly; whether SageMaker uses `>` or `≥` is
/// UNCONFIRMED, spec §4, so a score equal to the cut-off is negative).
///
/// # Errors
/// [`ModelQualityError::NonFinite`] when a score is NaN or infinite.
pub fn labels_from_scores(scores: &[f64], threshold: f64) -> Result<Vec<bool>, ModelQualityError> {
    check_finite("score", scores)?;
    Ok(scores.iter().map(|&s| s > threshold).collect())
}
