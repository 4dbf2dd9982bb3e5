//! Why the settings of an explanation run were refused: a method the model
//! cannot take, a Kernel SHAP setting given to another method, or a setting
//! out of range.

use thiserror::Error;

/// Settings that do not fit each other or the model.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ExplainConfigError {
    /// A method name that is not one of the four.
    #[error("unknown SHAP method {name:?} (expected tree, tree-interventional, kernel or linear)")]
    UnknownMethod {
        /// The name as given.
        name: String,
    },
    /// Linear SHAP asked of a tree ensemble.
    #[error("method linear explains linear models; use tree, tree-interventional or kernel for a tree ensemble")]
    LinearOfTrees,
    /// TreeSHAP asked of a linear model.
    #[error("method {method} explains tree ensembles; use linear or kernel for a linear model")]
    TreesOfLinear {
        /// `tree` or `tree-interventional`.
        method: &'static str,
    },
    /// A Kernel SHAP setting given to another method.
    #[error("{setting} is a Kernel SHAP setting; method {method} does not use it")]
    KernelOnly {
        /// `num_samples`, `num_clusters` or `use_logit`.
        setting: &'static str,
        /// The method used.
        method: &'static str,
    },
    /// A count below its minimum.
    #[error("{setting} must be at least {minimum}")]
    TooSmall {
        /// `num_samples`, `num_clusters` or `max_background`.
        setting: &'static str,
        /// The least value allowed.
        minimum: usize,
    },
    /// A method that needs background rows, given none.
    #[error("method {method} needs background (baseline) rows")]
    NeedsBackground {
        /// The method used.
        method: &'static str,
    },
    /// A method and model that do not fit ([`ExplainConfig::validate`](super::ExplainConfig::validate)
    /// refuses these first).
    #[error("method {method} does not fit this model")]
    DoesNotFit {
        /// The method used.
        method: &'static str,
    },
}
