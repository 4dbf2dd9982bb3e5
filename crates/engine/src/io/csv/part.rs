//! A part of a delimited file read apart from its start: in the browser a
//! second worker reads the file's second half while the engine worker reads
//! the first, and the engine appends the part's rows to its own.
//!
//! Splitting at a line end is only safe where no quoted field can hold a
//! newline, so a part that meets a quote character stops and says so; the
//! engine then reads those bytes itself, in order, as if no part had been
//! asked for. The result is the table one reader would have built.

use super::{ragged_warning, CsvReader};
use crate::io::error::{ErrorKind, IoError};
use crate::io::warning::{Warnings, DETAILED_PER_KIND};
use serde::{Deserialize, Serialize};

use crate::table::{ColumnBuilder, Decoder, Encoder, TableBuilder, TableError};

/// What a part's reader notes instead of warnings (row numbers are only
/// known once the part is appended).
#[derive(Debug, Default)]
pub(crate) struct PartLog {
    ragged: Vec<(u64, usize)>,
    ragged_total: u64,
    quoted: bool,
}

impl PartLog {
    pub(super) fn ragged(&mut self, row: u64, n: usize) {
        if self.ragged.len() < DETAILED_PER_KIND {
            self.ragged.push((row, n));
        }
        self.ragged_total += 1;
    }
}

/// What a part holds besides its columns (sent as JSON beside them).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartHeader {
    /// Data rows read.
    pub rows: u64,
    blank_lines: u64,
    latin1_fields: u64,
    /// The first ragged rows (1-based within the part) with their field counts.
    ragged: Vec<(u64, usize)>,
    ragged_total: u64,
    /// A quote character was met: the part stopped there and cannot be used.
    pub quoted: bool,
    /// Its columns (as many as the file's).
    pub columns: usize,
}

/// The rows of a part of a delimited file, ready to append.
#[derive(Debug)]
pub struct Part {
    header: PartHeader,
    columns: Vec<ColumnBuilder>,
}

impl Part {
    /// Rows, counts and whether it met a quote.
    #[must_use]
    pub fn header(&self) -> &PartHeader {
        &self.header
    }

    /// Each column as bytes, in order (to send to another worker, where
    /// [`crate::io::Loader::append_part`] reads them back one at a time).
    pub fn column_bytes(&self) -> impl Iterator<Item = Vec<u8>> + '_ {
        self.columns.iter().map(|column| {
            let mut out = Encoder(Vec::with_capacity(column.len() * 8 + 256));
            column.encode(&mut out);
            out.0
        })
    }
}

/// One column of a part from its bytes, checked against the part's rows.
pub(crate) fn decode_column(bytes: &[u8], rows: u64) -> Result<ColumnBuilder, TableError> {
    let mut input = Decoder(bytes);
    let column = ColumnBuilder::decode(&mut input)?;
    if !input.is_empty() {
        return Err(TableError::PartBytesLeftOver);
    }
    if column.len() as u64 != rows {
        return Err(TableError::PartRows { found: column.len(), expected: rows });
    }
    Ok(column)
}

impl CsvReader {
    /// A reader for a part of a file: whole lines of data (no header) into
    /// the columns `names`, from the start of a line.
    pub(crate) fn new_part(file: &str, delimiter: u8, names: Vec<String>, strict: bool, rows_hint: usize) -> Self {
        let n_columns = names.len();
        let mut reader = Self::new(file, delimiter, false, Some(names), n_columns, strict, rows_hint);
        reader.part = Some(PartLog::default());
        reader
    }

    /// For a part: true once a quote was met (from then on nothing is read).
    pub(super) fn part_refuses(&mut self, chunk: &[u8]) -> bool {
        let Some(log) = &mut self.part else { return false };
        if !log.quoted && memchr::memchr(b'"', chunk).is_some() {
            log.quoted = true;
        }
        log.quoted
    }

    /// True once a part met a quote.
    pub(crate) fn part_quoted(&self) -> bool {
        self.part.as_ref().is_some_and(|log| log.quoted)
    }

