//! One column's mergeable profile: Deequ's type counts, the statistics of
//! its number cells and the counts of its values.
//!
//! Both kinds of statistics are kept until the end because the column's type
//! is only known once every part is seen (Deequ decides it from the counts of
//! the whole column): an Integral column with one text cell in its last part
//! is a String column, profiled with string statistics, as SageMaker does.

use hashbrown::HashMap;
use serde::{Deserialize, Serialize};

use super::{NumericSummary, ValueCounts};
use crate::sketch::{hash_bytes, hash_number, HyperLogLog};
use crate::table::{Column, ColumnData, MISSING_CODE, MISSING_TIMESTAMP};
use crate::types::{format_timestamp_millis, read_cell, Cell, DeequCounts, DeequType};

/// Values handed to the numeric summary at a time from a category column.
const BATCH: usize = 4096;

/// A column's profile, built from one or more parts of the data.
///
/// In sketch mode ([`FeatureProfile::sketch`]) its text counts are bounded
/// and it also keeps a distinct-count sketch, so its memory does not grow
/// with the rows or the distinct values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeatureProfile {
    /// Column name.
    pub name: String,
    /// Deequ's type counts (nulls included).
    pub deequ: DeequCounts,
    /// Statistics of the cells that are numbers.
    pub numeric: NumericSummary,
    /// Counts of every present value.
    pub values: ValueCounts,
    /// Distinct present values, estimated (sketch mode only).
    pub distinct: Option<HyperLogLog>,
    /// Present cells that were read as dates or times.
    pub datetime_cells: u64,
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
            distinct: None,
            datetime_cells: 0,
        }
    }

    /// An empty profile in sketch mode: text counts exact up to
    /// `capacity` distinct values, and a distinct-count sketch.
    #[must_use]
    pub fn sketch(name: impl Into<String>, capacity: usize) -> Self {
        Self { values: ValueCounts::bounded(capacity), distinct: Some(HyperLogLog::new()), ..Self::new(name) }
    }

    /// An empty profile of another column kept the same way as this one.
    #[must_use]
    pub fn empty_like(&self, name: impl Into<String>) -> Self {
        Self {
            values: self.values.empty_like(),
            distinct: self.distinct.as_ref().map(|_| HyperLogLog::new()),
            ..Self::new(name)
        }
    }

    /// Distinct present values: exact while every value is counted,
    /// else the sketch's estimate (`None` without one).
    #[must_use]
    pub fn distinct_count(&self) -> Option<f64> {
        if self.values.is_complete() {
            return Some(self.values.sorted().len() as f64);
        }
        self.distinct.as_ref().map(HyperLogLog::estimate)
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
                if let Some(h) = &mut self.distinct {
                    values.iter().filter(|x| !x.is_nan()).for_each(|&x| h.add_hash(hash_number(x)));
                }
            }
            ColumnData::Categorical { dictionary, codes } => self.add_categories(dictionary, codes, &column.deequ),
            ColumnData::Boolean(values) => {
                let trues = values.iter().filter(|v| **v == Some(true)).count() as u64;
                let falses = values.iter().filter(|v| **v == Some(false)).count() as u64;
                self.values.add_string("true", trues);
                self.values.add_string("false", falses);
                if let Some(h) = &mut self.distinct {
                    [("true", trues), ("false", falses)]
                        .iter()
                        .filter(|(_, n)| *n > 0)
                        .for_each(|(v, _)| h.add_hash(hash_bytes(v.as_bytes())));
                }
            }
            ColumnData::Text(text) => {
                for i in 0..text.present.len() {
                    if let Some(value) = text.get(i) {
                        self.values.add_string(value, 1);
                        if let Some(h) = &mut self.distinct {
                            h.add_hash(hash_bytes(value.as_bytes()));
                        }
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
                    let text = format_timestamp_millis(t);
                    self.values.add_string(&text, count);
                    self.datetime_cells += count;
                    if let Some(h) = &mut self.distinct {
                        h.add_hash(hash_bytes(text.as_bytes()));
                    }
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
        let numbers = deequ.integral + deequ.fractional > 0;
        let parsed: Vec<Option<f64>> = dictionary
            .iter()
            .map(|v| match read_cell(v, true) {
                Cell::Number { value, .. } if numbers => Some(value),
                _ => None,
            })
            .collect();
        if let Some(h) = &mut self.distinct {
            // A number hashes as in a numeric part, so a column stored
            // both ways counts each value once.
            for ((value, number), _) in dictionary.iter().zip(&parsed).zip(&counts).filter(|(_, &c)| c > 0) {
                h.add_hash(number.map_or_else(|| hash_bytes(value.as_bytes()), hash_number));
            }
        }
        if !numbers {
            return;
        }
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
        self.datetime_cells += other.datetime_cells;
        match (&mut self.distinct, &other.distinct) {
            (Some(mine), Some(theirs)) => mine.merge(theirs),
            _ => self.distinct = None,
        }
    }
}
