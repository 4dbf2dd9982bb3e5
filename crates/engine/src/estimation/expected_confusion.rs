//! The expected confusion matrix of a chunk: each row's calibrated
//! probability of being positive, summed by predicted label, and the
//! accuracy, precision, recall and F1 it implies (NannyML's CBPE).

use super::error::{check_lengths, EstimationError};

/// Expected counts of a chunk whose true labels are unknown.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ExpectedConfusion {
    /// Σ p over rows predicted positive.
    pub true_positive: f64,
    /// Σ (1 − p) over rows predicted positive.
    pub false_positive: f64,
    /// Σ (1 − p) over rows predicted negative.
    pub true_negative: f64,
    /// Σ p over rows predicted negative.
    pub false_negative: f64,
    /// Rows in the chunk.
    pub rows: usize,
}

impl ExpectedConfusion {
    /// Builds the expected matrix from calibrated probabilities and the
    /// model's predicted labels (`true` = positive), row by row.
    pub fn new(calibrated: &[f64], predicted: &[bool]) -> Result<Self, EstimationError> {
        check_lengths("calibrated scores and predictions", calibrated.len(), predicted.len())?;
        let mut m = Self {
            true_positive: 0.0,
            false_positive: 0.0,
            true_negative: 0.0,
            false_negative: 0.0,
            rows: calibrated.len(),
        };
        for (&p, &positive) in calibrated.iter().zip(predicted) {
            if positive {
                m.true_positive += p;
                m.false_positive += 1.0 - p;
            } else {
                m.false_negative += p;
                m.true_negative += 1.0 - p;
            }
        }
        Ok(m)
    }

    /// Estimated accuracy, (TP + TN) / rows; NaN for an empty chunk.
    pub fn accuracy(&self) -> f64 {
        (self.true_positive + self.true_negative) / self.rows as f64
    }

    /// Estimated precision, TP / (TP + FP); 0 when nothing is predicted positive.
    pub fn precision(&self) -> f64 {
        ratio_or_zero(self.true_positive, self.true_positive + self.false_positive)
    }

    /// Estimated recall, TP / (TP + FN); 0 when no positive is expected.
    pub fn recall(&self) -> f64 {
        ratio_or_zero(self.true_positive, self.true_positive + self.false_negative)
    }

    /// Estimated F1, TP / (TP + (FP + FN) / 2); 0 when the denominator is.
    pub fn f1(&self) -> f64 {
        let denominator = self.true_positive + 0.5 * (self.false_positive + self.false_negative);
        ratio_or_zero(self.true_positive, denominator)
    }
}

/// NannyML returns 0, not NaN, for an empty denominator.
fn ratio_or_zero(numerator: f64, denominator: f64) -> f64 {
    if denominator == 0.0 {
        0.0
    } else {
        numerator / denominator
    }
}
