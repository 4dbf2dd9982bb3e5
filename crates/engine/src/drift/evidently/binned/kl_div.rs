//! Evidently's `kl_div` stattest: Kullback-Leibler divergence.

use super::shares::{fill_zero_shares, has_empty_side, rel_entr, shares};
use crate::drift::{Counts, TestOutcome};
use crate::math::pairwise_sum::numpy_sum;

/// `scipy.stats.entropy(ref_shares, cur_shares)` (natural log) on the bins'
/// shares after Evidently's empty-bin epsilon: KL(reference ‖ current), both
/// renormalised to sum to 1 as scipy does. A distance, no p-value; NaN when
/// a side is empty.
#[must_use]
pub fn kl_div(c: &Counts) -> TestOutcome {
    if has_empty_side(c) {
        return TestOutcome::distance(f64::NAN);
    }
    let (mut reference, mut current) = (shares(&c.reference), shares(&c.current));
    fill_zero_shares(&mut reference);
    fill_zero_shares(&mut current);
    let (sum_reference, sum_current) = (numpy_sum(&reference), numpy_sum(&current));
    let terms: Vec<f64> =
        reference.iter().zip(&current).map(|(r, c)| rel_entr(r / sum_reference, c / sum_current)).collect();
    TestOutcome::distance(numpy_sum(&terms))
}
