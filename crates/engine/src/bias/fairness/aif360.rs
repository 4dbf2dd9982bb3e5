//! AIF360 0.6.1's group metrics for one unprivileged group d against the
//! privileged group a (`ClassificationMetric` and `BinaryLabelDatasetMetric`
//! with `unprivileged_groups` = d, `privileged_groups` = a): differences are
//! d − a, ratios d / a.
//!
//! AIF360 divides counts as floats, so a rate over an empty denominator is
//! NaN and a ratio over a zero rate is ±∞ or NaN; the functions here do the
//! same. Accuracy (and so the error rate) is AIF360's 0 for an empty group.

use crate::bias::Confusion;

/// `num / den` as AIF360 divides its float counts (0/0 is NaN, x/0 is ∞).
fn ieee(num: u64, den: u64) -> f64 {
    num as f64 / den as f64
}

fn selection_rate(c: &Confusion) -> f64 {
    ieee(c.predicted_positives(), c.n())
}

fn base_rate(c: &Confusion) -> f64 {
    ieee(c.positives(), c.n())
}

fn true_positive_rate(c: &Confusion) -> f64 {
    ieee(c.tp, c.positives())
}

fn false_positive_rate(c: &Confusion) -> f64 {
    ieee(c.fp, c.negatives())
}

/// AIF360's `error_rate`, 1 − accuracy, with accuracy 0 for an empty group.
fn error_rate(c: &Confusion) -> f64 {
    let accuracy = if c.n() > 0 { ieee(c.tp + c.tn, c.n()) } else { 0.0 };
    1.0 - accuracy
}

/// `BinaryLabelDatasetMetric.statistical_parity_difference()`: the base
/// rates' difference P(y = 1 | d) − P(y = 1 | a), on observed labels.
#[must_use]
pub fn label_statistical_parity_difference(d: &Confusion, a: &Confusion) -> f64 {
    base_rate(d) - base_rate(a)
}

/// `BinaryLabelDatasetMetric.disparate_impact()`: P(y = 1 | d) / P(y = 1 | a).
#[must_use]
pub fn label_disparate_impact(d: &Confusion, a: &Confusion) -> f64 {
    base_rate(d) / base_rate(a)
}

/// `ClassificationMetric.statistical_parity_difference()`:
/// P(ŷ = 1 | d) − P(ŷ = 1 | a).
#[must_use]
pub fn statistical_parity_difference(d: &Confusion, a: &Confusion) -> f64 {
    selection_rate(d) - selection_rate(a)
}

/// `ClassificationMetric.disparate_impact()`: P(ŷ = 1 | d) / P(ŷ = 1 | a).
#[must_use]
pub fn disparate_impact(d: &Confusion, a: &Confusion) -> f64 {
    selection_rate(d) / selection_rate(a)
}

/// `equal_opportunity_difference()`: TPR_d − TPR_a.
#[must_use]
pub fn equal_opportunity_difference(d: &Confusion, a: &Confusion) -> f64 {
    true_positive_rate(d) - true_positive_rate(a)
}

/// `average_odds_difference()`: ½[(FPR_d − FPR_a) + (TPR_d − TPR_a)].
#[must_use]
pub fn average_odds_difference(d: &Confusion, a: &Confusion) -> f64 {
    0.5 * ((false_positive_rate(d) - false_positive_rate(a)) + (true_positive_rate(d) - true_positive_rate(a)))
}

/// `average_abs_odds_difference()`: ½[|FPR_d − FPR_a| + |TPR_d − TPR_a|].
#[must_use]
pub fn average_abs_odds_difference(d: &Confusion, a: &Confusion) -> f64 {
    0.5 * ((false_positive_rate(d) - false_positive_rate(a)).abs()
        + (true_positive_rate(d) - true_positive_rate(a)).abs())
}

/// `equalized_odds_difference()`: the larger of |FPR_d − FPR_a| and
/// |TPR_d − TPR_a|, by Python's `max` (the FPR gap wins unless the TPR gap
/// is larger, so a NaN FPR gap gives NaN and a NaN TPR gap is ignored).
#[must_use]
pub fn equalized_odds_difference(d: &Confusion, a: &Confusion) -> f64 {
    let fpr_gap = (false_positive_rate(d) - false_positive_rate(a)).abs();
    let tpr_gap = (true_positive_rate(d) - true_positive_rate(a)).abs();
    if tpr_gap > fpr_gap {
        tpr_gap
    } else {
        fpr_gap
    }
}

/// `error_rate_difference()`: ERR_d − ERR_a.
#[must_use]
pub fn error_rate_difference(d: &Confusion, a: &Confusion) -> f64 {
    error_rate(d) - error_rate(a)
}

