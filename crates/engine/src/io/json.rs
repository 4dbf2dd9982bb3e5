//! JSON readers: a top-level array of records (streamed element by element)
//! and JSON Lines (one record per line).
//!
//! A record that is an object gives named columns, in order of first
//! appearance; nested objects are flattened with dots (`a.b`); arrays inside a
//! record are kept as JSON text. A record that is an array gives positional
//! columns `_c0, _c1, ...`; a bare value gives one column `value`. Numbers keep
//! the form they were written in, so Deequ's Integral/Fractional is decided as
//! for CSV.

use serde_json::Value;

use super::error::{ErrorKind, IoError};
use super::lines::LineSplitter;
use super::names::positional_name;
use crate::table::TableBuilder;

/// Appends one JSON record to the builder as a row.
pub(crate) fn push_record(builder: &mut TableBuilder, value: &Value) {
    let mut cells: Vec<(String, Option<String>)> = Vec::new();
    match value {
        Value::Object(map) => flatten(map, "", &mut cells),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                cells.push((positional_name(i), scalar_text(item)));
            }
        }
        other => cells.push(("value".to_owned(), scalar_text(other))),
    }
    builder.push_named_row(cells.iter().map(|(k, v)| (k.as_str(), v.as_deref())));
}

fn flatten(map: &serde_json::Map<String, Value>, prefix: &str, out: &mut Vec<(String, Option<String>)>) {
    for (key, value) in map {
        let name = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
        match value {
            Value::Object(inner) if !inner.is_empty() => flatten(inner, &name, out),
            other => out.push((name, scalar_text(other))),
        }
    }
}

/// The text a JSON value is read as; `None` for null.
pub(crate) fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::Bool(b) => Some(b.to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

fn json_error(file: &str, err: &serde_json::Error, row: u64, byte: u64) -> IoError {
    IoError::new(file, ErrorKind::Json(err.to_string())).at_row(row).at_byte(byte)
}

/// JSON Lines: one record per non-blank line.
#[derive(Debug)]
pub(crate) struct JsonLinesReader {
    file: String,
    lines: LineSplitter,
    rows: u64,
}

impl JsonLinesReader {
    pub(crate) fn new(file: &str) -> Self {
        Self { file: file.to_owned(), lines: LineSplitter::default(), rows: 0 }
    }

    pub(crate) fn rows(&self) -> u64 {
        self.rows
    }

    pub(crate) fn feed(&mut self, chunk: &[u8], builder: &mut TableBuilder) -> Result<(), IoError> {
        let (file, rows) = (&self.file, &mut self.rows);
        self.lines.feed(chunk, |line| read_line(file, rows, line.bytes, line.byte, builder))
    }

    pub(crate) fn finish(&mut self, builder: &mut TableBuilder) -> Result<(), IoError> {
        let (file, rows) = (&self.file, &mut self.rows);
        self.lines.finish(|line| read_line(file, rows, line.bytes, line.byte, builder))
    }
}

fn read_line(file: &str, rows: &mut u64, bytes: &[u8], byte: u64, builder: &mut TableBuilder) -> Result<(), IoError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(());
    }
    *rows += 1;
    let value: Value = serde_json::from_slice(bytes).map_err(|e| json_error(file, &e, *rows, byte))?;
    push_record(builder, &value);
    Ok(())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ArrayState {
    /// Before the opening `[`.
    Start,
    /// Inside the array, between elements.
    Between,
    /// Inside an element.
    Element { depth: u32, in_string: bool, escaped: bool },
    /// After the closing `]`.
    Done,
}

/// A top-level JSON array, split into elements as bytes arrive.
#[derive(Debug)]
pub(crate) struct JsonArrayReader {
    file: String,
    state: ArrayState,
    element: Vec<u8>,
    element_byte: u64,
    byte: u64,
    rows: u64,
}

impl JsonArrayReader {
    pub(crate) fn new(file: &str, offset: u64) -> Self {
        Self {
            file: file.to_owned(),
            state: ArrayState::Start,
            element: Vec::new(),
            element_byte: 0,
            byte: offset,
            rows: 0,
        }
    }

    pub(crate) fn rows(&self) -> u64 {
        self.rows
    }

