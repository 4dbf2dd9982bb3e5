//! SageMaker data-capture JSON Lines (spec §1): one invocation per line, read
//! into table rows the way Model Monitor's analyzer lays them out.
//!
//! Each row holds the `endpointOutput` fields first, then the `endpointInput`
//! fields, then `eventId`, `inferenceId` and `inferenceTime` from
//! `eventMetadata`. Positional fields (CSV values, JSON arrays) are named
//! `_c0, _c1, ...`, counted across output then input, or take the user's
//! column names in that order; named JSON fields keep their names (payload
//! shapes: [`super::capture_payload`]). A metadata column is created by the
//! first record that has the field, so `inferenceId` exists only if some
//! caller passed an InferenceId (earlier rows read as missing).
//!
//! A batch record (a payload of k rows) gives k table rows: output row i is
//! paired with input row i, so both blocks must hold the same number of rows.
//! Either block may be absent (capture mode Input or Output only). A record
//! whose payloads hold no rows at all (an empty batch) is skipped with a
//! warning. Blank lines are skipped. Errors name the file's line number (the
//! `row` of [`IoError`]) and the line's byte offset.

use serde_json::Value;

use super::capture_payload::{block_rows, Row};
use super::csv::MAX_COLUMNS;
use super::error::{ErrorKind, IoError};
use super::json::scalar_text;
use super::lines::{Line, LineSplitter};
use super::names::{positional_name, unique_names};
use super::ragged::RaggedTally;
use super::warning::{plural, Warnings};
use crate::table::TableBuilder;

/// The `eventMetadata` fields copied into every row, in column order.
const METADATA: [&str; 3] = ["eventId", "inferenceId", "inferenceTime"];

/// Reads a data-capture file, line by line.
#[derive(Debug)]
pub(crate) struct CaptureReader {
    lines: LineSplitter,
    state: CaptureState,
}

/// Everything but the line splitter, so lines can borrow it while splitting.
#[derive(Debug)]
struct CaptureState {
    file: String,
    /// User-supplied names as given; made unique (with warnings) at the first line.
    raw_names: Option<Vec<String>>,
    names: Vec<String>,
    /// Table rows pushed.
    rows: u64,
    /// Whether positions beyond the user's names were reported.
    warned_extra: bool,
    /// Unnamed values per row, and the line that set it.
    positional_width: Option<(usize, u64)>,
    /// Rows whose unnamed values differ in number from the first's.
    ragged: RaggedTally,
}

impl CaptureReader {
    /// A reader for `file`; `names` name the positional fields, output then input.
    pub(crate) fn new(file: &str, names: Option<Vec<String>>) -> Self {
        let state = CaptureState {
            file: file.to_owned(),
            raw_names: names,
            names: Vec::new(),
            rows: 0,
            warned_extra: false,
            positional_width: None,
            ragged: RaggedTally::default(),
        };
        Self { lines: LineSplitter::default(), state }
    }

    /// Table rows read so far (a batch record counts each of its rows).
    pub(crate) fn rows(&self) -> u64 {
        self.state.rows
    }

    /// Reads the complete lines of the next chunk.
    pub(crate) fn feed(
        &mut self,
        chunk: &[u8],
        builder: &mut TableBuilder,
        warnings: &mut Warnings,
    ) -> Result<(), IoError> {
        let state = &mut self.state;
        self.lines.feed(chunk, |line| state.read_line(line, builder, warnings))
    }

    /// Reads the last line, if it has no newline.
    pub(crate) fn finish(&mut self, builder: &mut TableBuilder, warnings: &mut Warnings) -> Result<(), IoError> {
        let state = &mut self.state;
        self.lines.finish(|line| state.read_line(line, builder, warnings))?;
        if let Some(ragged) = state.ragged.refusal(state.rows, 2) {
            let (width, first) = state.positional_width.unwrap_or_default();
            let message = format!(
                "{ragged} of {} captured rows do not hold the {width} unnamed values of line {first}, and their \
                 counts vary: these records do not describe one table",
                state.rows
            );
            return Err(IoError::new(&state.file, ErrorKind::Capture(message)));
        }
        Ok(())
    }
}

fn line_error(file: &str, line: &Line<'_>, kind: ErrorKind) -> IoError {
    IoError::new(file, kind).at_row(line.number).at_byte(line.byte)
}

