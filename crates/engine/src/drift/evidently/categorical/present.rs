//! The categories a test sees: those with a count on at least one side, as
//! Evidently's keys are the union of the values actually present.

use crate::category_counts::Counts;

/// `(reference, current)` counts of each category present on either side, in
/// the order of `counts`.
pub(crate) fn present_pairs(counts: &Counts) -> Vec<(u64, u64)> {
    counts.reference.iter().zip(&counts.current).map(|(r, c)| (*r, *c)).filter(|(r, c)| r + c > 0).collect()
}
