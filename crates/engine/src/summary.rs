//! The schema view of a table: per column its Deequ type, kind, role, missing
//! and distinct counts, range and most frequent values.

use std::hash::{BuildHasherDefault, Hasher};

use hashbrown::HashMap;
use serde::{Deserialize, Serialize};

use crate::distinct_words::distinct_words;
use crate::roles::Role;
use crate::table::{Column, ColumnData, Table, MISSING_CODE, MISSING_TIMESTAMP};
use crate::types::{canonical_number, format_timestamp_millis, DeequType, Kind};

/// A one-multiply hasher for 64-bit keys (numbers' bits): the default
/// hasher's 128-bit multiply is emulated on wasm32.
#[derive(Default)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, word: u64) {
        // Fibonacci hashing; the rotation puts mixed bits where hashbrown reads them.
        self.0 = (self.0 ^ word).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(26);
    }

    fn write_i64(&mut self, word: i64) {
        self.write_u64(u64::from_ne_bytes(word.to_ne_bytes()));
    }
}

type WordMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// Most frequent values listed per column.
pub const TOP_VALUES: usize = 5;

/// A value and how often it occurs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValueCount {
    /// The value (numbers in canonical form).
    pub value: String,
    /// Rows holding it.
    pub count: u64,
}

/// One column's schema line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnSummary {
    /// Column name.
    pub name: String,
    /// Deequ's inferred type.
    pub inferred_type: DeequType,
    /// Analysis kind.
    pub kind: Kind,
    /// True when the user chose the kind.
    pub kind_overridden: bool,
    /// How the values are stored (`numeric`, `categorical`, ...).
    pub storage: String,
    /// Role.
    pub role: Role,
    /// Rows with a value.
    pub present: u64,
    /// Rows without one.
    pub missing: u64,
    /// Distinct present values (exact; numbers compared by value).
    pub distinct: u64,
    /// Smallest value, for numbers.
    pub min: Option<f64>,
    /// Largest value, for numbers.
    pub max: Option<f64>,
    /// Mean, for numbers.
    pub mean: Option<f64>,
    /// Earliest and latest, for datetimes (ISO 8601).
    pub time_range: Option<(String, String)>,
    /// Most frequent values, for categorical, boolean and text columns and
    /// numeric columns of categorical kind; ties broken by value.
    pub top_values: Vec<ValueCount>,
}

/// The schema of a table.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DatasetSummary {
    /// Rows.
    pub rows: u64,
    /// One line per column, in table order.
    pub columns: Vec<ColumnSummary>,
}

/// Summarises every column.
///
/// # Examples
/// ```
/// use tideline_engine::{io::{load_bytes, LoadOptions}, summary::summarize};
/// let loaded = load_bytes("t.csv", b"x,c\n1,a\n2,a\n,b\n", LoadOptions::default()).unwrap();
/// let s = summarize(&loaded.table);
/// assert_eq!((s.rows, s.columns[0].missing, s.columns[0].max), (3, 1, Some(2.0)));
/// assert_eq!(s.columns[1].top_values[0].value, "a");
/// ```
#[must_use]
pub fn summarize(table: &Table) -> DatasetSummary {
    DatasetSummary { rows: table.n_rows as u64, columns: table.columns.iter().map(summarize_column).collect() }
}

