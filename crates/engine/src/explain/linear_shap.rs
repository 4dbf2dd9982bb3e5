//! Exact SHAP values of a linear model with independent (interventional)
//! features: φ_j = w_j (x_j − mean_j) and expected value b + w · mean, with
//! the means over the background rows, in margin space (log-odds for a
//! logistic model), as shap's `LinearExplainer` with an `Independent` masker.
//!
//! Missing values (NaN) are refused with their row and feature rather than
//! replaced: a linear model has no rule for them, and a silent mean would
//! hide a data problem.

use super::attributions::Attributions;
use super::linear::LinearModel;
use super::matrix::FeatureMatrix;
use super::model::Model;
use super::shap_error::{check_features, ShapError};

const NAN_HINT: &str = "a linear model needs every value (impute it first)";

/// The linear SHAP values of every row of `x` against `background`.
///
/// # Errors
/// Features that are not the model's, an empty background, or NaN values.
pub fn linear_shap(
    model: &LinearModel,
    x: &FeatureMatrix,
    background: &FeatureMatrix,
) -> Result<Attributions, ShapError> {
    check_features("the data", &x.features, model.features())?;
    check_features("the baseline", &background.features, model.features())?;
    if background.n_rows == 0 {
        return Err(ShapError::EmptyBaseline);
    }
    refuse_nan("the baseline", background)?;
    refuse_nan("the data", x)?;
    let m = x.n_features();
    let mut mean = vec![0.0; m];
    for r in 0..background.n_rows {
        mean.iter_mut().zip(background.row(r)).for_each(|(s, v)| *s += v);
    }
    mean.iter_mut().for_each(|s| *s /= background.n_rows as f64);

    let k = model.n_outputs();
    let mut out = Attributions::zeros(x.features.clone(), k, x.n_rows);
    for (o, e) in out.expected_value.iter_mut().enumerate() {
        *e = model.intercepts()[o] + model.coefficients(o).iter().zip(&mean).map(|(w, mu)| w * mu).sum::<f64>();
    }
    for r in 0..x.n_rows {
        for o in 0..k {
            let w = model.coefficients(o);
            let row = x.row(r);
            for (j, phi) in out.of_mut(r, o).iter_mut().enumerate() {
                *phi = w[j] * (row[j] - mean[j]);
            }
        }
    }
    Ok(out)
}

fn refuse_nan(what: &'static str, x: &FeatureMatrix) -> Result<(), ShapError> {
    let m = x.n_features();
    match x.values.iter().position(|v| v.is_nan()) {
        None => Ok(()),
        Some(i) => Err(ShapError::Missing { what, row: i / m, feature: x.features[i % m].clone(), hint: NAN_HINT }),
    }
}
