//! NannyML-style reference chunking (`nannyml/chunk.py`, 0.13.1).
//!
//! - `chunk_size` (`SizeBasedChunker`): consecutive runs of `chunk_size` rows;
//!   the leftover is kept as a shorter chunk, dropped, or appended to the last
//!   full chunk.
//! - `chunk_number` (`CountBasedChunker`): `chunk_size = n_rows / chunk_number`
//!   (integer division), then as above.
//! - `chunk_period` (`PeriodBasedChunker`): one chunk per calendar period that
//!   holds rows; NannyML's `groupby(to_period(..))` yields no empty chunks.
//! - default (`DefaultChunker`): `n_rows / 10` rows per chunk, leftover kept.
//!
//! With a timestamp column NannyML first sorts rows by time; so do we (stably,
//! where pandas' default sort is not: rows with equal timestamps keep file
//! order here). Unlike NannyML, rows without a timestamp are reported in
//! [`Windows::missing_timestamp_rows`] instead of being sorted last (size
//! chunks) or dropped (period chunks).

use serde::{Deserialize, Serialize};

use super::error::TimelineError;
use super::window_spec::WindowSpec;
use super::windows::{split, split_rows, Window, Windows};

/// What to do with rows that do not fill a last chunk (NannyML's `incomplete`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Incomplete {
    /// Keep them as a shorter last chunk (NannyML's default).
    #[default]
    Keep,
    /// Drop them.
    Drop,
    /// Append them to the last full chunk.
    Append,
}

/// NannyML's chunkers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Chunker {
    /// `chunk_size`: rows per chunk.
    Size {
        /// Rows per chunk.
        chunk_size: usize,
        /// Leftover handling.
        incomplete: Incomplete,
    },
    /// `chunk_number`: about this many chunks.
    Number {
        /// Wanted number of chunks.
        chunk_number: usize,
        /// Leftover handling.
        incomplete: Incomplete,
    },
    /// `chunk_period`: one chunk per non-empty time window.
    Period(WindowSpec),
    /// NannyML's default: `n_rows / 10` rows per chunk.
    Default,
}

impl Chunker {
    /// The reference chunker matching the windows of the current data: row
    /// windows give chunks of the same size (leftover kept), time windows
    /// chunks of the same period.
    #[must_use]
    pub fn matching(spec: WindowSpec) -> Self {
        match spec {
            WindowSpec::Rows { size } => Self::Size { chunk_size: size, incomplete: Incomplete::Keep },
            WindowSpec::Time { .. } => Self::Period(spec),
        }
    }

    /// Splits `n_rows` rows (with their timestamps, if any) into chunks.
    ///
    /// # Errors
    /// [`TimelineError::Chunking`] where NannyML raises too: a chunk size of 0
    /// (also from `chunk_number` or the default chunker on fewer rows than
    /// chunks), `Append` with no full chunk, a period without timestamps.
    pub fn split(&self, n_rows: usize, timestamps: Option<&[i64]>) -> Result<Windows, TimelineError> {
        let by_count = |chunks: usize, incomplete| {
            if n_rows == 0 {
                return Ok(Windows::default());
            }
            split_rows(timestamps, n_rows, n_rows / chunks.max(1), incomplete)
        };
        match *self {
            Self::Size { chunk_size, incomplete } => split_rows(timestamps, n_rows, chunk_size, incomplete),
            Self::Number { chunk_number: 0, .. } => {
                Err(TimelineError::Chunking { n_rows, reason: "chunk_number must be at least 1".to_owned() })
            }
            Self::Number { chunk_number, incomplete } => by_count(chunk_number, incomplete),
            Self::Default => by_count(DEFAULT_CHUNK_COUNT, Incomplete::Keep),
            Self::Period(spec) => {
                if timestamps.is_none() {
                    return Err(TimelineError::Chunking {
                        n_rows,
                        reason: "period chunking needs a timestamp column".to_owned(),
                    });
                }
                let mut windows = split(timestamps, n_rows, spec)?;
                windows.windows.retain(|w| !w.rows.is_empty());
                Ok(windows)
            }
        }
    }
}

/// NannyML's `DefaultChunker.DEFAULT_CHUNK_COUNT`.
pub const DEFAULT_CHUNK_COUNT: usize = 10;

/// Chunks of `size` consecutive entries of `order` (row indices), labelled
/// with NannyML's `"[first:last]"` positions.
pub(crate) fn size_chunks(order: &[usize], size: usize, incomplete: Incomplete) -> Result<Vec<Window>, TimelineError> {
    if size == 0 {
        return Err(TimelineError::Chunking {
            n_rows: order.len(),
            reason: "the chunk size is 0 (fewer rows than chunks?)".to_owned(),
        });
    }
    let chunk = |from: usize, rows: &[usize]| Window {
        label: format!("[{from}:{}]", from + rows.len().saturating_sub(1)),
        start_millis: None,
        end_millis: None,
        rows: rows.to_vec(),
    };
    let full = order.len() / size * size;
    let (complete, leftover) = order.split_at(full);
    let mut chunks: Vec<Window> = complete.chunks(size).enumerate().map(|(i, rows)| chunk(i * size, rows)).collect();
    if leftover.is_empty() {
        return Ok(chunks);
    }
    match incomplete {
        Incomplete::Keep => chunks.push(chunk(full, leftover)),
        Incomplete::Drop => {}
        Incomplete::Append => {
            let Some(last) = chunks.last_mut() else {
                return Err(TimelineError::Chunking {
                    n_rows: order.len(),
                    reason: format!("no full chunk of {size} rows to append the leftover to"),
                });
            };
            last.rows.extend_from_slice(leftover);
            last.label = format!("[{}:{}]", full - size, order.len() - 1);
        }
    }
    Ok(chunks)
}