impl CaptureState {
    fn read_line(
        &mut self,
        line: Line<'_>,
        builder: &mut TableBuilder,
        warnings: &mut Warnings,
    ) -> Result<(), IoError> {
        if line.bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(());
        }
        if let Some(raw) = self.raw_names.take() {
            self.names = unique_names(raw, &self.file, warnings);
        }
        let fail = |message: String| line_error(&self.file, &line, ErrorKind::Capture(message));
        let record: Value = serde_json::from_slice(line.bytes)
            .map_err(|e| line_error(&self.file, &line, ErrorKind::Json(e.to_string())))?;
        let Some(capture) = record.get("captureData") else {
            return Err(fail("line has no captureData (is this a SageMaker data-capture file?)".to_owned()));
        };
        if !capture.is_object() {
            return Err(fail("captureData is not an object".to_owned()));
        }
        let block = |what: &'static str| match capture.get(what) {
            None | Some(Value::Null) => Ok(None),
            Some(block) => block_rows(block, what).map(Some).map_err(|e| fail(e.to_string())),
        };
        let output = block("endpointOutput")?;
        let input = block("endpointInput")?;
        let n_rows = match (&output, &input) {
            (None, None) => return Err(fail("captureData has neither endpointInput nor endpointOutput".to_owned())),
            (Some(rows), None) | (None, Some(rows)) => rows.len(),
            (Some(out), Some(inp)) if out.len() == inp.len() => out.len(),
            (Some(out), Some(inp)) => {
                return Err(fail(format!(
                    "endpointOutput holds {} but endpointInput holds {}; a batch needs one output row per input row",
                    count(out.len()),
                    count(inp.len())
                )))
            }
        };
        if n_rows == 0 {
            let message = format!("line {} captures an empty batch (no rows); it is skipped", line.number);
            warnings.add("empty capture", &self.file, Some(line.number), None, message);
            return Ok(());
        }
        let metadata = record.get("eventMetadata");
        if metadata.and_then(|m| m.get("eventId")).is_none_or(Value::is_null) {
            let message =
                format!("line {} has no eventMetadata.eventId; ground truth cannot join it by eventId", line.number);
            warnings.add("no event id", &self.file, Some(line.number), None, message);
        }
        let metadata: Vec<(String, Option<String>)> = METADATA
            .iter()
            .filter_map(|&key| metadata.and_then(|m| m.get(key)).map(|v| (key.to_owned(), scalar_text(v))))
            .collect();
        let mut outputs = output.map(Vec::into_iter);
        let mut inputs = input.map(Vec::into_iter);
        for _ in 0..n_rows {
            let out = outputs.as_mut().and_then(Iterator::next).unwrap_or_default();
            let inp = inputs.as_mut().and_then(Iterator::next).unwrap_or_default();
            let mut cells = self.cells(out, inp, &line, warnings);
            if cells.is_empty() {
                // A blank payload: a row with nothing but its metadata is no row.
                let message = format!("line {} captures a row with no values; it is skipped", line.number);
                warnings.add("empty capture", &self.file, Some(line.number), None, message);
                continue;
            }
            too_many_columns(cells.len(), &self.file, &line)?;
            cells.extend(metadata.iter().cloned());
            report_repeats(&cells, &self.file, &line, warnings);
            builder.push_named_row(cells.iter().map(|(name, value)| (name.as_str(), value.as_deref())));
            self.rows += 1;
            too_many_columns(builder.n_columns(), &self.file, &line)?;
        }
        Ok(())
    }

    /// Names one row's fields: output then input, positions counted across
    /// both. A row with more or fewer unnamed (CSV) values than the first is
    /// a warning (padded with missing values, as Spark reads CSV); most rows
    /// ragged in varied ways is an error at the end (`ragged.rs`).
    fn cells(
        &mut self,
        output: Row,
        input: Row,
        line: &Line<'_>,
        warnings: &mut Warnings,
    ) -> Vec<(String, Option<String>)> {
        let mut position = 0;
        let mut cells = Vec::with_capacity(output.len() + input.len() + METADATA.len());
        for field in output.into_iter().chain(input) {
            let name = field.name.unwrap_or_else(|| {
                let name = self.positional(position, line, warnings);
                position += 1;
                name
            });
            cells.push((name, field.value));
        }
        match self.positional_width {
            None if position > 0 => self.positional_width = Some((position, line.number)),
            Some((width, first)) if width != position => {
                self.ragged.add(position);
                let message = format!(
                    "line {} holds {} where line {first} held {width}; missing ones are read as missing values",
                    line.number,
                    plural(position as u64, "unnamed value", "unnamed values"),
                );
                warnings.add("capture widths", &self.file, Some(line.number), None, message);
            }
            _ => {}
        }
        cells
    }

    /// The name of positional field `i`: the user's, else `_c{i}`.
    fn positional(&mut self, i: usize, line: &Line<'_>, warnings: &mut Warnings) -> String {
        if let Some(name) = self.names.get(i) {
            return name.clone();
        }
        if !self.names.is_empty() && !self.warned_extra {
            self.warned_extra = true;
            let message = format!(
                "line {} has more positional fields than the column names given ({}); \
                 the extra ones are called {}, {}, ...",
                line.number,
                self.names.len(),
                positional_name(i),
                positional_name(i + 1)
            );
            warnings.add("capture names", &self.file, Some(line.number), None, message);
        }
        positional_name(i)
    }
}

/// Warns when a name repeats within a row (the first cell is kept).
fn report_repeats(cells: &[(String, Option<String>)], file: &str, line: &Line<'_>, warnings: &mut Warnings) {
    let mut seen: hashbrown::HashSet<&str> = hashbrown::HashSet::with_capacity(cells.len());
    for (name, _) in cells {
        if !seen.insert(name) {
            let message = format!(
                "line {} has the field '{name}' twice; the first one (output before input) is kept",
                line.number
            );
            warnings.add("repeated field", file, Some(line.number), Some(name), message);
        }
    }
}

fn too_many_columns(found: usize, file: &str, line: &Line<'_>) -> Result<(), IoError> {
    if found > MAX_COLUMNS {
        return Err(line_error(file, line, ErrorKind::TooManyColumns { found, limit: MAX_COLUMNS }));
    }
    Ok(())
}

fn count(n: usize) -> String {
    if n == 1 {
        "1 row".to_owned()
    } else {
        format!("{n} rows")
    }
}
