//! SageMaker ground-truth JSON Lines, and joining the labels to captured rows
//! (spec §1).
//!
//! A ground-truth file holds one label per line,
//! `{"groundTruthData":{"data":"1","encoding":"CSV"},"eventMetadata":{"eventId":"..."},"eventVersion":"0"}`,
//! and is read into two columns, `groundTruthData` (the label) and `eventId`.
//! SageMaker only supports `CSV` labels (the text, less a trailing newline; a
//! single quoted field is unquoted); `JSON` (the value's text) and `BASE64`
//! (decoded text) are accepted too.
//!
//! [`merge_ground_truth`] applies Model Monitor's rule: a captured row with an
//! `inferenceId` takes the label whose `eventId` equals that inferenceId, any
//! other row the label whose `eventId` equals its own `eventId`. Unlike the
//! service's inner join, every captured row is kept (a row without a label has
//! a missing `groundTruthData`), and the [`MergeReport`] counts what did not match.

use hashbrown::{HashMap, HashSet};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::capture_payload::{base64_text, csv_rows, data_text, encoding, Encoding};
use super::error::{ErrorKind, IoError};
use super::json::scalar_text;
use super::lines::{Line, LineSplitter};
use super::payload_error::PayloadError;
use super::warning::Warnings;
use crate::roles::{set_role, Role};
use crate::table::{ColumnBuilder, Table, TableBuilder};

/// The label column, in ground truth and in the merged table.
const LABEL: &str = "groundTruthData";
const EVENT_ID: &str = "eventId";
const INFERENCE_ID: &str = "inferenceId";

/// Reads a ground-truth file, line by line.
#[derive(Debug)]
pub(crate) struct GroundTruthReader {
    file: String,
    lines: LineSplitter,
    rows: u64,
}

impl GroundTruthReader {
    /// A reader for `file`.
    pub(crate) fn new(file: &str) -> Self {
        Self { file: file.to_owned(), lines: LineSplitter::default(), rows: 0 }
    }

    /// Labels read so far.
    pub(crate) fn rows(&self) -> u64 {
        self.rows
    }

    /// Reads the complete lines of the next chunk.
    pub(crate) fn feed(
        &mut self,
        chunk: &[u8],
        builder: &mut TableBuilder,
        _warnings: &mut Warnings,
    ) -> Result<(), IoError> {
        let (file, rows) = (&self.file, &mut self.rows);
        self.lines.feed(chunk, |line| read_line(file, rows, &line, builder))
    }

    /// Reads the last line, if it has no newline.
    pub(crate) fn finish(&mut self, builder: &mut TableBuilder, _warnings: &mut Warnings) -> Result<(), IoError> {
        let (file, rows) = (&self.file, &mut self.rows);
        self.lines.finish(|line| read_line(file, rows, &line, builder))
    }
}

fn read_line(file: &str, rows: &mut u64, line: &Line<'_>, builder: &mut TableBuilder) -> Result<(), IoError> {
    if line.bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(());
    }
    let at = |kind: ErrorKind| IoError::new(file, kind).at_row(line.number).at_byte(line.byte);
    let record: Value = serde_json::from_slice(line.bytes).map_err(|e| at(ErrorKind::Json(e.to_string())))?;
    let Some(block) = record.get(LABEL) else {
        let message = "line has no groundTruthData (is this a SageMaker ground-truth file?)";
        return Err(at(ErrorKind::GroundTruth(message.to_owned())));
    };
    let label = label(block).map_err(|e| at(ErrorKind::GroundTruth(e.to_string())))?;
    let event_id = record.get("eventMetadata").and_then(|m| m.get(EVENT_ID)).and_then(scalar_text);
    let Some(event_id) = event_id else {
        return Err(at(ErrorKind::GroundTruth("line has no eventMetadata.eventId".to_owned())));
    };
    builder.push_named_row([(LABEL, label.as_deref()), (EVENT_ID, Some(event_id.as_str()))]);
    *rows += 1;
    Ok(())
}

/// The label text of a `groundTruthData` block; `None` for a null `data`.
fn label(block: &Value) -> Result<Option<String>, PayloadError> {
    let Some(block) = block.as_object() else {
        return Err(PayloadError::NotAnObject { what: LABEL });
    };
    if block.get("data").is_some_and(Value::is_null) {
        return Ok(None);
    }
    let data = data_text(block, LABEL)?;
    match encoding(block, LABEL)? {
        Encoding::Csv => Ok(Some(csv_label(&data))),
        Encoding::Json => match block.get("data") {
            Some(Value::String(text)) => json_label(text),
            inline => Ok(inline.and_then(scalar_text)),
        },
        Encoding::Base64 => {
            let text = base64_text(&data, LABEL)?;
            let content_type = block.get("observedContentType").and_then(Value::as_str).unwrap_or("");
            if content_type.to_ascii_lowercase().contains("json") {
                json_label(&text)
            } else {
                Ok(Some(csv_label(&text)))
            }
        }
    }
}

