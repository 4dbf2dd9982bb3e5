//! Partial problems met while loading (rows padded, values coerced, names
//! changed): reported beside the result, never silently.

use serde::{Deserialize, Serialize};

/// One partial problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// File name.
    pub file: String,
    /// 1-based data row, when the warning is about one row.
    pub row: Option<u64>,
    /// Column name, when the warning is about one column.
    pub column: Option<String>,
    /// What happened, in plain words.
    pub message: String,
}

/// Detailed warnings kept per kind before the rest are only counted.
pub(crate) const DETAILED_PER_KIND: usize = 5;

/// Collects warnings, keeping a few of each kind in detail and counting the rest.
#[derive(Debug, Default)]
pub(crate) struct Warnings {
    list: Vec<(&'static str, Warning)>,
    overflow: Vec<(&'static str, u64)>,
}

impl Warnings {
    pub(crate) fn add(
        &mut self,
        kind: &'static str,
        file: &str,
        row: Option<u64>,
        column: Option<&str>,
        message: String,
    ) {
        let kept = self.list.iter().filter(|(k, _)| *k == kind).count();
        if kept < DETAILED_PER_KIND {
            let warning = Warning { file: file.to_owned(), row, column: column.map(str::to_owned), message };
            self.list.push((kind, warning));
        } else if let Some((_, n)) = self.overflow.iter_mut().find(|(k, _)| *k == kind) {
            *n += 1;
        } else {
            self.overflow.push((kind, 1));
        }
    }

    /// Counts `n` more warnings of `kind` beyond those kept in detail.
    pub(crate) fn count(&mut self, kind: &'static str, n: u64) {
        if n == 0 {
            return;
        }
        match self.overflow.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, total)) => *total += n,
            None => self.overflow.push((kind, n)),
        }
    }

    pub(crate) fn finish(self, file: &str) -> Vec<Warning> {
        let mut out: Vec<Warning> = self.list.into_iter().map(|(_, w)| w).collect();
        for (kind, n) in self.overflow {
            out.push(Warning {
                file: file.to_owned(),
                row: None,
                column: None,
                message: format!("{n} more rows with the same problem ({kind})"),
            });
        }
        out
    }
}

/// Reports cells read as missing because of a marker (`NA`, `inf`).
pub(crate) fn marker_warnings(builder: &crate::table::TableBuilder, file: &str, warnings: &mut Warnings) {
    for (column, not_a_number, infinite) in builder.marker_counts() {
        if not_a_number > 0 {
            warnings.add(
                "missing markers",
                file,
                None,
                Some(column),
                format!(
                    "{} such as 'NA', 'NaN' or 'null' in '{column}' read as missing",
                    plural(not_a_number, "cell", "cells")
                ),
            );
        }
        if infinite > 0 {
            warnings.add(
                "infinities",
                file,
                None,
                Some(column),
                format!("{} in '{column}' read as missing", plural(infinite, "infinite value", "infinite values")),
            );
        }
    }
}

/// `1 cell`, `2 cells`.
pub(crate) fn plural(n: u64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}
