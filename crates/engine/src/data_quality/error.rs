//! The one error type of [`crate::data_quality`].

/// The most cells [`super::baseline_table()`] rebuilds: 4 GB of numbers.
pub const MAX_REBUILT_CELLS: u64 = 500_000_000;

/// What went wrong while reading a baseline or evaluating constraints.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum DataQualityError {
    /// A KLL sketch with parameters Deequ would not build (`k` below 2, `c` outside (0, 1]).
    #[error("invalid KLL parameters: k = {sketch_size}, c = {shrinking_factor}")]
    KllParameters {
        /// The sketch size `k` as written.
        sketch_size: f64,
        /// The shrinking factor `c` as written.
        shrinking_factor: f64,
    },
    /// A KLL sketch item that is not a finite number.
    #[error("KLL sketch of feature {feature:?} holds a non-finite item")]
    KllItem {
        /// The feature whose sketch is broken.
        feature: String,
    },
    /// A profile describing more cells than a rebuilt baseline may hold.
    #[error(
        "the statistics.json describes {rows} rows × {columns} columns; Tideline rebuilds a baseline of at most \
         {MAX_REBUILT_CELLS} cells from a profile (give the baseline data itself)"
    )]
    TooLarge {
        /// Rows the profile describes.
        rows: u64,
        /// Columns that would be rebuilt.
        columns: usize,
    },
    /// A JSON file that does not follow the schema.
    #[error("invalid {file_kind}: {message}")]
    Json {
        /// Which file: `statistics.json`, `constraints.json`, ...
        file_kind: &'static str,
        /// serde's message, with line and column.
        message: String,
    },
}