/// The text less a trailing newline; a single quoted CSV field is unquoted.
fn csv_label(text: &str) -> String {
    let trimmed = text.strip_suffix('\n').unwrap_or(text);
    let trimmed = trimmed.strip_suffix('\r').unwrap_or(trimmed);
    let single_field = || {
        let [row] = <[Vec<String>; 1]>::try_from(csv_rows(trimmed)?).ok()?;
        let [field] = <[String; 1]>::try_from(row).ok()?;
        Some(field)
    };
    match trimmed.starts_with('"').then(single_field).flatten() {
        Some(field) => field,
        None => trimmed.to_owned(),
    }
}

fn json_label(text: &str) -> Result<Option<String>, PayloadError> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| PayloadError::Json { what: LABEL, reason: e.to_string() })?;
    Ok(scalar_text(&value))
}

/// Why ground truth could not be merged.
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum MergeError {
    /// The ground-truth table lacks the `eventId` column.
    #[error("the ground truth has no eventId column")]
    NoGroundTruthId,
    /// The ground-truth table lacks the `groundTruthData` column.
    #[error("the ground truth has no groundTruthData column")]
    NoGroundTruthLabel,
    /// The captured table has neither join column.
    #[error("the captured data has neither an inferenceId nor an eventId column")]
    NoCaptureId,
    /// A column named for the join is absent.
    #[error("the {table} has no column {column}")]
    MissingColumn {
        /// Which table.
        table: String,
        /// The column.
        column: String,
    },
}

/// What a merge matched, and what it could not.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct MergeReport {
    /// Captured rows that found a label.
    pub matched: u64,
    /// Captured rows with no label (kept, with a missing label).
    pub unmatched_capture: u64,
    /// Distinct label ids that match no captured row, plus labels without an id.
    pub unmatched_ground_truth: u64,
    /// Label records beyond the first for an id (the last record is used).
    pub duplicate_ground_truth_ids: u64,
    /// Captured rows whose join id repeats an earlier captured row's.
    pub duplicate_capture_ids: u64,
}

impl MergeReport {
    /// A one-line summary in plain English.
    ///
    /// # Examples
    /// ```
    /// use tideline_engine::io::MergeReport;
    /// let report =
    ///     MergeReport { matched: 3, unmatched_capture: 1, unmatched_ground_truth: 2, ..MergeReport::default() };
    /// assert_eq!(
    ///     report.describe(),
    ///     "3 of 4 captured rows have a ground-truth label (1 has none); 2 labels match no captured row."
    /// );
    /// ```
    #[must_use]
    pub fn describe(&self) -> String {
        let total = self.matched + self.unmatched_capture;
        let has = if self.unmatched_capture == 1 { "has" } else { "have" };
        let mut parts = vec![
            format!(
                "{} of {} have a ground-truth label ({} {has} none)",
                self.matched,
                plural(total, "captured row", "captured rows"),
                self.unmatched_capture
            ),
            format!("{} match no captured row", plural(self.unmatched_ground_truth, "label", "labels")),
        ];
        if self.duplicate_ground_truth_ids > 0 {
            let n = plural(self.duplicate_ground_truth_ids, "repeated ground-truth id", "repeated ground-truth ids");
            parts.push(format!("{n} (the last label wins)"));
        }
        if self.duplicate_capture_ids > 0 {
            let n = plural(self.duplicate_capture_ids, "captured row repeats", "captured rows repeat");
            parts.push(format!("{n} an earlier row's id"));
        }
        format!("{}.", parts.join("; "))
    }
}

fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The merged table and its counts.
#[derive(Debug, Clone, PartialEq)]
pub struct MergeResult {
    /// Every captured row, with a `groundTruthData` column whose role is [`Role::Label`].
    pub table: Table,
    /// What matched.
    pub report: MergeReport,
}

