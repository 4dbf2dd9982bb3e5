//! Pushing many delimited lines at once. Natively the lines are shared out
//! among threads by rows: each thread reads a contiguous run of lines into
//! columns of its own, appended in order afterwards, so the result is the
//! same as one thread's; in the browser one thread reads them all.

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

impl LinesReport {
    /// Adds the report of the run that follows this one.
    #[cfg(any(test, not(target_arch = "wasm32")))]
    fn then(&mut self, next: Self) {
        let offset = self.rows;
        self.ragged.extend(next.ragged.into_iter().map(|(row, n)| (row + offset, n)));
        self.rows += next.rows;
        self.blank_lines += next.blank_lines;
    }
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
        let threads = Self::threads_for(lines.len());
        let report = if threads <= 1 {
            push_into(&mut self.columns, lines, delimiter, strict)
        } else {
            parallel(&mut self.columns, threads, lines, delimiter, strict)
        };
        self.n_rows += report.rows;
        report
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn threads_for(bytes: usize) -> usize {
        if bytes < PARALLEL_BYTES {
            return 1;
        }
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get).min(8)
    }

    #[cfg(target_arch = "wasm32")]
    fn threads_for(_bytes: usize) -> usize {
        1
    }
}

/// `lines` cut into `parts` runs of whole lines of about equal size.
#[cfg(any(test, not(target_arch = "wasm32")))]
pub(crate) fn split_lines(lines: &str, parts: usize) -> Vec<&str> {
    let bytes = lines.as_bytes();
    let mut runs = Vec::with_capacity(parts);
    let mut start = 0;
    for part in 1..parts {
        let target = (lines.len() * part / parts).max(start);
        let Some(newline) = memchr::memchr(b'\n', bytes.get(target..).unwrap_or_default()) else { break };
        let end = target + newline + 1;
        runs.push(lines.get(start..end).unwrap_or_default());
        start = end;
    }
    runs.push(lines.get(start..).unwrap_or_default());
    runs
}

#[cfg(not(target_arch = "wasm32"))]
fn parallel(columns: &mut [ColumnBuilder], threads: usize, lines: &str, delimiter: u8, strict: bool) -> LinesReport {
    let runs = split_lines(lines, threads);
    let Some((first, rest)) = runs.split_first() else { return LinesReport::default() };
    // Each later run reads into empty columns of its own (they grow as needed).
    let mut later: Vec<(Vec<ColumnBuilder>, &str)> =
        rest.iter().map(|run| (columns.iter().map(|c| c.empty_like(0)).collect(), *run)).collect();
    let mut report = std::thread::scope(|scope| {
        let handles: Vec<_> =
            later.iter_mut().map(|(own, run)| scope.spawn(move || push_into(own, run, delimiter, strict))).collect();
        let report = push_into(columns, first, delimiter, strict);
        (report, handles.into_iter().map(|h| h.join().unwrap_or_default()).collect::<Vec<_>>())
    });
    for ((own, _), next) in later.into_iter().zip(report.1) {
        for (column, part) in columns.iter_mut().zip(own) {
            column.append(part);
        }
        report.0.then(next);
    }
    report.0
}

#[cfg(target_arch = "wasm32")]
fn parallel(columns: &mut [ColumnBuilder], _threads: usize, lines: &str, delimiter: u8, strict: bool) -> LinesReport {
    push_into(columns, lines, delimiter, strict)
}

/// Bytes that can be part of a number: with such a delimiter a field cannot
/// be read in place (the number could run on past it).
const NUMBER_BYTES: &[u8] = b"0123456789.eE+- ";

