//! Streaming delimited-text reader (CSV, TSV, ...) over `csv-core`.
//!
//! Chunks go straight into typed columns: quoted fields (with embedded
//! newlines and doubled quotes), CRLF and a UTF-8 byte-order mark are handled;
//! rows shorter than the header are padded with missing values and longer ones
//! cut, each reported; fields that are not UTF-8 are read as Windows-1252
//! (Latin-1) and reported; blank lines are skipped.

use csv_core::{ReadRecordResult, Reader, ReaderBuilder};

use super::error::{ErrorKind, IoError};
use super::names::{positional_name, unique_names};
use super::warning::Warnings;
use crate::table::{Table, TableBuilder};

/// Most columns a file may have.
pub const MAX_COLUMNS: usize = 100_000;

/// Reads delimited text, chunk by chunk.
#[derive(Debug)]
pub(crate) struct CsvReader {
    file: String,
    core: Reader,
    output: Vec<u8>,
    output_len: usize,
    ends: Vec<usize>,
    ends_len: usize,
    has_header: bool,
    names: Option<Vec<String>>,
    builder: Option<TableBuilder>,
    strict: bool,
    /// Data rows read (the header is not counted).
    rows: u64,
    /// Byte offset of the current record's start, and bytes consumed so far.
    record_start: u64,
    consumed: u64,
    n_columns_hint: usize,
    latin1_fields: u64,
    blank_lines: u64,
}

impl CsvReader {
    pub(crate) fn new(
        file: &str,
        delimiter: u8,
        has_header: bool,
        names: Option<Vec<String>>,
        n_columns_hint: usize,
        strict: bool,
        offset: u64,
    ) -> Self {
        Self {
            file: file.to_owned(),
            core: ReaderBuilder::new().delimiter(delimiter).build(),
            output: vec![0; 64 * 1024],
            output_len: 0,
            ends: vec![0; 256],
            ends_len: 0,
            has_header,
            names,
            builder: None,
            strict,
            rows: 0,
            record_start: offset,
            consumed: offset,
            n_columns_hint,
            latin1_fields: 0,
            blank_lines: 0,
        }
    }

    pub(crate) fn rows(&self) -> u64 {
        self.rows
    }

    pub(crate) fn feed(&mut self, mut input: &[u8], warnings: &mut Warnings) -> Result<(), IoError> {
        loop {
            let (result, n_in, n_out, n_ends) = self.core.read_record(
                input,
                self.output.get_mut(self.output_len..).unwrap_or_default(),
                self.ends.get_mut(self.ends_len..).unwrap_or_default(),
            );
            input = input.get(n_in..).unwrap_or_default();
            self.consumed += n_in as u64;
            self.output_len += n_out;
            self.ends_len += n_ends;
            match result {
                ReadRecordResult::InputEmpty => return Ok(()),
                ReadRecordResult::OutputFull => {
                    let len = self.output.len();
                    self.output.resize(len * 2, 0);
                }
                ReadRecordResult::OutputEndsFull => {
                    if self.ends.len() > MAX_COLUMNS {
                        return Err(IoError::new(
                            &self.file,
                            ErrorKind::TooManyColumns { found: self.ends.len(), limit: MAX_COLUMNS },
                        )
                        .at_row(self.rows + 1)
                        .at_byte(self.record_start));
                    }
                    let len = self.ends.len();
                    self.ends.resize(len * 2, 0);
                }
                ReadRecordResult::Record => {
                    self.record(warnings)?;
                    self.output_len = 0;
                    self.ends_len = 0;
                    self.record_start = self.consumed;
                }
                ReadRecordResult::End => return Ok(()),
            }
        }
    }

