//! Midranks of each side within the pooled sample (ties share the average
//! of the positions they occupy, `scipy.stats.rankdata(method="average")`).

use crate::drift::Samples;
use crate::math::distinct_values::DistinctValues;

/// The pooled midrank of every reference value and of every current value,
/// each in ascending order.
pub(crate) fn midranks(s: Samples) -> (Vec<f64>, Vec<f64>) {
    let mut reference = Vec::with_capacity(s.reference.len());
    let mut current = Vec::with_capacity(s.current.len());
    let mut before = 0usize;
    for tie in DistinctValues::new(s.reference, s.current) {
        let size = tie.reference + tie.current;
        let rank = before as f64 + (size as f64 + 1.0) / 2.0;
        reference.extend(std::iter::repeat_n(rank, tie.reference));
        current.extend(std::iter::repeat_n(rank, tie.current));
        before += size;
    }
    (reference, current)
}
