//! Why a surrogate could not be fitted: each message says what and where.

use thiserror::Error;

/// A surrogate fit refused its input or was cancelled.
#[derive(Debug, Clone, PartialEq, Error)]
#[non_exhaustive]
pub enum SurrogateError {
    /// The target has another length than the matrix has rows.
    #[error("the target has {target} values but the features have {rows} rows")]
    Length {
        /// Target values.
        target: usize,
        /// Feature rows.
        rows: usize,
    },
    /// The matrix has no feature columns.
    #[error("the features have no columns: a surrogate needs at least one feature")]
    NoFeatures,
    /// Too few rows carry a target.
    #[error("{rows} rows have a target ({skipped} were skipped as missing); a surrogate needs at least {needed}")]
    TooFewRows {
        /// Rows with a target.
        rows: usize,
        /// Rows skipped for a missing (NaN) target.
        skipped: usize,
        /// Rows needed.
        needed: usize,
    },
    /// Every row has the same target: there is nothing to explain.
    #[error("every one of the {rows} {which} has the target {value}: there is nothing for a surrogate to explain")]
    ConstantTarget {
        /// Rows looked at.
        rows: usize,
        /// Which rows ("rows with a target", "training rows").
        which: &'static str,
        /// The one value, as text.
        value: String,
    },
    /// A target value the objective cannot take.
    #[error("target row {row}: {value} is not {expected}")]
    BadTarget {
        /// Row index (0-based).
        row: usize,
        /// The value met, as text.
        value: String,
        /// What was expected.
        expected: &'static str,
    },
    /// An option out of range.
    #[error("surrogate option {name} = {value}: {rule}")]
    Option {
        /// The option.
        name: &'static str,
        /// Its value, as text.
        value: String,
        /// The allowed range.
        rule: &'static str,
    },
    /// The progress hook asked to stop.
    #[error("the surrogate fit was cancelled after {trees} trees")]
    Cancelled {
        /// Trees fitted when it stopped.
        trees: usize,
    },
}
