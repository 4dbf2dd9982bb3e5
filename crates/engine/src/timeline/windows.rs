//! Splitting rows into windows: by a timestamp column (calendar units or
//! spans, see [`WindowSpec`]) or by row count.
//!
//! Rows without a usable timestamp are never dropped silently: they are listed
//! in [`Windows::missing_timestamp_rows`]. Time windows cover the whole span
//! from the first to the last timestamp, empty windows included, so a day
//! without data shows up as a gap rather than disappearing.

use serde::{Deserialize, Serialize};

use super::calendar::{anchor, window_index, window_start};
use super::chunking::{size_chunks, Incomplete};
use super::error::TimelineError;
use super::window_spec::WindowSpec;
use crate::table::{Column, ColumnData, MISSING_TIMESTAMP};
use crate::types::{format_timestamp_millis, parse_datetime_millis};

/// Most windows one split may produce.
pub const MAX_WINDOWS: usize = 100_000;

/// One window of rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Window {
    /// `"2024-03-11T00:00:00Z/2024-03-18T00:00:00Z"` for a time window,
    /// NannyML's `"[first:last]"` positions for a row window.
    pub label: String,
    /// Inclusive start (epoch ms, UTC) of a time window; `None` for a row window.
    pub start_millis: Option<i64>,
    /// Exclusive end (epoch ms, UTC) of a time window; `None` for a row window.
    pub end_millis: Option<i64>,
    /// Indices of the window's rows in the table, ascending for time windows
    /// and in timestamp order for row windows.
    pub rows: Vec<usize>,
}

/// Windows and the rows that could not be placed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Windows {
    /// Windows in time (or row) order.
    pub windows: Vec<Window>,
    /// Rows whose timestamp is missing or unparseable, ascending.
    pub missing_timestamp_rows: Vec<usize>,
}

/// The time axis of a column: epoch milliseconds, [`MISSING_TIMESTAMP`] where
/// missing. Text and categorical values are parsed with
/// [`parse_datetime_millis`]; values that do not parse count as missing.
///
/// # Errors
/// [`TimelineError::NotTimestamps`] for numeric and boolean columns, whose
/// unit (seconds? milliseconds?) cannot be known.
pub fn timestamps(column: &Column) -> Result<Vec<i64>, TimelineError> {
    let parse = |text: Option<&str>| text.and_then(parse_datetime_millis).unwrap_or(MISSING_TIMESTAMP);
    match &column.data {
        ColumnData::Timestamp(values) => Ok(values.clone()),
        ColumnData::Text(text) => Ok((0..text.present.len()).map(|i| parse(text.get(i))).collect()),
        ColumnData::Categorical { dictionary, codes } => {
            let parsed: Vec<i64> = dictionary.iter().map(|v| parse(Some(v))).collect();
            Ok(codes.iter().map(|&c| parsed.get(c as usize).copied().unwrap_or(MISSING_TIMESTAMP)).collect())
        }
        other => Err(TimelineError::NotTimestamps { column: column.name.clone(), storage: other.storage_name() }),
    }
}

/// Splits `n_rows` rows into windows.
///
/// Time windows need `timestamps`. Row windows take consecutive runs of
/// `size` rows, in timestamp order when `timestamps` is given (as NannyML
/// sorts by its timestamp column), else in file order; the last window may be
/// shorter.
///
/// # Errors
/// [`TimelineError::WindowSpec`] for a time window without timestamps,
/// [`TimelineError::TooManyWindows`] past [`MAX_WINDOWS`],
/// [`TimelineError::Chunking`] for a row window of size 0.
pub fn split(timestamps: Option<&[i64]>, n_rows: usize, spec: WindowSpec) -> Result<Windows, TimelineError> {
    match spec {
        WindowSpec::Rows { size } => split_rows(timestamps, n_rows, size, Incomplete::Keep),
        WindowSpec::Time { count, unit } => {
            let Some(times) = timestamps else {
                return Err(TimelineError::WindowSpec {
                    spec: spec.to_string(),
                    reason: "a time window needs a timestamp column",
                });
            };
            let (placed, missing) = present_rows(times, n_rows);
            let Some(first) = placed.iter().map(|&(_, t)| t).min() else {
                return Ok(Windows { windows: Vec::new(), missing_timestamp_rows: missing });
            };
            let start = anchor(first, unit);
            let index_of = |t| window_index(t, start, count, unit);
            let first_index = index_of(first);
            let last_index = placed.iter().map(|&(_, t)| index_of(t)).max().unwrap_or(first_index);
            let span = last_index - first_index;
            if usize::try_from(span).ok().is_none_or(|span| span >= MAX_WINDOWS) {
                return Err(TimelineError::TooManyWindows {
                    count: span.saturating_add(1),
                    spec: spec.to_string(),
                    max: MAX_WINDOWS,
                });
            }
            let mut windows: Vec<Window> = (first_index..=last_index)
                .map(|i| {
                    let (from, to) =
                        (window_start(start, i, count, unit), window_start(start, i.saturating_add(1), count, unit));
                    Window {
                        label: format!("{}/{}", format_timestamp_millis(from), format_timestamp_millis(to)),
                        start_millis: Some(from),
                        end_millis: Some(to),
                        rows: Vec::new(),
                    }
                })
                .collect();
            for (row, t) in placed {
                let index = usize::try_from(index_of(t).saturating_sub(first_index)).unwrap_or(usize::MAX);
                if let Some(window) = windows.get_mut(index) {
                    window.rows.push(row);
                }
            }
            Ok(Windows { windows, missing_timestamp_rows: missing })
        }
    }
}

/// Rows with a timestamp (with it) and rows without, both ascending.
fn present_rows(times: &[i64], n_rows: usize) -> (Vec<(usize, i64)>, Vec<usize>) {
    let mut placed = Vec::with_capacity(n_rows);
    let mut missing = Vec::new();
    for row in 0..n_rows {
        match times.get(row) {
            Some(&t) if t != MISSING_TIMESTAMP => placed.push((row, t)),
            _ => missing.push(row),
        }
    }
    (placed, missing)
}

/// Row windows of `size` over rows in timestamp order (stable) or file order.
pub(crate) fn split_rows(
    timestamps: Option<&[i64]>,
    n_rows: usize,
    size: usize,
    incomplete: Incomplete,
) -> Result<Windows, TimelineError> {
    let (order, missing) = match timestamps {
        Some(times) => {
            let (mut placed, missing) = present_rows(times, n_rows);
            placed.sort_by_key(|&(_, t)| t);
            (placed.into_iter().map(|(row, _)| row).collect(), missing)
        }
        None => ((0..n_rows).collect::<Vec<_>>(), Vec::new()),
    };
    Ok(Windows { windows: size_chunks(&order, size, incomplete)?, missing_timestamp_rows: missing })
}
