//! Why a per-window check could not be prepared on the reference (a check
//! that fails on one window only leaves that window's cell missing).

use crate::bias::BiasError;
use crate::estimation::EstimationError;
use crate::explain::{AttributionError, ExplainError, ModelError, ShapError};
use crate::model_quality::ModelQualityError;

/// A check that cannot run: its columns, metrics or model do not fit the
/// reference, or its analysis fails there.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum CheckError {
    /// A drift column the reference lacks.
    #[error("the reference has no column {column}")]
    NoReferenceColumn {
        /// The column as configured.
        column: String,
    },
    /// A drift method that does not suit the column's type.
    #[error("{method} does not apply to the {kind} column {column}")]
    MethodKind {
        /// NannyML's name of the method.
        method: &'static str,
        /// `numeric` or `categorical`.
        kind: &'static str,
        /// The column.
        column: String,
    },
    /// Model quality without a labelled reference row.
    #[error("no labelled reference row ({0})")]
    NoLabelledReference(ModelQualityError),
    /// A model-quality metric the problem type does not have.
    #[error("no metric {metric}; this model has {}", .known.join(", "))]
    UnknownMetric {
        /// The metric asked for.
        metric: String,
        /// The metrics the problem type has.
        known: Vec<String>,
    },
    /// Estimation needs a binary model with scores.
    #[error("needs a binary model with a score column")]
    NotBinaryWithScores,
    /// Estimation needs a label on every reference row.
    #[error("every reference row needs a label")]
    UnlabelledReference,
    /// CBPE could not be fitted or evaluated.
    #[error(transparent)]
    Estimation(#[from] EstimationError),
    /// The bias analysis fails on the reference.
    #[error(transparent)]
    Bias(#[from] BiasError),
    /// One side's table does not give the model's features.
    #[error("the {side} data: {source}")]
    Features {
        /// `reference` or `current`.
        side: &'static str,
        /// Why not.
        source: ModelError,
    },
    /// The reference has no rows to explain.
    #[error("the reference has no rows to explain")]
    NoRowsToExplain,
    /// The attributions could not be computed.
    #[error(transparent)]
    Explain(#[from] ExplainError),
    /// The attributions could not be aggregated.
    #[error(transparent)]
    Shap(#[from] ShapError),
    /// The aggregates could not be labelled.
    #[error(transparent)]
    Attribution(#[from] AttributionError),
}