/// Summarises one column.
#[must_use]
pub fn summarize_column(column: &Column) -> ColumnSummary {
    let missing = column.data.missing_count() as u64;
    let present = column.len() as u64 - missing;
    let mut summary = ColumnSummary {
        name: column.name.clone(),
        inferred_type: column.inferred_type(),
        kind: column.kind,
        kind_overridden: column.kind_overridden,
        storage: column.data.storage_name().to_owned(),
        role: column.role,
        present,
        missing,
        distinct: 0,
        min: None,
        max: None,
        mean: None,
        time_range: None,
        top_values: Vec::new(),
    };
    match &column.data {
        ColumnData::Numeric(values) => {
            let (mut min, mut max, mut sum) = (f64::INFINITY, f64::NEG_INFINITY, 0.0);
            let mut bits: Vec<u64> = Vec::with_capacity(values.len());
            for &x in values.iter().filter(|x| !x.is_nan()) {
                min = min.min(x);
                max = max.max(x);
                sum += x;
                // `+ 0.0` folds -0.0 into 0.0: one category.
                bits.push((x + 0.0).to_bits());
            }
            summary.distinct = distinct_words(&bits);
            if present > 0 {
                summary.min = Some(min);
                summary.max = Some(max);
                let mean = sum / present as f64;
                summary.mean = Some(mean);
            }
            if column.kind == Kind::Categorical {
                let mut counts: WordMap<u64, u64> = WordMap::default();
                for &x in values.iter().filter(|x| !x.is_nan()) {
                    *counts.entry((x + 0.0).to_bits()).or_default() += 1;
                }
                summary.top_values =
                    top(counts.into_iter().map(|(bits, n)| (canonical_number(f64::from_bits(bits)), n)));
            }
        }
        ColumnData::Categorical { dictionary, codes } => {
            let mut counts = vec![0_u64; dictionary.len()];
            for &c in codes.iter().filter(|&&c| c != MISSING_CODE) {
                if let Some(n) = counts.get_mut(c as usize) {
                    *n += 1;
                }
            }
            summary.distinct = counts.iter().filter(|&&n| n > 0).count() as u64;
            summary.top_values = top(dictionary.iter().cloned().zip(counts).filter(|(_, n)| *n > 0));
        }
        ColumnData::Boolean(values) => {
            let trues = values.iter().filter(|v| **v == Some(true)).count() as u64;
            let falses = values.iter().filter(|v| **v == Some(false)).count() as u64;
            summary.distinct = u64::from(trues > 0) + u64::from(falses > 0);
            summary.top_values =
                top([("true".to_owned(), trues), ("false".to_owned(), falses)].into_iter().filter(|(_, n)| *n > 0));
        }
        ColumnData::Text(text) => {
            let mut counts: HashMap<&str, u64> = HashMap::new();
            for i in 0..text.present.len() {
                if let Some(v) = text.get(i) {
                    *counts.entry(v).or_default() += 1;
                }
            }
            summary.distinct = counts.len() as u64;
            summary.top_values = top(counts.into_iter().map(|(v, n)| (v.to_owned(), n)));
        }
        ColumnData::Timestamp(values) => {
            let present_values = values.iter().copied().filter(|&t| t != MISSING_TIMESTAMP);
            summary.distinct = distinct_words(
                &present_values.clone().map(|t| u64::from_ne_bytes(t.to_ne_bytes())).collect::<Vec<_>>(),
            );
            if let (Some(lo), Some(hi)) = (present_values.clone().min(), present_values.max()) {
                summary.time_range = Some((format_timestamp_millis(lo), format_timestamp_millis(hi)));
            }
        }
    }
    summary
}

impl ColumnSummary {
    /// One line about the values: the top three with counts, else the range.
    ///
    /// # Examples
    /// ```
    /// use tideline_engine::{io::{load_bytes, LoadOptions}, summary::summarize};
    /// let t = load_bytes("t.csv", b"x,c\n0.125,a\n20,a\n,b\n", LoadOptions::default()).unwrap().table;
    /// let s = summarize(&t);
    /// assert_eq!(s.columns[0].overview(), "0.125 … 20");
    /// assert_eq!(s.columns[1].overview(), "a (2), b (1)");
    /// ```
    #[must_use]
    pub fn overview(&self) -> String {
        if !self.top_values.is_empty() {
            return self
                .top_values
                .iter()
                .take(3)
                .map(|v| format!("{} ({})", v.value, v.count))
                .collect::<Vec<_>>()
                .join(", ");
        }
        if let (Some(min), Some(max)) = (self.min, self.max) {
            return format!("{} … {}", short_number(min), short_number(max));
        }
        if let Some((from, to)) = &self.time_range {
            return format!("{from} … {to}");
        }
        String::new()
    }
}

/// A number for a schema line: whole numbers without a fraction, others with
/// up to 4 decimals, very large or small ones in scientific notation.
///
/// # Examples
/// ```
/// use tideline_engine::summary::short_number;
/// assert_eq!(short_number(39_811.0), "39811");
/// assert_eq!(short_number(0.632_950_2), "0.633");
/// assert_eq!(short_number(2.5e-5), "2.500e-5");
/// ```
#[must_use]
pub fn short_number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{x:.0}")
    } else if x.abs() >= 1e6 || (x != 0.0 && x.abs() < 1e-3) {
        format!("{x:.3e}")
    } else {
        let s = format!("{x:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

fn top(counts: impl Iterator<Item = (String, u64)>) -> Vec<ValueCount> {
    let mut all: Vec<ValueCount> = counts.map(|(value, count)| ValueCount { value, count }).collect();
    all.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    all.truncate(TOP_VALUES);
    all
}
