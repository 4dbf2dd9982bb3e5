//! Generalized entropy (GE, α = 2), post-training, over the whole table
//! (smclarify 0.5's `GE`).

use crate::bias::confusion::FacetCounts;
use crate::bias::error::BiasError;

/// GE with α = 2 over the whole table: b = ŷ − y + 1, so false negatives
/// give 0, correct predictions 1 and false positives 2.
pub(in crate::bias) fn generalized_entropy(c: &FacetCounts) -> Result<f64, BiasError> {
    let all = c.overall();
    let n = all.n();
    if n == 0 {
        return Err(BiasError::EmptyDataset);
    }
    let correct = all.tp + all.tn;
    let mean = (correct + 2 * all.fp) as f64 / n as f64;
    if mean == 0.0 {
        return Err(BiasError::AllFalseNegatives);
    }
    let term = |b: f64| (b / mean).powi(2) - 1.0;
    let sum = all.fn_ as f64 * term(0.0) + correct as f64 * term(1.0) + all.fp as f64 * term(2.0);
    Ok(sum / (n as f64 * 2.0))
}
