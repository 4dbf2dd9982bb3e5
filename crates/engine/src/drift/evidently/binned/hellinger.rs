//! Evidently's `hellinger` stattest: the Hellinger distance.

use super::shares::{has_empty_side, shares};
use super::sturges::{histogram_counts, sturges_edges};
use crate::drift::{Counts, Samples, TestOutcome};

/// Evidently's categorical Hellinger distance: `√(1 − clip(Σ √(p_i·q_i), 0,
/// 1))` over the categories' shares (no epsilon). Symmetric. Because of the
/// square root after `1 − Σ`, rounding in the sum shows as about 1e-8 on
/// identical distributions, as in Evidently. A distance; NaN when a side is
/// empty.
#[must_use]
pub fn hellinger(c: &Counts) -> TestOutcome {
    if has_empty_side(c) {
        return TestOutcome::distance(f64::NAN);
    }
    let affinity = shares(&c.reference).iter().zip(shares(&c.current)).fold(0.0, |sum, (p, q)| sum + (p * q).sqrt());
    TestOutcome::distance(distance_from_affinity(affinity))
}

/// Evidently's Hellinger distance for a numeric column, which bins
/// differently from [`super::numeric_bins()`]: Sturges edges over the
/// *distinct* values of both sides (`np.histogram_bin_edges(keys,
/// bins="sturges")`, whatever their number), density histograms of each
/// side, affinity `Σ √(h1_i·h2_i)·width` with `width` the mean bin width.
#[must_use]
pub fn hellinger_numeric(s: Samples) -> TestOutcome {
    let keys = distinct_merged(s.reference, s.current);
    let (Some(&min), Some(&max)) = (keys.first(), keys.last()) else {
        return TestOutcome::distance(f64::NAN);
    };
    let edges = sturges_edges(min, max, keys.len());
    let (h1, h2) = (density(s.reference, &edges), density(s.current, &edges));
    let width = match (edges.first(), edges.last()) {
        (Some(first), Some(last)) => (last - first) / (edges.len() - 1) as f64,
        _ => f64::NAN,
    };
    let affinity = h1.iter().zip(&h2).fold(0.0, |sum, (p, q)| sum + (p * q).sqrt() * width);
    TestOutcome::distance(distance_from_affinity(affinity))
}

/// `√(1 − clip(affinity, 0, 1))`, NaN staying NaN.
pub(crate) fn distance_from_affinity(affinity: f64) -> f64 {
    let clipped = if affinity.is_nan() { affinity } else { affinity.clamp(0.0, 1.0) };
    (1.0 - clipped).sqrt()
}

/// `np.histogram(sorted, edges, density=True)[0]`: count / bin width / total.
fn density(sorted: &[f64], edges: &[f64]) -> Vec<f64> {
    let counts = histogram_counts(sorted, edges);
    let total = counts.iter().sum::<u64>() as f64;
    let widths = edges.windows(2).map(|w| match w {
        [lo, hi] => hi - lo,
        _ => f64::NAN,
    });
    counts.iter().zip(widths).map(|(&c, width)| c as f64 / width / total).collect()
}

/// The distinct values of two ascending samples, ascending.
fn distinct_merged(a: &[f64], b: &[f64]) -> Vec<f64> {
    let mut all: Vec<f64> = a.iter().chain(b).copied().collect();
    all.sort_unstable_by(f64::total_cmp);
    all.dedup_by(|x, y| x == y);
    all
}
