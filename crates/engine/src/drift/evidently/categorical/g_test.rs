//! Evidently's `g_test` stattest: the log-likelihood ratio (G) test of the
//! current counts against the reference counts.

use super::present::present_pairs;
use crate::drift::{Counts, TestOutcome};
use crate::math::pairwise_sum::numpy_sum;
use crate::math::tails::chi_squared_sf;

/// `scipy.stats.power_divergence(f_obs, f_exp, lambda_="log-likelihood")`
/// with `f_obs` the current and `f_exp` the reference counts, unscaled, as
/// Evidently calls it: `G = 2 Σ o·ln(o/e)`, k − 1 degrees of freedom.
///
/// scipy refuses totals that differ by more than √ε ≈ 1.49e-8 relative, so
/// Evidently's `g_test` only runs on samples of equal size; here such counts
/// give a NaN statistic and p-value. A category new in the current data gives
/// an infinite statistic and p-value 0; one category a NaN p-value.
#[must_use]
pub fn g_test(c: &Counts) -> TestOutcome {
    let pairs = present_pairs(c);
    let observed: Vec<f64> = pairs.iter().map(|&(_, c)| c as f64).collect();
    let expected: Vec<f64> = pairs.iter().map(|&(r, _)| r as f64).collect();
    let (sum_observed, sum_expected) = (numpy_sum(&observed), numpy_sum(&expected));
    // scipy's sum check; NaN (both empty) passes it, as in scipy.
    if (sum_observed - sum_expected).abs() / sum_observed.min(sum_expected) > f64::EPSILON.sqrt() {
        return TestOutcome::test(f64::NAN, f64::NAN);
    }
    let terms: Vec<f64> = observed.iter().zip(&expected).map(|(&o, &e)| 2.0 * xlogy(o, o / e)).collect();
    let statistic = numpy_sum(&terms);
    TestOutcome::test(statistic, chi_squared_sf(statistic, pairs.len() as f64 - 1.0))
}

/// `scipy.special.xlogy`: `x·ln(y)`, and 0 when `x` is 0 (unless `y` is NaN).
fn xlogy(x: f64, y: f64) -> f64 {
    if x == 0.0 && !y.is_nan() {
        0.0
    } else {
        x * y.ln()
    }
}
