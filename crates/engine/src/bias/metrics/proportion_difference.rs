//! Difference in positive proportions, in labels (DPL, pre-training) or in
//! predicted labels (DPPL, post-training): `q_a − q_d` (smclarify 0.5's `DPL`
//! and `DPPL`, with their messages).

use crate::bias::confusion::{Confusion, FacetCounts};
use crate::bias::error::BiasError;

/// q_a − q_d of an outcome (DPL, DPPL), a checked first.
pub(in crate::bias) fn proportion_difference(
    c: &FacetCounts,
    outcome: impl Fn(&Confusion) -> u64,
) -> Result<f64, BiasError> {
    if c.a.n() == 0 {
        return Err(BiasError::EmptyGroup("Negative facet set is empty."));
    }
    if c.d.n() == 0 {
        return Err(BiasError::EmptyGroup("Facet set is empty."));
    }
    Ok(outcome(&c.a) as f64 / c.a.n() as f64 - outcome(&c.d) as f64 / c.d.n() as f64)
}
