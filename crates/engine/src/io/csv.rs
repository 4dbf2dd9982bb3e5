//! Streaming delimited-text reader (CSV, TSV, ...) over `csv-core`.
//!
//! Chunks go straight into typed columns: quoted fields (with embedded
//! newlines and doubled quotes), CRLF and a UTF-8 byte-order mark are handled;
//! rows shorter than the header are padded with missing values and longer ones
//! cut, each reported; fields that are not UTF-8 are read as Windows-1252
//! (Latin-1) and reported; blank lines are skipped.

use csv_core::{ReadRecordResult, Reader, ReaderBuilder};

mod part;
pub use part::{Part, PartHeader, PartRefused};

use super::error::{ErrorKind, IoError};
use super::names::{positional_name, unique_names};
use super::ragged::RaggedTally;
use super::warning::Warnings;
use crate::table::{Table, TableBuilder};

/// Most columns a file may have.
pub const MAX_COLUMNS: usize = 100_000;

/// Reads delimited text, chunk by chunk.
///
/// Lines without a quote character (nearly all of them) are split with
/// `memchr`; a line holding a quote goes through `csv-core` from its start,
/// whose state carries on into the next chunk when the quoted record does.
#[derive(Debug)]
pub(crate) struct CsvReader {
    file: String,
    delimiter: u8,
    /// The start of a line whose end has not arrived yet.
    carry: Vec<u8>,
    /// A quoted record in progress (`csv-core` holds its state).
    in_quoted: bool,
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
    n_columns_hint: usize,
    /// Rows expected (from the file's size), to size the columns once.
    rows_hint: usize,
    latin1_fields: u64,
    blank_lines: u64,
    ragged: RaggedTally,
    /// Set when this reader reads a part of a file apart from its start.
    part: Option<part::PartLog>,
}

impl CsvReader {
    pub(crate) fn new(
        file: &str,
        delimiter: u8,
        has_header: bool,
        names: Option<Vec<String>>,
        n_columns_hint: usize,
        strict: bool,
        rows_hint: usize,
    ) -> Self {
        Self {
            file: file.to_owned(),
            delimiter,
            carry: Vec::new(),
            in_quoted: false,
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
            n_columns_hint,
            rows_hint,
            latin1_fields: 0,
            blank_lines: 0,
            ragged: RaggedTally::default(),
            part: None,
        }
    }

    pub(crate) fn rows(&self) -> u64 {
        self.rows
    }

    /// The rows read since the last call (streaming).
    pub(crate) fn take_table(&mut self) -> Option<Table> {
        self.builder.as_mut().map(TableBuilder::take_table)
    }

    pub(crate) fn feed(&mut self, chunk: &[u8], warnings: &mut Warnings) -> Result<(), IoError> {
        if self.part_refuses(chunk) {
            return Ok(());
        }
        let mut input = chunk;
        if self.in_quoted {
            let used = self.quoted(input, false, warnings)?;
            input = input.get(used..).unwrap_or_default();
            if self.in_quoted {
                return Ok(());
            }
        }
        if !self.carry.is_empty() {
            let Some(newline) = memchr::memchr(b'\n', input) else {
                self.carry.extend_from_slice(input);
                return Ok(());
            };
            let (head, rest) = input.split_at(newline + 1);
            let mut line = std::mem::take(&mut self.carry);
            if memchr::memchr(b'"', &line).is_some() || memchr::memchr(b'"', head).is_some() {
                // The carried line starts a quoted record: csv-core reads it from its start.
                self.begin_quoted();
                line.extend_from_slice(head);
                let used = self.quoted(&line, false, warnings)?;
                let leftover = line.get(used..).unwrap_or_default().to_vec();
                if self.in_quoted {
                    return self.feed(rest, warnings);
                }
                self.carry = leftover;
                return self.feed(rest, warnings);
            }
            line.extend_from_slice(head);
            let used = self.lines(&line, warnings)?;
            debug_assert_eq!(used, line.len());
            input = rest;
        }
        let used = self.lines(input, warnings)?;
        if !self.in_quoted {
            self.carry.extend_from_slice(input.get(used..).unwrap_or_default());
        }
        Ok(())
    }

