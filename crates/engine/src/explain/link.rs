//! How a model's raw outputs (margins) become predictions.

use serde::{Deserialize, Serialize};

/// The inverse link from margins to predictions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Link {
    /// Predictions are the margins (regression).
    Identity,
    /// Each margin through the logistic function (binary classification).
    Logistic,
    /// The margins of all outputs through softmax (multiclass).
    Softmax,
}

impl Link {
    /// Turns `margins` (one per output) into predictions in place.
    pub fn apply(self, margins: &mut [f64]) {
        match self {
            Self::Identity => {}
            Self::Logistic => margins.iter_mut().for_each(|m| *m = logistic(*m)),
            Self::Softmax => {
                // Shifting by the largest margin keeps exp from overflowing.
                let top = margins.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                let mut total = 0.0;
                for m in margins.iter_mut() {
                    *m = (*m - top).exp();
                    total += *m;
                }
                margins.iter_mut().for_each(|m| *m /= total);
            }
        }
    }
}

/// 1 / (1 + e^-x).
#[must_use]
pub fn logistic(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_map_margins_to_predictions() {
        let mut m = [0.0, 2.0];
        Link::Logistic.apply(&mut m);
        assert_eq!(m[0], 0.5);
        assert!((m[1] - 1.0 / (1.0 + (-2.0f64).exp())).abs() < 1e-15);
        let mut s = [1.0, 1.0, 1.0, 1.0];
        Link::Softmax.apply(&mut s);
        assert!(s.iter().all(|p| (p - 0.25).abs() < 1e-15));
        let mut big = [1000.0, 0.0];
        Link::Softmax.apply(&mut big);
        assert_eq!(big, [1.0, 0.0]);
        let mut same = [3.5];
        Link::Identity.apply(&mut same);
        assert_eq!(same, [3.5]);
    }
}
