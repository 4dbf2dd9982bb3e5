//! Evidently's `z` stattest: the two-proportion z-test on the share of the
//! first category.

use crate::drift::{Counts, TestOutcome};
use crate::math::tails::normal_sf_from_chi_squared;

/// Two-proportion z-test, as Evidently's `z`.
///
/// Evidently sorts the values seen on either side, takes the first one,
/// and compares the shares of rows *not* equal to it: `z = (p1 − p2) /
/// √(P(1−P)(1/n1 + 1/n2))` with `P` the pooled share, and the two-sided
/// p-value `2·(1 − Φ(|z|))` computed, like Evidently, as one minus the normal
/// CDF (so it bottoms out at about 1e-16 rather than following the true tail).
///
/// "First" is the smallest label present: by numeric value when every present
/// label parses as a number (Evidently sorts a numeric column's values), else
/// by string (Python's code-point order on a text column).
///
/// When both sides hold the same single category, Evidently answers p = 1
/// without a statistic; the statistic is then 0. An empty side gives NaN for
/// both (Evidently divides by zero).
#[must_use]
pub fn z_test(c: &Counts) -> TestOutcome {
    let present: Vec<(&str, u64, u64)> = c
        .labels
        .iter()
        .zip(c.reference.iter().zip(&c.current))
        .map(|(label, (&r, &k))| (label.as_str(), r, k))
        .filter(|(_, r, k)| r + k > 0)
        .collect();
    let n1: u64 = present.iter().map(|p| p.1).sum();
    let n2: u64 = present.iter().map(|p| p.2).sum();
    if let [(_, r, k)] = present.as_slice() {
        if *r > 0 && *k > 0 {
            return TestOutcome::test(0.0, 1.0);
        }
    }
    let Some(&(_, first_reference, first_current)) = first_category(&present) else {
        return TestOutcome::test(f64::NAN, f64::NAN);
    };
    let (n1f, n2f) = (n1 as f64, n2 as f64);
    // Evidently's arithmetic, step by step, so that it rounds the same way.
    let p1 = (n1 - first_reference) as f64 / n1f;
    let p2 = (n2 - first_current) as f64 / n2f;
    let pooled = (p1 * n1f + p2 * n2f) / (n1 + n2) as f64;
    let z = (p1 - p2) / (pooled * (1.0 - pooled) * (1.0 / n1f + 1.0 / n2f)).sqrt();
    let cdf = 1.0 - normal_sf_from_chi_squared(z.abs());
    TestOutcome::test(z, 2.0 * (1.0 - cdf))
}

/// The present category Evidently compares against: the smallest label.
fn first_category<'a>(present: &'a [(&str, u64, u64)]) -> Option<&'a (&'a str, u64, u64)> {
    let numbers: Option<Vec<f64>> = present.iter().map(|(label, _, _)| label.trim().parse::<f64>().ok()).collect();
    match numbers {
        Some(values) => {
            present.iter().zip(values).min_by(|(_, a), (_, b)| a.total_cmp(b)).map(|(category, _)| category)
        }
        None => present.iter().min_by(|a, b| a.0.cmp(b.0)),
    }
}
