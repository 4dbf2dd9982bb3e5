//! A table's columns as a model's features, by name: the model says which
//! columns it reads and in what order; the table may hold more (targets,
//! predictions, timestamps), which are reported, not used.

use super::matrix::FeatureMatrix;
use super::model::Model;
use super::model_error::ModelError;
use crate::table::{Column, ColumnData, ColumnsByName, Table};

/// The model's features taken from a table.
#[derive(Debug, Clone, PartialEq)]
pub struct FeatureMapping {
    /// One column per model feature, in the model's order.
    pub matrix: FeatureMatrix,
    /// Table columns the model does not read, in table order.
    pub unused_columns: Vec<String>,
}

/// The columns named `features` as a matrix: numbers as they are (missing is
/// NaN), booleans as 0/1, categories or text whose every value is a number
/// (or `True`/`False`, as pandas writes booleans) as that number.
///
/// # Errors
/// [`ModelError::MissingColumns`] naming every feature without a column;
/// [`ModelError::NotNumeric`] for the first column holding a value that is
/// not a number.
pub fn feature_matrix(table: &Table, features: &[String]) -> Result<FeatureMapping, ModelError> {
    let by_name = ColumnsByName::new(table);
    let missing: Vec<String> = features.iter().filter(|f| !by_name.contains(f)).cloned().collect();
    if !missing.is_empty() {
        return Err(ModelError::MissingColumns(missing));
    }
    let columns = features.iter().filter_map(|f| by_name.get(f)).map(numbers).collect::<Result<Vec<_>, _>>()?;
    let n_rows = table.n_rows;
    let mut values = Vec::with_capacity(n_rows * features.len());
    for i in 0..n_rows {
        values.extend(columns.iter().map(|c| c.get(i).copied().unwrap_or(f64::NAN)));
    }
    let wanted: hashbrown::HashSet<&str> = features.iter().map(String::as_str).collect();
    let unused_columns =
        table.columns.iter().filter(|c| !wanted.contains(c.name.as_str())).map(|c| c.name.clone()).collect();
    Ok(FeatureMapping { matrix: FeatureMatrix { features: features.to_vec(), n_rows, values }, unused_columns })
}

/// Checks that `x` has the model's features, in its order.
///
/// # Errors
/// [`ModelError::FeatureCount`] when the counts differ;
/// [`ModelError::MissingColumns`] naming the model features `x` lacks when
/// the names differ.
pub fn check_features(model: &dyn Model, x: &FeatureMatrix) -> Result<(), ModelError> {
    let expected = model.features();
    if x.n_features() != expected.len() || x.values.len() != x.n_rows * x.n_features() {
        return Err(ModelError::FeatureCount { expected: expected.len(), found: x.n_features() });
    }
    if x.features != expected {
        let lacking = expected.iter().zip(&x.features).filter(|(m, d)| m != d).map(|(m, _)| m.clone()).collect();
        return Err(ModelError::MissingColumns(lacking));
    }
    Ok(())
}

/// A column's values as numbers, NaN for missing.
fn numbers(column: &Column) -> Result<Vec<f64>, ModelError> {
    let refuse = |kind: &'static str, example: &str| ModelError::NotNumeric {
        column: column.name.clone(),
        kind,
        example: example.to_owned(),
    };
    let parse = |s: &str| match s.trim() {
        t if t.eq_ignore_ascii_case("true") => Some(1.0),
        t if t.eq_ignore_ascii_case("false") => Some(0.0),
        t => t.parse::<f64>().ok().filter(|x| x.is_finite()),
    };
    match &column.data {
        ColumnData::Numeric(v) => Ok(v.clone()),
        ColumnData::Boolean(v) => Ok(v.iter().map(|b| b.map_or(f64::NAN, |b| if b { 1.0 } else { 0.0 })).collect()),
        ColumnData::Categorical { dictionary, codes } => {
            let parsed = dictionary
                .iter()
                .map(|s| parse(s).ok_or_else(|| refuse("categorical", s)))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(codes.iter().map(|&c| parsed.get(c as usize).copied().unwrap_or(f64::NAN)).collect())
        }
        ColumnData::Text(t) => (0..t.present.len())
            .map(|i| t.get(i).map_or(Ok(f64::NAN), |s| parse(s).ok_or_else(|| refuse("text", s))))
            .collect(),
        ColumnData::Timestamp(_) => {
            let example = column.data.category_key(0).unwrap_or_default();
            Err(refuse("a timestamp", &example))
        }
    }
}
