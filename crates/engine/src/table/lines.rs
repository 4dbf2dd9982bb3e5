//! Pushing many delimited lines at once. Natively the columns are shared out
//! among threads (each thread owns whole columns and reads them in row order,
//! so the result is the same as one thread's); in the browser one thread reads them all.

use super::builder::ColumnBuilder;
use super::TableBuilder;

/// What a run of lines held.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct LinesReport {
    /// Rows added.
    pub rows: usize,
    /// Empty lines skipped.
    pub blank_lines: usize,
    /// Rows (0-based in the run) whose field count differs from the columns', with that count.
    pub ragged: Vec<(usize, usize)>,
}

/// Below this many bytes a run is read by one thread (spawning costs more).
#[cfg(not(target_arch = "wasm32"))]
const PARALLEL_BYTES: usize = 256 * 1024;

impl TableBuilder {
    /// Appends every line of `lines` (each ending in `\n`, maybe `\r\n`, with
    /// no quote character): fields split at `delimiter`, short rows padded
    /// with missing values, extra fields ignored, empty lines skipped.
    pub fn push_lines(&mut self, lines: &str, delimiter: u8) -> LinesReport {
        let strict = self.strict;
        let n_columns = self.columns.len();
        let threads = Self::threads_for(lines.len(), n_columns);
        let report = if threads <= 1 {
            push_into(&mut self.columns, 0, n_columns, lines, delimiter, strict)
        } else {
            parallel(&mut self.columns, threads, lines, delimiter, strict)
        };
        self.n_rows += report.rows;
        report
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn threads_for(bytes: usize, n_columns: usize) -> usize {
        if bytes < PARALLEL_BYTES || n_columns < 2 {
            return 1;
        }
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get).min(n_columns).min(8)
    }

    #[cfg(target_arch = "wasm32")]
    fn threads_for(_bytes: usize, _n_columns: usize) -> usize {
        1
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn parallel(columns: &mut [ColumnBuilder], threads: usize, lines: &str, delimiter: u8, strict: bool) -> LinesReport {
    let n_columns = columns.len();
    let per_thread = n_columns.div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = columns
            .chunks_mut(per_thread)
            .enumerate()
            .map(|(t, chunk)| {
                scope.spawn(move || push_into(chunk, t * per_thread, n_columns, lines, delimiter, strict))
            })
            .collect();
        // Every thread sees the same lines, so the first one's report is the run's.
        let mut reports = handles.into_iter().map(|h| h.join().unwrap_or_default());
        reports.next().unwrap_or_default()
    })
}

#[cfg(target_arch = "wasm32")]
fn parallel(columns: &mut [ColumnBuilder], _threads: usize, lines: &str, delimiter: u8, strict: bool) -> LinesReport {
    let n_columns = columns.len();
    push_into(columns, 0, n_columns, lines, delimiter, strict)
}

/// Reads the fields `first..first + columns.len()` of every line into `columns`.
fn push_into(
    columns: &mut [ColumnBuilder],
    first: usize,
    n_columns: usize,
    lines: &str,
    delimiter: u8,
    strict: bool,
) -> LinesReport {
    let mut report = LinesReport::default();
    let last = first + columns.len();
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', lines.as_bytes()) {
        let raw = lines.get(start..end).unwrap_or_default();
        start = end + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.is_empty() {
            report.blank_lines += 1;
            continue;
        }
        let mut field_start = 0;
        let mut index = 0;
        for cut in memchr::memchr_iter(delimiter, line.as_bytes()).chain(std::iter::once(line.len())) {
            if index >= first && index < last {
                if let Some(column) = columns.get_mut(index - first) {
                    column.push(line.get(field_start..cut).unwrap_or_default(), strict);
                }
            }
            field_start = cut + 1;
            index += 1;
        }
        for column in columns.iter_mut().skip(index.saturating_sub(first)) {
            column.push_null();
        }
        if index != n_columns {
            report.ragged.push((report.rows, index));
        }
        report.rows += 1;
    }
    report
}
