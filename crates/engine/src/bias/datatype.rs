//! smclarify's data-type rule (`series_datatype`): whether a facet or label
//! column is split by values (categorical) or by a threshold (continuous).

use serde::{Deserialize, Serialize};

use super::divide;
use super::py_value::PyValue;
use super::series::{Dtype, Series};

/// Share of distinct values from which an integer column is continuous.
pub const UNIQUENESS_THRESHOLD: f64 = 0.05;

/// How a facet or label column is split into two groups.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DataType {
    /// By values: the group is the rows equal to one of them.
    Categorical,
    /// By a threshold t: the group is the rows with t < x ≤ max.
    Continuous,
}

/// smclarify 0.5's rule: more than one value given → categorical; floats →
/// continuous; integers → continuous when at least 5 % of the present values
/// are distinct; strings and booleans → categorical. (Strings castable to
/// integers cannot occur here: pandas reads such a column as integers.)
#[must_use]
pub fn series_datatype(series: &Series<'_>, values: &[PyValue]) -> DataType {
    if values.len() > 1 {
        return DataType::Categorical;
    }
    match series.dtype {
        Dtype::Float => DataType::Continuous,
        Dtype::Int => {
            let (unique, count) = series.nunique_count();
            if divide(unique as f64, count as f64) >= UNIQUENESS_THRESHOLD {
                DataType::Continuous
            } else {
                DataType::Categorical
            }
        }
        Dtype::Bool | Dtype::Object => DataType::Categorical,
    }
}
