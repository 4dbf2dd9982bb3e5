//! Evidently's `chisquare` stattest: Pearson's goodness of fit of the current
//! counts to the reference proportions.

use super::present::present_pairs;
use crate::drift::{Counts, TestOutcome};
use crate::math::pairwise_sum::numpy_sum;
use crate::math::tails::chi_squared_sf;

/// `scipy.stats.chisquare(f_obs, f_exp)` with `f_obs` the current counts and
/// `f_exp` the reference counts times `n_current / n_reference`, as Evidently
/// builds them; k categories give k − 1 degrees of freedom.
///
/// A category new in the current data has expected count 0, so the statistic
/// is infinite and the p-value 0, as in Evidently. One category gives a NaN
/// p-value (0 degrees of freedom, as scipy); an empty side gives NaN for both
/// (Evidently divides by zero).
#[must_use]
pub fn chisquare(c: &Counts) -> TestOutcome {
    let pairs = present_pairs(c);
    let n_reference: u64 = pairs.iter().map(|(r, _)| r).sum();
    let n_current: u64 = pairs.iter().map(|(_, c)| c).sum();
    if n_reference == 0 {
        return TestOutcome::test(f64::NAN, f64::NAN);
    }
    let k_norm = n_current as f64 / n_reference as f64;
    let terms: Vec<f64> = pairs
        .iter()
        .map(|&(r, c)| {
            let expected = r as f64 * k_norm;
            let diff = c as f64 - expected;
            diff * diff / expected
        })
        .collect();
    let statistic = numpy_sum(&terms);
    TestOutcome::test(statistic, chi_squared_sf(statistic, pairs.len() as f64 - 1.0))
}
