//! A binary classifier's outputs over some rows, as CBPE reads them.

use super::error::{check_finite, check_lengths, EstimationError};

/// Row-aligned model outputs: the score (uncalibrated probability of the
/// positive class), the predicted label and, where known, the true label.
#[derive(Debug, Clone, Copy)]
pub struct BinaryOutputs<'a> {
    /// Scores, every one finite.
    pub scores: &'a [f64],
    /// Predicted labels (`true` = positive).
    pub predicted: &'a [bool],
    /// True labels, when they have arrived.
    pub truth: Option<&'a [bool]>,
}

impl<'a> BinaryOutputs<'a> {
    /// Checks lengths and scores.
    pub fn new(scores: &'a [f64], predicted: &'a [bool], truth: Option<&'a [bool]>) -> Result<Self, EstimationError> {
        check_lengths("scores and predictions", scores.len(), predicted.len())?;
        if let Some(truth) = truth {
            check_lengths("scores and labels", scores.len(), truth.len())?;
        }
        check_finite("score", scores)?;
        Ok(Self { scores, predicted, truth })
    }

    /// Rows.
    pub fn len(&self) -> usize {
        self.scores.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.scores.is_empty()
    }

    /// The rows `range` (a chunk), or an error when it lies outside.
    pub fn slice(&self, range: std::ops::Range<usize>) -> Result<Self, EstimationError> {
        if range.start > range.end || range.end > self.len() {
            return Err(EstimationError::ChunkOutOfRange { start: range.start, end: range.end, len: self.len() });
        }
        Ok(Self {
            scores: &self.scores[range.clone()],
            predicted: &self.predicted[range.clone()],
            truth: self.truth.map(|t| &t[range]),
        })
    }
}
