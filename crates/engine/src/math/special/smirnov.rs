//! The one-sided one-sample Kolmogorov-Smirnov survival function
//! Pr(D_n^+ >= x), `scipy.special.smirnov(n, x)`, from the Birnbaum-Tingey
//! (1951) sum
//!
//!   x Σ_{j=0}^{⌊n(1-x)⌋} C(n, j) (1 - x - j/n)^(n-j) (x + j/n)^(j-1),
//!
//! whose terms are all positive, so it is summed in logs without
//! cancellation. Like scipy, n above one million uses the approximation
//! exp(-(6nx + 1)^2 / 18n) instead.

/// exp() of anything below this is zero (cephes MINLOG).
const MIN_LOG: f64 = -708.396_418_532_264_1;

/// Above this n scipy switches to the closed-form approximation.
const MAX_EXACT_N: u64 = 1_000_000;

/// `n * x` as an unevaluated sum hi + lo, exact.
fn exact_product(n: f64, x: f64) -> (f64, f64) {
    let hi = n * x;
    let lo = n.mul_add(x, -hi);
    (hi, lo)
}

/// Pr(D_n^+ >= x).
pub(crate) fn smirnov_sf(n: u64, x: f64) -> f64 {
    if n == 0 || !(0.0..=1.0).contains(&x) {
        return f64::NAN;
    }
    if n == 1 {
        return 1.0 - x;
    }
    if x == 0.0 {
        return 1.0;
    }
    if x == 1.0 {
        return 0.0;
    }
    let nf = n as f64;
    let (hi, lo) = exact_product(nf, x);
    // floor(n x) and its fractional part, from the exact product.
    let mut floor_nx = hi.floor();
    let mut alpha = (hi - floor_nx) + lo;
    if alpha < 0.0 {
        floor_nx -= 1.0;
        alpha += 1.0;
    }
    if alpha >= 1.0 {
        floor_nx += 1.0;
        alpha -= 1.0;
    }
    if floor_nx == 0.0 || (floor_nx == 1.0 && alpha == 0.0) {
        // x <= 1/n: Pr(D+ < x) = x (1 + x)^(n-1).
        let cdf = x * ((nf - 1.0) * x.ln_1p()).exp();
        return (1.0 - cdf).clamp(0.0, 1.0);
    }
    if -2.0 * nf * x * x < MIN_LOG {
        return 0.0;
    }
    if floor_nx >= nf - 1.0 {
        return (nf * (-x).ln_1p()).exp().clamp(0.0, 1.0);
    }
    if n > MAX_EXACT_N {
        let log_p = -(6.0 * nf * x + 1.0).powi(2) / 18.0 / nf;
        let sf = if log_p < -std::f64::consts::LN_2 { log_p.exp() } else { 1.0 + log_p.exp_m1() };
        return sf.clamp(0.0, 1.0);
    }

    // Last j with 1 - x - j/n > 0.
    let last = n - floor_nx as u64 - 1;
    let terms = last + 1;
    let ln_n = nf.ln();
    let mut ln_binomial = 0.0;
    let mut sum = 0.0;
    for j in 0..terms {
        let jf = j as f64;
        // n (1 - x - j/n) and n (x + j/n), from the exact n x.
        let below = ((nf - jf) - hi) - lo;
        let above = (jf + hi) + lo;
        let ln_term = ln_binomial + (nf - jf) * (below.ln() - ln_n) + (jf - 1.0) * (above.ln() - ln_n);
        let term = ln_term.exp();
        sum += term;
        // Stop once the rest cannot move the sum (scipy's rule).
        if term != 0.0 {
            if 4.0 * (terms - j) as f64 * term < f64::EPSILON * sum && j != terms - 1 {
                break;
            }
        } else if j > n / 2 {
            break;
        }
        ln_binomial += ((nf - jf) / (jf + 1.0)).ln();
    }
    (x * sum).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_direct_sum_for_small_n() {
        // n = 3, x = 0.5: x [ (1/2)^3 / (1/2) + 3 (1/6)^2 ] = 1/6.
        assert!((smirnov_sf(3, 0.5) - 1.0 / 6.0).abs() < 1e-15);
    }
}
