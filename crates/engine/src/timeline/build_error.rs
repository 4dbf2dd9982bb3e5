//! Why a timeline cannot be built.

use crate::model_quality::ModelColumnsError;
use crate::timeline::checks::CheckError;
use crate::timeline::TimelineError;

/// An error that stops the whole timeline (a check that cannot run on one
/// window only leaves that window's cell missing).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TimelineBuildError {
    /// Windows or thresholds could not be built.
    #[error(transparent)]
    Timeline(#[from] TimelineError),
    /// A column named in the configuration is absent.
    #[error("the {side} data has no column {column}")]
    MissingColumn {
        /// `reference` or `current`.
        side: &'static str,
        /// The column.
        column: String,
    },
    /// A check needs something the configuration does not give.
    #[error("{check}: {message}")]
    Config {
        /// The check (`model_quality`, `bias`, ...).
        check: &'static str,
        /// What is missing.
        message: String,
    },
    /// The model's columns cannot be read.
    #[error("{side} data: {source}")]
    Model {
        /// `reference` or `current`.
        side: &'static str,
        /// The reason.
        source: ModelColumnsError,
    },
    /// A check failed on the reference, so it has no baseline.
    #[error("{check} on the reference: {source}")]
    Reference {
        /// The check.
        check: &'static str,
        /// The reason (boxed: it is large, and rare).
        source: Box<CheckError>,
    },
}