    /// Reads the complete lines of `buffer` (switching to csv-core at a quote);
    /// returns the bytes used.
    fn lines(&mut self, buffer: &[u8], warnings: &mut Warnings) -> Result<usize, IoError> {
        let mut pos = 0;
        while pos < buffer.len() {
            let rest = buffer.get(pos..).unwrap_or_default();
            // Validate once for many lines; a line with invalid UTF-8 is read alone.
            // simdutf8 checks ASCII text several times faster than std.
            let (text, valid) = match simdutf8::compat::from_utf8(rest) {
                Ok(text) => (text, rest.len()),
                Err(e) => {
                    let valid = e.valid_up_to();
                    (simdutf8::basic::from_utf8(rest.get(..valid).unwrap_or_default()).unwrap_or_default(), valid)
                }
            };
            let mut local = 0;
            while let Some(newline) = memchr::memchr(b'\n', rest.get(local..).unwrap_or_default()) {
                let end = local + newline;
                // A run of plain lines (no quote) goes to the builder at once.
                if self.builder.is_some() && end <= valid {
                    let run = plain_run(text.get(local..).unwrap_or_default());
                    if !run.is_empty() {
                        self.run(run, warnings);
                        local += run.len();
                        continue;
                    }
                }
                let line_bytes = rest.get(local..end).unwrap_or_default();
                if memchr::memchr(b'"', line_bytes).is_some() {
                    self.begin_quoted();
                    let used = self.quoted(rest.get(local..).unwrap_or_default(), false, warnings)?;
                    local += used;
                    if self.in_quoted {
                        return Ok(pos + rest.len());
                    }
                    if local > valid {
                        break;
                    }
                    continue;
                }
                if end <= valid {
                    let line = text.get(local..end).unwrap_or_default();
                    self.line(line.strip_suffix('\r').unwrap_or(line), warnings)?;
                } else {
                    let bytes = line_bytes.strip_suffix(b"\r").unwrap_or(line_bytes);
                    self.line_bytes(bytes, warnings)?;
                    local = end + 1;
                    break;
                }
                local = end + 1;
            }
            if local == 0 {
                return Ok(pos);
            }
            pos += local;
            if memchr::memchr(b'\n', buffer.get(pos..).unwrap_or_default()).is_none() {
                break;
            }
        }
        Ok(pos)
    }

    /// Complete lines without quotes, straight into the columns.
    fn run(&mut self, lines: &str, warnings: &mut Warnings) {
        let Some(builder) = self.builder.as_mut() else { return };
        let n_columns = builder.n_columns();
        let report = builder.push_lines(lines, self.delimiter);
        for (index, n) in report.ragged {
            self.ragged(self.rows + index as u64 + 1, n, n_columns, warnings);
        }
        self.rows += report.rows as u64;
        self.blank_lines += report.blank_lines as u64;
    }

    fn line(&mut self, line: &str, warnings: &mut Warnings) -> Result<(), IoError> {
        if line.is_empty() {
            self.blank_lines += 1;
            return Ok(());
        }
        // Fields end at delimiters (ASCII, so every cut is a char boundary).
        let mut start = 0;
        let mut cuts = memchr::memchr_iter(self.delimiter, line.as_bytes()).chain(std::iter::once(line.len()));
        let fields = std::iter::from_fn(move || {
            let end = cuts.next()?;
            let field = line.get(start..end).unwrap_or_default();
            start = end + 1;
            Some(field)
        });
        self.record(fields, warnings)
    }

    fn line_bytes(&mut self, line: &[u8], warnings: &mut Warnings) -> Result<(), IoError> {
        let delimiter = self.delimiter;
        let fields: Vec<String> = line.split(|&b| b == delimiter).map(|field| self.decode(field)).collect();
        self.record(fields.iter().map(String::as_str), warnings)
    }

    fn decode(&mut self, field: &[u8]) -> String {
        match std::str::from_utf8(field) {
            Ok(s) => s.to_owned(),
            Err(_) => {
                self.latin1_fields += 1;
                field.iter().map(|&b| windows_1252(b)).collect()
            }
        }
    }

    /// Starts a quoted record: csv-core reads it from a clean state.
    fn begin_quoted(&mut self) {
        self.core.reset();
        self.output_len = 0;
        self.ends_len = 0;
        self.in_quoted = true;
    }

