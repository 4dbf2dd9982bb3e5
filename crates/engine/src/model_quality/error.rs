//! Errors of the model-quality metrics: inputs that cannot be scored.

/// Why model-quality metrics could not be computed or a quality file read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ModelQualityError {
    /// The ground truth and the predictions have different lengths.
    #[error("ground truth has {truth} rows but predictions have {prediction}")]
    LengthMismatch {
        /// Rows of ground truth.
        truth: usize,
        /// Rows of predictions (or scores).
        prediction: usize,
    },
    /// There is no row to score.
    #[error("no rows to score")]
    Empty,
    /// A value is NaN or infinite.
    #[error("{what} has a missing or non-finite value at row {row}")]
    NonFinite {
        /// Which input ("ground truth", "prediction", "score").
        what: &'static str,
        /// The 0-based row.
        row: usize,
    },
    /// An argument that cannot be used (a bin count of 0, a score outside [0, 1]).
    #[error("{0}")]
    Invalid(String),
    /// A statistics or constraints file does not have the expected shape.
    #[error("invalid model-quality file: {0}")]
    InvalidFile(String),
}

/// Checks two inputs have the same, non-zero length.
pub(crate) fn check_lengths(truth: usize, prediction: usize) -> Result<(), ModelQualityError> {
    if truth != prediction {
        return Err(ModelQualityError::LengthMismatch { truth, prediction });
    }
    if truth == 0 {
        return Err(ModelQualityError::Empty);
    }
    Ok(())
}

/// Checks every value is finite.
pub(crate) fn check_finite(what: &'static str, values: &[f64]) -> Result<(), ModelQualityError> {
    match values.iter().position(|v| !v.is_finite()) {
        Some(row) => Err(ModelQualityError::NonFinite { what, row }),
        None => Ok(()),
    }
}
