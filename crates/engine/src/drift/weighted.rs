//! The numeric tests on weighted samples: distinct values ascending, each
//! with how many rows hold it. Sketch mode hands them a column's exact
//! value counts (while it has few distinct values) or its KLL sketch's
//! items with their weights (2^level), so a test never needs the rows.
//!
//! With every weight 1 (or the exact counts of a sample) each function
//! gives what its counterpart on sorted samples gives (tested below); on
//! a sketch every CDF is within the sketch's rank error, and the results
//! within the bounds [`super::sketched`] states.

use super::evidently::binned::sturges::sturges_edges;
use super::evidently::binned::{bin_labels, distance_from_affinity, psi_of_shares, shares};
use super::evidently::numeric::ks::{asymptotic, exact, MAX_EXACT_N};
use super::evidently::numeric::wasserstein::MIN_NORM;
use super::{Counts, TestOutcome};

/// Two weighted samples, each sorted ascending with distinct values.
#[derive(Clone, Copy, Debug)]
pub struct Weighted<'a> {
    /// Baseline values with their row counts.
    pub reference: &'a [(f64, u64)],
    /// Current values with their row counts.
    pub current: &'a [(f64, u64)],
}

/// Sorts `(value, weight)` pairs and adds up the weights of equal values
/// (−0 and 0 are one value; zero weights are dropped).
#[must_use]
pub fn normalise(mut items: Vec<(f64, u64)>) -> Vec<(f64, u64)> {
    items.retain(|&(x, w)| w > 0 && !x.is_nan());
    items.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out: Vec<(f64, u64)> = Vec::with_capacity(items.len());
    for (x, w) in items {
        match out.last_mut() {
            Some(last) if last.0 == x => last.1 += w,
            _ => out.push((if x == 0.0 { 0.0 } else { x }, w)),
        }
    }
    out
}

/// Rows on one side.
#[must_use]
pub fn total(side: &[(f64, u64)]) -> u64 {
    side.iter().map(|&(_, w)| w).sum()
}

/// The pooled distinct values, ascending, with each side's weight there.
fn merged(w: Weighted<'_>) -> impl Iterator<Item = (f64, u64, u64)> + '_ {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        let a = w.reference.get(i).copied();
        let b = w.current.get(j).copied();
        let out = match (a, b) {
            (Some((x, wx)), Some((y, wy))) if x == y => (x, wx, wy),
            (Some((x, wx)), Some((y, _))) if x < y => (x, wx, 0),
            (Some((x, wx)), None) => (x, wx, 0),
            (_, Some((y, wy))) => (y, 0, wy),
            (None, None) => return None,
        };
        i += usize::from(out.1 > 0);
        j += usize::from(out.2 > 0);
        Some(out)
    })
}

/// scipy's two-sample KS statistic (the largest CDF gap, sign-resolved as
/// scipy does) and its p-value: exact while both sides hold at most 10,000
/// rows, else Smirnov's asymptotic distribution at the true row counts.
#[must_use]
pub fn ks(w: Weighted<'_>) -> TestOutcome {
    let (n1, n2) = (total(w.reference), total(w.current));
    if n1 == 0 || n2 == 0 {
        return TestOutcome::test(f64::NAN, f64::NAN);
    }
    let (mut seen1, mut seen2) = (0_u64, 0_u64);
    let (mut max_diff, mut min_diff) = (f64::NEG_INFINITY, f64::INFINITY);
    for (_, a, b) in merged(w) {
        seen1 += a;
        seen2 += b;
        let diff = seen1 as f64 / n1 as f64 - seen2 as f64 / n2 as f64;
        max_diff = max_diff.max(diff);
        min_diff = min_diff.min(diff);
    }
    let min_side = (-min_diff).clamp(0.0, 1.0);
    let d = if min_side > max_diff { min_side } else { max_diff };
    if n1.max(n2) <= MAX_EXACT_N as u64 {
        if let Some((d, p)) = exact(n1, n2, d) {
            return TestOutcome::test(d, p.clamp(0.0, 1.0));
        }
    }
    let (a, b) = (usize::try_from(n1).unwrap_or(usize::MAX), usize::try_from(n2).unwrap_or(usize::MAX));
    TestOutcome::test(d, asymptotic(a, b, d).clamp(0.0, 1.0))
}

/// sup |F_ref − F_cur| (the effect size and Model Monitor's numeric L∞);
/// NaN when a side is empty.
#[must_use]
pub fn max_cdf_gap(w: Weighted<'_>) -> f64 {
    let (n1, n2) = (total(w.reference) as f64, total(w.current) as f64);
    if n1 == 0.0 || n2 == 0.0 {
        return f64::NAN;
    }
    let (mut seen1, mut seen2, mut gap) = (0_u64, 0_u64, 0.0_f64);
    for (_, a, b) in merged(w) {
        seen1 += a;
        seen2 += b;
        gap = gap.max((seen1 as f64 / n1 - seen2 as f64 / n2).abs());
    }
    gap
}

