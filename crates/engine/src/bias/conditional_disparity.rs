//! Conditional demographic disparity (CDDL on labels, CDDPL on predicted
//! labels): the disparity of each stratum of the group variable, weighted
//! by the stratum's size.

use super::confusion::{Confusion, FacetCounts};
use super::divide;
use super::error::BiasError;
use crate::math::pairwise_sum::numpy_sum;

/// Which outcome the disparity is measured on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Observed labels (CDDL).
    Label,
    /// Predicted labels (CDDPL).
    Predicted,
}

fn accepted(c: &Confusion, outcome: Outcome) -> u64 {
    match outcome {
        Outcome::Label => c.positives(),
        Outcome::Predicted => c.predicted_positives(),
    }
}

/// CDD = Σ n_g (D_g − A_g) / Σ n_g with A_g the share of d among stratum g's
/// accepted rows and D_g its share among the rejected ones (0 when the
/// stratum has none).
pub fn conditional_disparity(counts: &FacetCounts, outcome: Outcome) -> Result<f64, BiasError> {
    if !counts.has_group_variable {
        return Err(BiasError::NoGroupVariable);
    }
    let all = counts.overall();
    let accepted_all = accepted(&all, outcome);
    if accepted_all == 0 {
        return Err(BiasError::NoPositiveOutcome);
    }
    if all.n() - accepted_all == 0 {
        return Err(BiasError::NoNegativeOutcome);
    }
    let mut weighted = Vec::with_capacity(counts.strata.len());
    let mut sizes = Vec::with_capacity(counts.strata.len());
    for (d, a) in &counts.strata {
        let (acc_d, acc_a) = (accepted(d, outcome), accepted(a, outcome));
        let (rej_d, rej_a) = (d.n() - acc_d, a.n() - acc_a);
        let share = |num: u64, den: u64| if den == 0 { 0.0 } else { num as f64 / den as f64 };
        let a_g = share(acc_d, acc_d + acc_a);
        let d_g = share(rej_d, rej_d + rej_a);
        let n_g = (d.n() + a.n()) as f64;
        sizes.push(n_g);
        weighted.push(n_g * (d_g - a_g));
    }
    Ok(divide(numpy_sum(&weighted), numpy_sum(&sizes)))
}
