//! Realised performance of a chunk whose labels are known, with NannyML's
//! rule that precision, recall and F1 are NaN when the true or the predicted
//! labels hold a single class, and ROC AUC when the true labels do.

use super::error::{check_lengths, EstimationError};
use super::metric::CbpeMetric;

/// The realised value of `metric` on one chunk: true labels, predicted
/// labels and uncalibrated scores, row-aligned.
pub fn realized(
    metric: CbpeMetric,
    truth: &[bool],
    predicted: &[bool],
    scores: &[f64],
) -> Result<f64, EstimationError> {
    check_lengths("labels and predictions", truth.len(), predicted.len())?;
    check_lengths("labels and scores", truth.len(), scores.len())?;
    if truth.is_empty() {
        return Ok(f64::NAN);
    }
    let (mut tp, mut fp, mut tn, mut fn_) = (0usize, 0usize, 0usize, 0usize);
    for (&t, &p) in truth.iter().zip(predicted) {
        match (t, p) {
            (true, true) => tp += 1,
            (false, true) => fp += 1,
            (false, false) => tn += 1,
            (true, false) => fn_ += 1,
        }
    }
    let single_truth = tp + fn_ == 0 || fp + tn == 0;
    let single_prediction = tp + fp == 0 || tn + fn_ == 0;
    let [tp, fp, tn, fn_] = [tp, fp, tn, fn_].map(|c| c as f64);
    Ok(match metric {
        CbpeMetric::Accuracy => (tp + tn) / truth.len() as f64,
        _ if single_truth => f64::NAN,
        CbpeMetric::RocAuc => roc_auc(truth, scores),
        _ if single_prediction => f64::NAN,
        CbpeMetric::Precision => tp / (tp + fp),
        CbpeMetric::Recall => tp / (tp + fn_),
        CbpeMetric::F1 => 2.0 * tp / (2.0 * tp + fp + fn_),
    })
}

/// ROC AUC with ties counted half (the Mann–Whitney form of scikit-learn's
/// `roc_auc_score`), via mid-ranks; both classes must be present.
fn roc_auc(truth: &[bool], scores: &[f64]) -> f64 {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[a].total_cmp(&scores[b]));
    let mut positive_rank_sum = 0.0;
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && scores[order[end]] == scores[order[start]] {
            end += 1;
        }
        // Ranks start..end (one-based start+1..=end) share their mean.
        let mid_rank = (start + 1 + end) as f64 / 2.0;
        let positives = order[start..end].iter().filter(|&&i| truth[i]).count();
        positive_rank_sum += mid_rank * positives as f64;
        start = end;
    }
    let positives = truth.iter().filter(|&&t| t).count() as f64;
    let negatives = truth.len() as f64 - positives;
    (positive_rank_sum - positives * (positives + 1.0) / 2.0) / (positives * negatives)
}