/// `wasserstein_distance(reference, current) / max(std, 0.001)` with the
/// reference's population standard deviation `reference_std`.
#[must_use]
pub fn wasserstein_normed(w: Weighted<'_>, reference_std: f64) -> TestOutcome {
    let (n1, n2) = (total(w.reference) as f64, total(w.current) as f64);
    if n1 == 0.0 || n2 == 0.0 {
        return TestOutcome::distance(f64::NAN);
    }
    let (mut seen1, mut seen2, mut area) = (0_u64, 0_u64, 0.0);
    let mut previous: Option<(f64, f64)> = None;
    for (x, a, b) in merged(w) {
        if let Some((value, gap)) = previous {
            area += gap * (x - value);
        }
        seen1 += a;
        seen2 += b;
        previous = Some((x, (seen1 as f64 / n1 - seen2 as f64 / n2).abs()));
    }
    TestOutcome::distance(area / reference_std.max(MIN_NORM))
}

/// Evidently's numeric binning ([`super::evidently::binned::numeric_bins`]):
/// one bin per value with at most 20 distinct baseline values, else
/// Sturges bins over both sides' range and row count.
#[must_use]
pub fn numeric_bins(w: Weighted<'_>) -> Counts {
    if w.reference.len() <= 20 {
        let mut counts = Counts::default();
        for (x, a, b) in merged(w) {
            counts.labels.push(x.to_string());
            counts.reference.push(a);
            counts.current.push(b);
        }
        return counts;
    }
    let (Some(edges), Some(_)) = (range_edges(w, total(w.reference) + total(w.current)), w.current.first()) else {
        return Counts::default();
    };
    Counts {
        labels: bin_labels(&edges),
        reference: weighted_histogram(w.reference, &edges),
        current: weighted_histogram(w.current, &edges),
    }
}

/// Sturges edges over both sides' range for `size` values.
fn range_edges(w: Weighted<'_>, size: u64) -> Option<Vec<f64>> {
    let ends = |side: &[(f64, u64)]| side.first().map(|f| f.0).zip(side.last().map(|l| l.0));
    let (min, max) = match (ends(w.reference), ends(w.current)) {
        (Some((a, b)), Some((c, d))) => (a.min(c), b.max(d)),
        (Some(only), None) | (None, Some(only)) => only,
        (None, None) => return None,
    };
    Some(sturges_edges(min, max, usize::try_from(size).unwrap_or(usize::MAX)))
}

/// `np.histogram` counts of a weighted side (bins `[lo, hi)`, the last closed).
fn weighted_histogram(side: &[(f64, u64)], edges: &[f64]) -> Vec<u64> {
    // The cumulative weight below each edge, as histogram_counts counts rows.
    let mut cumulative: Vec<u64> = Vec::with_capacity(edges.len());
    let mut prefix = Vec::with_capacity(side.len() + 1);
    prefix.push(0_u64);
    for &(_, w) in side {
        prefix.push(prefix.last().copied().unwrap_or(0) + w);
    }
    for (i, &e) in edges.iter().enumerate() {
        let below =
            if i + 1 == edges.len() { side.partition_point(|p| p.0 <= e) } else { side.partition_point(|p| p.0 < e) };
        cumulative.push(prefix.get(below).copied().unwrap_or(0));
    }
    cumulative.windows(2).map(|c| c[1] - c[0]).collect()
}

/// Evidently's numeric Hellinger distance ([`super::evidently::binned::hellinger_numeric`]):
/// Sturges edges for the pooled distinct values (`n_unique` of them),
/// density histograms, affinity `Σ √(h1·h2)·width`.
#[must_use]
pub fn hellinger_numeric(w: Weighted<'_>, n_unique: u64) -> TestOutcome {
    let Some(edges) = range_edges(w, n_unique) else { return TestOutcome::distance(f64::NAN) };
    let density = |side: &[(f64, u64)]| {
        let counts = weighted_histogram(side, &edges);
        let total = counts.iter().sum::<u64>() as f64;
        counts.iter().zip(edges.windows(2)).map(|(&c, e)| c as f64 / (e[1] - e[0]) / total).collect::<Vec<f64>>()
    };
    let (h1, h2) = (density(w.reference), density(w.current));
    let width = match (edges.first(), edges.last()) {
        (Some(first), Some(last)) => (last - first) / (edges.len() - 1) as f64,
        _ => f64::NAN,
    };
    let affinity = h1.iter().zip(&h2).fold(0.0, |sum, (p, q)| sum + (p * q).sqrt() * width);
    TestOutcome::distance(distance_from_affinity(affinity))
}

