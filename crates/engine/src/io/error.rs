//! The one error type of [`crate::io`]: what went wrong, and where (file, row,
//! column, byte).

use std::fmt;

/// What went wrong while reading a file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Zero bytes, or only whitespace / a byte-order mark.
    #[error("the file is empty")]
    Empty,
    /// Malformed JSON.
    #[error("invalid JSON: {0}")]
    Json(String),
    /// A JSON record that is not an object, array or value Tideline can tabulate.
    #[error("{0}")]
    Shape(String),
    /// The file ends inside a JSON array or a quoted value.
    #[error("the file ends in the middle of a record ({0})")]
    Truncated(String),
    /// A data-capture record that breaks SageMaker's format.
    #[error("not a SageMaker data-capture record: {0}")]
    Capture(String),
    /// A ground-truth record that breaks SageMaker's format.
    #[error("not a SageMaker ground-truth record: {0}")]
    GroundTruth(String),
    /// Bytes that are not text Tideline reads: a binary, compressed or
    /// archive format (named), an unsupported encoding, or rows of no
    /// consistent shape.
    #[error("{0}")]
    NotText(String),
    /// A file with no data rows (a header alone, or records that hold nothing).
    #[error("the file has no data rows{0}")]
    NoRows(String),
    /// More columns than Tideline accepts.
    #[error("{found} columns; Tideline reads at most {limit}")]
    TooManyColumns {
        /// Columns found.
        found: usize,
        /// The limit.
        limit: usize,
    },
    /// The operating system failed to read the file.
    #[error("could not read the file: {0}")]
    Read(String),
    /// The user stopped the load.
    #[error("loading was cancelled")]
    Cancelled,
}

/// An error with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IoError {
    /// File name as the user gave it.
    pub file: String,
    /// 1-based data row (the header is row 0), when known.
    pub row: Option<u64>,
    /// Column name, when known.
    pub column: Option<String>,
    /// 0-based byte offset in the file, when known.
    pub byte: Option<u64>,
    /// What went wrong.
    pub kind: ErrorKind,
}

impl IoError {
    /// An error in `file` with no position yet.
    #[must_use]
    pub fn new(file: &str, kind: ErrorKind) -> Self {
        Self { file: file.to_owned(), row: None, column: None, byte: None, kind }
    }

    /// Sets the row.
    #[must_use]
    pub fn at_row(mut self, row: u64) -> Self {
        self.row = Some(row);
        self
    }

    /// Sets the byte offset.
    #[must_use]
    pub fn at_byte(mut self, byte: u64) -> Self {
        self.byte = Some(byte);
        self
    }

    /// Sets the column.
    #[must_use]
    pub fn in_column(mut self, column: &str) -> Self {
        self.column = Some(column.to_owned());
        self
    }
}

impl fmt::Display for IoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.kind)?;
        let mut place = Vec::new();
        if let Some(row) = self.row {
            place.push(format!("row {row}"));
        }
        if let Some(column) = &self.column {
            place.push(format!("column '{column}'"));
        }
        if let Some(byte) = self.byte {
            place.push(format!("byte {byte}"));
        }
        if !place.is_empty() {
            write!(f, " (at {})", place.join(", "))?;
        }
        write!(f, " in {}", self.file)
    }
}

impl std::error::Error for IoError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.kind)
    }
}
