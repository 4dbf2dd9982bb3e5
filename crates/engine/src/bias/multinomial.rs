//! Exact binomial and multinomial draws in O(1) expected time, for the
//! bootstrap: resampling n rows with replacement only matters through how
//! many land in each count cell, and that vector is multinomial.
//!
//! Binomial(n, p) is drawn by inversion (Kachitvichyanukul & Schmeiser 1988,
//! algorithm BINV) when the mean n·min(p, 1−p) is below 10, and otherwise by
//! Hörmann's transformed rejection with squeeze, BTRS ("The generation of
//! binomial random variates", J. Statist. Comput. Simul. 46, 1993,
//! doi:10.1080/00949659308811496). Both are exact up to floating-point
//! rounding, and neither costs more with n.

use statrs::function::factorial::ln_factorial;

use crate::math::splitmix64::SplitMix64;

/// Below this mean, inversion (expected mean + 1 steps) beats rejection.
const INVERSION_MEAN: f64 = 10.0;

/// A Binomial(`n`, `p`) draw; `p` outside (0, 1) (or NaN) gives 0 or n.
pub(crate) fn binomial(rng: &mut SplitMix64, n: u64, p: f64) -> u64 {
    if n == 0 || p.is_nan() || p <= 0.0 {
        return 0;
    }
    if p >= 1.0 {
        return n;
    }
    // Both methods want p ≤ ½: count the other outcome instead.
    if p > 0.5 {
        return n - binomial_small_p(rng, n, 1.0 - p);
    }
    binomial_small_p(rng, n, p)
}

/// Binomial(n, p) for 0 < p ≤ ½.
fn binomial_small_p(rng: &mut SplitMix64, n: u64, p: f64) -> u64 {
    if n as f64 * p < INVERSION_MEAN {
        binomial_inversion(rng, n, p)
    } else {
        binomial_btrs(rng, n, p)
    }
}

/// BINV: walks the probabilities up from 0 (recurrence
/// P(x) = P(x−1)·((n+1)·s/x − s), s = p/q) until the uniform is used up.
fn binomial_inversion(rng: &mut SplitMix64, n: u64, p: f64) -> u64 {
    let q = 1.0 - p;
    let s = p / q;
    let a = (n as f64 + 1.0) * s;
    // n·p < 10 and p ≤ ½ keep qⁿ ≥ e⁻¹⁴: no underflow.
    let p_zero = (n as f64 * q.ln()).exp();
    loop {
        let mut u = rng.next_f64();
        let mut p_x = p_zero;
        let mut x = 0u64;
        while u >= p_x {
            u -= p_x;
            x += 1;
            p_x *= a / x as f64 - s;
            if x > n || p_x == 0.0 {
                break;
            }
        }
        // Rounding can leave u above the total mass (about 1e-16 of the
        // time): that uniform is redrawn rather than given to the tail.
        if u < p_x && x <= n {
            return x;
        }
    }
}

/// BTRS for n·p ≥ 10, p ≤ ½: a transformed-uniform proposal around the mean,
/// a squeeze that accepts most draws at once, and an exact log-pmf check for
/// the rest.
fn binomial_btrs(rng: &mut SplitMix64, n: u64, p: f64) -> u64 {
    let n_f = n as f64;
    let q = 1.0 - p;
    let spq = (n_f * p * q).sqrt();
    let b = 1.15 + 2.53 * spq;
    let a = -0.0873 + 0.0248 * b + 0.01 * p;
    let c = n_f * p + 0.5;
    let v_r = 0.92 - 4.2 / b;
    let alpha = (2.83 + 5.1 / b) * spq;
    let log_odds = (p / q).ln();
    // The mode m = ⌊(n+1)p⌋ ≤ n, and h = ln(m!) + ln((n−m)!) is the pmf's
    // normaliser relative to the mode.
    let mode = ((n_f + 1.0) * p).floor().min(n_f);
    let mode_u = mode as u64;
    let h = ln_factorial(mode_u) + ln_factorial(n - mode_u);
    loop {
        let u = rng.next_f64() - 0.5;
        let v = rng.next_f64();
        let us = 0.5 - u.abs();
        let k = ((2.0 * a / us + b) * u + c).floor();
        // Also rejects the u = −½ draw, whose k is −∞.
        if !(0.0..=n_f).contains(&k) {
            continue;
        }
        let k_u = k as u64;
        if us >= 0.07 && v <= v_r {
            return k_u;
        }
        let log_v = (v * alpha / (a / (us * us) + b)).ln();
        if log_v <= h - ln_factorial(k_u) - ln_factorial(n - k_u) + (k - mode) * log_odds {
            return k_u;
        }
    }
}

