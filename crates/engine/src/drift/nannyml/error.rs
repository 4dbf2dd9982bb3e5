//! Why a univariate method cannot be fitted.

/// What went wrong while fitting a univariate drift method.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum UnivariateError {
    /// The method does not apply to this kind of column (NannyML raises too).
    #[error("method {method:?} does not support {kind} columns (column {column:?})")]
    Unsupported {
        /// The method's NannyML name.
        method: &'static str,
        /// `"continuous"` or `"categorical"`.
        kind: &'static str,
        /// The column's name.
        column: String,
    },
    /// A continuous method on a column holding values that are not numbers.
    #[error("column {column:?} holds {storage} values, not numbers, so {method:?} cannot treat it as continuous")]
    NotNumeric {
        /// The method's NannyML name.
        method: &'static str,
        /// The column's name.
        column: String,
        /// Its storage type (`text`, `timestamp`, ...).
        storage: &'static str,
    },
    /// Every reference row is missing (or there is no reference row).
    #[error("column {column:?} has no present value in the {rows} reference rows")]
    NoReferenceValues {
        /// The column's name.
        column: String,
        /// Reference rows given.
        rows: usize,
    },
}
