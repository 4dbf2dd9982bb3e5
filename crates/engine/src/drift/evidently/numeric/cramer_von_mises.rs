//! The two-sample Cramér-von Mises test, `scipy.stats.cramervonmises_2samp(
//! reference, current, method="auto")`: Anderson's (1962) T on midranks,
//! with the exact p-value while both sides have at most 20 values and the
//! limiting distribution (after Anderson's standardisation) above.
//!
//! Evidently 0.7.23 ships its own copy of an older scipy version of this
//! test; with numpy 2 its exact branch fails (an integer casting error) and
//! its asymptotic branch equals scipy's, so scipy is the reference here.

use super::ranks::midranks;
use crate::drift::{Samples, TestOutcome};
use crate::math::pairwise_sum::pairwise_sum;
use crate::math::special::cvm_exact::cvm_exact_sf;
use crate::math::special::cvm_limit::cvm_limit_cdf;

/// scipy's "auto" is exact while both sizes are at most this.
const EXACT_MAX_N: usize = 20;

/// Below this standardised value the limiting CDF is below 1.3e-18 and
/// scipy returns p = 1 outright.
const LIMIT_FLOOR: f64 = 0.003;

/// n Σ (r_i - i)² over one side's ascending midranks.
fn weighted_rank_gaps(ranks: &[f64]) -> f64 {
    let sum = pairwise_sum(0, ranks.len(), &|i| {
        let gap = ranks.get(i).copied().unwrap_or(0.0) - (i + 1) as f64;
        gap * gap
    });
    ranks.len() as f64 * sum
}

/// `cramervonmises_2samp(reference, current)`: statistic T and p-value.
/// Fewer than two values on a side gives NaN (scipy's too-small rule).
pub fn cramer_von_mises(s: Samples) -> TestOutcome {
    let (nx, ny) = (s.reference.len(), s.current.len());
    if nx <= 1 || ny <= 1 {
        return TestOutcome::test(f64::NAN, f64::NAN);
    }
    let (rx, ry) = midranks(s);
    let u = weighted_rank_gaps(&rx) + weighted_rank_gaps(&ry);
    let (fx, fy) = (nx as f64, ny as f64);
    let k = fx * fy;
    let n = fx + fy;
    let t = u / (k * n) - (4.0 * k - 1.0) / (6.0 * n);
    let p = if nx.max(ny) <= EXACT_MAX_N {
        cvm_exact_sf(u, nx as u64, ny as u64)
    } else {
        // Anderson's mean and variance of T (his eqs. 11 and 14), then the
        // one-sample limiting law at the standardised value (eq. 15).
        let mean = (1.0 + 1.0 / n) / 6.0;
        let var = (n + 1.0) * (4.0 * k * n - 3.0 * (fx * fx + fy * fy) - 2.0 * k) / (45.0 * n * n * 4.0 * k);
        let tn = 1.0 / 6.0 + (t - mean) / (45.0 * var).sqrt();
        if tn >= LIMIT_FLOOR {
            (1.0 - cvm_limit_cdf(tn)).max(0.0)
        } else {
            1.0
        }
    };
    TestOutcome::test(t, p)
}
