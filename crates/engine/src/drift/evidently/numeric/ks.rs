//! Two-sample Kolmogorov-Smirnov test, as Evidently's `ks` stattest calls
//! it: `scipy.stats.ks_2samp(reference, current)` (two-sided, method
//! "auto").

use crate::drift::{Samples, TestOutcome};
use crate::math::distinct_values::DistinctValues;
use crate::math::gcd::gcd;
use crate::math::special::kolmogorov_n::kolmogorov_n_sf;
use crate::math::special::ks_exact::{prob_outside_band, prob_outside_square};

/// scipy's "auto" uses the exact distribution while both sizes are at most this.
pub(crate) const MAX_EXACT_N: usize = 10_000;

/// The largest distance between the two empirical CDFs, evaluated just
/// right of every pooled value (ties included), as in scipy.
fn max_cdf_distance(s: Samples) -> f64 {
    let n1 = s.reference.len() as f64;
    let n2 = s.current.len() as f64;
    let (mut seen1, mut seen2) = (0usize, 0usize);
    let (mut max_diff, mut min_diff) = (f64::NEG_INFINITY, f64::INFINITY);
    for tie in DistinctValues::new(s.reference, s.current) {
        seen1 += tie.reference;
        seen2 += tie.current;
        let diff = seen1 as f64 / n1 - seen2 as f64 / n2;
        max_diff = max_diff.max(diff);
        min_diff = min_diff.min(diff);
    }
    let min_side = (-min_diff).clamp(0.0, 1.0);
    if min_side > max_diff {
        min_side
    } else {
        max_diff
    }
}

/// The exact p-value and the statistic rounded to the lattice h / lcm, or
/// `None` when the exact computation fails (scipy then falls back).
pub(crate) fn exact(n1: u64, n2: u64, d: f64) -> Option<(f64, f64)> {
    let g = gcd(n1, n2);
    let lcm = (n1 / g) * n2;
    let h = (d * lcm as f64).round_ties_even() as u64;
    let d = h as f64 / lcm as f64;
    if h == 0 {
        return Some((d, 1.0));
    }
    let p = if n1 == n2 { prob_outside_square(n1, h) } else { prob_outside_band(n1, n2, g, h) };
    (0.0..=1.0).contains(&p).then_some((d, p))
}

/// Smirnov's asymptotic p-value: the one-sample distribution at the
/// effective size n1 n2 / (n1 + n2), rounded.
pub(crate) fn asymptotic(n1: usize, n2: usize, d: f64) -> f64 {
    let (m, n) = (n1.max(n2) as f64, n1.min(n2) as f64);
    let effective = (m * n / (m + n)).round_ties_even();
    kolmogorov_n_sf(effective as u64, d)
}

/// `scipy.stats.ks_2samp(reference, current)`: statistic D and two-sided
/// p-value.
///
/// With both sizes at most 10,000 the p-value is exact (and D is reported
/// rounded to the lattice of attainable values, as scipy does); otherwise
/// it is Smirnov's asymptotic distribution. An empty side gives NaN (scipy
/// raises).
pub fn ks(s: Samples) -> TestOutcome {
    let (n1, n2) = (s.reference.len(), s.current.len());
    if n1 == 0 || n2 == 0 {
        return TestOutcome::test(f64::NAN, f64::NAN);
    }
    let d = max_cdf_distance(s);
    if n1.max(n2) <= MAX_EXACT_N {
        if let Some((d, p)) = exact(n1 as u64, n2 as u64, d) {
            return TestOutcome::test(d, p.clamp(0.0, 1.0));
        }
    }
    TestOutcome::test(d, asymptotic(n1, n2, d).clamp(0.0, 1.0))
}
