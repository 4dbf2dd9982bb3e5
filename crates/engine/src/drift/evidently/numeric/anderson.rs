//! Evidently's `anderson` stattest: `scipy.stats.anderson_ksamp([reference,
//! current])` — the midrank k-sample Anderson-Darling statistic of Scholz
//! and Stephens (1987, JASA 82(399), eq. 7), standardised, with the p-value
//! ("significance level") interpolated from their Table 2 and capped to
//! [0.001, 0.25] exactly as scipy does.

use crate::drift::{Samples, TestOutcome};
use crate::math::distinct_values::DistinctValues;
use crate::math::pairwise_sum::pairwise_sum;
use crate::math::special::quadratic_fit::quadratic_fit;

/// Significance levels of Scholz and Stephens' Table 2.
const LEVELS: [f64; 7] = [0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001];
/// Interpolation coefficients b0, b1, b2 of Table 2 (critical value
/// b0 + b1/√m + b2/m for m = k - 1).
const B0: [f64; 7] = [0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085];
const B1: [f64; 7] = [-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615];
const B2: [f64; 7] = [-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154];

/// Number of samples compared.
const K: f64 = 2.0;

/// A2akN (eq. 7): sums over the distinct pooled values z_j.
fn midrank_statistic(s: Samples) -> f64 {
    let total = s.reference.len() + s.current.len();
    let n = total as f64;
    let sizes = [s.reference.len() as f64, s.current.len() as f64];
    let mut sums = [0.0; 2];
    let mut below = 0usize;
    let mut seen = [0usize; 2];
    let distinct = DistinctValues::new(s.reference, s.current).count();
    let all_distinct = distinct == total;
    for tie in DistinctValues::new(s.reference, s.current) {
        let size = tie.reference + tie.current;
        let lj = if all_distinct { 1.0 } else { size as f64 };
        let bj = below as f64 + lj / 2.0;
        let counts = [tie.reference, tie.current];
        for i in 0..2 {
            seen[i] += counts[i];
            let mij = seen[i] as f64 - counts[i] as f64 / 2.0;
            let inner = lj / n * (n * mij - bj * sizes[i]).powi(2) / (bj * (n - bj) - n * lj / 4.0);
            sums[i] += inner;
        }
        below += size;
    }
    (sums[0] / sizes[0] + sums[1] / sizes[1]) * ((n - 1.0) / n)
}

/// Scholz and Stephens' variance of A2akN under the null (their eq. 4).
fn null_variance(s: Samples) -> f64 {
    let total = s.reference.len() + s.current.len();
    let n = total as f64;
    let big_h = 1.0 / s.reference.len() as f64 + 1.0 / s.current.len() as f64;
    // h = Σ_{i=1}^{N-1} 1/i (summed from 1/(N-1) upwards, as scipy's cumsum);
    // g = Σ_{i=1}^{N-2} Σ_{j=i+1}^{N-1} 1/((N-i) j), from those partial sums.
    let count = (n as usize).saturating_sub(2);
    let mut partial = Vec::with_capacity(count);
    let mut running = 0.0;
    for i in 0..count {
        running += 1.0 / (n - 1.0 - i as f64);
        partial.push(running);
    }
    let h = running + 1.0;
    let g = pairwise_sum(0, count, &|i| partial.get(i).copied().unwrap_or(0.0) / (i as f64 + 2.0));
    let k = K;
    let a = (4.0 * g - 6.0) * (k - 1.0) + (10.0 - 6.0 * g) * big_h;
    let b = (2.0 * g - 4.0) * k * k + 8.0 * h * k + (2.0 * g - 14.0 * h - 4.0) * big_h - 8.0 * h + 4.0 * g - 6.0;
    let c = (6.0 * h + 2.0 * g - 2.0) * k * k + (4.0 * h - 4.0 * g + 6.0) * k + (2.0 * h - 6.0) * big_h + 4.0 * h;
    let d = (2.0 * h + 6.0) * k * k - 4.0 * h * k;
    // N² and N³ as exact integers first, as Python forms them.
    let (n2, n3) = ((total as u128).pow(2) as f64, (total as u128).pow(3) as f64);
    (a * n3 + b * n2 + c * n + d) / ((n - 1.0) * (n - 2.0) * (n - 3.0))
}

/// The tabulated p-value for a standardised statistic, as scipy reads it.
fn significance(a2: f64) -> f64 {
    let m = K - 1.0;
    let critical: [f64; 7] = std::array::from_fn(|i| B0[i] + B1[i] / m.sqrt() + B2[i] / m);
    let lowest = critical.iter().copied().fold(f64::INFINITY, f64::min);
    let highest = critical.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if a2 < lowest {
        return 0.25;
    }
    if a2 > highest {
        return 0.001;
    }
    let log_levels = LEVELS.map(f64::ln);
    let [c2, c1, c0] = quadratic_fit(&critical, &log_levels);
    (((c2 * a2) + c1) * a2 + c0).exp()
}

/// `anderson_ksamp([reference, current])`: the standardised midrank
/// statistic and the interpolated significance level (in [0.001, 0.25]).
/// scipy raises when a side is empty or all values are equal; those give
/// NaN here.
pub fn anderson(s: Samples) -> TestOutcome {
    if s.reference.is_empty() || s.current.is_empty() {
        return TestOutcome::test(f64::NAN, f64::NAN);
    }
    if DistinctValues::new(s.reference, s.current).nth(1).is_none() {
        return TestOutcome::test(f64::NAN, f64::NAN);
    }
    let a2 = (midrank_statistic(s) - (K - 1.0)) / null_variance(s).sqrt();
    TestOutcome::test(a2, significance(a2))
}
