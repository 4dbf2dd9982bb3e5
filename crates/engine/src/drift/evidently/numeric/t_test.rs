//! Evidently's `t_test` stattest: `scipy.stats.ttest_ind(reference,
//! current)`, i.e. Student's pooled-variance t test (`equal_var=True`),
//! two-sided.

use crate::drift::{Samples, TestOutcome};
use crate::math::pairwise_sum::{mean, variance};
use crate::math::special::student_t::student_t_two_sided;

/// Sample variance as scipy forms it: the mean squared deviation times
/// n / (n - 1); zero for a single value (scipy's pooled-variance rule).
fn sample_variance(values: &[f64]) -> f64 {
    if values.len() == 1 {
        return 0.0;
    }
    let n = values.len() as f64;
    variance(values, 0) * (n / (n - 1.0))
}

/// `scipy.stats.ttest_ind(reference, current)`: t and its two-sided p-value
/// from Student's t with n1 + n2 - 2 degrees of freedom, computed as a tail
/// (so p-values like 1e-300 keep their digits). An empty side, or one value
/// on each side, gives NaN as in scipy; two constant samples with different
/// means give t = ±inf and p = 0.
pub fn t_test(s: Samples) -> TestOutcome {
    let (a, b) = (s.reference, s.current);
    if a.is_empty() || b.is_empty() {
        return TestOutcome::test(f64::NAN, f64::NAN);
    }
    let (n1, n2) = (a.len() as f64, b.len() as f64);
    let df = n1 + n2 - 2.0;
    let pooled = ((n1 - 1.0) * sample_variance(a) + (n2 - 1.0) * sample_variance(b)) / df;
    let denom = (pooled * (1.0 / n1 + 1.0 / n2)).sqrt();
    let t = (mean(a) - mean(b)) / denom;
    TestOutcome::test(t, student_t_two_sided(t, df))
}