/// Joins ground-truth labels to captured rows (a left join on the captured side).
///
/// A captured row's id is its `inferenceId` when it has one, else its
/// `eventId`; it takes the label whose `eventId` equals that id (ids compare
/// by their category key, so numeric ids work). When an id has several labels
/// the last one wins (a later upload corrects an earlier one). The label
/// column, `groundTruthData`, replaces one of that name or is appended; its
/// type is inferred from the matched labels (numbers in canonical form), and
/// it takes the Label role from any column that had it.
///
/// # Errors
/// A ground truth without `eventId` or `groundTruthData` columns, or captured
/// data with neither `inferenceId` nor `eventId`.
///
/// # Examples
/// ```
/// use tideline_engine::io::{load_bytes, merge_ground_truth, LoadOptions};
/// let capture = br#"{"captureData":{"endpointOutput":{"data":"0.9","encoding":"CSV"}},"eventMetadata":{"eventId":"a"}}
/// {"captureData":{"endpointOutput":{"data":"0.2","encoding":"CSV"}},"eventMetadata":{"eventId":"b"}}"#;
/// let labels = br#"{"groundTruthData":{"data":"1","encoding":"CSV"},"eventMetadata":{"eventId":"a"}}"#;
/// let capture = load_bytes("capture.jsonl", capture, LoadOptions::default()).unwrap().table;
/// let labels = load_bytes("labels.jsonl", labels, LoadOptions::default()).unwrap().table;
/// let merged = merge_ground_truth(&capture, &labels).unwrap();
/// let label = merged.table.column("groundTruthData").unwrap();
/// assert_eq!(label.data.category_key(0).as_deref(), Some("1"));
/// assert!(label.data.is_missing(1));
/// assert_eq!((merged.report.matched, merged.report.unmatched_capture), (1, 1));
/// ```
pub fn merge_ground_truth(capture: &Table, ground_truth: &Table) -> Result<MergeResult, MergeError> {
    if ground_truth.column(EVENT_ID).is_none() {
        return Err(MergeError::NoGroundTruthId);
    }
    if ground_truth.column(LABEL).is_none() {
        return Err(MergeError::NoGroundTruthLabel);
    }
    if capture.column(INFERENCE_ID).is_none() && capture.column(EVENT_ID).is_none() {
        return Err(MergeError::NoCaptureId);
    }
    let keys = JoinKeys {
        capture_ids: vec![INFERENCE_ID.to_owned(), EVENT_ID.to_owned()],
        truth_id: EVENT_ID.to_owned(),
        label: LABEL.to_owned(),
    };
    merge_labels(capture, ground_truth, &keys)
}

/// Which columns a label join uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoinKeys {
    /// Id columns of the captured rows, in order of preference: a row's id
    /// is its first non-missing one.
    pub capture_ids: Vec<String>,
    /// The id column of the labels.
    pub truth_id: String,
    /// The label column of the labels (kept under this name in the result).
    pub label: String,
}

/// Joins the labels of any table to captured rows by id columns (a left
/// join on the captured side, counted as [`merge_ground_truth`] counts).
///
/// # Errors
/// A named column that is absent.
pub fn merge_labels(capture: &Table, ground_truth: &Table, keys: &JoinKeys) -> Result<MergeResult, MergeError> {
    let missing =
        |table: &str, name: &str| MergeError::MissingColumn { table: table.to_owned(), column: name.to_owned() };
    let label_ids = ground_truth.column(&keys.truth_id).ok_or_else(|| missing("ground truth", &keys.truth_id))?;
    let labels = ground_truth.column(&keys.label).ok_or_else(|| missing("ground truth", &keys.label))?;
    let capture_ids: Vec<_> = keys.capture_ids.iter().filter_map(|name| capture.column(name)).collect();
    if capture_ids.is_empty() {
        return Err(missing("captured data", &keys.capture_ids.join(" or ")));
    }
    let mut report = MergeReport::default();
    // id -> (row of its last label, whether a captured row used it)
    let mut by_id: HashMap<String, (usize, bool)> = HashMap::with_capacity(ground_truth.n_rows);
    for row in 0..ground_truth.n_rows {
        match label_ids.data.category_key(row) {
            Some(id) => {
                if by_id.insert(id, (row, false)).is_some() {
                    report.duplicate_ground_truth_ids += 1;
                }
            }
            None => report.unmatched_ground_truth += 1,
        }
    }
    let mut seen: HashSet<String> = HashSet::with_capacity(capture.n_rows);
    let mut column = ColumnBuilder::new(keys.label.clone(), 0);
    for row in 0..capture.n_rows {
        let id = capture_ids.iter().find_map(|c| c.data.category_key(row));
        let found = id.as_ref().and_then(|id| by_id.get_mut(id)).map(|(label_row, used)| {
            *used = true;
            *label_row
        });
        match found.and_then(|label_row| labels.data.category_key(label_row)) {
            Some(text) => column.push(&text, false),
            None => column.push_null(),
        }
        if found.is_some() {
            report.matched += 1;
        } else {
            report.unmatched_capture += 1;
        }
        if id.is_some_and(|id| !seen.insert(id)) {
            report.duplicate_capture_ids += 1;
        }
    }
    report.unmatched_ground_truth += by_id.values().filter(|(_, used)| !used).count() as u64;
    let mut table = capture.clone();
    let column = column.finish();
    match table.column_mut(&keys.label) {
        Some(existing) => *existing = column,
        None => table.columns.push(column),
    }
    set_role(&mut table, &keys.label, Role::Label);
    Ok(MergeResult { table, report })
}
