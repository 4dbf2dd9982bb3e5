//! Regression metrics: mae, mse, rmse and r2 as scikit-learn computes them.

use super::error::{check_finite, check_lengths, ModelQualityError};

/// `mae`, `mse`, `rmse` and `r2` in Model Monitor's order. `r2` follows
/// `sklearn.metrics.r2_score`: NaN with fewer than 2 rows; with a constant
/// ground truth 1.0 if the predictions are perfect, else 0.0.
///
/// # Errors
/// Lengths differ, no rows, or a non-finite value.
pub fn regression_metrics(truth: &[f64], predicted: &[f64]) -> Result<Vec<(&'static str, f64)>, ModelQualityError> {
    check_lengths(truth.len(), predicted.len())?;
    check_finite("ground truth", truth)?;
    check_finite("prediction", predicted)?;
    let n = truth.len() as f64;
    let abs_sum: f64 = truth.iter().zip(predicted).map(|(t, p)| (t - p).abs()).sum();
    let ss_res: f64 = truth.iter().zip(predicted).map(|(t, p)| (t - p) * (t - p)).sum();
    let mean = truth.iter().sum::<f64>() / n;
    let ss_tot: f64 = truth.iter().map(|t| (t - mean) * (t - mean)).sum();
    let mse = ss_res / n;
    Ok(vec![("mae", abs_sum / n), ("mse", mse), ("rmse", mse.sqrt()), ("r2", r2_score(n, ss_res, ss_tot))])
}

/// `r2_score` from the row count (or total weight) and the residual and
/// total sums of squares: NaN below 2 rows; with a constant ground truth
/// 1.0 if the predictions are perfect, else 0.0.
pub(crate) fn r2_score(n: f64, ss_res: f64, ss_tot: f64) -> f64 {
    if n < 2.0 {
        f64::NAN
    } else if ss_tot == 0.0 {
        if ss_res == 0.0 {
            1.0
        } else {
            0.0
        }
    } else {
        1.0 - ss_res / ss_tot
    }
}
