//! How often each value occurs in a column: categorical buckets,
//! `distinct_count`, the domain check and categorical drift all read it.
//!
//! Text, category, boolean and timestamp cells are counted exactly (memory
//! grows with the number of distinct values, not rows). Number cells are
//! counted by their bits only while they have at most
//! [`MAX_TRACKED_NUMBERS`] distinct values: a continuous column would
//! otherwise cost a hash per cell, and its counts are only needed when a
//! later part of the data turns the column into a String column.

use hashbrown::HashMap;

use crate::types::canonical_number;

/// Distinct number values counted before number counting stops (Deequ only
/// writes categorical buckets up to 120 distinct values).
pub const MAX_TRACKED_NUMBERS: usize = 1024;

/// Value counts of a column's present cells.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ValueCounts {
    strings: HashMap<String, u64>,
    /// Number cells by bit pattern; `None` once they had too many distinct values.
    numbers: Option<HashMap<u64, u64>>,
}

impl ValueCounts {
    /// Empty counts.
    #[must_use]
    pub fn new() -> Self {
        Self { strings: HashMap::new(), numbers: Some(HashMap::new()) }
    }

    /// Counts `count` more occurrences of a text value.
    pub fn add_string(&mut self, value: &str, count: u64) {
        if count == 0 {
            return;
        }
        match self.strings.get_mut(value) {
            Some(c) => *c += count,
            None => {
                self.strings.insert(value.to_owned(), count);
            }
        }
    }

    /// Counts number cells (`NaN`, missing, is skipped).
    pub fn add_numbers(&mut self, values: &[f64]) {
        let Some(numbers) = &mut self.numbers else { return };
        for &x in values.iter().filter(|x| !x.is_nan()) {
            // -0.0 and 0.0 are one category.
            let key = if x == 0.0 { 0 } else { x.to_bits() };
            *numbers.entry(key).or_insert(0) += 1;
            if numbers.len() > MAX_TRACKED_NUMBERS {
                self.numbers = None;
                return;
            }
        }
    }

    /// Adds another part's counts.
    pub fn merge(&mut self, other: &Self) {
        for (value, &count) in &other.strings {
            self.add_string(value, count);
        }
        match (&mut self.numbers, &other.numbers) {
            (Some(mine), Some(theirs)) => {
                for (&bits, &count) in theirs {
                    *mine.entry(bits).or_insert(0) += count;
                }
                if mine.len() > MAX_TRACKED_NUMBERS {
                    self.numbers = None;
                }
            }
            _ => self.numbers = None,
        }
    }

    /// True when every present cell was counted.
    #[must_use]
    pub fn is_complete(&self) -> bool {
        self.numbers.is_some()
    }

    /// Every value with its count (numbers in canonical form), most frequent
    /// first, ties by value; the number part is empty once it stopped counting.
    #[must_use]
    pub fn sorted(&self) -> Vec<(String, u64)> {
        let mut all: HashMap<String, u64> = self.strings.clone();
        for (&bits, &count) in self.numbers.iter().flatten() {
            *all.entry(canonical_number(f64::from_bits(bits))).or_insert(0) += count;
        }
        let mut out: Vec<(String, u64)> = all.into_iter().collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        out
    }
}
