//! Reading one delimited file in two places at once: the [`Loader`] reads
//! the start while a [`PartLoader`] (another browser worker) reads the rest
//! from a line's start; the loader then appends the part. When the part
//! cannot be used (it met a quote), the loader reads those bytes itself.

use serde::{Deserialize, Serialize};

use super::csv::{CsvReader, Part, PartHeader, PartRefused};
use super::error::IoError;
use super::warning::Warnings;
use super::{Loader, State};

/// What a part's reader needs to know of the file, from the loader that read its start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartSpec {
    /// The field delimiter.
    pub delimiter: u8,
    /// The columns (from the header, or positional).
    pub names: Vec<String>,
    /// Only empty cells are missing.
    pub strict: bool,
    /// Rows the part should hold, to size its columns once.
    pub rows_hint: usize,
}

impl Loader {
    /// How to read the rest of this file elsewhere, once its start showed a
    /// delimited file's columns; `None` for other formats or before that.
    /// `part_bytes` is the size of the part, to size its columns.
    #[must_use]
    pub fn part_spec(&self, part_bytes: u64) -> Option<PartSpec> {
        let State::Csv(reader) = &self.state else { return None };
        // Parts are byte ranges of the file: only plain text can be cut.
        if !self.decoding.is_identity() || !matches!(self.compression, super::Compression::Plain) {
            return None;
        }
        let names = reader.names_read()?;
        let line_bytes = self.line_bytes.unwrap_or(1).max(1);
        Some(PartSpec {
            delimiter: self.delimiter?,
            names,
            strict: self.options.strict_missing,
            rows_hint: usize::try_from(part_bytes / line_bytes + part_bytes / line_bytes / 20 + 1).unwrap_or(0),
        })
    }

    /// True when the bytes pushed so far end where a record ends.
    #[must_use]
    pub fn at_record_end(&self) -> bool {
        matches!(&self.state, State::Csv(reader) if reader.at_record_end())
    }

    /// Appends a part read elsewhere from the `bytes` bytes that follow
    /// those pushed so far: its header, and column `i`'s bytes (from
    /// [`Part::column_bytes`]) as `column(i)` gives them, one at a time.
    ///
    /// # Errors
    /// [`PartRefused::Unusable`] when the part cannot follow: nothing was
    /// appended, push those bytes instead. [`PartRefused::Damaged`] when a
    /// column's bytes do not read back: the file fails with that error.
    pub fn append_part<E: std::fmt::Display>(
        &mut self,
        header: &PartHeader,
        bytes: u64,
        column: &mut dyn FnMut(usize) -> Result<Vec<u8>, E>,
    ) -> Result<(), PartRefused> {
        let State::Csv(reader) = &mut self.state else {
            return Err(PartRefused::Unusable("the file is not delimited text"));
        };
        let result = reader.append_part(header, column, &mut self.warnings);
        if let Err(PartRefused::Damaged(e)) = &result {
            // Some columns took rows and others did not: nothing more is read.
            self.state = State::Failed(e.clone());
        }
        result?;
        self.bytes += bytes;
        Ok(())
    }
}

/// Reads a part of a delimited file, from a line's start to the file's end.
#[derive(Debug)]
pub struct PartLoader {
    reader: CsvReader,
    warnings: Warnings,
}

impl PartLoader {
    /// A reader for the part of `file` described by `spec`.
    #[must_use]
    pub fn new(file: &str, spec: PartSpec) -> Self {
        Self {
            reader: CsvReader::new_part(file, spec.delimiter, spec.names, spec.strict, spec.rows_hint),
            warnings: Warnings::default(),
        }
    }

    /// Reads the next chunk (nothing more once a quote was met).
    ///
    /// # Errors
    /// As the loader's.
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), IoError> {
        self.reader.feed(chunk, &mut self.warnings)
    }

    /// True once a quote was met: the rest need not be read.
    #[must_use]
    pub fn refused(&self) -> bool {
        self.reader.part_quoted()
    }

    /// The part read.
    ///
    /// # Errors
    /// As the loader's.
    pub fn finish(mut self) -> Result<Part, IoError> {
        self.reader.finish_part(&mut self.warnings)
    }
}
