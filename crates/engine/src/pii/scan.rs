//! The scan of a whole table: per column, each kind found, in how many cells,
//! which share of the present cells, and a few masked samples. Categorical
//! columns are scanned once per distinct value; numbers only where a number
//! can be personal data (a card's 13+ digits, or a phone or SSN column);
//! timestamps only in a birth-date column; booleans never.

use serde::{Deserialize, Serialize};

use super::{detect, mask_cell, Hints, PiiKind, PiiMatch};
use crate::table::{Column, ColumnData, Table};

/// Samples shown per kind and column.
const SAMPLES: usize = 3;
/// A masked sample longer than this is cut (free text).
const SAMPLE_CHARS: usize = 80;

/// One kind found in one column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PiiFinding {
    /// What was found.
    pub kind: PiiKind,
    /// Cells holding at least one match.
    pub cells: usize,
    /// `cells` over the column's present cells.
    pub share: f64,
    /// Distinct matching cells, masked.
    pub samples: Vec<String>,
}

/// One column's scan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnScan {
    /// The column's name.
    pub column: String,
    /// Present (non-missing) cells.
    pub present: usize,
    /// Kinds found, most cells first.
    pub findings: Vec<PiiFinding>,
}

/// The scan of a table.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PiiReport {
    /// Rows scanned.
    pub rows: usize,
    /// Every column, with or without findings, in table order.
    pub columns: Vec<ColumnScan>,
}

impl PiiReport {
    /// The columns where something was found.
    pub fn flagged(&self) -> impl Iterator<Item = &ColumnScan> {
        self.columns.iter().filter(|c| !c.findings.is_empty())
    }
}

/// Per kind: cells and samples, filled while scanning.
#[derive(Default)]
struct Tally {
    cells: [usize; PiiKind::ALL.len()],
    samples: [Vec<String>; PiiKind::ALL.len()],
}

impl Tally {
    fn add(&mut self, cell: &str, matches: &[PiiMatch], weight: usize) {
        for (k, kind) in PiiKind::ALL.iter().enumerate() {
            if !matches.iter().any(|m| m.kind == *kind) {
                continue;
            }
            self.cells[k] += weight;
            if self.samples[k].len() < SAMPLES {
                let masked: String = mask_cell(cell, matches).chars().take(SAMPLE_CHARS).collect();
                if !self.samples[k].contains(&masked) {
                    self.samples[k].push(masked);
                }
            }
        }
    }

    fn findings(self, present: usize) -> Vec<PiiFinding> {
        let mut out: Vec<PiiFinding> = PiiKind::ALL
            .iter()
            .zip(self.cells)
            .zip(self.samples)
            .filter(|((_, cells), _)| *cells > 0)
            .map(|((&kind, cells), samples)| PiiFinding {
                kind,
                cells,
                share: cells as f64 / present.max(1) as f64,
                samples,
            })
            .collect();
        out.sort_by(|a, b| b.cells.cmp(&a.cells).then(a.kind.cmp(&b.kind)));
        out
    }
}

/// True when a number could be personal data under these hints: a whole
/// number of 13+ digits (a card), or of 7+ digits in a phone or SSN column.
fn number_worth_scanning(x: f64, hints: Hints) -> bool {
    let whole = x.is_finite() && x.fract() == 0.0 && x.abs() < 9.007_199_254_740_992e15;
    whole && (x.abs() >= 1e12 || ((hints.phone || hints.ssn) && x.abs() >= 1e6))
}

/// Scans one column.
#[must_use]
pub fn scan_column(column: &Column) -> ColumnScan {
    let hints = Hints::of(&column.name);
    let present = column.len() - column.data.missing_count();
    let mut tally = Tally::default();
    match &column.data {
        ColumnData::Categorical { dictionary, codes } => {
            let mut counts = vec![0usize; dictionary.len()];
            for &c in codes {
                if let Some(n) = counts.get_mut(c as usize) {
                    *n += 1;
                }
            }
            for (value, &n) in dictionary.iter().zip(&counts) {
                if n > 0 {
                    tally.add(value, &detect(value, hints), n);
                }
            }
        }
        ColumnData::Text(text) => {
            for i in 0..column.len() {
                if let Some(cell) = text.get(i) {
                    tally.add(cell, &detect(cell, hints), 1);
                }
            }
        }
        ColumnData::Numeric(values) => {
            for &x in values.iter().filter(|&&x| number_worth_scanning(x, hints)) {
                // whole and below 2^53
                let cell = (x as i64).to_string();
                tally.add(&cell, &detect(&cell, hints), 1);
            }
        }
        ColumnData::Timestamp(_) if hints.birth_date => {
            for i in 0..column.len() {
                if let Some(cell) = column.data.category_key(i) {
                    tally.add(&cell, &detect(&cell, hints), 1);
                }
            }
        }
        ColumnData::Timestamp(_) | ColumnData::Boolean(_) => {}
    }
    ColumnScan { column: column.name.clone(), present, findings: tally.findings(present) }
}

/// Scans every column of `table`.
///
/// # Examples
/// ```
/// use tideline_engine::{pii::{scan_table, PiiKind}, table::TableBuilder};
/// let mut b = TableBuilder::new(vec!["email".into(), "age".into()], false);
/// b.push_row(["ann@example.org", "31"]);
/// b.push_row(["none given", "45"]);
/// let report = scan_table(&b.finish());
/// let flagged: Vec<_> = report.flagged().collect();
/// assert_eq!(flagged.len(), 1);
/// assert_eq!(flagged[0].findings[0].kind, PiiKind::Email);
/// assert_eq!(flagged[0].findings[0].share, 0.5);
/// assert_eq!(flagged[0].findings[0].samples, ["a**@example.org"]);
/// ```
#[must_use]
pub fn scan_table(table: &Table) -> PiiReport {
    PiiReport { rows: table.n_rows, columns: table.columns.iter().map(scan_column).collect() }
}
