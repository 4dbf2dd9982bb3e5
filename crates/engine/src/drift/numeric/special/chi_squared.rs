//! Chi-squared upper tail `scipy.special.chdtrc(k, x)` for the small integer
//! degrees of freedom a rank can take (the Epps-Singleton test uses 0..=4),
//! in closed form so that tiny tails keep their relative precision.

use statrs::function::erf::erfc;
use statrs::function::gamma::gamma_ur;

/// Pr(X >= x) for X ~ χ²(k).
pub(crate) fn chi_squared_sf(k: u32, x: f64) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    if x <= 0.0 {
        return if k == 0 { f64::NAN } else { 1.0 };
    }
    let half = x / 2.0;
    let root = half.sqrt();
    let pi = std::f64::consts::PI;
    match k {
        0 => 0.0,
        1 => erfc(root),
        2 => (-half).exp(),
        3 => erfc(root) + 2.0 * root / pi.sqrt() * (-half).exp(),
        4 => (-half).exp() * (1.0 + half),
        _ => gamma_ur(f64::from(k) / 2.0, half),
    }
}