    pub(crate) fn feed(&mut self, chunk: &[u8], builder: &mut TableBuilder) -> Result<(), IoError> {
        let mut element_start: Option<usize> = matches!(self.state, ArrayState::Element { .. }).then_some(0);
        for (i, &b) in chunk.iter().enumerate() {
            let here = self.byte + i as u64;
            match self.state {
                ArrayState::Start => match b {
                    b'[' => self.state = ArrayState::Between,
                    b if b.is_ascii_whitespace() => {}
                    _ => {
                        return Err(IoError::new(
                            &self.file,
                            ErrorKind::Shape("a JSON file must hold an array of records or one record per line".into()),
                        )
                        .at_byte(here))
                    }
                },
                ArrayState::Between => match b {
                    b']' => self.state = ArrayState::Done,
                    b',' => {}
                    b if b.is_ascii_whitespace() => {}
                    b'{' | b'[' => {
                        self.state = ArrayState::Element { depth: 1, in_string: false, escaped: false };
                        element_start = Some(i);
                        self.element_byte = here;
                    }
                    _ => {
                        // A scalar element: read up to the next ',' or ']'.
                        self.state = ArrayState::Element { depth: 0, in_string: b == b'"', escaped: false };
                        element_start = Some(i);
                        self.element_byte = here;
                    }
                },
                ArrayState::Element { depth, in_string, escaped } => {
                    let next = if in_string {
                        match (escaped, b) {
                            (true, _) => ArrayState::Element { depth, in_string, escaped: false },
                            (false, b'\\') => ArrayState::Element { depth, in_string, escaped: true },
                            (false, b'"') => ArrayState::Element { depth, in_string: false, escaped: false },
                            _ => self.state,
                        }
                    } else {
                        match b {
                            b'"' => ArrayState::Element { depth, in_string: true, escaped: false },
                            b'{' | b'[' => ArrayState::Element { depth: depth + 1, in_string, escaped },
                            b'}' | b']' if depth > 0 => ArrayState::Element { depth: depth - 1, in_string, escaped },
                            _ => self.state,
                        }
                    };
                    let ends_scalar = depth == 0 && !in_string && (b == b',' || b == b']');
                    if ends_scalar {
                        let start = element_start.take().unwrap_or(0);
                        self.element.extend_from_slice(chunk.get(start..i).unwrap_or_default());
                        self.emit(builder)?;
                        self.state = if b == b']' { ArrayState::Done } else { ArrayState::Between };
                        continue;
                    }
                    self.state = next;
                    if let ArrayState::Element { depth: 0, in_string: false, .. } = next {
                        if depth == 1 {
                            let start = element_start.take().unwrap_or(0);
                            self.element.extend_from_slice(chunk.get(start..=i).unwrap_or_default());
                            self.emit(builder)?;
                            self.state = ArrayState::Between;
                        }
                    }
                }
                ArrayState::Done => {
                    if !b.is_ascii_whitespace() {
                        return Err(IoError::new(
                            &self.file,
                            ErrorKind::Shape("unexpected data after the closing ']' of the JSON array".into()),
                        )
                        .at_byte(here));
                    }
                }
            }
        }
        if let Some(start) = element_start {
            if matches!(self.state, ArrayState::Element { .. }) {
                self.element.extend_from_slice(chunk.get(start..).unwrap_or_default());
            }
        }
        self.byte += chunk.len() as u64;
        Ok(())
    }

    fn emit(&mut self, builder: &mut TableBuilder) -> Result<(), IoError> {
        self.rows += 1;
        let text = std::mem::take(&mut self.element);
        let value: Value = serde_json::from_slice(text.trim_ascii())
            .map_err(|e| json_error(&self.file, &e, self.rows, self.element_byte))?;
        push_record(builder, &value);
        Ok(())
    }

    pub(crate) fn finish(&mut self, _builder: &mut TableBuilder) -> Result<(), IoError> {
        match self.state {
            ArrayState::Done => Ok(()),
            ArrayState::Start => Err(IoError::new(&self.file, ErrorKind::Empty)),
            _ => Err(IoError::new(&self.file, ErrorKind::Truncated("the JSON array has no closing ']'".into()))
                .at_row(self.rows + 1)
                .at_byte(self.byte)),
        }
    }
}
