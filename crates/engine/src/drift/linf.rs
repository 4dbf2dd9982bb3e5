//! Model Monitor's (Deequ's) categorical L∞ distance.

use crate::drift::{Counts, TestOutcome};

/// `max_k |c1(k)/n − c2(k)/m|` over the categories, with n and m the side
/// totals (spec sagemaker.md §2.6, "LInfinity"): the largest gap between the
/// two sides' category shares. A distance, no p-value; NaN if a side is empty.
#[must_use]
pub fn linf(c: &Counts) -> TestOutcome {
    let (n, m) = (c.reference_total() as f64, c.current_total() as f64);
    if n == 0.0 || m == 0.0 {
        return TestOutcome::distance(f64::NAN);
    }
    let gap =
        c.reference.iter().zip(&c.current).map(|(&r, &k)| (r as f64 / n - k as f64 / m).abs()).fold(0.0, f64::max);
    TestOutcome::distance(gap)
}
