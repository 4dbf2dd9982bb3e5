//! The one error type of [`crate::timeline`].

/// What went wrong while windowing, chunking, thresholding or alerting.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum TimelineError {
    /// A window specification that does not parse.
    #[error(
        "invalid window {spec:?}: {reason} (expected e.g. \"1h\", \"1d\", \"7d\", \"1w\", \"1mo\", \"10000rows\")"
    )]
    WindowSpec {
        /// The text as given.
        spec: String,
        /// Why it was rejected.
        reason: &'static str,
    },
    /// A column that cannot serve as the time axis.
    #[error("column {column:?} holds {storage} values, not timestamps")]
    NotTimestamps {
        /// The column's name.
        column: String,
        /// Its storage type (`numeric`, `boolean`, ...).
        storage: &'static str,
    },
    /// The timestamps span more windows than a timeline can show.
    #[error("the timestamps span {count} windows of {spec:?}; at most {max} are allowed (choose a longer window)")]
    TooManyWindows {
        /// Windows the span would need.
        count: u64,
        /// The window specification.
        spec: String,
        /// The limit.
        max: usize,
    },
    /// A chunker that NannyML would also refuse.
    #[error("cannot chunk {n_rows} rows: {reason}")]
    Chunking {
        /// Rows to chunk.
        n_rows: usize,
        /// Why not.
        reason: String,
    },
    /// A threshold that cannot be resolved.
    #[error(transparent)]
    Threshold(#[from] crate::thresholds::ThresholdError),
    /// An alert rule outside 1 ≤ M ≤ N ≤ 100.
    #[error("invalid alert rule {rule:?}: need 1 <= M <= N <= 100 as \"M/N\"")]
    AlertRule {
        /// The rule as given.
        rule: String,
    },
}
