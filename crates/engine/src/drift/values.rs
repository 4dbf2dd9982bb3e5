//! A column's values, prepared once for every test that judges it: sorted
//! present numbers, or category counts over the union of both sides.

use std::cell::OnceCell;

use hashbrown::HashMap;

use super::outcome::Samples;
use super::weighted::{self, Weighted};
use crate::category_counts::Counts;
use crate::math::distinct_values::DistinctValues;
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
        /// Distinct values and largest CDF gap, computed once on first use.
        shape: OnceCell<(usize, f64)>,
    },
    /// Counts per category.
    Categorical(Counts),
    /// Numbers known by their weighted distinct values (sketch mode: a
    /// column's exact value counts, or its KLL sketch's weighted items).
    Weighted {
        /// Baseline values with their row counts, ascending.
        reference: Vec<(f64, u64)>,
        /// Current values with their row counts, ascending.
        current: Vec<(f64, u64)>,
        /// The baseline's population standard deviation (from its moments).
        reference_std: f64,
        /// Distinct values over both sides (exact or estimated).
        n_unique: u64,
    },
}

impl ColumnValues {
    /// Sorted present numbers of both columns; `None` unless both hold numbers.
    #[must_use]
    pub fn numeric(baseline: &Column, current: &Column) -> Option<Self> {
        let (ColumnData::Numeric(a), ColumnData::Numeric(b)) = (&baseline.data, &current.data) else {
            return None;
        };
        Some(Self::numeric_sorted(sorted_present(a), sorted_present(b)))
    }

    /// Numeric values from two samples already sorted ascending (no NaN).
    #[must_use]
    pub fn numeric_sorted(reference: Vec<f64>, current: Vec<f64>) -> Self {
        Self::Numeric { reference, current, shape: OnceCell::new() }
    }

    /// Distinct values over both sides and the largest CDF gap, for numbers.
    #[must_use]
    pub fn numeric_shape(&self) -> Option<(usize, f64)> {
        match self {
            Self::Numeric { reference, current, shape } => {
                Some(*shape.get_or_init(|| merged_shape(reference, current)))
            }
            Self::Weighted { n_unique, .. } => Some((
                usize::try_from(*n_unique).unwrap_or(usize::MAX),
                self.weighted().map_or(f64::NAN, weighted::max_cdf_gap),
            )),
            Self::Categorical(_) => None,
        }
    }

    /// The weighted numbers, in sketch mode.
    #[must_use]
    pub fn weighted(&self) -> Option<Weighted<'_>> {
        match self {
            Self::Weighted { reference, current, .. } => Some(Weighted { reference, current }),
            _ => None,
        }
    }

    /// True for numbers (sorted samples or weighted values).
    #[must_use]
    pub fn is_numeric(&self) -> bool {
        !matches!(self, Self::Categorical(_))
    }

    /// Counts per category over the union of both columns' values, in order
    /// of first appearance (baseline first).
    #[must_use]
    pub fn categorical(baseline: &Column, current: &Column) -> Self {
        Self::Categorical(Counts::union(column_counts(&baseline.data), column_counts(&current.data)))
    }

    /// The numeric samples, when numeric.
    #[must_use]
    pub fn samples(&self) -> Option<Samples<'_>> {
        match self {
            Self::Numeric { reference, current, .. } => Some(Samples { reference, current }),
            Self::Categorical(_) | Self::Weighted { .. } => None,
        }
    }

    /// Counts per category; for numbers, per distinct value (as Evidently's
    /// categorical tests count a numeric column's values).
    #[must_use]
    pub fn counts(&self) -> Counts {
        match self {
            Self::Numeric { reference, current, .. } => value_counts_sorted(reference, current),
            Self::Categorical(counts) => counts.clone(),
            Self::Weighted { reference, current, .. } => weighted::value_counts(Weighted { reference, current }),
        }
    }

    /// Present values of each side.
    #[must_use]
    pub fn sizes(&self) -> (u64, u64) {
        match self {
            Self::Numeric { reference, current, .. } => (reference.len() as u64, current.len() as u64),
            Self::Categorical(c) => (c.reference_total(), c.current_total()),
            Self::Weighted { reference, current, .. } => (weighted::total(reference), weighted::total(current)),
        }
    }

    /// Distinct present values over both sides together (pandas `nunique` of the concatenation).
    #[must_use]
    pub fn n_unique(&self) -> usize {
        match self {
            Self::Numeric { .. } | Self::Weighted { .. } => self.numeric_shape().map_or(0, |s| s.0),
            Self::Categorical(c) => c.reference.iter().zip(&c.current).filter(|(r, c)| **r + **c > 0).count(),
        }
    }
}

