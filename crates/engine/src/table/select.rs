//! Keeping some rows of a table: one file holding both periods (e.g. Adult's
//! `dataset` = train/test) is split into baseline and current this way.
//!
//! Each column keeps its storage, dictionary, kind and role, so the two
//! parts of one file are judged alike. A part made by [`rows_where`] is a
//! file of its own: its Deequ counts are recounted from its rows (see
//! [`super::take_window`]), so completeness, data type and domain shares are
//! over the part's rows, not the whole file's; [`take_rows`] keeps the
//! whole file's counts.

use super::{Column, ColumnData, Table, TableError, TextColumn};

/// The rows where `column`'s value (as a category key: `1.0` reads `1`)
/// equals `value`, every column's Deequ counts recounted from those rows.
///
/// # Errors
/// [`TableError::NoColumn`] when the table has no such column.
pub fn rows_where(table: &Table, column: &str, value: &str) -> Result<Table, TableError> {
    let data = &table.column(column).ok_or_else(|| TableError::NoColumn { column: column.to_owned() })?.data;
    let keep: Vec<usize> = (0..table.n_rows).filter(|&i| data.category_key(i).as_deref() == Some(value)).collect();
    Ok(super::take_window(table, &table.columns.iter().collect::<Vec<_>>(), &keep))
}

/// The rows at `indices`, in that order (indices beyond the table are skipped).
#[must_use]
pub fn take_rows(table: &Table, indices: &[usize]) -> Table {
    take_columns_rows(table, &table.columns.iter().collect::<Vec<_>>(), indices)
}

/// The rows at `indices` of the given `columns` of `table`, in that order.
#[must_use]
pub fn take_columns_rows(table: &Table, columns: &[&Column], indices: &[usize]) -> Table {
    let indices: Vec<usize> = indices.iter().copied().filter(|&i| i < table.n_rows).collect();
    let columns = columns.iter().map(|c| Column { data: take_data(&c.data, &indices), ..c.clone_empty() }).collect();
    Table { columns, n_rows: indices.len() }
}

impl Column {
    /// The column's metadata with no values (the data is filled in by the caller).
    fn clone_empty(&self) -> Self {
        Self {
            name: self.name.clone(),
            data: ColumnData::Numeric(Vec::new()),
            deequ: self.deequ,
            kind: self.kind,
            kind_overridden: self.kind_overridden,
            role: self.role,
        }
    }
}

fn take_data(data: &ColumnData, indices: &[usize]) -> ColumnData {
    fn pick<T: Copy>(values: &[T], indices: &[usize], missing: T) -> Vec<T> {
        indices.iter().map(|&i| values.get(i).copied().unwrap_or(missing)).collect()
    }
    match data {
        ColumnData::Numeric(v) => ColumnData::Numeric(pick(v, indices, f64::NAN)),
        ColumnData::Categorical { dictionary, codes } => {
            ColumnData::Categorical { dictionary: dictionary.clone(), codes: pick(codes, indices, super::MISSING_CODE) }
        }
        ColumnData::Boolean(v) => ColumnData::Boolean(pick(v, indices, None)),
        ColumnData::Timestamp(v) => ColumnData::Timestamp(pick(v, indices, super::MISSING_TIMESTAMP)),
        ColumnData::Text(t) => {
            let mut out = TextColumn { offsets: vec![0], ..TextColumn::default() };
            for &i in indices {
                let text = t.get(i);
                out.buffer.push_str(text.unwrap_or(""));
                out.offsets.push(out.buffer.len());
                out.present.push(text.is_some());
            }
            ColumnData::Text(out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::{load_bytes, LoadOptions};

    #[test]
    fn splits_one_file_by_a_column() {
        let csv = b"x,s,t,split\n1,a,hello there,train\n2,b,,test\n3,a,bye,train\n";
        let table = load_bytes("t.csv", csv, LoadOptions::default()).unwrap().table;
        let train = rows_where(&table, "split", "train").unwrap();
        assert_eq!(train.n_rows, 2);
        assert_eq!(train.column("x").unwrap().data, ColumnData::Numeric(vec![1.0, 3.0]));
        assert_eq!(train.column("s").unwrap().data.category_key(1).as_deref(), Some("a"));
        assert_eq!(train.column("t").unwrap().data.category_key(1).as_deref(), Some("bye"));
        let test = rows_where(&table, "split", "test").unwrap();
        assert!(test.column("t").unwrap().data.is_missing(0));
        assert!(rows_where(&table, "nope", "x").is_err());
    }

    #[test]
    fn a_part_counts_its_own_cells() {
        // Issue 16: after a split, shares were over the whole file's cells.
        let csv = b"s,t,split\na,hello,train\n,,test\nb,bye,train\nc,,test\n";
        let table = load_bytes("t.csv", csv, LoadOptions::default()).unwrap().table;
        let test = rows_where(&table, "split", "test").unwrap();
        let s = test.column("s").unwrap().deequ;
        assert_eq!((s.present(), s.null), (1, 1));
        let t = test.column("t").unwrap().deequ;
        assert_eq!((t.present(), t.null), (0, 2));
        let train = rows_where(&table, "split", "train").unwrap();
        assert_eq!(train.column("s").unwrap().deequ.present(), 2);
    }
}
