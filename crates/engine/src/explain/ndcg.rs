//! Normalised discounted cumulative gain between a baseline's and a current
//! window's global attributions: Model Monitor's feature-attribution drift
//! score (sagemaker spec §8).
//!
//! The baseline attributions are the gains; the current ones only order the
//! features. DCG = Σ_i a(F′_i)/log₂(i+1) over the current order F′, iDCG the
//! same over the baseline order, NDCG = DCG/iDCG. Features tied in the
//! current values share the mean gain of their group over the group's
//! positions, as scikit-learn's `ndcg_score(y_true=[baseline],
//! y_score=[current])` does.

use indexmap::IndexMap;
use thiserror::Error;

/// Why two attribution maps cannot be compared.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum NdcgError {
    /// The maps do not name the same features.
    #[error("the baseline and current attributions name different features (only in the baseline: [{only_baseline}]; only in the current: [{only_current}])")]
    Features {
        /// Names only the baseline has.
        only_baseline: String,
        /// Names only the current has.
        only_current: String,
    },
    /// No features.
    #[error("no feature attributions to compare")]
    Empty,
    /// A baseline gain that is negative or not finite (a `median` aggregate can be negative).
    #[error(
        "baseline attribution of \"{feature}\" is {value}; NDCG needs non-negative gains (use mean_abs or mean_sq)"
    )]
    BadGain {
        /// The feature.
        feature: String,
        /// The value, as text.
        value: String,
    },
    /// A current value that is NaN.
    #[error("current attribution of \"{0}\" is NaN")]
    NanScore(String),
    /// Every baseline gain is zero, so no order is better than another.
    #[error("every baseline attribution is zero; NDCG is undefined")]
    ZeroGains,
}

/// NDCG of the current order against the baseline gains, in [0, 1].
///
/// # Errors
/// Different feature sets, no features, negative or non-finite baseline
/// values, NaN current values, or all-zero baseline values.
pub fn ndcg(baseline: &IndexMap<String, f64>, current: &IndexMap<String, f64>) -> Result<f64, NdcgError> {
    let only_baseline: Vec<&str> = baseline.keys().filter(|k| !current.contains_key(*k)).map(String::as_str).collect();
    let only_current: Vec<&str> = current.keys().filter(|k| !baseline.contains_key(*k)).map(String::as_str).collect();
    if !only_baseline.is_empty() || !only_current.is_empty() {
        return Err(NdcgError::Features {
            only_baseline: only_baseline.join(", "),
            only_current: only_current.join(", "),
        });
    }
    if baseline.is_empty() {
        return Err(NdcgError::Empty);
    }
    if let Some((f, v)) = baseline.iter().find(|(_, v)| !v.is_finite() || **v < 0.0) {
        return Err(NdcgError::BadGain { feature: f.clone(), value: v.to_string() });
    }
    if let Some((f, _)) = current.iter().find(|(_, v)| v.is_nan()) {
        return Err(NdcgError::NanScore(f.clone()));
    }
    // 1 / log₂(i + 2) for positions i = 0.., as NumPy computes it.
    let discount: Vec<f64> = (0..baseline.len()).map(|i| 1.0 / (((i + 2) as f64).ln() / 2f64.ln())).collect();
    let mut ideal: Vec<f64> = baseline.values().copied().collect();
    ideal.sort_by(|a, b| b.total_cmp(a));
    let idcg: f64 = ideal.iter().zip(&discount).map(|(g, d)| g * d).sum();
    if idcg == 0.0 {
        return Err(NdcgError::ZeroGains);
    }
    // Current order, descending; ties grouped.
    let mut order: Vec<(f64, f64)> = current.iter().map(|(f, s)| (*s, baseline[f.as_str()])).collect();
    order.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut dcg = 0.0;
    let mut start = 0;
    while start < order.len() {
        let end = (start..order.len()).find(|&i| order[i].0 != order[start].0).unwrap_or(order.len());
        let mean_gain = order[start..end].iter().map(|o| o.1).sum::<f64>() / (end - start) as f64;
        dcg += mean_gain * discount[start..end].iter().sum::<f64>();
        start = end;
    }
    Ok(dcg / idcg)
}
