//! Survival function of Kolmogorov's two-sided one-sample statistic D_n,
//! `scipy.stats.kstwo.sf(x, n)`, choosing between exact and asymptotic
//! methods by the regions of Simard and L'Ecuyer (2011, J. Stat. Softw.
//! 39(11)) exactly as scipy does, because the approximations differ from
//! the exact values by more than our tolerance.

use super::durbin_matrix::durbin_cdf;
use super::pelz_good::pelz_good_cdf;
use super::smirnov::smirnov_sf;

/// Bernoulli-number coefficients of Stirling's series for ln(n!/n^n).
const STIRLING: [f64; 8] = [
    -3617.0 / 122_400.0,
    1.0 / 156.0,
    -691.0 / 360_360.0,
    1.0 / 1188.0,
    -1.0 / 1680.0,
    1.0 / 1260.0,
    -1.0 / 360.0,
    1.0 / 12.0,
];

/// ln(n! / n^n) by Stirling's series, without forming n ln n.
fn ln_factorial_over_power(n: f64) -> f64 {
    let rn = 1.0 / n;
    let y = rn / n;
    let series = STIRLING.iter().fold(0.0, |acc, &c| acc * y + c);
    n.ln() / 2.0 - n + (2.0 * std::f64::consts::PI).ln() / 2.0 + rn * series
}

/// Pr(D_n >= x).
pub(crate) fn kolmogorov_n_sf(n: u64, x: f64) -> f64 {
    if n == 0 || x.is_nan() {
        return f64::NAN;
    }
    let nf = n as f64;
    // Outside the support [1/(2n), 1].
    if x <= 0.5 / nf {
        return 1.0;
    }
    if x >= 1.0 {
        return 0.0;
    }
    let t = nf * x;
    if t <= 1.0 {
        // Ruben and Gambino: Pr(D_n <= x) = n!/n^n (2t - 1)^n.
        let cdf = if n <= 140 {
            let mut prod = 1.0;
            for i in 1..=n {
                prod *= i as f64 * (1.0 / nf) * (2.0 * t - 1.0);
            }
            prod
        } else {
            (ln_factorial_over_power(nf) + nf * (2.0 * t - 1.0).ln()).exp()
        };
        return (1.0 - cdf).clamp(0.0, 1.0);
    }
    if t >= nf - 1.0 {
        return (2.0 * (1.0 - x).powf(nf)).clamp(0.0, 1.0);
    }
    if x >= 0.5 {
        return (2.0 * smirnov_sf(n, x)).clamp(0.0, 1.0);
    }
    let nx_squared = t * x;
    if n <= 140 {
        if nx_squared <= 4.0 {
            // scipy uses Pomeranz's recursion above n x^2 = 0.754693; both
            // it and Durbin's matrix are exact, and the matrix stays small.
            return (1.0 - durbin_cdf(n, x)).clamp(0.0, 1.0);
        }
        return (2.0 * smirnov_sf(n, x)).clamp(0.0, 1.0);
    }
    if nx_squared >= 370.0 {
        return 0.0;
    }
    if nx_squared >= 2.2 {
        return (2.0 * smirnov_sf(n, x)).clamp(0.0, 1.0);
    }
    let cdf = if nx_squared >= 18.0 {
        1.0
    } else if n <= 100_000 && nf * x.powf(1.5) <= 1.4 {
        durbin_cdf(n, x)
    } else {
        pelz_good_cdf(n, x)
    };
    (1.0 - cdf).clamp(0.0, 1.0)
}
