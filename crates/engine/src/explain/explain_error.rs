//! Why an explanation run stopped: a setting that does not fit the model, a
//! table or background the model cannot read, a SHAP computation that
//! refused its input, or a cancel. Each message says what and where.

use thiserror::Error;

use super::explain_config_error::ExplainConfigError;
use super::model_error::ModelError;
use super::shap_error::ShapError;
use super::tree_shap::TreeShapError;

/// An explanation that could not be computed.
///
/// TreeSHAP's own refusals (a tree it cannot walk, rows beyond the matrix,
/// a cancel) come wrapped as [`ExplainError::TreeShap`]; `Rows` and
/// `Cancelled` here are those of the linear and Kernel SHAP runs.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ExplainError {
    /// Settings that do not fit each other or the model.
    #[error(transparent)]
    Config(#[from] ExplainConfigError),
    /// The table does not give the model's features.
    #[error(transparent)]
    Model(#[from] ModelError),
    /// The SHAP computation refused its input.
    #[error(transparent)]
    Shap(#[from] ShapError),
    /// TreeSHAP refused the model or its input, or was cancelled.
    #[error(transparent)]
    TreeShap(#[from] TreeShapError),
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
