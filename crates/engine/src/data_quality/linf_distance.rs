//! Deequ's L∞ distances between a baseline and a current distribution
//! (`analyzers/Distance.scala`, spec §2.6).
//!
//! Numeric: over every item stored in either KLL sketch, the largest gap
//! between the two inclusive-rank CDFs, `max |R1(x)/n − R2(x)/m|` (the
//! two-sample Kolmogorov–Smirnov statistic of the sketches; `n`, `m` are the
//! sketches' total weights). Categorical: the largest gap between the two
//! category shares (a PMF gap, though Deequ calls it a CDF). Robust: the gap
//! less `c_α·sqrt((n+m)/(n·m))`, floored at 0, with Deequ 2.0.2's `c_α = 1.8`.

use super::KllSketch;
use crate::category_counts::Counts;

/// Deequ 2.0.2's hard-coded `c_α` (α ≈ 0.003).
pub const DEFAULT_C_ALPHA: f64 = 1.8;

/// `linf_simple` between two sketches; `None` when either is empty.
///
/// # Examples
/// ```
/// use tideline_engine::data_quality::{numeric_linf, KllSketch};
/// let (mut a, mut b) = (KllSketch::default(), KllSketch::default());
/// a.update_all(&[1.0, 2.0, 3.0, 4.0]);
/// b.update_all(&[3.0, 4.0, 5.0, 6.0]);
/// assert_eq!(numeric_linf(&a, &b), Some(0.5));
/// ```
#[must_use]
pub fn numeric_linf(baseline: &KllSketch, current: &KllSketch) -> Option<f64> {
    let (left, right) = (baseline.rank_map(), current.rank_map());
    let n = left.last()?.1;
    let m = right.last()?.1;
    let (n, m) = (n as f64, m as f64);
    let (mut i, mut j) = (0, 0);
    let (mut rank_left, mut rank_right) = (0_u64, 0_u64);
    let mut largest: f64 = 0.0;
    // Walk the union of keys in order; each map's rank is that of its largest key ≤ x.
    loop {
        let x = match (left.get(i), right.get(j)) {
            (Some(a), Some(b)) => {
                if a.0.total_cmp(&b.0).is_le() {
                    a.0
                } else {
                    b.0
                }
            }
            (Some(a), None) => a.0,
            (None, Some(b)) => b.0,
            (None, None) => break,
        };
        while let Some(&(_, rank)) = left.get(i).filter(|(key, _)| key.total_cmp(&x).is_le()) {
            rank_left = rank;
            i += 1;
        }
        while let Some(&(_, rank)) = right.get(j).filter(|(key, _)| key.total_cmp(&x).is_le()) {
            rank_right = rank;
            j += 1;
        }
        let gap = (rank_left as f64 / n - rank_right as f64 / m).abs();
        largest = largest.max(gap);
    }
    Some(largest)
}

/// `linf_simple` between category counts; `None` when either side is empty.
///
/// # Examples
/// ```
/// use tideline_engine::drift::Counts;
/// use tideline_engine::data_quality::categorical_linf;
/// let counts = Counts::from_pairs([("a".into(), 3, 1), ("b".into(), 1, 3)]);
/// assert_eq!(categorical_linf(&counts), Some(0.5));
/// ```
#[must_use]
pub fn categorical_linf(counts: &Counts) -> Option<f64> {
    let (n, m) = (counts.reference_total(), counts.current_total());
    if n == 0 || m == 0 {
        return None;
    }
    let (n, m) = (n as f64, m as f64);
    let largest = counts
        .reference
        .iter()
        .zip(&counts.current)
        .map(|(&a, &b)| (a as f64 / n - b as f64 / m).abs())
        .fold(0.0, f64::max);
    Some(largest)
}

/// `linf_robust = max(0, simple − c_α·sqrt((n+m)/(n·m)))`.
///
/// # Examples
/// ```
/// use tideline_engine::data_quality::{robust_linf, DEFAULT_C_ALPHA};
/// let robust = robust_linf(0.1, 1000.0, 1000.0, DEFAULT_C_ALPHA);
/// assert!((robust - 0.0195).abs() < 1e-4);
/// ```
#[must_use]
pub fn robust_linf(simple: f64, n: f64, m: f64, c_alpha: f64) -> f64 {
    (simple - c_alpha * ((n + m) / (n * m)).sqrt()).max(0.0)
}
