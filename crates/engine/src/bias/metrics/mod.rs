//! Clarify's bias metrics computed from a facet's counts, one file per
//! metric (or per pair smclarify computes together), each with smclarify
//! 0.5's error messages. The label-distribution metrics (KL, JS, LP, TVD,
//! KS) are in [`super::label_distribution`], CDDL and CDDPL in
//! [`super::conditional_disparity`], FT in [`super::flip_test()`];
//! [`super::compute()`] picks the one a [`super::Metric`] names.

use super::confusion::FacetCounts;
use super::divide;
use super::error::BiasError;

pub(super) mod acceptance_rate_difference;
pub(super) mod accuracy_difference;
pub(super) mod class_imbalance;
pub(super) mod conditional_outcome_difference;
pub(super) mod disparate_impact;
pub(super) mod generalized_entropy;
pub(super) mod label_accuracy_difference;
pub(super) mod proportion_difference;
pub(super) mod treatment_equality;

/// `a / b` with Clarify's division rule.
pub(super) fn ratio(a: u64, b: u64) -> f64 {
    divide(a as f64, b as f64)
}

/// `x_a − x_d` (or `x_d − x_a`), 0 when both terms are +∞.
pub(super) fn difference(first: f64, second: f64) -> f64 {
    if first == second && first == f64::INFINITY {
        0.0
    } else {
        first - second
    }
}

/// Empty-group check in smclarify's order (d first) with its wording.
pub(super) fn groups(c: &FacetCounts, d_empty: &'static str, a_empty: &'static str) -> Result<(), BiasError> {
    if c.d.n() == 0 {
        return Err(BiasError::EmptyGroup(d_empty));
    }
    if c.a.n() == 0 {
        return Err(BiasError::EmptyGroup(a_empty));
    }
    Ok(())
}
