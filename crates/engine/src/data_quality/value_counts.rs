//! How often each value occurs in a column: categorical buckets,
//! `distinct_count`, the domain check and categorical drift all read it.
//!
//! Text, category, boolean and timestamp cells are counted exactly (memory
//! grows with the number of distinct values, not rows), or in sketch mode
//! exactly up to a cap of distinct values and then as a bounded heavy-hitter
//! summary ([`TopCounts`]). Number cells are counted by their bits only
//! while they have at most [`MAX_TRACKED_NUMBERS`] distinct values: a
//! continuous column would otherwise cost a hash per cell, and its counts
//! are only needed when a later part of the data turns the column into a
//! String column.

use hashbrown::HashMap;
use serde::{Deserialize, Serialize};

use crate::sketch::TopCounts;
use crate::types::canonical_number;

/// Distinct number values counted before number counting stops (Deequ only
/// writes categorical buckets up to 120 distinct values).
pub const MAX_TRACKED_NUMBERS: usize = 1024;

/// Value counts of a column's present cells.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ValueCounts {
    strings: TopCounts,
    /// Number cells by bit pattern; `None` once they had too many distinct values.
    #[serde(with = "crate::sketch::sorted_map::option")]
    numbers: Option<HashMap<u64, u64>>,
}

impl Default for ValueCounts {
    fn default() -> Self {
        Self::new()
    }
}

impl ValueCounts {
    /// Empty counts, exact however many distinct values come.
    #[must_use]
    pub fn new() -> Self {
        Self::bounded(usize::MAX)
    }

    /// Empty counts that keep at most `capacity` distinct text values
    /// (then a heavy-hitter summary).
    #[must_use]
    pub fn bounded(capacity: usize) -> Self {
        Self { strings: TopCounts::new(capacity), numbers: Some(HashMap::new()) }
    }

    /// The same bound, no counts.
    #[must_use]
    pub fn empty_like(&self) -> Self {
        Self::bounded(self.strings.capacity())
    }

    /// Counts `count` more occurrences of a text value.
    pub fn add_string(&mut self, value: &str, count: u64) {
        self.strings.add(value, count);
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
        self.strings.merge(&other.strings);
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

    /// True when every present cell was counted exactly.
    #[must_use]
    pub fn is_complete(&self) -> bool {
        self.numbers.is_some() && self.strings.is_exact()
    }

    /// The text values' counts (exact, or bounded by their error bound).
    #[must_use]
    pub fn strings(&self) -> &TopCounts {
        &self.strings
    }

    /// Number cells by value, while they are counted.
    #[must_use]
    pub fn numbers(&self) -> Option<impl Iterator<Item = (f64, u64)> + '_> {
        self.numbers.as_ref().map(|m| m.iter().map(|(&bits, &n)| (f64::from_bits(bits), n)))
    }

    /// Every value with its count (numbers in canonical form), most frequent
    /// first, ties by value; the number part is empty once it stopped counting.
    #[must_use]
    pub fn sorted(&self) -> Vec<(String, u64)> {
        let mut all: HashMap<String, u64> = self.strings.counts().clone();
        for (&bits, &count) in self.numbers.iter().flatten() {
            *all.entry(canonical_number(f64::from_bits(bits))).or_insert(0) += count;
        }
        let mut out: Vec<(String, u64)> = all.into_iter().collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        out
    }
}
