//! Why TreeSHAP refused a model or its input, or stopped: each message says
//! what and where.

use thiserror::Error;

use super::super::shap_error::ShapError;

/// A TreeSHAP computation that cannot run or was cancelled.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum TreeShapError {
    /// The data or background does not fit the model (features, empty background).
    #[error(transparent)]
    Input(#[from] ShapError),
    /// A tree whose structure cannot be walked (children out of order or out
    /// of range, a feature or output index beyond the model's).
    #[error("tree {tree}, node {node}: {what}")]
    Tree {
        /// Tree index (0-based).
        tree: usize,
        /// Node index (0-based).
        node: usize,
        /// What is wrong.
        what: String,
    },
    /// Rows asked for beyond the matrix.
    #[error("rows {start}..{end} asked for, the data has {n_rows} rows")]
    Rows {
        /// First row asked for.
        start: usize,
        /// One past the last row asked for.
        end: usize,
        /// Rows in the data.
        n_rows: usize,
    },
    /// The progress callback asked to stop.
    #[error("cancelled after {rows_done} rows")]
    Cancelled {
        /// Rows finished before the stop.
        rows_done: usize,
    },
}