/// How many of `total` rows drawn with replacement land in each cell, cell i
/// holding `weights[i]` of the original rows; written to `out` (same length
/// as `weights`). Cell by cell, each count is binomial given the ones before.
pub(crate) fn multinomial(rng: &mut SplitMix64, total: u64, weights: &[u64], out: &mut [u64]) {
    let mut rows_left = total;
    let mut weight_left: u64 = weights.iter().sum();
    for (slot, &weight) in out.iter_mut().zip(weights) {
        let drawn = if rows_left == 0 || weight == 0 {
            0
        } else if weight >= weight_left {
            rows_left
        } else {
            binomial(rng, rows_left, weight as f64 / weight_left as f64)
        };
        *slot = drawn;
        rows_left -= drawn;
        weight_left -= weight;
    }
}

#[cfg(test)]
mod tests {
    use statrs::distribution::{Binomial, Discrete};

    use super::*;

    /// Pearson's chi-square of `draws` Binomial(n, p) samples against the
    /// exact pmf, cells with expected count < 5 pooled into their neighbour;
    /// returns (statistic, degrees of freedom).
    fn chi_square_fit(n: u64, p: f64, draws: usize, seed: u64) -> (f64, usize) {
        let mut rng = SplitMix64::new(seed);
        let mut observed = vec![0u64; n as usize + 1];
        for _ in 0..draws {
            observed[binomial(&mut rng, n, p) as usize] += 1;
        }
        let pmf = Binomial::new(p, n).unwrap();
        let mut cells: Vec<(f64, f64)> = Vec::new();
        let (mut expected, mut seen) = (0.0, 0.0);
        for (k, &o) in observed.iter().enumerate() {
            expected += pmf.pmf(k as u64) * draws as f64;
            seen += o as f64;
            if expected >= 5.0 {
                cells.push((seen, expected));
                (expected, seen) = (0.0, 0.0);
            }
        }
        // The upper tail left over joins the last cell.
        if let Some(last) = cells.last_mut() {
            last.0 += seen;
            last.1 += expected;
        }
        let stat = cells.iter().map(|(o, e)| (o - e).powi(2) / e).sum();
        (stat, cells.len() - 1)
    }

    #[test]
    fn draws_follow_the_binomial_pmf() {
        // Inversion (n·p < 10), BTRS, the p > ½ reflection, and large n.
        for (n, p) in [(20, 0.1), (7, 0.5), (100, 0.3), (1000, 0.02), (60, 0.85), (100_000, 0.4)] {
            let (stat, df) = chi_square_fit(n, p, 200_000, n ^ 0x5eed);
            // The 0.999 chi-square quantile is below df + 4.5·√(2·df) + 10
            // for these degrees of freedom; a broken sampler misses by far.
            let bound = df as f64 + 4.5 * (2.0 * df as f64).sqrt() + 10.0;
            assert!(stat < bound, "n={n} p={p}: chi-square {stat} on {df} df");
        }
    }

    #[test]
    fn mean_and_variance_hold_at_a_million_rows() {
        let (n, p) = (1_000_000u64, 0.123);
        let mut rng = SplitMix64::new(3);
        let draws: Vec<f64> = (0..20_000).map(|_| binomial(&mut rng, n, p) as f64).collect();
        let mean = draws.iter().sum::<f64>() / draws.len() as f64;
        let var = draws.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (draws.len() - 1) as f64;
        let (mu, sigma2) = (n as f64 * p, n as f64 * p * (1.0 - p));
        assert!((mean - mu).abs() < 5.0 * (sigma2 / draws.len() as f64).sqrt());
        assert!((var / sigma2 - 1.0).abs() < 0.05);
    }

    #[test]
    fn degenerate_probabilities() {
        let mut rng = SplitMix64::new(1);
        assert_eq!(binomial(&mut rng, 10, 0.0), 0);
        assert_eq!(binomial(&mut rng, 10, 1.0), 10);
        assert_eq!(binomial(&mut rng, 10, f64::NAN), 0);
        assert_eq!(binomial(&mut rng, 0, 0.5), 0);
    }

    #[test]
    fn multinomial_keeps_the_total_and_empty_cells() {
        let mut rng = SplitMix64::new(9);
        let weights = [5, 0, 1_000_000, 3, 0];
        let mut out = [0; 5];
        for _ in 0..100 {
            multinomial(&mut rng, 1_000_008, &weights, &mut out);
            assert_eq!(out.iter().sum::<u64>(), 1_000_008);
            assert_eq!((out[1], out[4]), (0, 0));
        }
    }
}
