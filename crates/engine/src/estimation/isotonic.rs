//! Isotonic calibration of scores, equal to scikit-learn's
//! `IsotonicRegression(increasing=True, out_of_bounds="clip")` as NannyML's
//! `IsotonicCalibrator` uses it.

use super::error::{check_finite, check_lengths, EstimationError};

/// A fitted increasing step-and-ramp map from scores to probabilities:
/// sorted distinct reference scores and their pooled (isotonic) label means,
/// linearly interpolated in between and clipped outside.
#[derive(Debug, Clone, PartialEq)]
pub struct IsotonicCalibrator {
    x: Vec<f64>,
    y: Vec<f64>,
}

impl IsotonicCalibrator {
    /// Fits on reference scores and their true labels (`true` = positive).
    pub fn fit(scores: &[f64], labels: &[bool]) -> Result<Self, EstimationError> {
        check_lengths("scores and labels", scores.len(), labels.len())?;
        check_finite("score", scores)?;
        if scores.is_empty() {
            return Err(EstimationError::Empty { what: "reference" });
        }
        // scikit-learn orders by score, then label (np.lexsort((y, X))).
        let mut order: Vec<usize> = (0..scores.len()).collect();
        order.sort_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(labels[a].cmp(&labels[b])));
        let (x, mut y, mut w) = pool_equal_scores(&order, scores, labels);
        pool_adjacent_violators(&mut y, &mut w);
        Ok(Self { x, y })
    }

    /// Calibrated probabilities for `scores` (NaN stays NaN).
    pub fn calibrate(&self, scores: &[f64]) -> Vec<f64> {
        scores.iter().map(|&s| self.calibrate_one(s)).collect()
    }

    /// One calibrated probability, as `np.interp` after clipping to the
    /// reference score range.
    pub fn calibrate_one(&self, score: f64) -> f64 {
        let (Some(&first), Some(&last)) = (self.x.first(), self.x.last()) else {
            return f64::NAN;
        };
        if score.is_nan() {
            return f64::NAN;
        }
        let last_y = self.y[self.y.len() - 1];
        if score <= first {
            return self.y[0];
        }
        if score >= last {
            return last_y;
        }
        // The last knot at or below the score; first < score < last here.
        let j = self.x.partition_point(|&k| k <= score) - 1;
        let slope = (self.y[j + 1] - self.y[j]) / (self.x[j + 1] - self.x[j]);
        slope * (score - self.x[j]) + self.y[j]
    }
}

/// Collapses rows with equal scores into one weighted point (scikit-learn's
/// `_make_unique`, which treats scores closer than the float64 resolution,
/// 1e-15, as equal).
fn pool_equal_scores(order: &[usize], scores: &[f64], labels: &[bool]) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
    const RESOLUTION: f64 = 1e-15;
    let (mut xs, mut ys, mut ws) = (Vec::new(), Vec::new(), Vec::new());
    let (mut current_x, mut sum_y, mut sum_w) = (f64::NAN, 0.0, 0.0);
    for &i in order {
        let x = scores[i];
        if sum_w > 0.0 && x - current_x >= RESOLUTION {
            xs.push(current_x);
            ys.push(sum_y / sum_w);
            ws.push(sum_w);
            sum_y = 0.0;
            sum_w = 0.0;
        }
        if sum_w == 0.0 {
            current_x = x;
        }
        sum_y += if labels[i] { 1.0 } else { 0.0 };
        sum_w += 1.0;
    }
    xs.push(current_x);
    ys.push(sum_y / sum_w);
    ws.push(sum_w);
    (xs, ys, ws)
}

/// Pool adjacent violators in place, in scikit-learn's order of merging
/// (forward, merging ties too, then backtracking one block), so that block
/// means are rounded exactly as there. Each block's first slot holds its mean
/// and weight; the result is spread back over every slot.
fn pool_adjacent_violators(y: &mut [f64], w: &mut [f64]) {
    let n = y.len();
    // target[first] = last slot of the block, target[last] = first slot.
    let mut target: Vec<usize> = (0..n).collect();
    let mut i = 0;
    while i < n {
        let mut k = target[i] + 1;
        if k == n {
            break;
        }
        if y[i] < y[k] {
            i = k;
            continue;
        }
        let mut sum_wy = w[i] * y[i];
        let mut sum_w = w[i];
        loop {
            let prev_y = y[k];
            sum_wy += w[k] * y[k];
            sum_w += w[k];
            k = target[k] + 1;
            if k == n || prev_y < y[k] {
                y[i] = sum_wy / sum_w;
                w[i] = sum_w;
                target[i] = k - 1;
                target[k - 1] = i;
                if i > 0 {
                    i = target[i - 1];
                }
                break;
            }
        }
    }
    let mut i = 0;
    while i < n {
        let end = target[i] + 1;
        let mean = y[i];
        y[i..end].fill(mean);
        i = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Shape only: the values themselves are replayed from scikit-learn in
    /// tests/cbpe_reference.rs.
    #[test]
    fn calibration_is_increasing_bounded_and_clipped() {
        let scores = [0.9, 0.1, 0.4, 0.4, 0.2, 0.7, 0.3, 0.8];
        let labels = [true, false, true, false, true, false, false, true];
        let c = IsotonicCalibrator::fit(&scores, &labels).unwrap();
        let grid: Vec<f64> = (0..=20).map(|k| k as f64 / 20.0).collect();
        let out = c.calibrate(&grid);
        assert!(out.windows(2).all(|w| w[0] <= w[1]));
        assert!(out.iter().all(|p| (0.0..=1.0).contains(p)));
        assert_eq!(c.calibrate_one(-5.0), c.calibrate_one(0.1));
        assert_eq!(c.calibrate_one(5.0), c.calibrate_one(0.9));
        assert!(c.calibrate_one(f64::NAN).is_nan());
    }

    #[test]
    fn rejects_bad_input() {
        assert!(matches!(
            IsotonicCalibrator::fit(&[0.1, f64::NAN], &[true, false]),
            Err(EstimationError::NonFinite { row: 1, .. })
        ));
        assert!(matches!(IsotonicCalibrator::fit(&[0.1], &[true, false]), Err(EstimationError::LengthMismatch { .. })));
        assert!(matches!(IsotonicCalibrator::fit(&[], &[]), Err(EstimationError::Empty { .. })));
    }
}