/// Present (non-NaN) values sorted ascending.
#[must_use]
pub fn sorted_present(values: &[f64]) -> Vec<f64> {
    let mut present: Vec<f64> = values.iter().copied().filter(|x| !x.is_nan()).collect();
    // A radix sort: 3–5× faster than a comparison sort on a million floats,
    // and every test of a numeric column starts here. Same order as
    // `f64::total_cmp` (−0 before +0); NaN never reaches it.
    radsort::sort(&mut present);
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

/// Distinct values over two sorted samples and the largest gap between
/// their empirical CDFs, in one merge pass (NaN gap when a side is empty).
/// The pass is written to compile to conditional moves: on interleaved
/// samples a branching merge mispredicts about every other step.
fn merged_shape(a: &[f64], b: &[f64]) -> (usize, f64) {
    let (n, m) = (a.len(), b.len());
    let (inv_n, inv_m) = (1.0 / n as f64, 1.0 / m as f64);
    let (mut i, mut j, mut distinct, mut gap) = (0_usize, 0_usize, 0_usize, 0.0_f64);
    let mut last = f64::NAN;
    for _ in 0..n + m {
        let x = a.get(i).copied().unwrap_or(f64::INFINITY);
        let y = b.get(j).copied().unwrap_or(f64::INFINITY);
        let take_a = j >= m || (i < n && x <= y);
        let v = if take_a { x } else { y };
        i += usize::from(take_a);
        j += usize::from(!take_a);
        distinct += usize::from(v != last);
        last = v;
        let next_a = a.get(i).copied().unwrap_or(f64::INFINITY);
        let next_b = b.get(j).copied().unwrap_or(f64::INFINITY);
        // The CDFs are compared after the last copy of a value on both sides.
        let group_ends = (i == n || next_a != v) && (j == m || next_b != v);
        let here = (i as f64 * inv_n - j as f64 * inv_m).abs();
        gap = if group_ends && here > gap { here } else { gap };
    }
    if n == 0 || m == 0 {
        gap = f64::NAN;
    }
    (distinct, gap)
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
    fn radix_order_is_total_cmp_order() {
        let mut state = 0x2545_F491_4F6C_DD1D_u64;
        let mut values: Vec<f64> = (0..5000)
            .map(|i| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let x = (state >> 11) as f64 / (1_u64 << 53) as f64 - 0.5;
                match i % 7 {
                    0 => -0.0,
                    1 => 0.0,
                    2 => f64::NAN,
                    3 => x * 1e300,
                    _ => x,
                }
            })
            .collect();
        let radix = sorted_present(&values);
        values.retain(|x| !x.is_nan());
        values.sort_by(f64::total_cmp);
        assert_eq!(
            radix.iter().map(|x| x.to_bits()).collect::<Vec<_>>(),
            values.iter().map(|x| x.to_bits()).collect::<Vec<_>>()
        );
    }

    #[test]
    fn value_counts_merge_both_sides() {
        let c = value_counts_sorted(&[1.0, 1.0, 2.0], &[2.0, 3.0]);
        assert_eq!(c.labels, ["1", "2", "3"]);
        assert_eq!(c.reference, [2, 1, 0]);
        assert_eq!(c.current, [0, 1, 1]);
        assert_eq!(merged_shape(&[1.0, 1.0, 2.0], &[2.0, 3.0]).0, 3);
        assert_eq!(merged_shape(&[], &[]).0, 0);
    }

    #[test]
    fn merged_shape_gap_equals_the_plain_merge() {
        use crate::drift::effect::max_cdf_gap;
        let cases: [(&[f64], &[f64]); 5] = [
            (&[1.0, 2.0, 3.0, 4.0], &[3.0, 4.0, 5.0, 6.0]),
            (&[1.0, 1.0, 1.0, 2.0], &[1.0, 2.0, 2.0]),
            (&[0.0, 0.5, 0.5, 0.9], &[0.1, 0.5, 0.7]),
            (&[5.0], &[1.0, 2.0, 3.0]),
            (&[1.0, 2.0], &[]),
        ];
        for (a, b) in cases {
            let (_, gap) = merged_shape(a, b);
            let plain = max_cdf_gap(Samples { reference: a, current: b });
            assert!(gap == plain || (gap.is_nan() && plain.is_nan()), "{a:?} {b:?}: {gap} vs {plain}");
        }
    }
}
