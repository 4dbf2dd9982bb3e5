//! FT's features: every column but the facet, label, predictions and the
//! excluded columns, as numbers (booleans as 0/1). smclarify refuses any
//! non-numeric column.

use super::error::BiasError;
use super::series::{Dtype, Series};
use crate::table::Table;

/// Column-major feature values for the flip test.
pub fn ft_features(table: &Table, left_out: &[&str]) -> Result<Vec<Vec<f64>>, BiasError> {
    let mut features = Vec::new();
    for column in &table.columns {
        if left_out.contains(&column.name.as_str()) {
            continue;
        }
        let series = Series::new(column);
        if series.dtype == Dtype::Object {
            return Err(BiasError::NonNumericFeatures);
        }
        features.push(series.numbers());
    }
    Ok(features)
}

/// The flip test of one facet value, on the features `ft_features` gathered; the
/// empty-group errors come before the non-numeric one, as in smclarify.
pub fn flip_test_counts(
    features: &Result<Vec<Vec<f64>>, BiasError>,
    sensitive: &[bool],
    predicted: &[bool],
) -> Result<super::flip_test::FlipCounts, BiasError> {
    if !sensitive.iter().any(|&d| d) {
        return Err(BiasError::EmptyGroup("Facet set is empty"));
    }
    if sensitive.iter().all(|&d| d) {
        return Err(BiasError::EmptyGroup("Negated Facet set is empty"));
    }
    let columns = features.as_ref().map_err(Clone::clone)?;
    let views: Vec<&[f64]> = columns.iter().map(Vec::as_slice).collect();
    super::flip_test::flip_counts(&views, sensitive, predicted)
}