    /// Feeds csv-core the current quoted record; returns the bytes used.
    fn quoted(&mut self, mut input: &[u8], at_end: bool, warnings: &mut Warnings) -> Result<usize, IoError> {
        let total = input.len();
        let original = input;
        loop {
            let (result, n_in, n_out, n_ends) = self.core.read_record(
                input,
                self.output.get_mut(self.output_len..).unwrap_or_default(),
                self.ends.get_mut(self.ends_len..).unwrap_or_default(),
            );
            input = input.get(n_in..).unwrap_or_default();
            self.output_len += n_out;
            self.ends_len += n_ends;
            match result {
                ReadRecordResult::InputEmpty if !at_end => return Ok(total),
                ReadRecordResult::InputEmpty | ReadRecordResult::End => {
                    self.in_quoted = false;
                    return Ok(total - input.len());
                }
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
                        .at_row(self.rows + 1));
                    }
                    let len = self.ends.len();
                    self.ends.resize(len * 2, 0);
                }
                ReadRecordResult::Record => {
                    self.in_quoted = false;
                    let output = std::mem::take(&mut self.output);
                    let ends = std::mem::take(&mut self.ends);
                    let bytes = output.get(..self.output_len).unwrap_or_default();
                    let field_ends = ends.get(..self.ends_len).unwrap_or_default();
                    let result = match std::str::from_utf8(bytes) {
                        Ok(text) => {
                            let fields = split_fields(text, field_ends);
                            if fields.len() == 1 && fields.iter().all(|f| f.is_empty()) {
                                self.blank_lines += 1;
                                Ok(())
                            } else {
                                self.record(fields.into_iter(), warnings)
                            }
                        }
                        Err(_) => {
                            let fields: Vec<String> =
                                split_bytes(bytes, field_ends).into_iter().map(|f| self.decode(f)).collect();
                            self.record(fields.iter().map(String::as_str), warnings)
                        }
                    };
                    self.output = output;
                    self.ends = ends;
                    self.output_len = 0;
                    self.ends_len = 0;
                    result?;
                    // csv-core stops after the '\r' of a CRLF terminator: take the '\n' too.
                    let used = total - input.len();
                    let ended_on_cr = used > 0 && original.get(used - 1) == Some(&b'\r');
                    return Ok(if ended_on_cr && original.get(used) == Some(&b'\n') { used + 1 } else { used });
                }
            }
        }
    }

    fn record<'a>(&mut self, fields: impl Iterator<Item = &'a str>, warnings: &mut Warnings) -> Result<(), IoError> {
        if self.builder.is_none() {
            let fields: Vec<&str> = fields.collect();
            if fields.len() > MAX_COLUMNS {
                return Err(IoError::new(
                    &self.file,
                    ErrorKind::TooManyColumns { found: fields.len(), limit: MAX_COLUMNS },
                ));
            }
            if self.has_header && self.names.is_none() {
                let raw = fields.iter().map(|s| (*s).to_owned()).collect();
                let names = unique_names(raw, &self.file, warnings);
                self.builder = Some(TableBuilder::new(names.clone(), self.strict).with_capacity(self.rows_hint));
                self.names = Some(names);
                return Ok(());
            }
            let names = self
                .names
                .clone()
                .unwrap_or_else(|| (0..fields.len().max(self.n_columns_hint)).map(positional_name).collect());
            self.builder = Some(TableBuilder::new(names, self.strict).with_capacity(self.rows_hint));
            return self.push(fields.into_iter(), warnings);
        }
        self.push(fields, warnings)
    }

    fn push<'a>(&mut self, fields: impl Iterator<Item = &'a str>, warnings: &mut Warnings) -> Result<(), IoError> {
        let Some(builder) = self.builder.as_mut() else { return Ok(()) };
        self.rows += 1;
        let n_columns = builder.n_columns();
        let n = builder.push_row(fields);
        if n != n_columns {
            self.ragged(self.rows, n, n_columns, warnings);
        }
        Ok(())
    }

    pub(crate) fn finish(mut self, warnings: &mut Warnings) -> Result<Table, IoError> {
        if self.in_quoted {
            self.quoted(&[], true, warnings)?;
            warnings.add(
                "unclosed quote",
                &self.file,
                Some(self.rows),
                None,
                format!("the file ends inside a quoted field (row {}); it was read up to the end", self.rows),
            );
        } else if !self.carry.is_empty() {
            // The last line has no newline.
            let mut last = std::mem::take(&mut self.carry);
            if memchr::memchr(b'"', &last).is_some() {
                self.begin_quoted();
                self.quoted(&last, false, warnings)?;
                if self.in_quoted {
                    return self.finish(warnings);
                }
            } else {
                last.push(b'\n');
                self.lines(&last, warnings)?;
            }
        }
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
        if let Some(ragged) = self.ragged.refusal(self.rows, 3) {
            let delimiter = match self.delimiter {
                b'\t' => "tab".to_owned(),
                other => format!("'{}'", char::from(other)),
            };
            let why = format!(
                "{ragged} of {} rows do not have the header's {} fields, and their field counts vary: this is not \
                 delimited text, or its delimiter is not {delimiter}",
                self.rows,
                builder.n_columns()
            );
            return Err(IoError::new(&self.file, ErrorKind::NotText(why)));
        }
        super::warning::marker_warnings(&builder, &self.file, warnings);
        Ok(builder.finish())
    }
}

impl CsvReader {
    /// A row with `n` fields where the header has `n_columns`: a warning, or
    /// for a part, a note for the reader that appends it.
    fn ragged(&mut self, row: u64, n: usize, n_columns: usize, warnings: &mut Warnings) {
        match &mut self.part {
            Some(log) => log.ragged(row, n),
            None => {
                self.ragged.add(n);
                ragged_warning(&self.file, row, n, n_columns, warnings);
            }
        }
    }
}

/// Reports a row with `n` fields where the header has `n_columns`.
fn ragged_warning(file: &str, row: u64, n: usize, n_columns: usize, warnings: &mut Warnings) {
    let what = if n < n_columns { "the missing ones are read as missing values" } else { "the extra ones are ignored" };
    warnings.add(
        "ragged rows",
        file,
        Some(row),
        None,
        format!("row {row} has {n} fields where the header has {n_columns}: {what}"),
    );
}

/// The longest prefix of `text` made of complete lines with no quote character.
fn plain_run(text: &str) -> &str {
    let bytes = text.as_bytes();
    let Some(last_newline) = memchr::memrchr(b'\n', bytes) else { return "" };
    let complete = bytes.get(..=last_newline).unwrap_or_default();
    let end = match memchr::memchr(b'"', complete) {
        None => complete.len(),
        Some(quote) => memchr::memrchr(b'\n', complete.get(..quote).unwrap_or_default()).map_or(0, |p| p + 1),
    };
    text.get(..end).unwrap_or_default()
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
