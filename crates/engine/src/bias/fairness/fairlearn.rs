//! Fairlearn 0.15's disparity metrics over every group of a sensitive
//! feature (or of several crossed): the spread of a per-group rate, as the
//! largest minus the smallest (`*_difference`, `method="between_groups"`) or
//! the smallest over the largest (`*_ratio`).
//!
//! Fairlearn's conventions, which these functions keep:
//! - a group with no row is absent (Fairlearn's `MetricFrame` gives it NaN
//!   when crossing features, and its min/max skip NaN);
//! - the true/false positive rates of a group without positives (or
//!   negatives) are 0, as scikit-learn's normalised confusion matrix gives;
//! - a ratio whose largest rate is 0 is 0/0 = NaN;
//! - with no group at all every metric is NaN.

use crate::bias::Confusion;

/// How `equalized_odds_*` combines its TPR and FPR parts (Fairlearn's `agg`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    /// The worse of the two (`agg="worst_case"`, the default).
    #[default]
    WorstCase,
    /// Their mean (`agg="mean"`).
    Mean,
}

/// scikit-learn's normalised confusion-matrix cell: 0 over an empty row.
fn sklearn_rate(num: u64, den: u64) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

/// `fairlearn.metrics.selection_rate`: predicted positives / rows.
fn selection_rate(c: &Confusion) -> f64 {
    c.predicted_positives() as f64 / c.n() as f64
}

/// `fairlearn.metrics.true_positive_rate`.
fn true_positive_rate(c: &Confusion) -> f64 {
    sklearn_rate(c.tp, c.positives())
}

/// `fairlearn.metrics.false_positive_rate`.
fn false_positive_rate(c: &Confusion) -> f64 {
    sklearn_rate(c.fp, c.negatives())
}

/// The smallest and largest `rate` over the non-empty groups (NaN, NaN
/// without any).
fn extremes(groups: &[Confusion], rate: fn(&Confusion) -> f64) -> (f64, f64) {
    groups.iter().filter(|c| c.n() > 0).map(rate).fold((f64::NAN, f64::NAN), |(lo, hi), x| (lo.min(x), hi.max(x)))
}

fn difference(groups: &[Confusion], rate: fn(&Confusion) -> f64) -> f64 {
    let (lo, hi) = extremes(groups, rate);
    hi - lo
}

fn ratio(groups: &[Confusion], rate: fn(&Confusion) -> f64) -> f64 {
    let (lo, hi) = extremes(groups, rate);
    lo / hi
}

/// `demographic_parity_difference`: largest minus smallest selection rate.
///
/// # Examples
/// ```
/// use tideline_engine::bias::Confusion;
/// use tideline_engine::bias::fairness::{demographic_parity_difference, demographic_parity_ratio};
/// let groups = [Confusion { tp: 2, fp: 2, tn: 4, fn_: 2 }, Confusion { tp: 1, fp: 0, tn: 3, fn_: 0 }];
/// assert_eq!(demographic_parity_difference(&groups), 0.4 - 0.25);
/// assert_eq!(demographic_parity_ratio(&groups), 0.25 / 0.4);
/// ```
#[must_use]
pub fn demographic_parity_difference(groups: &[Confusion]) -> f64 {
    difference(groups, selection_rate)
}

/// `demographic_parity_ratio`: smallest over largest selection rate.
#[must_use]
pub fn demographic_parity_ratio(groups: &[Confusion]) -> f64 {
    ratio(groups, selection_rate)
}

/// `equal_opportunity_difference`: largest minus smallest TPR.
#[must_use]
pub fn equal_opportunity_difference(groups: &[Confusion]) -> f64 {
    difference(groups, true_positive_rate)
}

/// `equal_opportunity_ratio`: smallest over largest TPR.
#[must_use]
pub fn equal_opportunity_ratio(groups: &[Confusion]) -> f64 {
    ratio(groups, true_positive_rate)
}

