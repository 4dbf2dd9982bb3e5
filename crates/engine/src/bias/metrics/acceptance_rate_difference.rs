//! Difference in acceptance rates (DAR) and in rejection rates (DRR),
//! post-training: precision of the positive (negative) predictions of group a
//! against group d (smclarify 0.5's `DLR` with its messages).

use super::{difference, groups, ratio};
use crate::bias::confusion::FacetCounts;
use crate::bias::error::BiasError;

/// DAR: see the module doc. `Err` displays smclarify's message.
pub(in crate::bias) fn difference_in_acceptance_rates(c: &FacetCounts) -> Result<f64, BiasError> {
    let (a, d) = (&c.a, &c.d);
    groups(c, "DLR: Facet set is empty", "DLR: Negated Facet set is empty")?;
    Ok(difference(ratio(a.tp, a.predicted_positives()), ratio(d.tp, d.predicted_positives())))
}

/// DRR: see the module doc. `Err` displays smclarify's message.
pub(in crate::bias) fn difference_in_rejection_rates(c: &FacetCounts) -> Result<f64, BiasError> {
    let (a, d) = (&c.a, &c.d);
    groups(c, "DLR: Facet set is empty", "DLR: Negated Facet set is empty")?;
    let (rr_a, rr_d) = (ratio(a.tn, a.predicted_negatives()), ratio(d.tn, d.predicted_negatives()));
    Ok(if rr_a == rr_d && rr_a == f64::INFINITY { 0.0 } else { rr_d - rr_a })
}