    fn record(&mut self, warnings: &mut Warnings) -> Result<(), IoError> {
        let output = self.output.get(..self.output_len).unwrap_or_default();
        let ends = self.ends.get(..self.ends_len).unwrap_or_default();
        if ends.len() <= 1
            && output.iter().all(|b| *b == b'\r' || b.is_ascii_whitespace())
            && self.builder.as_ref().is_none_or(|b| b.n_columns() > 1)
        {
            self.blank_lines += 1;
            return Ok(());
        }
        let owned: Vec<String>;
        let fields: Vec<&str> = match std::str::from_utf8(output) {
            Ok(text) => split_fields(text, ends),
            Err(_) => {
                owned = split_bytes(output, ends)
                    .into_iter()
                    .map(|field| match std::str::from_utf8(field) {
                        Ok(s) => s.to_owned(),
                        Err(_) => {
                            self.latin1_fields += 1;
                            field.iter().map(|&b| windows_1252(b)).collect()
                        }
                    })
                    .collect();
                owned.iter().map(String::as_str).collect()
            }
        };
        if self.builder.is_none() {
            if self.has_header && self.names.is_none() {
                let raw = fields.iter().map(|s| (*s).to_owned()).collect();
                self.names = Some(unique_names(raw, &self.file, warnings));
                if fields.len() > MAX_COLUMNS {
                    return Err(IoError::new(
                        &self.file,
                        ErrorKind::TooManyColumns { found: fields.len(), limit: MAX_COLUMNS },
                    ));
                }
                self.builder = Some(TableBuilder::new(self.names.clone().unwrap_or_default(), self.strict));
                return Ok(());
            }
            let names = self
                .names
                .clone()
                .unwrap_or_else(|| (0..fields.len().max(self.n_columns_hint)).map(positional_name).collect());
            self.builder = Some(TableBuilder::new(names, self.strict));
        }
        let Some(builder) = self.builder.as_mut() else { return Ok(()) };
        self.rows += 1;
        let n_columns = builder.n_columns();
        let n = builder.push_row(fields.iter().copied());
        if n != n_columns {
            let what = if n < n_columns {
                "the missing ones are read as missing values"
            } else {
                "the extra ones are ignored"
            };
            warnings.add(
                "ragged rows",
                &self.file,
                Some(self.rows),
                None,
                format!("row {} has {n} fields where the header has {n_columns}: {what}", self.rows),
            );
        }
        Ok(())
    }

    pub(crate) fn finish(mut self, warnings: &mut Warnings) -> Result<Table, IoError> {
        self.feed(&[], warnings)?;
        if self.latin1_fields > 0 {
            warnings.add(
                "encoding",
                &self.file,
                None,
                None,
                format!("{} fields were not valid UTF-8 and were read as Windows-1252 (Latin-1)", self.latin1_fields),
            );
        }
        if self.blank_lines > 0 {
            warnings.add(
                "blank lines",
                &self.file,
                None,
                None,
                format!("{} blank lines were skipped", self.blank_lines),
            );
        }
        let builder = match self.builder {
            Some(b) => b,
            None => TableBuilder::new(self.names.unwrap_or_default(), self.strict),
        };
        super::warning::marker_warnings(&builder, &self.file, warnings);
        Ok(builder.finish())
    }
}

fn split_fields<'a>(text: &'a str, ends: &[usize]) -> Vec<&'a str> {
    let mut start = 0;
    ends.iter()
        .map(|&end| {
            let field = text.get(start..end).unwrap_or_default();
            start = end;
            field
        })
        .collect()
}

fn split_bytes<'a>(bytes: &'a [u8], ends: &[usize]) -> Vec<&'a [u8]> {
    let mut start = 0;
    ends.iter()
        .map(|&end| {
            let field = bytes.get(start..end).unwrap_or_default();
            start = end;
            field
        })
        .collect()
}

/// Windows-1252, the usual encoding of CSV files that are not UTF-8.
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH.get(usize::from(b - 0x80)).copied().unwrap_or('\u{fffd}'),
        _ => char::from(b),
    }
}

/// Parses the complete records of a sample (for header sniffing).
pub(crate) fn parse_sample(sample: &[u8], delimiter: u8, complete: bool) -> Vec<Vec<String>> {
    let mut core = ReaderBuilder::new().delimiter(delimiter).build();
    let mut output = vec![0_u8; sample.len() + 1];
    let mut ends = vec![0_usize; sample.len() + 1];
    let mut records = Vec::new();
    let mut input = sample;
    loop {
        let (result, n_in, n_out, n_ends) = core.read_record(input, &mut output, &mut ends);
        input = input.get(n_in..).unwrap_or_default();
        match result {
            ReadRecordResult::Record => {
                let text = String::from_utf8_lossy(output.get(..n_out).unwrap_or_default()).into_owned();
                let fields = split_fields(&text, ends.get(..n_ends).unwrap_or_default())
                    .into_iter()
                    .map(str::to_owned)
                    .collect::<Vec<_>>();
                if !(fields.len() <= 1 && fields.iter().all(|f| f.trim().is_empty())) {
                    records.push(fields);
                }
                if records.len() >= 50 {
                    break;
                }
            }
            ReadRecordResult::InputEmpty => {
                if !complete || input.is_empty() && n_in == 0 {
                    break;
                }
            }
            ReadRecordResult::End | ReadRecordResult::OutputFull | ReadRecordResult::OutputEndsFull => break,
        }
    }
    // csv-core emits a record only once its terminator is seen, so without
    // `complete` a record cut off by the sample's end is never returned.
    records
}
