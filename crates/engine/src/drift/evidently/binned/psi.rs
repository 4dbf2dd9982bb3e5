//! Evidently's `psi` stattest: the Population Stability Index.

use super::shares::{fill_zero_shares, has_empty_side, shares};
use crate::drift::{Counts, TestOutcome};
use crate::math::pairwise_sum::numpy_sum;

/// `Σ (r_i − c_i)·ln(r_i / c_i)` over the bins' shares after Evidently's
/// empty-bin epsilon, as Evidently's `psi` (threshold 0.1, drift when ≥). A
/// distance, no p-value; NaN when a side is empty.
#[must_use]
pub fn psi(c: &Counts) -> TestOutcome {
    if has_empty_side(c) {
        return TestOutcome::distance(f64::NAN);
    }
    TestOutcome::distance(psi_of_shares(shares(&c.reference), shares(&c.current)))
}

/// PSI of two share vectors, filling their empty bins first.
pub(crate) fn psi_of_shares(mut reference: Vec<f64>, mut current: Vec<f64>) -> f64 {
    fill_zero_shares(&mut reference);
    fill_zero_shares(&mut current);
    let terms: Vec<f64> = reference.iter().zip(&current).map(|(r, c)| (r - c) * (r / c).ln()).collect();
    numpy_sum(&terms)
}
