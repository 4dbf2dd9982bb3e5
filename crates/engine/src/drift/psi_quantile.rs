//! PSI over bins cut at the baseline's deciles (not an Evidently test: the
//! common "quantile PSI" of credit-risk practice).

use crate::drift::evidently::binned::{psi_of_shares, shares};
use crate::drift::{Samples, TestOutcome};

/// PSI over 10 bins whose inner edges are the baseline's deciles
/// (`np.quantile(reference, [0.1, …, 0.9])`, numpy's default linear method);
/// the outer bins are open to ±∞, and a value equal to an edge goes to the
/// bin above it (`np.searchsorted(edges, x, side="right")`). Ties in the
/// baseline can make edges coincide and bins empty; empty bins get
/// Evidently's `psi` epsilon. A distance, no p-value; NaN when a side is
/// empty.
#[must_use]
pub fn psi_quantile(s: Samples) -> TestOutcome {
    let edges: Vec<f64> = (1..10).map(|k| linear_quantile(s.reference, f64::from(k) / 10.0)).collect();
    let counts = |side: &[f64]| {
        let mut bins = [0u64; 10];
        for &x in side {
            if let Some(bin) = bins.get_mut(edges.partition_point(|&e| e <= x)) {
                *bin += 1;
            }
        }
        bins
    };
    TestOutcome::distance(psi_of_shares(shares(&counts(s.reference)), shares(&counts(s.current))))
}

/// `np.quantile(sorted, q)` with the default linear method, rounding as numpy
/// does (interpolating from the nearer neighbour); NaN for no data.
fn linear_quantile(sorted: &[f64], q: f64) -> f64 {
    let Some(&last) = sorted.last() else {
        return f64::NAN;
    };
    let index = (sorted.len() - 1) as f64 * q;
    if index >= (sorted.len() - 1) as f64 {
        return last;
    }
    let below = index.floor();
    let gamma = index - below;
    let (Some(&a), Some(&b)) = (sorted.get(below as usize), sorted.get(below as usize + 1)) else {
        return f64::NAN;
    };
    let diff = b - a;
    if gamma >= 0.5 {
        b - diff * (1.0 - gamma)
    } else {
        a + diff * gamma
    }
}
