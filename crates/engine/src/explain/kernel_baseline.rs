//! The baseline (background) of Kernel SHAP: rows that stand in for the
//! features a coalition leaves out, each with a weight (1/n for given rows,
//! the cluster's share for k-means centres, as shap's `DenseData`).

use super::matrix::FeatureMatrix;
use super::shap_error::ShapError;

/// Baseline rows and their weights (summing to 1).
#[derive(Debug, Clone, PartialEq)]
pub struct Baseline {
    /// The rows.
    pub rows: FeatureMatrix,
    /// One weight per row, summing to 1.
    pub weights: Vec<f64>,
}

impl Baseline {
    /// Given rows, weighted equally.
    ///
    /// # Errors
    /// No rows.
    pub fn uniform(rows: FeatureMatrix) -> Result<Self, ShapError> {
        if rows.n_rows == 0 {
            return Err(ShapError::EmptyBaseline);
        }
        let weights = vec![1.0 / rows.n_rows as f64; rows.n_rows];
        Ok(Self { rows, weights })
    }

    /// Rows with their own weights (counts or shares), normalised to sum 1.
    ///
    /// # Errors
    /// No rows, a weight count that differs from the rows, or weights that
    /// are negative, not finite or all zero.
    pub fn weighted(rows: FeatureMatrix, weights: Vec<f64>) -> Result<Self, ShapError> {
        if rows.n_rows == 0 {
            return Err(ShapError::EmptyBaseline);
        }
        if weights.len() != rows.n_rows {
            return Err(ShapError::Weights(format!("{} weights for {} rows", weights.len(), rows.n_rows)));
        }
        if let Some(i) = weights.iter().position(|w| !w.is_finite() || *w < 0.0) {
            return Err(ShapError::Weights(format!("weight {i} is {}", weights[i])));
        }
        let total: f64 = weights.iter().sum();
        if total <= 0.0 {
            return Err(ShapError::Weights("all weights are zero".into()));
        }
        let weights = weights.iter().map(|w| w / total).collect();
        Ok(Self { rows, weights })
    }
}