/// `equalized_odds_difference(agg=…)`: the TPR and FPR differences
/// combined. The worst case is Python's `max` over [TPR, FPR] (a NaN TPR
/// difference wins); the mean skips NaN as pandas does.
#[must_use]
pub fn equalized_odds_difference(groups: &[Confusion], agg: Aggregation) -> f64 {
    let tpr = difference(groups, true_positive_rate);
    let fpr = difference(groups, false_positive_rate);
    combine(tpr, fpr, agg, fpr > tpr)
}

/// `equalized_odds_ratio(agg=…)`: the TPR and FPR ratios combined. The
/// worst case is Python's `min` over [TPR, FPR]: a NaN TPR ratio gives NaN,
/// a NaN FPR ratio (no false positive anywhere) is passed over.
#[must_use]
pub fn equalized_odds_ratio(groups: &[Confusion], agg: Aggregation) -> f64 {
    let tpr = ratio(groups, true_positive_rate);
    let fpr = ratio(groups, false_positive_rate);
    combine(tpr, fpr, agg, fpr < tpr)
}

/// The TPR and FPR parts by `agg`; the worst case takes the FPR part only
/// when `fpr_is_worse` (Python's `max`/`min` keep the first item unless the
/// second compares strictly beyond it).
fn combine(tpr: f64, fpr: f64, agg: Aggregation, fpr_is_worse: bool) -> f64 {
    match agg {
        Aggregation::WorstCase if fpr_is_worse => fpr,
        Aggregation::WorstCase => tpr,
        Aggregation::Mean => nan_mean(tpr, fpr),
    }
}

/// pandas' `Series.mean()` of two values: NaN skipped.
fn nan_mean(x: f64, y: f64) -> f64 {
    match (x.is_nan(), y.is_nan()) {
        (false, false) => (x + y) / 2.0,
        (false, true) => x,
        (true, false) => y,
        (true, true) => f64::NAN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_group_has_no_disparity() {
        let one = [Confusion { tp: 2, fp: 1, tn: 3, fn_: 4 }];
        assert_eq!(demographic_parity_difference(&one), 0.0);
        assert_eq!(demographic_parity_ratio(&one), 1.0);
        assert_eq!(equalized_odds_ratio(&one, Aggregation::WorstCase), 1.0);
    }

    #[test]
    fn empty_groups_are_skipped_and_no_group_is_nan() {
        let groups = [Confusion { tp: 2, fp: 1, tn: 3, fn_: 4 }, Confusion::default()];
        assert_eq!(demographic_parity_ratio(&groups), 1.0);
        assert!(demographic_parity_difference(&[]).is_nan());
        assert!(equalized_odds_difference(&[Confusion::default()], Aggregation::Mean).is_nan());
    }

    #[test]
    fn zero_over_zero_rates_and_ratios() {
        // No positive in the second group: its TPR counts as 0.
        let groups = [Confusion { tp: 1, fp: 0, tn: 1, fn_: 1 }, Confusion { tp: 0, fp: 0, tn: 2, fn_: 0 }];
        assert_eq!(equal_opportunity_difference(&groups), 0.5);
        assert_eq!(equal_opportunity_ratio(&groups), 0.0);
        // No false positive anywhere: the FPR ratio is 0/0, passed over by
        // the worst case, skipped by the mean.
        assert_eq!(equalized_odds_ratio(&groups, Aggregation::WorstCase), 0.0);
        assert_eq!(equalized_odds_ratio(&groups, Aggregation::Mean), 0.0);
        // Nobody selected: the selection-rate ratio is 0/0.
        let none = [Confusion { tp: 0, fp: 0, tn: 1, fn_: 1 }, Confusion { tp: 0, fp: 0, tn: 2, fn_: 0 }];
        assert!(demographic_parity_ratio(&none).is_nan());
        // No positive anywhere: the TPR ratio is NaN and wins the worst case.
        assert!(equalized_odds_ratio(&none, Aggregation::WorstCase).is_nan());
    }
}
