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
use crate::table::{ColumnBuilder, Decoder, Encoder, TableBuilder};

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

/// The rows of a part of a delimited file, ready to append.
#[derive(Debug)]
pub struct Part {
    columns: Vec<ColumnBuilder>,
    rows: u64,
    blank_lines: u64,
    latin1_fields: u64,
    /// The first ragged rows (1-based within the part) with their field counts.
    ragged: Vec<(u64, usize)>,
    ragged_total: u64,
    /// A quote character was met: the part stopped there and cannot be used.
    pub quoted: bool,
}

impl Part {
    /// Data rows read.
    #[must_use]
    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// The part as bytes (to send to another worker).
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        let typed: usize = self.columns.iter().map(ColumnBuilder::len).sum();
        let mut out = Encoder(Vec::with_capacity(typed * 8 + 1024));
        for n in [self.rows, self.blank_lines, self.latin1_fields, self.ragged_total, u64::from(self.quoted)] {
            out.u64(n);
        }
        out.len(self.ragged.len());
        for &(row, n) in &self.ragged {
            out.u64(row);
            out.len(n);
        }
        out.len(self.columns.len());
        for column in &self.columns {
            column.encode(&mut out);
        }
        out.0
    }

    /// Reads back what [`Part::to_bytes`] wrote.
    ///
    /// # Errors
    /// Bytes that are cut or damaged.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, String> {
        let mut input = Decoder(bytes);
        let [rows, blank_lines, latin1_fields, ragged_total, quoted] =
            [input.u64()?, input.u64()?, input.u64()?, input.u64()?, input.u64()?];
        let n_ragged = input.len()?.min(DETAILED_PER_KIND);
        let mut ragged = Vec::with_capacity(n_ragged);
        for _ in 0..n_ragged {
            ragged.push((input.u64()?, input.len()?));
        }
        let n_columns = input.len()?.min(super::MAX_COLUMNS);
        let mut columns = Vec::with_capacity(n_columns);
        for _ in 0..n_columns {
            columns.push(ColumnBuilder::decode(&mut input)?);
        }
        if !input.is_empty() {
            return Err("a part has bytes left over".into());
        }
        let rows_usize = usize::try_from(rows).map_err(|_| "a part's row count does not fit")?;
        if columns.iter().any(|c| c.len() != rows_usize) {
            return Err("a part's columns do not all have its rows".into());
        }
        Ok(Self { columns, rows, blank_lines, latin1_fields, ragged, ragged_total, quoted: quoted != 0 })
    }
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
        Ok(Part {
            columns,
            rows: self.rows,
            blank_lines: self.blank_lines,
            latin1_fields: self.latin1_fields,
            ragged: log.ragged,
            ragged_total: log.ragged_total,
            quoted: log.quoted,
        })
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

    /// Appends `part`, read from the bytes that follow those read so far.
    ///
    /// # Errors
    /// When the part cannot follow (a quote met, the reader not at a record's
    /// end, other columns): the caller reads those bytes itself instead.
    pub(crate) fn append_part(&mut self, part: Part, warnings: &mut Warnings) -> Result<(), IoError> {
        let refuse = |why: &str| IoError::new(&self.file, ErrorKind::Read(format!("a part cannot be appended: {why}")));
        if part.quoted {
            return Err(refuse("it holds a quote"));
        }
        if !self.at_record_end() {
            return Err(refuse("the rows before it do not end at a record's end"));
        }
        let Some(builder) = self.builder.as_mut() else { return Err(refuse("no header yet")) };
        let n_columns = builder.n_columns();
        if part.columns.len() != n_columns {
            return Err(refuse("its columns differ"));
        }
        let rows = usize::try_from(part.rows).map_err(|_| refuse("too many rows"))?;
        builder.append_columns(part.columns, rows);
        for &(row, n) in &part.ragged {
            ragged_warning(&self.file, self.rows + row, n, n_columns, warnings);
        }
        warnings.count("ragged rows", part.ragged_total.saturating_sub(part.ragged.len() as u64));
        self.rows += part.rows;
        self.blank_lines += part.blank_lines;
        self.latin1_fields += part.latin1_fields;
        Ok(())
    }
}
