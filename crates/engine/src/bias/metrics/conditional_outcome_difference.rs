//! Difference in conditional acceptance (DCA) and rejection (DCR), post-training:
//! observed over predicted positives (negatives) of group a against group d
//! (smclarify 0.5's `DCO` with its messages).

use super::{difference, groups, ratio};
use crate::bias::confusion::FacetCounts;
use crate::bias::error::BiasError;

/// DCA: see the module doc. `Err` displays smclarify's message.
pub(in crate::bias) fn difference_in_conditional_acceptance(c: &FacetCounts) -> Result<f64, BiasError> {
    let (a, d) = (&c.a, &c.d);
    groups(c, "DCO: Facet set is empty", "DCO: Negated Facet set is empty")?;
    Ok(difference(ratio(a.positives(), a.predicted_positives()), ratio(d.positives(), d.predicted_positives())))
}

/// DCR: see the module doc. `Err` displays smclarify's message.
pub(in crate::bias) fn difference_in_conditional_rejection(c: &FacetCounts) -> Result<f64, BiasError> {
    let (a, d) = (&c.a, &c.d);
    groups(c, "DCO: Facet set is empty", "DCO: Negated Facet set is empty")?;
    let (rr_a, rr_d) = (ratio(a.negatives(), a.predicted_negatives()), ratio(d.negatives(), d.predicted_negatives()));
    Ok(if rr_a == rr_d && rr_a == f64::INFINITY { 0.0 } else { rr_d - rr_a })
}
