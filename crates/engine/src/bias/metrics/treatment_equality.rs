//! Treatment equality (TE), post-training: the ratio of false negatives to
//! false positives, `FN_d/FP_d − FN_a/FP_a` (smclarify 0.5's `TE`).

use super::{groups, ratio};
use crate::bias::confusion::FacetCounts;
use crate::bias::error::BiasError;

/// TE: see the module doc. `Err` displays smclarify's message.
pub(in crate::bias) fn treatment_equality(c: &FacetCounts) -> Result<f64, BiasError> {
    let (a, d) = (&c.a, &c.d);
    groups(c, "Facet set is empty", "Negated Facet set is empty")?;
    let (tau_a, tau_d) = (ratio(a.fn_, a.fp), ratio(d.fn_, d.fp));
    Ok(if tau_a == tau_d && tau_a == f64::INFINITY { 0.0 } else { tau_d - tau_a })
}
