//! What every explainable model offers: its features, its outputs and its
//! margins for one row.

use super::link::Link;
use super::matrix::FeatureMatrix;

/// A model over rows of features (NaN for missing).
/// `Sync`: one model is read by every thread explaining rows natively.
pub trait Model: Sync {
    /// Feature names, in the order rows give them.
    fn features(&self) -> &[String];
    /// Outputs per row: 1 for regression and binary, the classes for multiclass.
    fn n_outputs(&self) -> usize;
    /// The link from margins to predictions.
    fn link(&self) -> Link;
    /// The margins of `row` (one per output) into `out`.
    fn margin_into(&self, row: &[f64], out: &mut [f64]);

    /// Predictions of every row of `x`, row-major (`n_rows × n_outputs`).
    fn predict(&self, x: &FeatureMatrix) -> Vec<f64> {
        let k = self.n_outputs();
        let mut out = vec![0.0; x.n_rows * k];
        for (i, chunk) in out.chunks_exact_mut(k).enumerate() {
            self.margin_into(x.row(i), chunk);
            self.link().apply(chunk);
        }
        out
    }

    /// Margins of every row of `x`, row-major (`n_rows × n_outputs`).
    fn margins(&self, x: &FeatureMatrix) -> Vec<f64> {
        let k = self.n_outputs();
        let mut out = vec![0.0; x.n_rows * k];
        for (i, chunk) in out.chunks_exact_mut(k).enumerate() {
            self.margin_into(x.row(i), chunk);
        }
        out
    }
}
