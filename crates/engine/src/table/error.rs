//! The one error type of [`crate::table`]: a selection by a column the
//! table lacks, or column bytes from another worker that do not read back
//! (decoding checks every length, so a damaged buffer is an error, never a
//! panic).

/// What went wrong while selecting rows or decoding a column's bytes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TableError {
    /// Rows selected by a column the table does not have.
    #[error("no column '{column}' to select rows by")]
    NoColumn {
        /// The column asked for.
        column: String,
    },
    /// The bytes stop before the value they announce.
    #[error("a part's bytes end early ({wanted} wanted, {left} left)")]
    PartEndsEarly {
        /// Bytes the value needs.
        wanted: usize,
        /// Bytes left.
        left: usize,
    },
    /// An integer shorter than 8 bytes.
    #[error("a part's integer is cut")]
    PartIntegerCut,
    /// A length beyond this platform's `usize`.
    #[error("a part's length does not fit")]
    PartLengthTooLarge,
    /// A count of items the bytes left cannot hold.
    #[error("a part says {items} items where {left} bytes are left")]
    PartItemCount {
        /// Items announced.
        items: usize,
        /// Bytes left.
        left: usize,
    },
    /// Text that is not UTF-8.
    #[error("a part's text is not UTF-8")]
    PartNotUtf8,
    /// A column state tag that is none of the known ones.
    #[error("a part's column has an unknown state {0}")]
    PartUnknownState(u64),
    /// Bytes after the column's end.
    #[error("a part's column has bytes left over")]
    PartBytesLeftOver,
    /// A column with another number of rows than its part.
    #[error("a part's column holds {found} rows, not {expected}")]
    PartRows {
        /// Rows the column holds.
        found: usize,
        /// Rows of the part.
        expected: u64,
    },
}
