//! Evidently's `es` stattest: `scipy.stats.epps_singleton_2samp(reference,
//! current)` with its default points t = (0.4, 0.8) — the Epps-Singleton
//! (1986) test on the empirical characteristic function, scaled by the
//! semi-interquartile range of the pooled sample, with the small-sample
//! correction and a pseudo-inverse of the estimated covariance.

use crate::drift::{Samples, TestOutcome};
use crate::math::pairwise_sum::pairwise_sum;
use crate::math::special::symmetric_eigen::symmetric_eigen;
use crate::math::tails::chi_squared_sf_integer;

/// Evaluation points of the characteristic function, before scaling.
const POINTS: [f64; 2] = [0.4, 0.8];
/// scipy requires at least this many values per side (fewer give NaN).
const MIN_N: usize = 5;
/// The small-sample correction applies below this larger size.
const CORRECTION_BELOW: usize = 25;
/// numpy's default `pinv` cut-off, relative to the largest singular value.
const PINV_RCOND: f64 = 1e-15;

/// The pooled sample's quantile at `p` by scipy's default ("linear",
/// Hyndman-Fan 7), read from the two sorted sides without merging them.
fn pooled_quantile(s: Samples, p: f64) -> f64 {
    let n = (s.reference.len() + s.current.len()) as f64;
    let position = p * n + (1.0 - p);
    let upper = position.floor();
    let g = position % 1.0;
    let at = |index: f64| order_statistic(s, index.clamp(0.0, n - 1.0) as usize);
    (1.0 - g) * at(upper - 1.0) + g * at(upper)
}

/// The k-th smallest (0-based) value of the pooled sample.
fn order_statistic(s: Samples, k: usize) -> f64 {
    // Binary search on how many of the k + 1 smallest come from reference.
    let (a, b) = (s.reference, s.current);
    let (mut lo, mut hi) = ((k + 1).saturating_sub(b.len()), (k + 1).min(a.len()));
    while lo < hi {
        let i = (lo + hi) / 2;
        let j = k + 1 - i;
        // Too few from `a` if a[i] < b[j - 1].
        if a.get(i).zip(j.checked_sub(1).and_then(|j1| b.get(j1))).is_some_and(|(x, y)| x < y) {
            lo = i + 1;
        } else {
            hi = i;
        }
    }
    let j = k + 1 - lo;
    let from_a = lo.checked_sub(1).and_then(|i| a.get(i)).copied();
    let from_b = j.checked_sub(1).and_then(|j1| b.get(j1)).copied();
    match (from_a, from_b) {
        (Some(x), Some(y)) => x.max(y),
        (Some(x), None) => x,
        (None, Some(y)) => y,
        (None, None) => f64::NAN,
    }
}

/// Means and biased covariance of g(x) = (cos t1 x, cos t2 x, sin t1 x, sin t2 x).
fn moments(values: &[f64], t: [f64; 2]) -> ([f64; 4], [[f64; 4]; 4]) {
    // Evaluated once per value: the sums below read them ten times.
    let rows: Vec<[f64; 4]> =
        values.iter().map(|&x| [(t[0] * x).cos(), (t[1] * x).cos(), (t[0] * x).sin(), (t[1] * x).sin()]).collect();
    let g = |i: usize, row: usize| -> f64 { rows.get(i).and_then(|r| r.get(row)).copied().unwrap_or(0.0) };
    let n = values.len();
    let means: [f64; 4] = std::array::from_fn(|r| pairwise_sum(0, n, &|i| g(i, r)) / n as f64);
    let mut cov = [[0.0; 4]; 4];
    for r in 0..4 {
        for c in r..4 {
            let sum = pairwise_sum(0, n, &|i| (g(i, r) - means[r]) * (g(i, c) - means[c]));
            // np.cov multiplies by 1/(n - 1); scipy then by (n - 1)/n.
            let value = sum * (1.0 / (n as f64 - 1.0)) * ((n as f64 - 1.0) / n as f64);
            cov[r][c] = value;
            cov[c][r] = value;
        }
    }
    (means, cov)
}

/// `epps_singleton_2samp(reference, current)`: statistic W and its
/// chi-squared p-value with the covariance's rank as degrees of freedom.
/// Fewer than five values on a side, or a pooled interquartile range of
/// zero (Evidently raises, scipy returns NaN), give NaN.
pub fn epps_singleton(s: Samples) -> TestOutcome {
    let (nx, ny) = (s.reference.len(), s.current.len());
    if nx < MIN_N || ny < MIN_N {
        return TestOutcome::test(f64::NAN, f64::NAN);
    }
    let sigma = (pooled_quantile(s, 0.75) - pooled_quantile(s, 0.25)) / 2.0;
    if sigma.is_nan() || sigma <= 0.0 {
        return TestOutcome::test(f64::NAN, f64::NAN);
    }
    let t = POINTS.map(|p| p / sigma);
    let (mean_x, cov_x) = moments(s.reference, t);
    let (mean_y, cov_y) = moments(s.current, t);
    let (fx, fy) = (nx as f64, ny as f64);
    let n = fx + fy;
    let mut cov = [[0.0; 4]; 4];
    for r in 0..4 {
        for c in 0..4 {
            cov[r][c] = (n / fx) * cov_x[r][c] + (n / fy) * cov_y[r][c];
        }
    }
    // Pseudo-inverse through the eigen-decomposition (numpy's SVD of a
    // symmetric matrix has the absolute eigenvalues as singular values).
    let eigen = symmetric_eigen(cov);
    let largest = eigen.values.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
    let kept: [bool; 4] = eigen.values.map(|v| v.abs() > PINV_RCOND * largest);
    let diff: [f64; 4] = std::array::from_fn(|r| mean_x[r] - mean_y[r]);
    let mut w = 0.0;
    for (k, &keep) in kept.iter().enumerate() {
        if keep {
            let projection: f64 = (0..4).map(|r| eigen.vectors[r][k] * diff[r]).sum();
            w += projection * projection / eigen.values[k];
        }
    }
    w *= n;
    // matrix_rank of the pseudo-inverse: the kept directions, unless their
    // inverses span more than 1/(4 eps).
    let inverse_largest =
        eigen.values.iter().zip(kept).filter(|(_, k)| *k).fold(0.0_f64, |m, (v, _)| m.max(1.0 / v.abs()));
    let rank = eigen
        .values
        .iter()
        .zip(kept)
        .filter(|&(v, k)| k && 1.0 / v.abs() > inverse_largest * 4.0 * f64::EPSILON)
        .count();
    if nx.max(ny) < CORRECTION_BELOW {
        w *= 1.0 / (1.0 + n.powf(-0.45) + 10.1 * (fx.powf(-1.7) + fy.powf(-1.7)));
    }
    TestOutcome::test(w, chi_squared_sf_integer(rank as u32, w))
}
