//! Local attributions: one value per row, output and feature, plus the
//! expected value per output, so that each row's values add up to its
//! margin (SHAP's additivity).

use serde::{Deserialize, Serialize};

/// SHAP values of a set of rows.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Attributions {
    /// Feature names.
    pub features: Vec<String>,
    /// Outputs (classes for multiclass, else 1).
    pub n_outputs: usize,
    /// Rows explained.
    pub n_rows: usize,
    /// `n_rows × n_outputs × features.len()` values: row, then output, then feature.
    pub values: Vec<f64>,
    /// The expected margin per output (shap's `expected_value`).
    pub expected_value: Vec<f64>,
}

impl Attributions {
    /// Zero attributions for `n_rows` rows.
    #[must_use]
    pub fn zeros(features: Vec<String>, n_outputs: usize, n_rows: usize) -> Self {
        let len = n_rows * n_outputs * features.len();
        Self { features, n_outputs, n_rows, values: vec![0.0; len], expected_value: vec![0.0; n_outputs] }
    }

    /// The values of row `row` for output `output`, one per feature.
    ///
    /// # Panics
    /// When `row` or `output` is out of range (a caller bug).
    #[must_use]
    pub fn of(&self, row: usize, output: usize) -> &[f64] {
        let m = self.features.len();
        let start = (row * self.n_outputs + output) * m;
        &self.values[start..start + m]
    }

    /// Mutable values of row `row` for output `output`.
    ///
    /// # Panics
    /// When `row` or `output` is out of range (a caller bug).
    pub fn of_mut(&mut self, row: usize, output: usize) -> &mut [f64] {
        let m = self.features.len();
        let start = (row * self.n_outputs + output) * m;
        &mut self.values[start..start + m]
    }
}