    /// The part read, its last line included even without a newline.
    pub(crate) fn finish_part(mut self, warnings: &mut Warnings) -> Result<Part, IoError> {
        let mut log = self.part.take().unwrap_or_default();
        if !log.quoted && !self.carry.is_empty() {
            let mut last = std::mem::take(&mut self.carry);
            last.push(b'\n');
            self.part = Some(log);
            self.lines(&last, warnings)?;
            log = self.part.take().unwrap_or_default();
        }
        let columns = match self.builder {
            Some(builder) => builder.into_columns(),
            None => TableBuilder::new(self.names.unwrap_or_default(), self.strict).into_columns(),
        };
        let header = PartHeader {
            rows: self.rows,
            blank_lines: self.blank_lines,
            latin1_fields: self.latin1_fields,
            ragged: log.ragged,
            ragged_total: log.ragged_total,
            quoted: log.quoted,
            columns: columns.len(),
        };
        Ok(Part { header, columns })
    }

    /// The column names once the header (or the first row) was read.
    pub(crate) fn names_read(&self) -> Option<Vec<String>> {
        let builder = self.builder.as_ref()?;
        Some(builder.column_names())
    }

    /// True when the bytes read so far end where a record ends, so that a
    /// part read from the next byte on can follow them.
    pub(crate) fn at_record_end(&self) -> bool {
        self.builder.is_some() && !self.in_quoted && self.carry.is_empty() && self.part.is_none()
    }

    /// Appends a part read from the bytes that follow those read so far:
    /// its header, and its columns' bytes one at a time from `column` (so
    /// that only one column's copy exists at once).
    ///
    /// # Errors
    /// When the part cannot follow (a quote met, the reader not at a record's
    /// end, other columns): nothing was appended and the caller reads those
    /// bytes itself. A column whose bytes are damaged fails the file.
    pub(crate) fn append_part<E: std::fmt::Display>(
        &mut self,
        header: &PartHeader,
        column: &mut dyn FnMut(usize) -> Result<Vec<u8>, E>,
        warnings: &mut Warnings,
    ) -> Result<(), PartRefused> {
        if header.quoted {
            return Err(PartRefused::Unusable("it holds a quote"));
        }
        if !self.at_record_end() {
            return Err(PartRefused::Unusable("the rows before it do not end at a record's end"));
        }
        let Some(builder) = self.builder.as_mut() else { return Err(PartRefused::Unusable("no header yet")) };
        let n_columns = builder.n_columns();
        if header.columns != n_columns {
            return Err(PartRefused::Unusable("its columns differ"));
        }
        let rows = usize::try_from(header.rows).map_err(|_| PartRefused::Unusable("too many rows"))?;
        for i in 0..n_columns {
            let damaged = |why: String| PartRefused::Damaged(IoError::new(&self.file, ErrorKind::Read(why)));
            let bytes = column(i).map_err(|e| damaged(e.to_string()))?;
            let part = decode_column(&bytes, header.rows).map_err(|e| damaged(e.to_string()))?;
            builder.append_column(i, part);
        }
        builder.add_rows(rows);
        for &(row, n) in &header.ragged {
            self.ragged.add(n);
            ragged_warning(&self.file, self.rows + row, n, n_columns, warnings);
        }
        self.ragged.add_uncounted(header.ragged_total.saturating_sub(header.ragged.len() as u64));
        warnings.count("ragged rows", header.ragged_total.saturating_sub(header.ragged.len() as u64));
        self.rows += header.rows;
        self.blank_lines += header.blank_lines;
        self.latin1_fields += header.latin1_fields;
        Ok(())
    }
}

/// Why a part was not appended.
#[derive(Debug)]
pub enum PartRefused {
    /// It cannot follow the rows read (read its bytes in order instead).
    Unusable(&'static str),
    /// A column's bytes were damaged after some columns were appended: the file fails.
    Damaged(IoError),
}
