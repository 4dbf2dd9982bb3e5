//! The limiting (n → ∞) distribution of the Cramér-von Mises statistic,
//! from the series of Csörgő and Faraway (1996, JRSS B 58(1), eq. 1.2 /
//! 1.3), truncated exactly where scipy truncates it (the first term below
//! 1e-7), since that truncation is visible at our tolerance.

use super::bessel_k::bessel_k_scaled;
use statrs::function::gamma::ln_gamma;
use std::f64::consts::PI;

/// scipy stops adding terms once one is smaller than this.
const TERM_CUTOFF: f64 = 1e-7;

/// Pr(W² <= x) in the limit.
pub(crate) fn cvm_limit_cdf(x: f64) -> f64 {
    let mut total = 0.0;
    for k in 0..10_000_u32 {
        let kf = f64::from(k);
        let u = (ln_gamma(kf + 0.5) - ln_gamma(kf + 1.0)).exp() / (PI.powf(1.5) * x.sqrt());
        let y = 4.0 * kf + 1.0;
        let q = y * y / (16.0 * x);
        // exp(-q) K_{1/4}(q) = exp(-2q) · (e^q K_{1/4}(q)).
        let term = u * y.sqrt() * (-2.0 * q).exp() * bessel_k_scaled(0.25, q);
        total += term;
        // A NaN term also ends the series, as in scipy.
        if term.abs() < TERM_CUTOFF || term.is_nan() {
            break;
        }
    }
    total
}