/// The PSI over the baseline's deciles ([`super::psi_quantile()`]) on weighted samples.
#[must_use]
pub fn psi_quantile(w: Weighted<'_>) -> TestOutcome {
    if w.reference.is_empty() || w.current.is_empty() {
        return TestOutcome::distance(f64::NAN);
    }
    let edges: Vec<f64> = (1..10).map(|k| linear_quantile(w.reference, f64::from(k) / 10.0)).collect();
    let counts = |side: &[(f64, u64)]| {
        let mut bins = [0u64; 10];
        for &(x, weight) in side {
            if let Some(bin) = bins.get_mut(edges.partition_point(|&e| e <= x)) {
                *bin += weight;
            }
        }
        bins
    };
    TestOutcome::distance(psi_of_shares(shares(&counts(w.reference)), shares(&counts(w.current))))
}

/// `np.quantile` (linear) of a weighted side: the order statistics at
/// floor and ceil of `(n − 1)·q`, interpolated as numpy does.
fn linear_quantile(side: &[(f64, u64)], q: f64) -> f64 {
    let n = total(side);
    if n == 0 {
        return f64::NAN;
    }
    let index = (n - 1) as f64 * q;
    let below = index.floor();
    let gamma = index - below;
    let a = order_statistic(side, below as u64);
    if index >= (n - 1) as f64 {
        return order_statistic(side, n - 1);
    }
    let b = order_statistic(side, below as u64 + 1);
    let diff = b - a;
    if gamma >= 0.5 {
        b - diff * (1.0 - gamma)
    } else {
        a + diff * gamma
    }
}

/// The value at 0-based rank `r`.
fn order_statistic(side: &[(f64, u64)], r: u64) -> f64 {
    let mut so_far = 0;
    for &(x, w) in side {
        so_far += w;
        if so_far > r {
            return x;
        }
    }
    side.last().map_or(f64::NAN, |l| l.0)
}

/// Counts per distinct value over both sides (categorical tests of a
/// numeric column), labelled canonically.
#[must_use]
pub fn value_counts(w: Weighted<'_>) -> Counts {
    let mut counts = Counts::default();
    for (x, a, b) in merged(w) {
        counts.labels.push(crate::types::canonical_number(x));
        counts.reference.push(a);
        counts.current.push(b);
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drift::effect::max_cdf_gap as exact_gap;
    use crate::drift::evidently::binned::{hellinger_numeric as exact_hellinger, numeric_bins as exact_bins};
    use crate::drift::evidently::numeric::{ks as exact_ks, wasserstein_normed as exact_wasserstein};
    use crate::drift::Samples;
    use crate::math::pairwise_sum::variance;
    use crate::math::splitmix64::SplitMix64;

    fn sample(seed: u64, n: usize, shift: f64, distinct: Option<u64>) -> Vec<f64> {
        let mut rng = SplitMix64::new(seed);
        let mut v: Vec<f64> = (0..n)
            .map(|_| match distinct {
                Some(d) => (rng.next_f64() * d as f64).floor() + shift,
                None => rng.next_f64() * 10.0 + shift,
            })
            .collect();
        v.sort_by(f64::total_cmp);
        v
    }

    fn counted(v: &[f64]) -> Vec<(f64, u64)> {
        normalise(v.iter().map(|&x| (x, 1)).collect())
    }

    /// With exact counts, every weighted test gives the sample test's numbers.
    #[test]
    fn exact_counts_give_the_sample_tests_results() {
        let mut compared = 0;
        for (n, m, distinct) in [(50, 70, Some(8)), (900, 1200, None), (12_000, 11_000, None), (3000, 200, Some(30))] {
            let (a, b) = (sample(1, n, 0.0, distinct), sample(2, m, 0.7, distinct));
            let s = Samples { reference: &a, current: &b };
            let (ca, cb) = (counted(&a), counted(&b));
            let w = Weighted { reference: &ca, current: &cb };
            assert_eq!(ks(w), exact_ks(s));
            assert_eq!(max_cdf_gap(w), exact_gap(s));
            let std = variance(&a, 0).sqrt();
            let (x, y) = (wasserstein_normed(w, std).statistic, exact_wasserstein(s).statistic);
            assert!((x - y).abs() <= 1e-12 * y.abs().max(1.0), "{x} vs {y}");
            assert_eq!(numeric_bins(w), exact_bins(s));
            let mut keys: Vec<f64> = a.iter().chain(&b).copied().collect();
            keys.sort_by(f64::total_cmp);
            keys.dedup();
            let (x, y) = (hellinger_numeric(w, keys.len() as u64).statistic, exact_hellinger(s).statistic);
            assert!((x - y).abs() <= 1e-12, "{x} vs {y}");
            assert_eq!(psi_quantile(w), crate::drift::psi_quantile(s));
            compared += 1;
        }
        assert_eq!(compared, 4);
    }

    #[test]
    fn normalise_merges_equal_values_and_zeroes() {
        assert_eq!(normalise(vec![(2.0, 1), (-0.0, 2), (0.0, 3), (2.0, 4), (1.0, 0)]), vec![(0.0, 5), (2.0, 5)]);
    }
}
