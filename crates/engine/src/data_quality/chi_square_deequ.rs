//! Deequ's chi-square drift test for categorical features (newer Deequ's
//! `categoricalChiSquareTest`, spec §2.6).
//!
//! The baseline counts are rescaled to the current total over the baseline's
//! categories; categories are then regrouped until the table passes the rule
//! of thumb (two categories: every expected count ≥ 10, Cochran; more: at
//! most ⌊0.2·k⌋ expected counts below 5, Yates) by merging the smallest
//! expected category into the second smallest, on both sides. Fewer than two
//! categories left gives no result. The test is Spark's goodness of fit,
//! `Σ (o − e)²/e` with k − 1 degrees of freedom. Deequ picks the smallest
//! category from a hash map, so ties fall arbitrarily; here ties go to the
//! category listed first (baseline order).

use crate::category_counts::Counts;
use crate::math::tails::chi_squared_sf;

/// Cochran's minimum expected count for a two-category table.
const COCHRAN_MIN: f64 = 10.0;
/// Yates' expected count below which a category is small.
const YATES_MIN: f64 = 5.0;
/// Yates' largest share of small categories.
const YATES_SHARE: f64 = 0.2;

/// The regrouped table and the test's result.
#[derive(Debug, Clone, PartialEq)]
pub struct ChiSquareOutcome {
    /// Category labels after regrouping (a merged category keeps the second smallest's label).
    pub labels: Vec<String>,
    /// Observed (current) counts after regrouping.
    pub observed: Vec<f64>,
    /// Expected counts (baseline shares × current total) after regrouping.
    pub expected: Vec<f64>,
    /// `Σ (o − e)²/e`.
    pub statistic: f64,
    /// Upper tail of χ²(k − 1) at the statistic.
    pub p_value: f64,
}

/// Rescales and regroups `counts` (reference = baseline, current = observed);
/// returns (labels, observed, expected).
#[must_use]
pub fn regroup_categories(counts: &Counts) -> (Vec<String>, Vec<f64>, Vec<f64>) {
    let in_baseline = |i: usize| counts.reference.get(i).is_some_and(|&c| c > 0);
    let sample_total: f64 =
        counts.current.iter().enumerate().filter(|&(i, _)| in_baseline(i)).map(|(_, &c)| c as f64).sum();
    let expected_total = counts.reference_total() as f64;
    let mut labels = Vec::new();
    let mut observed = Vec::new();
    let mut expected = Vec::new();
    for (i, label) in counts.labels.iter().enumerate().filter(|&(i, _)| in_baseline(i)) {
        labels.push(label.clone());
        observed.push(counts.current.get(i).map_or(0.0, |&c| c as f64));
        expected.push(counts.reference.get(i).map_or(0.0, |&c| c as f64) / expected_total * sample_total);
    }
    while expected.len() >= 2 {
        let k = expected.len();
        let (floor, allowed) = if k > 2 { (YATES_MIN, (YATES_SHARE * k as f64) as usize) } else { (COCHRAN_MIN, 0) };
        if expected.iter().filter(|&&e| e < floor).count() <= allowed {
            break;
        }
        let Some(smallest) = position_of_min(&expected, None) else { break };
        let Some(second) = position_of_min(&expected, Some(smallest)) else { break };
        let (e, o) = (expected.get(smallest).copied().unwrap_or(0.0), observed.get(smallest).copied().unwrap_or(0.0));
        if let (Some(se), Some(so)) = (expected.get_mut(second), observed.get_mut(second)) {
            *se += e;
            *so += o;
        }
        labels.remove(smallest);
        expected.remove(smallest);
        observed.remove(smallest);
    }
    (labels, observed, expected)
}

/// Index of the smallest value (first on ties), skipping `except`.
fn position_of_min(values: &[f64], except: Option<usize>) -> Option<usize> {
    let mut best: Option<(usize, f64)> = None;
    for (i, &v) in values.iter().enumerate() {
        if Some(i) == except {
            continue;
        }
        if best.is_none_or(|(_, b)| v < b) {
            best = Some((i, v));
        }
    }
    best.map(|(i, _)| i)
}

/// The chi-square drift test; `None` when fewer than two categories remain.
///
/// # Examples
/// ```
/// use tideline_engine::drift::Counts;
/// use tideline_engine::data_quality::chi_square_drift;
/// let counts = Counts::from_pairs([("a".into(), 50, 30), ("b".into(), 50, 70)]);
/// let outcome = chi_square_drift(&counts).unwrap();
/// assert_eq!(outcome.statistic, 16.0);
/// assert!(outcome.p_value < 1e-4);
/// ```
#[must_use]
pub fn chi_square_drift(counts: &Counts) -> Option<ChiSquareOutcome> {
    let (labels, observed, expected) = regroup_categories(counts);
    if expected.len() < 2 {
        return None;
    }
    let observed_total: f64 = observed.iter().sum();
    let expected_total: f64 = expected.iter().sum();
    // Spark rescales the expected counts when the totals differ by more than rounding.
    let scale = if (observed_total - expected_total).abs() < 1e-7 { 1.0 } else { observed_total / expected_total };
    let mut statistic = 0.0;
    for (&o, &e) in observed.iter().zip(&expected) {
        let e = e * scale;
        if e == 0.0 {
            if o == 0.0 {
                continue;
            }
            return None;
        }
        statistic += (o - e) * (o - e) / e;
    }
    let freedom = (expected.len() - 1) as f64;
    // Q(k/2, x/2), the same call statrs' `ChiSquared::sf` makes.
    let p_value = chi_squared_sf(statistic, freedom);
    Some(ChiSquareOutcome { labels, observed, expected, statistic, p_value })
}
