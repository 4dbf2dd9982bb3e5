//! Accuracy difference (AD), post-training: `acc_a − acc_d` (smclarify 0.5's `AD`).

use super::{difference, groups, ratio};
use crate::bias::confusion::FacetCounts;
use crate::bias::error::BiasError;

/// AD: see the module doc. `Err` displays smclarify's message.
pub(in crate::bias) fn accuracy_difference(c: &FacetCounts) -> Result<f64, BiasError> {
    let (a, d) = (&c.a, &c.d);
    groups(c, "Facet set is empty", "Negated Facet set is empty")?;
    Ok(difference(ratio(a.tp + a.tn, a.n()), ratio(d.tp + d.tn, d.n())))
}
