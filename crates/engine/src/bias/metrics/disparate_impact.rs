//! Disparate impact (DI), a post-training metric: the ratio of group d's
//! share of predicted positives to group a's, `q̂_d / q̂_a` (smclarify 0.5's
//! `DI`; the four-fifths rule reads it), with Clarify's division rule.

use crate::bias::confusion::FacetCounts;
use crate::bias::divide;
use crate::bias::error::BiasError;

/// DI: see the module doc. `Err` displays smclarify's message.
pub(in crate::bias) fn disparate_impact(c: &FacetCounts) -> Result<f64, BiasError> {
    let (a, d) = (&c.a, &c.d);
    if a.n() == 0 {
        return Err(BiasError::EmptyGroup("Negated facet set is empty"));
    }
    if d.n() == 0 {
        return Err(BiasError::EmptyGroup("Facet set is empty"));
    }
    let qa = a.predicted_positives() as f64 / a.n() as f64;
    let qd = d.predicted_positives() as f64 / d.n() as f64;
    Ok(divide(qd, qa))
}
