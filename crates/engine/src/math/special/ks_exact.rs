//! Exact null distribution of the two-sided two-sample Kolmogorov-Smirnov
//! statistic, by lattice-path counting (Hodges 1958), as `ks_2samp` uses it
//! when `method="exact"`.
//!
//! Both functions return P(D >= h / lcm(m, n)) under the null.

/// Equal sample sizes `n`: Pr(D_{n,n} >= h/n) from the reflection formula
/// 2 Σ_k (-1)^k C(2n, n - k h) / C(2n, n), evaluated from the innermost
/// term outwards (Horner style) because the plain alternating sum cancels.
pub(crate) fn prob_outside_square(n: u64, h: u64) -> f64 {
    let (n, h) = (n as i64, h as i64);
    if h <= 0 {
        return 1.0;
    }
    let mut p = 0.0;
    let mut k = n / h;
    while k >= 0 {
        // C(2n, n - k h) / C(2n, n) as a product of h ratios.
        let mut ratio = 1.0;
        for j in 0..h {
            ratio = (n - k * h - j) as f64 * ratio / (n + k * h + j + 1) as f64;
        }
        p = ratio * (1.0 - p);
        k -= 1;
    }
    2.0 * p
}

/// Unequal sizes: the share of monotone lattice paths from (0, 0) to (m, n)
/// that leave the band |x/m - y/n| < h / lcm(m, n).
///
/// The recursion carries the share of paths that have already left the
/// band, column by column, so it never forms a large binomial coefficient
/// and never subtracts nearly equal numbers (Viehmann 2021,
/// arXiv:2102.08037). Only the window of rows inside the band is stored.
pub(crate) fn prob_outside_band(m: u64, n: u64, gcd: u64, h: u64) -> f64 {
    let (m, n) = if m < n { (n, m) } else { (m, n) };
    let (m, n, h) = (m as i64, n as i64, h as i64);
    let mg = m / gcd as i64;
    let ng = n / gcd as i64;
    let ceil_div = |a: i64, b: i64| -(-a).div_euclid(b);
    let mut min_j: i64 = 0;
    let mut max_j: i64 = ceil_div(h, mg).min(n + 1);
    let mut cur_len = max_j - min_j;
    let len = (2 * max_j + 2).min(n + 1).max(1) as usize;
    // Rows outside the stored window have all left the band: share 1.
    let mut exited = vec![1.0; len];
    for slot in exited.iter_mut().take(max_j as usize) {
        *slot = 0.0;
    }
    for i in 1..=m {
        let last_min_j = min_j;
        let last_len = cur_len;
        min_j = ((ng * i - h).div_euclid(mg) + 1).max(0).min(n);
        max_j = ceil_div(ng * i + h, mg).min(n + 1);
        if max_j <= min_j {
            return 1.0;
        }
        let fi = i as f64;
        let mut below = if min_j == 0 { 0.0 } else { 1.0 };
        let shift = (min_j - last_min_j) as usize;
        for jj in 0..(max_j - min_j) as usize {
            let j = (jj as i64 + min_j) as f64;
            let left = exited.get(jj + shift).copied().unwrap_or(1.0);
            below = (left * fi + below * j) / (fi + j);
            if let Some(slot) = exited.get_mut(jj) {
                *slot = below;
            }
        }
        cur_len = max_j - min_j;
        if last_len > cur_len {
            let from = cur_len as usize;
            let to = (last_len as usize).min(exited.len());
            for slot in exited.iter_mut().take(to).skip(from) {
                *slot = 1.0;
            }
        }
    }
    exited.get((max_j - min_j - 1) as usize).copied().unwrap_or(f64::NAN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn square_matches_hodges_small_case() {
        // n = 2: paths 6; D = 1 (h = 2) on 2 of them.
        assert!((prob_outside_square(2, 2) - 2.0 / 6.0).abs() < 1e-15);
    }

    #[test]
    fn band_agrees_with_square_for_equal_sizes() {
        for h in 1..=5 {
            let a = prob_outside_band(5, 5, 5, h);
            let b = prob_outside_square(5, h);
            assert!((a - b).abs() < 1e-13, "h={h}: {a} vs {b}");
        }
    }
}
