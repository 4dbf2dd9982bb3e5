//! Turns a facet, label or predicted-label column and the configured values
//! into one boolean per row, as smclarify 0.5 does (`_categorical_data_idx`,
//! `_continuous_data_idx`, `ensure_series_data_type`), or literally in strict
//! mode.

use super::datatype::{series_datatype, DataType};
use super::error::BiasError;
use super::interval::{max_present, Intervals};
use super::py_value::{convert_values, parse_python_float, PyValue};
use super::series::{Dtype, Series};

/// A column split in two by values or a threshold.
#[derive(Clone, Debug, PartialEq)]
pub struct Split {
    /// Per row: true for the selected group (sensitive facet d, or positive label).
    pub mask: Vec<bool>,
    /// The report text: the values joined by commas, or the interval.
    pub text: String,
    /// How the column was split.
    pub data_type: DataType,
    /// For a threshold split, the threshold (after smclarify's conversion).
    pub threshold: Option<f64>,
}

/// `col == v1 | col == v2 …`, retried with the values converted to the
/// column's type when nothing matches.
pub fn categorical_mask(series: &Series<'_>, values: &[PyValue]) -> Result<Vec<bool>, BiasError> {
    let mask = series.mask::<BiasError>(|e| Ok(values.iter().any(|v| v.equals(e))))?;
    if mask.iter().any(|&m| m) || values.is_empty() {
        return Ok(mask);
    }
    let converted = convert_values(values, series.dtype, series.get(0))?;
    series.mask::<BiasError>(|e| Ok(converted.iter().any(|v| v.equals(e))))
}

/// The numeric threshold of a continuous split (`values[0]`, a string is
/// converted with `float()`).
pub fn threshold_of(values: &[PyValue]) -> Result<f64, BiasError> {
    let first = values.first().ok_or(BiasError::NoThreshold)?;
    match first {
        PyValue::Str(s) => parse_python_float(s).ok_or(BiasError::ThresholdNotNumeric),
        other => other.number().ok_or(BiasError::NoThreshold),
    }
}

/// True when the threshold stays an int for pandas (an int or bool value).
fn threshold_is_int(values: &[PyValue]) -> bool {
    matches!(values.first(), Some(PyValue::Int(_) | PyValue::Bool(_)))
}

/// Splits a facet or label column. In strict mode a single number that some
/// cell equals selects those cells (never a threshold), and a float column
/// compares values exactly; otherwise smclarify's data-type rule decides.
///
/// # Errors
/// smclarify's refusals: values that cannot be converted to the column's
/// type, a continuous split without a numeric threshold.
pub fn split(series: &Series<'_>, values: &[PyValue], strict: bool) -> Result<Split, BiasError> {
    let data_type = if strict { strict_datatype(series, values) } else { series_datatype(series, values) };
    match data_type {
        DataType::Categorical => {
            let mask = categorical_mask(series, values)?;
            let text = values.iter().map(PyValue::py_str).collect::<Vec<_>>().join(",");
            Ok(Split { mask, text, data_type, threshold: None })
        }
        DataType::Continuous => {
            let threshold = threshold_of(values)?;
            let numbers = series.numbers();
            let integer = series.dtype == Dtype::Int && threshold_is_int(values);
            let intervals = Intervals::new(threshold, max_present(&numbers), integer);
            let mask = numbers.iter().map(|&x| intervals.contains(x)).collect();
            Ok(Split { mask, text: intervals.text(), data_type, threshold: Some(threshold) })
        }
    }
}

/// Strict mode: values are categories unless one number is given that no
/// cell of a numeric column equals (then it is a threshold).
fn strict_datatype(series: &Series<'_>, values: &[PyValue]) -> DataType {
    let numeric = matches!(series.dtype, Dtype::Int | Dtype::Float);
    let single_number = values.len() == 1 && values[0].number().is_some() && !matches!(values[0], PyValue::Bool(_));
    if !numeric || !single_number {
        return DataType::Categorical;
    }
    let present = series.mask::<()>(|e| Ok(values[0].equals(e))).is_ok_and(|m| m.iter().any(|&x| x));
    if present {
        DataType::Categorical
    } else {
        DataType::Continuous
    }
}

/// Predicted labels split with the label's values: the data types must
/// agree; a threshold uses the maximum over labels and predictions, with the
/// predictions cast to the label's dtype (so an int label truncates scores).
pub fn split_predicted(
    predicted: &Series<'_>,
    label: &Series<'_>,
    label_split: &Split,
    values: &[PyValue],
    strict: bool,
) -> Result<Vec<bool>, BiasError> {
    let data_type = if strict { label_split.data_type } else { series_datatype(predicted, values) };
    if data_type != label_split.data_type {
        return Err(BiasError::PredictedDataType);
    }
    let mask = match data_type {
        DataType::Categorical => categorical_mask(predicted, values)?,
        DataType::Continuous => {
            let threshold = label_split.threshold.unwrap_or(f64::NAN);
            let mut numbers = predicted.numbers();
            if label.dtype == Dtype::Int {
                if numbers.iter().any(|x| !x.is_finite()) {
                    return Err(BiasError::NonFiniteToInteger);
                }
                numbers.iter_mut().for_each(|x| *x = x.trunc());
            }
            let data_max = max_present(&numbers).max(max_present(&label.numbers()));
            let integer = label.dtype == Dtype::Int && threshold_is_int(values);
            let intervals = Intervals::new(threshold, data_max, integer);
            numbers.iter().map(|&x| intervals.contains(x)).collect()
        }
    };
    if mask.iter().any(|&m| m) {
        Ok(mask)
    } else {
        Err(BiasError::NoPredictedPositive)
    }
}
