//! Recall difference (RD) and specificity difference (SD), post-training
//! (smclarify 0.5's `DLA` with its messages).

use super::{difference, groups, ratio};
use crate::bias::confusion::FacetCounts;
use crate::bias::error::BiasError;

/// RD: see the module doc. `Err` displays smclarify's message.
pub(in crate::bias) fn recall_difference(c: &FacetCounts) -> Result<f64, BiasError> {
    let (a, d) = (&c.a, &c.d);
    groups(c, "DLA: Facet set is empty", "DLA: Negated Facet set is empty")?;
    Ok(difference(ratio(a.tp, a.tp + a.fn_), ratio(d.tp, d.tp + d.fn_)))
}

/// SD: see the module doc. `Err` displays smclarify's message.
pub(in crate::bias) fn specificity_difference(c: &FacetCounts) -> Result<f64, BiasError> {
    let (a, d) = (&c.a, &c.d);
    groups(c, "DLA: Facet set is empty", "DLA: Negated Facet set is empty")?;
    let (sp_a, sp_d) = (ratio(a.tn, a.tn + a.fp), ratio(d.tn, d.tn + d.fp));
    Ok(if sp_a == sp_d && sp_a == f64::INFINITY { 0.0 } else { sp_d - sp_a })
}
