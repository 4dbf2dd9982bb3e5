//! Effect sizes: how much a column moved, on one scale for every kind, so a
//! table of columns can be sorted by it and a p-value that is tiny only
//! because n is huge can be told apart from a shift that matters.
//!
//! Numeric columns: the largest gap between the two empirical CDFs (the KS
//! D statistic, also Model Monitor's numeric L∞): the largest share of rows
//! that would have to move to make the distributions equal below some value.
//! Categorical columns: the largest change of one category's share (TFDV and
//! Model Monitor's categorical L∞). Both lie in [0, 1] and are 0 on equal
//! distributions; 0.1 is Model Monitor's default comparison threshold.
//!
//! A largest share change misses a small category that collapses (car-loan's
//! "60K+" salary range falls from 9.4 % to 0.7 %: a change of 0.087), so the
//! PSI is measured too: it sums every bin's log-ratio term, so one
//! category's tenfold fall counts in full (0.23 there), and practice reads
//! it on a known scale (below 0.1 stable, 0.1–0.25 a moderate shift, above
//! 0.25 a major one).

use serde::{Deserialize, Serialize};

use super::evidently::binned::psi;
use super::outcome::Samples;
use super::psi_quantile::psi_quantile;
use super::values::ColumnValues;
use crate::category_counts::Counts;

/// What an effect size measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EffectMeasure {
    /// The largest gap between the two empirical CDFs.
    MaxCdfGap,
    /// The largest change of one category's share.
    MaxShareChange,
}

/// The effect size of a column and what it measures; NaN when a side is empty.
#[must_use]
pub fn effect_size(values: &ColumnValues) -> (f64, EffectMeasure) {
    match values {
        ColumnValues::Numeric { .. } | ColumnValues::Weighted { .. } => {
            (values.numeric_shape().map_or(f64::NAN, |s| s.1), EffectMeasure::MaxCdfGap)
        }
        ColumnValues::Categorical(counts) => (max_share_change(counts), EffectMeasure::MaxShareChange),
    }
}

/// Distinct values up to which a numeric column's PSI is over its values
/// rather than over baseline deciles (whose edges would coincide).
const PSI_MAX_DISTINCT_VALUES: usize = 10;

/// The PSI of a column: over the baseline's deciles for numbers with many
/// distinct values, else over categories (or distinct values), with
/// Evidently's empty-bin epsilon; NaN when a side is empty.
#[must_use]
pub fn psi_effect(values: &ColumnValues) -> f64 {
    match values.samples() {
        Some(s) if values.n_unique() > PSI_MAX_DISTINCT_VALUES => {
            if s.reference.is_empty() || s.current.is_empty() {
                return f64::NAN;
            }
            psi_quantile(s).statistic
        }
        None if values.n_unique() > PSI_MAX_DISTINCT_VALUES && values.weighted().is_some() => {
            values.weighted().map_or(f64::NAN, |w| super::weighted::psi_quantile(w).statistic)
        }
        _ => psi(&values.counts()).statistic,
    }
}

/// sup |F_ref(x) − F_cur(x)| over sorted samples, in one merge pass.
#[must_use]
pub fn max_cdf_gap(s: Samples) -> f64 {
    let (n, m) = (s.reference.len(), s.current.len());
    if n == 0 || m == 0 {
        return f64::NAN;
    }
    let (mut i, mut j, mut gap) = (0, 0, 0.0_f64);
    while i < n && j < m {
        let x = s.reference[i].min(s.current[j]);
        while i < n && s.reference[i] <= x {
            i += 1;
        }
        while j < m && s.current[j] <= x {
            j += 1;
        }
        gap = gap.max((i as f64 / n as f64 - j as f64 / m as f64).abs());
    }
    gap
}

/// max_k |c_ref(k)/n − c_cur(k)/m|.
#[must_use]
pub fn max_share_change(counts: &Counts) -> f64 {
    let (n, m) = (counts.reference_total() as f64, counts.current_total() as f64);
    if n == 0.0 || m == 0.0 {
        return f64::NAN;
    }
    counts.reference.iter().zip(&counts.current).map(|(&a, &b)| (a as f64 / n - b as f64 / m).abs()).fold(0.0, f64::max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gap_is_zero_on_equal_samples_and_one_on_disjoint() {
        let a = [1.0, 2.0, 3.0];
        assert_eq!(max_cdf_gap(Samples { reference: &a, current: &a }), 0.0);
        assert_eq!(max_cdf_gap(Samples { reference: &a, current: &[4.0, 5.0] }), 1.0);
        assert!(max_cdf_gap(Samples { reference: &a, current: &[] }).is_nan());
    }

    #[test]
    fn psi_counts_a_small_category_collapse_in_full() {
        // 60K+ falls from 9.4 % to 0.7 %, the rest spreads evenly: the largest
        // share change stays under 0.1, the PSI does not.
        let c = Counts::from_pairs([("60K+".into(), 94, 7), ("rest".into(), 906, 993)]);
        assert!(max_share_change(&c) < 0.1);
        let values = ColumnValues::Categorical(c);
        let expected = (0.094 - 0.007) * (0.094_f64 / 0.007).ln() + (0.906 - 0.993) * (0.906_f64 / 0.993).ln();
        assert!((psi_effect(&values) - expected).abs() < 1e-12, "{}", psi_effect(&values));
        assert!(psi_effect(&values) > 0.2);
    }

    #[test]
    fn share_change_takes_the_largest_category_move() {
        let c = Counts::from_pairs([("a".into(), 5, 1), ("b".into(), 5, 3)]);
        assert!((max_share_change(&c) - 0.25).abs() < 1e-15);
    }
}
