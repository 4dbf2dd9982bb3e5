//! Evidently's `wasserstein` stattest: the first Wasserstein distance
//! (`scipy.stats.wasserstein_distance`) divided by the reference's
//! population standard deviation, floored at 0.001.

use crate::drift::{Samples, TestOutcome};
use crate::math::distinct_values::DistinctValues;
use crate::math::pairwise_sum::variance;

/// Evidently's floor on the normalising standard deviation.
pub(crate) const MIN_NORM: f64 = 0.001;

/// ∫ |F_ref - F_cur|^p dx over the pooled range, for p = 1 or 2: the area
/// between the two empirical CDFs, step by step.
pub(crate) fn cdf_distance_integral(s: Samples, squared: bool) -> f64 {
    let n1 = s.reference.len() as f64;
    let n2 = s.current.len() as f64;
    let (mut seen1, mut seen2) = (0usize, 0usize);
    let mut total = 0.0;
    let mut previous: Option<(f64, f64)> = None;
    for tie in DistinctValues::new(s.reference, s.current) {
        if let Some((value, gap)) = previous {
            let width = tie.value - value;
            total += if squared { gap * gap * width } else { gap.abs() * width };
        }
        seen1 += tie.reference;
        seen2 += tie.current;
        previous = Some((tie.value, seen1 as f64 / n1 - seen2 as f64 / n2));
    }
    total
}

/// `wasserstein_distance(reference, current) / max(np.std(reference), 0.001)`.
///
/// An empty side gives NaN (scipy raises).
pub fn wasserstein_normed(s: Samples) -> TestOutcome {
    if s.reference.is_empty() || s.current.is_empty() {
        return TestOutcome::distance(f64::NAN);
    }
    let norm = variance(s.reference, 0).sqrt().max(MIN_NORM);
    TestOutcome::distance(cdf_distance_integral(s, false) / norm)
}
