//! Stacking tables (several files on one side, e.g. a folder of capture files).
//!
//! Columns are matched by name, in order of first appearance; a column absent
//! from a part is missing for that part's rows. Parts of the same storage are
//! appended as they are; mixed parts fall back to the column builder, which
//! turns them into categories with numbers in canonical form. Deequ counts
//! add up; kinds are inferred again unless the user chose one.

use super::builder::{infer_kind, ColumnBuilder};
use super::{Column, ColumnData, ColumnsByName, Table, MISSING_CODE, MISSING_TIMESTAMP};

/// Stacks tables vertically.
///
/// # Examples
/// ```
/// use tideline_engine::table::{concat, TableBuilder};
/// let mut a = TableBuilder::new(vec!["x".into()], false);
/// a.push_row(["1"]);
/// let mut b = TableBuilder::new(vec!["x".into(), "y".into()], false);
/// b.push_row(["2.5", "u"]);
/// let t = concat(&[a.finish(), b.finish()]);
/// assert_eq!(t.n_rows, 2);
/// assert_eq!(t.columns.len(), 2);
/// assert!(t.columns[1].data.is_missing(0));
/// ```
#[must_use]
pub fn concat(parts: &[Table]) -> Table {
    let indexes: Vec<ColumnsByName<'_>> = parts.iter().map(ColumnsByName::new).collect();
    let mut seen = hashbrown::HashSet::new();
    let mut names: Vec<&str> = Vec::new();
    for part in parts {
        for column in &part.columns {
            if seen.insert(column.name.as_str()) {
                names.push(&column.name);
            }
        }
    }
    let n_rows = parts.iter().map(|p| p.n_rows).sum();
    let columns = names
        .iter()
        .map(|name| {
            let pieces: Vec<(usize, Option<&Column>)> =
                parts.iter().zip(&indexes).map(|(p, index)| (p.n_rows, index.get(name))).collect();
            concat_column(name, &pieces)
        })
        .collect();
    Table { columns, n_rows }
}

fn concat_column(name: &str, pieces: &[(usize, Option<&Column>)]) -> Column {
    let first = pieces.iter().find_map(|(_, c)| *c);
    let data = append_same_storage(pieces).unwrap_or_else(|| rebuild(name, pieces));
    let mut deequ = crate::types::DeequCounts::default();
    for (n_rows, column) in pieces {
        match column {
            Some(c) => deequ.merge(&c.deequ),
            None => deequ.null += *n_rows as u64,
        }
    }
    let chosen = pieces.iter().filter_map(|(_, c)| *c).find(|c| c.kind_overridden);
    let kind = chosen.map_or_else(|| infer_kind(&data), |c| c.kind);
    Column {
        name: name.to_owned(),
        data,
        deequ,
        kind,
        kind_overridden: chosen.is_some(),
        role: first.map(|c| c.role).unwrap_or_default(),
    }
}

/// Appends directly when every present piece has the same numeric, boolean or timestamp storage.
fn append_same_storage(pieces: &[(usize, Option<&Column>)]) -> Option<ColumnData> {
    let storage = pieces.iter().find_map(|(_, c)| c.map(|c| c.data.storage_name()))?;
    if pieces.iter().any(|(_, c)| c.is_some_and(|c| c.data.storage_name() != storage)) {
        return None;
    }
    match storage {
        "numeric" => {
            let mut out = Vec::new();
            for (n, c) in pieces {
                match c.map(|c| &c.data) {
                    Some(ColumnData::Numeric(v)) => out.extend_from_slice(v),
                    _ => out.resize(out.len() + n, f64::NAN),
                }
            }
            Some(ColumnData::Numeric(out))
        }
        "boolean" => {
            let mut out = Vec::new();
            for (n, c) in pieces {
                match c.map(|c| &c.data) {
                    Some(ColumnData::Boolean(v)) => out.extend_from_slice(v),
                    _ => out.resize(out.len() + n, None),
                }
            }
            Some(ColumnData::Boolean(out))
        }
        "timestamp" => {
            let mut out = Vec::new();
            for (n, c) in pieces {
                match c.map(|c| &c.data) {
                    Some(ColumnData::Timestamp(v)) => out.extend_from_slice(v),
                    _ => out.resize(out.len() + n, MISSING_TIMESTAMP),
                }
            }
            Some(ColumnData::Timestamp(out))
        }
        _ => None,
    }
}

/// Rebuilds through the column builder: categories, text, mixed storages.
fn rebuild(name: &str, pieces: &[(usize, Option<&Column>)]) -> ColumnData {
    let mut builder = ColumnBuilder::new(name.to_owned(), 0);
    for (n_rows, column) in pieces {
        let Some(column) = column else {
            for _ in 0..*n_rows {
                builder.push_missing_value();
            }
            continue;
        };
        match &column.data {
            ColumnData::Numeric(v) => {
                for &x in v {
                    if x.is_nan() {
                        builder.push_missing_value();
                    } else {
                        builder.push_number_value(x);
                    }
                }
            }
            ColumnData::Categorical { dictionary, codes } => {
                for &c in codes {
                    match dictionary.get(c as usize) {
                        Some(v) if c != MISSING_CODE => builder.push_string_value(v),
                        _ => builder.push_missing_value(),
                    }
                }
            }
            data => {
                for i in 0..data.len() {
                    match data.category_key(i) {
                        Some(v) => builder.push_string_value(&v),
                        None => builder.push_missing_value(),
                    }
                }
            }
        }
    }
    builder.finish().data
}
