//! Class imbalance (CI), a pre-training metric: `(n_a − n_d) / (n_a + n_d)`,
//! smclarify 0.5's `CI`, with its messages for an empty group.

use crate::bias::confusion::FacetCounts;
use crate::bias::error::BiasError;

/// CI: see the module doc. `Err` displays smclarify's message.
pub(in crate::bias) fn class_imbalance(c: &FacetCounts) -> Result<f64, BiasError> {
    let (a, d) = (&c.a, &c.d);
    if a.n() == 0 {
        return Err(BiasError::EmptyGroup("CI: negated facet set is empty. Check that x[~facet] has non-zero length."));
    }
    if d.n() == 0 {
        return Err(BiasError::EmptyGroup("CI: facet set is empty. Check that x[facet] has non-zero length."));
    }
    Ok((a.n() as f64 - d.n() as f64) / (a.n() + d.n()) as f64)
}