/// `generalized_entropy_index(alpha)` over every row of `all`, with
/// bᵢ = ŷᵢ − yᵢ + 1 (Speicher et al., KDD 2018, doi:10.1145/3219819.3220046):
/// b is 0 for a false negative, 1 for a correct prediction and 2 for a false
/// positive, so the index is a weighted sum over those three values.
///
/// AIF360's own formulas: α = 1 is mean[(b/μ)·ln(b/μ)] (written
/// ln((b/μ)^b)/μ, so b = 0 adds 0); α = 0 is −mean[ln(b/μ)/μ] (AIF360
/// divides by μ here too); otherwise mean[(b/μ)^α − 1] / (α(α − 1)). NaN when
/// there is no row or μ = 0 (every row a false negative).
#[must_use]
pub fn generalized_entropy_index(all: &Confusion, alpha: f64) -> f64 {
    let values = [(0.0, all.fn_), (1.0, all.tp + all.tn), (2.0, all.fp)];
    entropy_index(&values, alpha)
}

/// `theil_index()`: [`generalized_entropy_index`] with α = 1.
#[must_use]
pub fn theil_index(all: &Confusion) -> f64 {
    generalized_entropy_index(all, 1.0)
}

/// `between_group_generalized_entropy_index(alpha)` with d and a as the
/// groups: every row's b replaced by its group's mean b.
#[must_use]
pub fn between_group_generalized_entropy_index(d: &Confusion, a: &Confusion, alpha: f64) -> f64 {
    let group_mean = |c: &Confusion| (c.tp + c.tn + 2 * c.fp) as f64 / c.n() as f64;
    // An empty group adds no row (AIF360 skips groups without members).
    let values: Vec<(f64, u64)> = [d, a].into_iter().filter(|c| c.n() > 0).map(|c| (group_mean(c), c.n())).collect();
    entropy_index(&values, alpha)
}

/// `between_group_theil_index()`: [`between_group_generalized_entropy_index`]
/// with α = 1.
#[must_use]
pub fn between_group_theil_index(d: &Confusion, a: &Confusion) -> f64 {
    between_group_generalized_entropy_index(d, a, 1.0)
}

/// AIF360's generalized entropy index of rows whose b takes `values[i].0`
/// on `values[i].1` rows.
fn entropy_index(values: &[(f64, u64)], alpha: f64) -> f64 {
    let n: u64 = values.iter().map(|&(_, count)| count).sum();
    let total: f64 = values.iter().map(|&(b, count)| b * count as f64).sum();
    let mean_b = total / n as f64;
    let term = |b: f64| {
        let x = b / mean_b;
        if alpha == 1.0 {
            x.powf(b).ln() / mean_b
        } else if alpha == 0.0 {
            -x.ln() / mean_b
        } else {
            x.powf(alpha) - 1.0
        }
    };
    let mean = values.iter().map(|&(b, count)| count as f64 * term(b)).sum::<f64>() / n as f64;
    if alpha == 1.0 || alpha == 0.0 {
        mean
    } else {
        mean / (alpha * (alpha - 1.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_degenerate_groups_follow_float_division() {
        let d = Confusion { tp: 0, fp: 0, tn: 5, fn_: 0 };
        let a = Confusion { tp: 2, fp: 1, tn: 3, fn_: 2 };
        // d has no positive: its TPR is 0/0.
        assert!(equal_opportunity_difference(&d, &a).is_nan());
        // d selects no one: DI is 0; a selecting no one makes it ∞ or NaN.
        assert_eq!(disparate_impact(&d, &a), 0.0);
        assert_eq!(disparate_impact(&a, &d), f64::INFINITY);
        assert!(disparate_impact(&d, &d).is_nan());
        assert!(statistical_parity_difference(&Confusion::default(), &a).is_nan());
        // Empty group: accuracy 0, error rate 1.
        assert_eq!(error_rate_difference(&Confusion::default(), &Confusion::default()), 0.0);
    }

    #[test]
    fn entropy_index_edge_cases() {
        // All predictions right: every b is 1, no inequality.
        let perfect = Confusion { tp: 3, fp: 0, tn: 4, fn_: 0 };
        assert_eq!(theil_index(&perfect), 0.0);
        assert_eq!(generalized_entropy_index(&perfect, 2.0), 0.0);
        // Only false negatives: μ = 0, undefined.
        assert!(theil_index(&Confusion { tp: 0, fp: 0, tn: 0, fn_: 4 }).is_nan());
        assert!(theil_index(&Confusion::default()).is_nan());
        // Equal group means: no between-group inequality.
        let same = between_group_theil_index(&perfect, &perfect);
        assert_eq!(same, 0.0);
        assert_eq!(between_group_theil_index(&perfect, &Confusion::default()), 0.0);
    }
}
