//! One column's mergeable profile: Deequ's type counts, the statistics of
//! its number cells and the counts of its values.
//!
//! Both kinds of statistics are kept until the end because the column's type
//! is only known once every part is seen (Deequ decides it from the counts of
//! the whole column): an Integral column with one text cell in its last part
//! is a String column, profiled with string statistics, as SageMaker does.

use hashbrown::HashMap;

use super::{NumericSummary, ValueCounts};
use crate::table::{Column, ColumnData, MISSING_CODE, MISSING_TIMESTAMP};
use crate::types::{format_timestamp_millis, read_cell, Cell, DeequCounts, DeequType};

/// Values handed to the numeric summary at a time from a category column.
const BATCH: usize = 4096;

/// A column's profile, built from one or more parts of the data.
#[derive(Debug, Clone, PartialEq)]
pub struct FeatureProfile {
    /// Column name.
    pub name: String,
    /// Deequ's type counts (nulls included).
    pub deequ: DeequCounts,
    /// Statistics of the cells that are numbers.
    pub numeric: NumericSummary,
    /// Counts of every present value.
    pub values: ValueCounts,
}

impl FeatureProfile {
    /// An empty profile.
    #[must_use]
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            deequ: DeequCounts::default(),
            numeric: NumericSummary::new(),
            values: ValueCounts::new(),
        }
    }

    /// The profile of one column.
    #[must_use]
    pub fn of_column(column: &Column) -> Self {
        let mut profile = Self::new(column.name.clone());
        profile.add_column(column);
        profile
    }

    /// Deequ's type of the column so far.
    #[must_use]
    pub fn deequ_type(&self) -> DeequType {
        self.deequ.decide()
    }

    /// Present (non-null) cells.
    #[must_use]
    pub fn num_present(&self) -> u64 {
        self.deequ.present()
    }

    /// Null cells.
    #[must_use]
    pub fn num_missing(&self) -> u64 {
        self.deequ.null
    }

    /// Adds `rows` rows in which the column is absent (a part without it).
    pub fn add_missing(&mut self, rows: u64) {
        self.deequ.null += rows;
    }

    /// Adds the rows of one part of the column, in order.
    pub fn add_column(&mut self, column: &Column) {
        self.deequ.merge(&column.deequ);
        match &column.data {
            ColumnData::Numeric(values) => {
                self.numeric.add_values(values);
                self.values.add_numbers(values);
            }
            ColumnData::Categorical { dictionary, codes } => self.add_categories(dictionary, codes, &column.deequ),
            ColumnData::Boolean(values) => {
                let trues = values.iter().filter(|v| **v == Some(true)).count() as u64;
                let falses = values.iter().filter(|v| **v == Some(false)).count() as u64;
                self.values.add_string("true", trues);
                self.values.add_string("false", falses);
            }
            ColumnData::Text(text) => {
                for i in 0..text.present.len() {
                    if let Some(value) = text.get(i) {
                        self.values.add_string(value, 1);
                    }
                }
            }
            ColumnData::Timestamp(millis) => {
                let mut counts: HashMap<i64, u64> = HashMap::new();
                for &t in millis.iter().filter(|&&t| t != MISSING_TIMESTAMP) {
                    *counts.entry(t).or_insert(0) += 1;
                }
                let mut sorted: Vec<(i64, u64)> = counts.into_iter().collect();
                sorted.sort_unstable();
                for (t, count) in sorted {
                    self.values.add_string(&format_timestamp_millis(t), count);
                }
            }
        }
    }

    /// Category storage: counts by code; cells that are numbers (stored in
    /// canonical form) also feed the numeric summary, in row order.
    fn add_categories(&mut self, dictionary: &[String], codes: &[u32], deequ: &DeequCounts) {
        let mut counts = vec![0_u64; dictionary.len()];
        for &code in codes {
            if let Some(c) = counts.get_mut(code as usize) {
                *c += 1;
            }
        }
        for (value, &count) in dictionary.iter().zip(&counts) {
            self.values.add_string(value, count);
        }
        if deequ.integral + deequ.fractional == 0 {
            return;
        }
        let parsed: Vec<Option<f64>> = dictionary
            .iter()
            .map(|v| match read_cell(v, true) {
                Cell::Number { value, .. } => Some(value),
                _ => None,
            })
            .collect();
        let mut batch = Vec::with_capacity(BATCH);
        for &code in codes.iter().filter(|&&c| c != MISSING_CODE) {
            if let Some(&Some(x)) = parsed.get(code as usize) {
                batch.push(x);
                if batch.len() == BATCH {
                    self.numeric.add_present(&batch);
                    batch.clear();
                }
            }
        }
        self.numeric.add_present(&batch);
    }

    /// Merges another part's profile of the same column.
    pub fn merge(&mut self, other: &Self) {
        self.deequ.merge(&other.deequ);
        self.numeric.merge(&other.numeric);
        self.values.merge(&other.values);
    }
}
