//! The numbers a model reads: one row per record, one column per model
//! feature (in the model's order), NaN where a value is missing.

/// A dense row-major matrix of model features.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FeatureMatrix {
    /// Feature names, in the model's order.
    pub features: Vec<String>,
    /// Rows.
    pub n_rows: usize,
    /// `n_rows × features.len()` values, row-major; NaN is missing.
    pub values: Vec<f64>,
}

impl FeatureMatrix {
    /// Features per row.
    #[must_use]
    pub fn n_features(&self) -> usize {
        self.features.len()
    }

    /// Row `i`.
    ///
    /// # Panics
    /// When `i >= n_rows` (a caller bug, not a data error).
    #[must_use]
    pub fn row(&self, i: usize) -> &[f64] {
        let m = self.n_features();
        &self.values[i * m..(i + 1) * m]
    }

    /// The rows picked by `rows`, in that order.
    #[must_use]
    pub fn take(&self, rows: &[usize]) -> Self {
        let mut values = Vec::with_capacity(rows.len() * self.n_features());
        for &r in rows {
            values.extend_from_slice(self.row(r));
        }
        Self { features: self.features.clone(), n_rows: rows.len(), values }
    }
}