/// Reads every line of `lines` into `columns`.
pub(crate) fn push_into(columns: &mut [ColumnBuilder], lines: &str, delimiter: u8, strict: bool) -> LinesReport {
    let mut report = LinesReport::default();
    let n_columns = columns.len();
    let in_place = !NUMBER_BYTES.contains(&delimiter);
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', lines.as_bytes()) {
        let raw = lines.get(start..end).unwrap_or_default();
        start = end + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.is_empty() {
            report.blank_lines += 1;
            continue;
        }
        let bytes = line.as_bytes();
        let mut at = 0;
        let mut index = 0;
        loop {
            let column = columns.get_mut(index);
            let rest = bytes.get(at..).unwrap_or_default();
            // Most cells are numbers followed by the delimiter: parsed in place.
            let used = match column {
                Some(column) if in_place => column.push_number_prefix(rest, delimiter),
                _ => None,
            };
            let cut = match used {
                Some(used) => at + used,
                None => {
                    let cut = memchr::memchr(delimiter, rest).map_or(line.len(), |c| at + c);
                    if let Some(column) = columns.get_mut(index) {
                        column.push(line.get(at..cut).unwrap_or_default(), strict);
                    }
                    cut
                }
            };
            index += 1;
            if cut >= line.len() {
                break;
            }
            at = cut + 1;
        }
        for column in columns.iter_mut().skip(index) {
            column.push_null();
        }
        if index != n_columns {
            report.ragged.push((report.rows, index));
        }
        report.rows += 1;
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines whose columns change state part-way: numbers that turn to text
    /// late, text that starts as numbers, missing markers, ragged and blank lines.
    fn mixed_lines(rows: usize) -> String {
        let mut text = String::new();
        for i in 0..rows {
            let late_text =
                if i > rows * 3 / 4 && i % 97 == 0 { "n/a-ish".to_owned() } else { format!("{}.5", i % 13) };
            let category = if i % 5 == 0 { "7".to_owned() } else { format!("c{}", i % 7) };
            let missing = if i % 11 == 0 { "NA" } else { "" };
            match i % 501 {
                17 => text.push_str("1,2\n"),
                42 => text.push('\n'),
                99 => text.push_str(&format!("{i},x,y,1,2,3,4\n")),
                _ => text.push_str(&format!("{i},{late_text},{category},{missing},1e400\r\n")),
            }
        }
        text
    }

    fn names() -> Vec<String> {
        ["id", "late", "category", "sparse", "huge"].map(String::from).to_vec()
    }

    fn markers(b: &TableBuilder) -> Vec<(u64, u64)> {
        b.columns.iter().map(|c| (c.not_a_number_cells, c.infinite_cells)).collect()
    }

    /// NaN-safe equality of finished tables.
    fn json(builder: TableBuilder) -> String {
        serde_json::to_string(&builder.finish()).unwrap()
    }

    #[test]
    fn rows_split_among_threads_give_the_one_thread_table() {
        let lines = mixed_lines(40_000);
        let mut one = TableBuilder::new(names(), false);
        let one_report = push_into(&mut one.columns, &lines, b',', false);
        assert!(one_report.ragged.len() > 100 && one_report.blank_lines > 50, "{one_report:?}");
        for threads in [2, 3, 7] {
            let mut many = TableBuilder::new(names(), false);
            let report = parallel(&mut many.columns, threads, &lines, b',', false);
            assert_eq!(report, one_report, "{threads} threads");
            assert_eq!(markers(&many), markers(&one), "{threads} threads");
            let mut again = TableBuilder::new(names(), false);
            push_into(&mut again.columns, &lines, b',', false);
            assert_eq!(json(many), json(again), "{threads} threads");
        }
        let table = one.finish();
        assert_eq!(table.columns[1].data.len(), 40_000 - one_report.blank_lines);
        assert!(matches!(table.columns[1].data, super::super::ColumnData::Categorical { .. }));
        assert!(matches!(table.columns[0].data, super::super::ColumnData::Numeric(_)));
    }

    #[test]
    fn split_lines_cuts_at_line_ends() {
        let lines = "a,1\nbb,22\nccc,333\nd,4\n";
        for parts in 1..8 {
            let runs = split_lines(lines, parts);
            assert_eq!(runs.concat(), lines, "{parts}");
            assert!(runs.iter().all(|r| r.is_empty() || r.ends_with('\n')), "{parts}: {runs:?}");
        }
    }
}
