//! What both TreeSHAP variants check before explaining a range of rows, and
//! the zeroed attributions they fill.

use std::ops::Range;

use super::super::attributions::Attributions;
use super::super::matrix::FeatureMatrix;
use super::super::shap_error::check_features;
use super::tree_shap_error::TreeShapError;

/// Zero attributions for `rows` of `x`, carrying `expected_value`, once `x`
/// has the model's `features` and holds the rows.
///
/// # Errors
/// [`TreeShapError::Input`] for other features, [`TreeShapError::Rows`]
/// for a range beyond `x`.
pub(super) fn start(
    features: &[String],
    expected_value: &[f64],
    x: &FeatureMatrix,
    rows: &Range<usize>,
) -> Result<Attributions, TreeShapError> {
    check_features("data", &x.features, features)?;
    if rows.start > rows.end || rows.end > x.n_rows {
        return Err(TreeShapError::Rows { start: rows.start, end: rows.end, n_rows: x.n_rows });
    }
    let mut out = Attributions::zeros(x.features.clone(), expected_value.len(), rows.len());
    out.expected_value = expected_value.to_vec();
    Ok(out)
}
