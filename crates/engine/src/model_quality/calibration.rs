//! The reliability (calibration) curve, as scikit-learn's
//! `calibration_curve(y, s, n_bins, strategy="uniform")`: scores cut into
//! equal-width bins over [0, 1], each non-empty bin giving its mean score
//! and the share of positives among its rows.

use serde::{Deserialize, Serialize};

use super::error::{check_finite, check_lengths, ModelQualityError};

/// One non-empty bin of a reliability curve.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CalibrationBin {
    /// Mean score of the bin's rows (scikit-learn's `prob_pred`).
    pub mean_score: f64,
    /// Share of the bin's rows that are positive (`prob_true`).
    pub fraction_positive: f64,
    /// Rows in the bin.
    pub rows: u64,
}

/// The reliability curve over `bins` equal-width bins. A score on an inner
/// edge falls in the lower bin (numpy's `searchsorted`, side left), as
/// scikit-learn's does.
///
/// # Errors
/// Lengths differ, no rows, a non-finite score or one outside [0, 1], or no bin.
pub fn calibration_curve(
    actual: &[bool],
    scores: &[f64],
    bins: usize,
) -> Result<Vec<CalibrationBin>, ModelQualityError> {
    check_lengths(actual.len(), scores.len())?;
    check_finite("score", scores)?;
    if bins == 0 {
        return Err(ModelQualityError::Invalid("a reliability curve needs at least one bin".into()));
    }
    if let Some(bad) = scores.iter().find(|s| !(0.0..=1.0).contains(*s)) {
        return Err(ModelQualityError::Invalid(format!(
            "a reliability curve needs scores between 0 and 1 (found {bad})"
        )));
    }
    // Inner edges as numpy.linspace(0, 1, bins + 1)[1:-1] computes them.
    let edges: Vec<f64> = (1..bins).map(|i| i as f64 * (1.0 / bins as f64)).collect();
    let mut sums = vec![(0.0f64, 0u64, 0u64); bins];
    for (&positive, &score) in actual.iter().zip(scores) {
        let bin = edges.partition_point(|&edge| edge < score);
        let slot = &mut sums[bin];
        slot.0 += score;
        slot.1 += u64::from(positive);
        slot.2 += 1;
    }
    Ok(sums
        .into_iter()
        .filter(|(_, _, rows)| *rows > 0)
        .map(|(sum, positives, rows)| CalibrationBin {
            mean_score: sum / rows as f64,
            fraction_positive: positives as f64 / rows as f64,
            rows,
        })
        .collect())
}
