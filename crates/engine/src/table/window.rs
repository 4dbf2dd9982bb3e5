//! A window of a table as if it were a file of its own: the kept rows of
//! some columns, with each column's Deequ cell classes recounted from the
//! kept values, so a window's completeness and data type are its own (a
//! plain [`super::take_rows`] keeps the whole file's counts).
//!
//! The classes come from the stored values: a dictionary entry or a text
//! cell is classified again as Deequ would; a number column whose file mixed
//! integral and fractional cells splits them by value (`2` and `2.0` are
//! then both integral, the one case where the text is needed and lost).

use super::select::take_columns_rows;
use super::{Column, ColumnData, Table, MISSING_CODE, MISSING_TIMESTAMP};
use crate::types::{read_cell, Cell, DeequCounts};

/// The `rows` of `columns` of `table`, Deequ counts recounted.
#[must_use]
pub fn take_window(table: &Table, columns: &[&Column], rows: &[usize]) -> Table {
    let mut window = take_columns_rows(table, columns, rows);
    for (column, original) in window.columns.iter_mut().zip(columns) {
        column.deequ = recount(&column.data, &original.deequ);
    }
    window
}

fn classify(counts: &mut DeequCounts, text: &str, times: u64) {
    match read_cell(text, true) {
        Cell::Missing(_) => counts.null += times,
        Cell::Number { fractional: false, .. } => counts.integral += times,
        Cell::Number { fractional: true, .. } => counts.fractional += times,
        Cell::Boolean(_) => counts.boolean += times,
        Cell::Text(_) => counts.string += times,
    }
}

fn recount(data: &ColumnData, file: &DeequCounts) -> DeequCounts {
    let mut counts = DeequCounts::default();
    match data {
        ColumnData::Numeric(values) => {
            for v in values {
                if v.is_nan() {
                    counts.null += 1;
                } else if file.fractional == 0 || (file.integral > 0 && v.fract() == 0.0) {
                    counts.integral += 1;
                } else {
                    counts.fractional += 1;
                }
            }
        }
        ColumnData::Categorical { dictionary, codes } => {
            let mut per_code = vec![0_u64; dictionary.len()];
            for &code in codes {
                match per_code.get_mut(code as usize) {
                    Some(n) if code != MISSING_CODE => *n += 1,
                    _ => counts.null += 1,
                }
            }
            for (value, &n) in dictionary.iter().zip(&per_code) {
                if n > 0 {
                    classify(&mut counts, value, n);
                }
            }
        }
        ColumnData::Boolean(values) => {
            for v in values {
                if v.is_some() {
                    counts.boolean += 1;
                } else {
                    counts.null += 1;
                }
            }
        }
        ColumnData::Text(text) => {
            for i in 0..text.present.len() {
                match text.get(i) {
                    Some(t) => classify(&mut counts, t, 1),
                    None => counts.null += 1,
                }
            }
        }
        ColumnData::Timestamp(values) => {
            for &t in values {
                if t == MISSING_TIMESTAMP {
                    counts.null += 1;
                } else {
                    counts.string += 1;
                }
            }
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::{load_bytes, LoadOptions};

    #[test]
    fn a_window_has_its_own_completeness_and_types() {
        let csv = b"x,s,f\n1,a,1.5\n,b,2\n3,,x\n4,c,\n";
        let table = load_bytes("t.csv", csv, LoadOptions::default()).unwrap().table;
        let columns: Vec<&Column> = table.columns.iter().collect();
        let window = take_window(&table, &columns, &[0, 3]);
        let x = &window.column("x").unwrap().deequ;
        assert_eq!((x.null, x.integral), (0, 2));
        let s = &window.column("s").unwrap().deequ;
        assert_eq!((s.null, s.string), (0, 2));
        let f = &window.column("f").unwrap().deequ;
        assert_eq!((f.null, f.fractional, f.string), (1, 1, 0));
        let whole = &table.column("f").unwrap().deequ;
        assert_eq!((whole.null, whole.string), (1, 1));
        let some = take_window(&table, &columns[..1], &[1]);
        assert_eq!((some.columns.len(), some.column("x").unwrap().deequ.null), (1, 1));
    }
}
