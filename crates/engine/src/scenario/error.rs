//! The one error type of [`crate::scenario`].

/// Why a scenario could not be generated.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ScenarioError {
    /// A drift strength outside 0–1.
    #[error("strength {strength} is outside 0–1")]
    Strength {
        /// The strength asked for.
        strength: f64,
    },
    /// Too few rows to show drift.
    #[error("{rows} rows are too few for a scenario ({minimum} at least)")]
    TooFewRows {
        /// Rows asked for.
        rows: usize,
        /// The least allowed.
        minimum: usize,
    },
    /// More rows than a scenario generates: the CSV text of both sides is
    /// built in memory (about 120 bytes a row), so 10^11 rows ran out of it.
    #[error("{rows} rows are too many for a scenario ({maximum} at most)")]
    TooManyRows {
        /// Rows asked for.
        rows: usize,
        /// The most allowed.
        maximum: usize,
    },
    /// The model or the Clarify configuration could not be written as JSON
    /// (serde's message).
    #[error("{0}")]
    Json(String),
}
