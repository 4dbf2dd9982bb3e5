//! Why an explanation run stopped: a setting that does not fit the model, a
//! table or background the model cannot read, a SHAP computation that
//! refused its input, or a cancel. Each message says what and where.

use thiserror::Error;

use super::error::ModelError;
use super::shap_error::ShapError;
use super::tree_shap::TreeShapError;

/// An explanation that could not be computed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ExplainError {
    /// Settings that do not fit each other or the model.
    #[error("{0}")]
    Config(String),
    /// The table does not give the model's features.
    #[error(transparent)]
    Model(#[from] ModelError),
    /// The SHAP computation refused its input.
    #[error(transparent)]
    Shap(#[from] ShapError),
    /// A tree TreeSHAP cannot walk.
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
    /// Attributions of row ranges that do not belong together.
    #[error("cannot join attributions: {0}")]
    Join(String),
    /// The progress callback asked to stop.
    #[error("cancelled after {rows_done} rows")]
    Cancelled {
        /// Rows finished before the stop.
        rows_done: usize,
    },
}

impl From<TreeShapError> for ExplainError {
    fn from(e: TreeShapError) -> Self {
        match e {
            TreeShapError::Input(e) => Self::Shap(e),
            TreeShapError::Tree { tree, node, what } => Self::Tree { tree, node, what },
            TreeShapError::Rows { start, end, n_rows } => Self::Rows { start, end, n_rows },
            TreeShapError::Cancelled { rows_done } => Self::Cancelled { rows_done },
        }
    }
}
