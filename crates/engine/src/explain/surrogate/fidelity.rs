//! How faithfully the surrogate reproduces the captured model: R² for
//! scores (1 − SS_res/SS_tot, scikit-learn's `r2_score`) and agreement for
//! labels (the share of rows whose predicted label, margin ≥ 0, equals the
//! captured one), on rows it was not fitted on.

use serde::{Deserialize, Serialize};

/// Which measure a [`Fidelity`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FidelityMetric {
    /// Coefficient of determination of the surrogate's score.
    RSquared,
    /// Share of rows where the surrogate's label equals the captured one.
    Agreement,
}

/// The surrogate's fidelity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fidelity {
    /// The measure.
    pub metric: FidelityMetric,
    /// On the held-back rows; `None` for R² when their targets are all equal.
    pub holdout: Option<f64>,
    /// On the training rows (optimistic; for comparison).
    pub train: Option<f64>,
    /// Rows held back. They also chose where boosting stopped, so the
    /// holdout figure is slightly optimistic too.
    pub holdout_rows: usize,
    /// Rows fitted on.
    pub train_rows: usize,
}

/// R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)²; `None` when `y` is constant or empty
/// (scikit-learn then returns 1.0 or 0.0 by convention, which says nothing).
#[must_use]
pub fn r_squared(y: &[f64], predicted: &[f64]) -> Option<f64> {
    if y.is_empty() {
        return None;
    }
    // row counts are far below 2^52
    let mean = y.iter().sum::<f64>() / y.len() as f64;
    let ss_tot: f64 = y.iter().map(|v| (v - mean) * (v - mean)).sum();
    let ss_res: f64 = y.iter().zip(predicted).map(|(v, p)| (v - p) * (v - p)).sum();
    (ss_tot > 0.0).then(|| 1.0 - ss_res / ss_tot)
}

/// Share of rows where `margin >= 0` matches `label == 1`; `None` when empty.
#[must_use]
pub fn agreement(labels: &[f64], margins: &[f64]) -> Option<f64> {
    if labels.is_empty() {
        return None;
    }
    let same = labels.iter().zip(margins).filter(|(&y, &m)| (m >= 0.0) == (y == 1.0)).count();
    // row counts are far below 2^52
    let share = same as f64 / labels.len() as f64;
    Some(share)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agreement_counts_matching_labels() {
        assert_eq!(agreement(&[1.0, 0.0, 1.0, 0.0], &[0.3, -2.0, -0.1, 0.0]), Some(0.5));
        assert_eq!(agreement(&[], &[]), None);
    }

    #[test]
    fn fidelity_travels_as_json() {
        let f = Fidelity {
            metric: FidelityMetric::RSquared,
            holdout: None,
            train: Some(0.5),
            holdout_rows: 5,
            train_rows: 15,
        };
        let json = serde_json::to_string(&f).unwrap();
        assert_eq!(json, r#"{"metric":"r_squared","holdout":null,"train":0.5,"holdout_rows":5,"train_rows":15}"#);
        assert_eq!(serde_json::from_str::<Fidelity>(&json).unwrap(), f);
    }

    #[test]
    fn r_squared_is_undefined_for_a_constant_target() {
        assert_eq!(r_squared(&[2.0, 2.0], &[2.0, 1.0]), None);
        assert_eq!(r_squared(&[1.0, 3.0], &[1.0, 3.0]), Some(1.0));
    }
}
