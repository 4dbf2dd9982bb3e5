//! The one error type of [`crate::estimation`].

/// Why CBPE could not fit or estimate.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum EstimationError {
    /// Two columns that must be read row by row have different lengths.
    #[error("{what}: {left} rows against {right} rows")]
    LengthMismatch {
        /// Which pair of columns.
        what: &'static str,
        /// Rows in the first column.
        left: usize,
        /// Rows in the second column.
        right: usize,
    },
    /// A score that is missing (NaN) or infinite; CBPE needs every score.
    #[error("{what} at row {row} is not a finite number")]
    NonFinite {
        /// Which column.
        what: &'static str,
        /// Zero-based row inside the slice given.
        row: usize,
    },
    /// No rows at all.
    #[error("{what} has no rows")]
    Empty {
        /// Which data set.
        what: &'static str,
    },
    /// Too few rows for a step that needs a minimum (a stratified split, or
    /// the calibration-error bins).
    #[error("{what}: {rows} rows, at least {needed} needed")]
    TooFewRows {
        /// Which rows, and for what.
        what: &'static str,
        /// Rows there are.
        rows: usize,
        /// Rows needed.
        needed: usize,
    },
    /// A chunk range that does not lie inside the data.
    #[error("chunk {start}..{end} lies outside the {len} rows")]
    ChunkOutOfRange {
        /// First row of the chunk.
        start: usize,
        /// One past the last row of the chunk.
        end: usize,
        /// Rows in the data.
        len: usize,
    },
}

/// Checks that every score is finite.
pub(crate) fn check_finite(what: &'static str, values: &[f64]) -> Result<(), EstimationError> {
    match values.iter().position(|v| !v.is_finite()) {
        Some(row) => Err(EstimationError::NonFinite { what, row }),
        None => Ok(()),
    }
}

/// Checks that two row-aligned columns have the same length.
pub(crate) fn check_lengths(what: &'static str, left: usize, right: usize) -> Result<(), EstimationError> {
    if left == right {
        Ok(())
    } else {
        Err(EstimationError::LengthMismatch { what, left, right })
    }
}
