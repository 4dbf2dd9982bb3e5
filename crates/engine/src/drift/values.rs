//! A column's values, prepared once for every test that judges it: sorted
//! present numbers, or category counts over the union of both sides.

use hashbrown::HashMap;

use super::counts::Counts;
use super::math::distinct_values::DistinctValues;
use super::outcome::Samples;
use crate::table::{Column, ColumnData, MISSING_CODE};
use crate::types::canonical_number;

/// The prepared values of one column on both sides.
#[derive(Clone, Debug)]
pub enum ColumnValues {
    /// Present numbers of each side, sorted ascending.
    Numeric {
        /// Baseline values.
        reference: Vec<f64>,
        /// Current values.
        current: Vec<f64>,
    },
    /// Counts per category.
    Categorical(Counts),
}

impl ColumnValues {
    /// Sorted present numbers of both columns; `None` unless both hold numbers.
    #[must_use]
    pub fn numeric(baseline: &Column, current: &Column) -> Option<Self> {
        let (ColumnData::Numeric(a), ColumnData::Numeric(b)) = (&baseline.data, &current.data) else {
            return None;
        };
        Some(Self::Numeric { reference: sorted_present(a), current: sorted_present(b) })
    }

    /// Counts per category over the union of both columns' values, in order
    /// of first appearance (baseline first).
    #[must_use]
    pub fn categorical(baseline: &Column, current: &Column) -> Self {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut counts = Counts::default();
        for (side, column) in [(0, baseline), (1, current)] {
            for (label, n) in column_counts(&column.data) {
                let slot = *index.entry(label.clone()).or_insert_with(|| {
                    counts.labels.push(label);
                    counts.reference.push(0);
                    counts.current.push(0);
                    counts.labels.len() - 1
                });
                let target = if side == 0 { &mut counts.reference } else { &mut counts.current };
                if let Some(count) = target.get_mut(slot) {
                    *count += n;
                }
            }
        }
        Self::Categorical(counts)
    }

    /// The numeric samples, when numeric.
    #[must_use]
    pub fn samples(&self) -> Option<Samples<'_>> {
        match self {
            Self::Numeric { reference, current } => Some(Samples { reference, current }),
            Self::Categorical(_) => None,
        }
    }

    /// Counts per category; for numbers, per distinct value (as Evidently's
    /// categorical tests count a numeric column's values).
    #[must_use]
    pub fn counts(&self) -> Counts {
        match self {
            Self::Numeric { reference, current } => value_counts_sorted(reference, current),
            Self::Categorical(counts) => counts.clone(),
        }
    }

    /// Present values of each side.
    #[must_use]
    pub fn sizes(&self) -> (u64, u64) {
        match self {
            Self::Numeric { reference, current } => (reference.len() as u64, current.len() as u64),
            Self::Categorical(c) => (c.reference_total(), c.current_total()),
        }
    }

    /// Distinct present values over both sides together (pandas `nunique` of the concatenation).
    #[must_use]
    pub fn n_unique(&self) -> usize {
        match self {
            Self::Numeric { reference, current } => distinct_in_merge(reference, current),
            Self::Categorical(c) => c.reference.iter().zip(&c.current).filter(|(r, c)| **r + **c > 0).count(),
        }
    }
}

/// Present (non-NaN) values sorted ascending.
#[must_use]
pub fn sorted_present(values: &[f64]) -> Vec<f64> {
    let mut present: Vec<f64> = values.iter().copied().filter(|x| !x.is_nan()).collect();
    present.sort_unstable_by(f64::total_cmp);
    present
}

/// Counts of distinct values of two sorted samples, labelled canonically.
fn value_counts_sorted(reference: &[f64], current: &[f64]) -> Counts {
    let mut counts = Counts::default();
    for tie in DistinctValues::new(reference, current) {
        counts.labels.push(canonical_number(tie.value));
        counts.reference.push(tie.reference as u64);
        counts.current.push(tie.current as u64);
    }
    counts
}

/// Distinct values over two sorted samples.
fn distinct_in_merge(reference: &[f64], current: &[f64]) -> usize {
    let (mut i, mut j, mut distinct) = (0, 0, 0);
    let mut last: Option<f64> = None;
    loop {
        let next = match (reference.get(i), current.get(j)) {
            (Some(&a), Some(&b)) if a <= b => {
                i += 1;
                a
            }
            (_, Some(&b)) => {
                j += 1;
                b
            }
            (Some(&a), None) => {
                i += 1;
                a
            }
            (None, None) => return distinct,
        };
        if last != Some(next) {
            distinct += 1;
            last = Some(next);
        }
    }
}

/// (label, count) of the present values of a column.
fn column_counts(data: &ColumnData) -> Vec<(String, u64)> {
    match data {
        ColumnData::Categorical { dictionary, codes } => {
            let mut tally = vec![0_u64; dictionary.len()];
            for &code in codes {
                if code != MISSING_CODE {
                    if let Some(t) = tally.get_mut(code as usize) {
                        *t += 1;
                    }
                }
            }
            dictionary.iter().cloned().zip(tally).filter(|(_, n)| *n > 0).collect()
        }
        ColumnData::Numeric(values) => {
            let sorted = sorted_present(values);
            let counts = value_counts_sorted(&sorted, &[]);
            counts.labels.into_iter().zip(counts.reference).collect()
        }
        _ => {
            let mut tally: HashMap<String, u64> = HashMap::new();
            let mut order = Vec::new();
            for i in 0..data.len() {
                if let Some(key) = data.category_key(i) {
                    let n = tally.entry(key.clone()).or_insert_with(|| {
                        order.push(key);
                        0
                    });
                    *n += 1;
                }
            }
            order.into_iter().map(|k| (tally.get(&k).copied().unwrap_or(0), k)).map(|(n, k)| (k, n)).collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_counts_merge_both_sides() {
        let c = value_counts_sorted(&[1.0, 1.0, 2.0], &[2.0, 3.0]);
        assert_eq!(c.labels, ["1", "2", "3"]);
        assert_eq!(c.reference, [2, 1, 0]);
        assert_eq!(c.current, [0, 1, 1]);
        assert_eq!(distinct_in_merge(&[1.0, 1.0, 2.0], &[2.0, 3.0]), 3);
        assert_eq!(distinct_in_merge(&[], &[]), 0);
    }
}
