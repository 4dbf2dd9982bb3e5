//! ROC and precision-recall curves and ROC AUC, as scikit-learn's
//! `roc_curve` (default `drop_intermediate=True`, which keeps only the corners
//! and gives the same area with a smaller file), `precision_recall_curve` and
//! `roc_auc_score` (trapezoids, ties counted as half).

use super::error::{check_finite, check_lengths, ModelQualityError};

/// A ROC curve, as Model Monitor's `receiver_operating_characteristic_curve`.
#[derive(Debug, Clone, PartialEq)]
pub struct RocCurve {
    /// False-positive rates, from 0 upwards.
    pub false_positive_rates: Vec<f64>,
    /// True-positive rates, matching `false_positive_rates`.
    pub true_positive_rates: Vec<f64>,
}

/// A precision-recall curve, as Model Monitor's `precision_recall_curve`.
#[derive(Debug, Clone, PartialEq)]
pub struct PrecisionRecallCurve {
    /// Precisions, by increasing threshold, ending with 1.
    pub precisions: Vec<f64>,
    /// Recalls, matching `precisions`, ending with 0.
    pub recalls: Vec<f64>,
}

/// Cumulative (false positives, true positives) at each distinct score, from
/// the highest score down (scikit-learn's `_binary_clf_curve`).
fn cumulative_counts(actual: &[bool], scores: &[f64]) -> Result<(Vec<f64>, Vec<f64>), ModelQualityError> {
    check_lengths(actual.len(), scores.len())?;
    check_finite("score", scores)?;
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let (mut fps, mut tps) = (Vec::new(), Vec::new());
    let mut tp = 0.0;
    for (k, &i) in order.iter().enumerate() {
        if actual[i] {
            tp += 1.0;
        }
        let last_of_tie = order.get(k + 1).is_none_or(|&j| scores[j] != scores[i]);
        if last_of_tie {
            tps.push(tp);
            fps.push((k + 1) as f64 - tp);
        }
    }
    Ok((fps, tps))
}

/// The ROC curve. With no negatives (or no positives) the false (or true)
/// positive rates are NaN, as scikit-learn's.
///
/// # Errors
/// Lengths differ, no rows, or a non-finite score.
pub fn roc_curve(actual: &[bool], scores: &[f64]) -> Result<RocCurve, ModelQualityError> {
    let (fps, tps) = cumulative_counts(actual, scores)?;
    // drop_intermediate: keep the ends and every point where the slope changes.
    let keep: Vec<usize> = if fps.len() > 2 {
        (0..fps.len())
            .filter(|&i| {
                i == 0 || i + 1 == fps.len() || {
                    let d2 = |v: &[f64]| v[i + 1] - 2.0 * v[i] + v[i - 1];
                    d2(&fps) != 0.0 || d2(&tps) != 0.0
                }
            })
            .collect()
    } else {
        (0..fps.len()).collect()
    };
    let rates = |v: &[f64]| -> Vec<f64> {
        let total = v.last().copied().unwrap_or(0.0);
        let scale = |x: f64| if total > 0.0 { x / total } else { f64::NAN };
        std::iter::once(scale(0.0)).chain(keep.iter().map(|&i| scale(v[i]))).collect()
    };
    Ok(RocCurve { false_positive_rates: rates(&fps), true_positive_rates: rates(&tps) })
}

/// ROC AUC by trapezoids over [`roc_curve`]; NaN when only one class is
/// present (scikit-learn raises a `ValueError` there).
///
/// # Errors
/// Lengths differ, no rows, or a non-finite score.
pub fn roc_auc(actual: &[bool], scores: &[f64]) -> Result<f64, ModelQualityError> {
    let roc = roc_curve(actual, scores)?;
    let (x, y) = (&roc.false_positive_rates, &roc.true_positive_rates);
    Ok((1..x.len()).map(|i| (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2.0).sum())
}

/// The precision-recall curve, as scikit-learn's `precision_recall_curve`:
/// points by increasing threshold, then (precision 1, recall 0); with no
/// positives every recall is 1.
///
/// # Errors
/// Lengths differ, no rows, or a non-finite score.
pub fn precision_recall_curve(actual: &[bool], scores: &[f64]) -> Result<PrecisionRecallCurve, ModelQualityError> {
    let (fps, tps) = cumulative_counts(actual, scores)?;
    let positives = tps.last().copied().unwrap_or(0.0);
    let mut precisions: Vec<f64> = fps.iter().zip(&tps).rev().map(|(f, t)| super::fbeta::ratio(*t, t + f)).collect();
    let mut recalls: Vec<f64> = tps.iter().rev().map(|t| if positives > 0.0 { t / positives } else { 1.0 }).collect();
    precisions.push(1.0);
    recalls.push(0.0);
    Ok(PrecisionRecallCurve { precisions, recalls })
}
