//! Evidently's `jensenshannon` stattest: the Jensen-Shannon distance.

use super::shares::{has_empty_side, rel_entr, shares};
use crate::drift::{Counts, TestOutcome};
use crate::math::pairwise_sum::numpy_sum;

/// `scipy.spatial.distance.jensenshannon(ref_shares, cur_shares)` (natural
/// log, no empty-bin epsilon): `√((KL(p‖m) + KL(q‖m)) / 2)` with `m` the
/// average. Symmetric; 0 for identical shares. A distance, no p-value; NaN
/// when a side is empty.
#[must_use]
pub fn jensen_shannon(c: &Counts) -> TestOutcome {
    if has_empty_side(c) {
        return TestOutcome::distance(f64::NAN);
    }
    TestOutcome::distance((divergence_sum(&shares(&c.reference), &shares(&c.current)) / 2.0).sqrt())
}

/// `KL(p‖m) + KL(q‖m)` (natural log) as scipy's `jensenshannon` sums it:
/// each side normalised by its `np.sum`, `m` their average. The distance is
/// `√(sum / 2)`, in base b `√(sum / ln b / 2)`.
pub(crate) fn divergence_sum(reference: &[f64], current: &[f64]) -> f64 {
    let (sum_reference, sum_current) = (numpy_sum(reference), numpy_sum(current));
    let p: Vec<f64> = reference.iter().map(|r| r / sum_reference).collect();
    let q: Vec<f64> = current.iter().map(|c| c / sum_current).collect();
    let m: Vec<f64> = p.iter().zip(&q).map(|(a, b)| (a + b) / 2.0).collect();
    let divergence = |side: &[f64]| numpy_sum(&side.iter().zip(&m).map(|(x, y)| rel_entr(*x, *y)).collect::<Vec<_>>());
    divergence(&p) + divergence(&q)
}
