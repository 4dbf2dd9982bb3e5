//! Why a SHAP computation (linear, Kernel) or a baseline summary refused
//! its input: each message says what and where.

use thiserror::Error;

/// A SHAP input that cannot be explained.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ShapError {
    /// The data's columns are not the model's features, in the model's order.
    #[error("{what} has features [{found}], the model expects [{expected}]")]
    Features {
        /// Which matrix (data, baseline).
        what: &'static str,
        /// The matrix's features.
        found: String,
        /// The model's features.
        expected: String,
    },
    /// No baseline (background) rows.
    #[error("the baseline has no rows")]
    EmptyBaseline,
    /// A value the method cannot use (NaN for linear SHAP, NaN or infinite weights).
    #[error("{what}: row {row}, feature \"{feature}\" is missing (NaN); {hint}")]
    Missing {
        /// Which matrix.
        what: &'static str,
        /// Row index (0-based).
        row: usize,
        /// Feature name.
        feature: String,
        /// What to do about it.
        hint: &'static str,
    },
    /// Baseline weights that are not positive finite numbers, or not one per row.
    #[error("baseline weights: {0}")]
    Weights(String),
    /// `num_samples` below 2 or a cluster count outside 1..=rows.
    #[error("{0}")]
    Setting(String),
    /// A probability outside (0, 1) met `use_logit`.
    #[error("use_logit: the model's output {output} is {value} (row {row}); the logit needs a probability in (0, 1)")]
    NotProbability {
        /// Row explained.
        row: usize,
        /// Output index.
        output: usize,
        /// The value met, as text.
        value: String,
    },
    /// The model's output for a row is NaN (a linear model given a missing value).
    #[error("row {row}: the model's output {output} is NaN (a missing value the model cannot take?)")]
    NanOutput {
        /// Row explained.
        row: usize,
        /// Output index.
        output: usize,
    },
    /// The sampled coalitions leave the regression singular.
    #[error(
        "row {row}: the sampled coalitions do not determine the attributions (singular regression); raise num_samples"
    )]
    Singular {
        /// Row explained.
        row: usize,
    },
}

/// Checks that `found` names `expected`, in order.
pub(crate) fn check_features(what: &'static str, found: &[String], expected: &[String]) -> Result<(), ShapError> {
    if found == expected {
        return Ok(());
    }
    Err(ShapError::Features { what, found: found.join(", "), expected: expected.join(", ") })
}
