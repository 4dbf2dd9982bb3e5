//! ROC AUC estimated without labels (NannyML's CBPE): rows ranked by the
//! model's own score, each contributing its calibrated probability as an
//! expected true positive and the rest as an expected false positive.

use super::error::{check_lengths, EstimationError};

/// Estimated ROC AUC of a chunk from calibrated probabilities and the
/// uncalibrated scores that rank the rows. NaN when the chunk is empty or
/// expects no positive or no negative.
///
/// The cumulative expected counts are rounded to 5 decimals before the
/// rates are taken, as NannyML does. Rows with tied scores are kept in input
/// order; when the calibrated value is a function of the score (isotonic
/// calibration) ties cannot change the result.
pub fn estimated_roc_auc(calibrated: &[f64], scores: &[f64]) -> Result<f64, EstimationError> {
    check_lengths("calibrated scores and scores", calibrated.len(), scores.len())?;
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let mut tps = Vec::with_capacity(order.len() + 1);
    let mut fps = Vec::with_capacity(order.len() + 1);
    tps.push(0.0);
    fps.push(0.0);
    let mut cumulative = 0.0;
    for (rank, &i) in order.iter().enumerate() {
        cumulative += calibrated[i];
        tps.push(round5(cumulative));
        fps.push(round5((rank + 1) as f64 - cumulative));
    }
    let (Some(&tp_total), Some(&fp_total)) = (tps.last(), fps.last()) else {
        return Ok(f64::NAN);
    };
    let mut area = 0.0;
    for k in 1..tps.len() {
        let dx = fps[k] / fp_total - fps[k - 1] / fp_total;
        area += dx * (tps[k] / tp_total + tps[k - 1] / tp_total) / 2.0;
    }
    Ok(area)
}

/// numpy's `round(x, 5)`: scale, round half to even, unscale.
fn round5(x: f64) -> f64 {
    (x * 1e5).round_ties_even() / 1e5
}
