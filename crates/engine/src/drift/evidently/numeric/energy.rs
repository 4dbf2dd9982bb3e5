//! Evidently's `ed` stattest: `scipy.stats.energy_distance`, i.e.
//! √2 · (∫ (F_ref - F_cur)^2 dx)^(1/2).

use super::wasserstein::cdf_distance_integral;
use crate::drift::{Samples, TestOutcome};

/// `scipy.stats.energy_distance(reference, current)`; NaN when a side is
/// empty (scipy raises).
pub fn energy(s: Samples) -> TestOutcome {
    if s.reference.is_empty() || s.current.is_empty() {
        return TestOutcome::distance(f64::NAN);
    }
    TestOutcome::distance(std::f64::consts::SQRT_2 * cdf_distance_integral(s, true).sqrt())
}
