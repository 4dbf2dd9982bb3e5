//! Evidently's `mannw` stattest: `scipy.stats.mannwhitneyu(x=reference,
//! y=current, alternative="less")` with scipy's defaults
//! (`use_continuity=True`, `method="auto"`).
//!
//! The alternative is one-sided: a small p-value means the reference tends
//! to be *smaller* than the current data. Swapping the samples therefore
//! changes the p-value (U1 becomes n1 n2 - U1).

use crate::drift::{Samples, TestOutcome};
use crate::math::distinct_values::DistinctValues;
use crate::math::special::mann_whitney_exact::mann_whitney_exact_sf;
use crate::math::tails::normal_sf;

/// scipy's "auto" stays exact while one side has at most this many values
/// (and there are no ties).
const EXACT_MAX_SMALLER: usize = 8;

/// `mannwhitneyu(reference, current, alternative="less")`: the statistic is
/// U1 (the reference's U), the p-value Pr(U2' >= U2) for U2 = n1 n2 - U1,
/// exactly (small samples without ties) or by the tie-corrected normal
/// approximation with continuity correction. An empty side gives NaN.
pub fn mann_whitney(s: Samples) -> TestOutcome {
    let (n1, n2) = (s.reference.len(), s.current.len());
    if n1 == 0 || n2 == 0 {
        return TestOutcome::test(f64::NAN, f64::NAN);
    }
    let mut rank_sum = 0.0;
    let mut tie_term = 0.0;
    let mut ties = false;
    let mut before = 0usize;
    for tie in DistinctValues::new(s.reference, s.current) {
        let size = tie.reference + tie.current;
        let t = size as f64;
        rank_sum += tie.reference as f64 * (before as f64 + (t + 1.0) / 2.0);
        tie_term += t * t * t - t;
        ties |= size > 1;
        before += size;
    }
    let (f1, f2) = (n1 as f64, n2 as f64);
    let u1 = rank_sum - f1 * (f1 + 1.0) / 2.0;
    let u2 = f1 * f2 - u1;
    let both_large = n1 > EXACT_MAX_SMALLER && n2 > EXACT_MAX_SMALLER;
    let exact = !both_large && !ties;
    let p = if exact {
        mann_whitney_exact_sf(u2 as u64, n1, n2)
    } else {
        let n = f1 + f2;
        let sd = (f1 * f2 / 12.0 * ((n + 1.0) - tie_term / (n * (n - 1.0)))).sqrt();
        normal_sf((u2 - f1 * f2 / 2.0 - 0.5) / sd)
    };
    TestOutcome::test(u1, p.clamp(0.0, 1.0))
}
