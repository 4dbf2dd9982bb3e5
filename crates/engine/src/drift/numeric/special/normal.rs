//! Standard normal tail, `scipy.special.ndtr(-z)`, accurate far out.

/// Pr(Z >= z) for a standard normal Z, via erfc (no 1 - cdf cancellation).
pub(crate) fn normal_sf(z: f64) -> f64 {
    0.5 * statrs::function::erf::erfc(z / std::f64::consts::SQRT_2)
}
