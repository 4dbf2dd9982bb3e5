//! A value from `label_values_or_threshold` or `value_or_threshold`, as the
//! Python value JSON gives, and how smclarify compares it with cells.

use serde::{Deserialize, Serialize};

use super::error::BiasError;
use super::series::{Dtype, Elem};
use crate::math::float_str;

/// A configured value: a JSON number (int or float), string or boolean.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum PyValue {
    /// A whole JSON number (Python `int`).
    Int(i64),
    /// Any other JSON number (Python `float`).
    Float(f64),
    /// A boolean.
    Bool(bool),
    /// A string.
    Str(String),
}

impl PyValue {
    /// A value typed as text (a CLI flag, a form field) read as JSON would
    /// give it: a whole number, another number, else a string.
    ///
    /// # Examples
    /// ```
    /// use tideline_engine::bias::PyValue;
    /// assert_eq!(PyValue::from_text("1"), PyValue::Int(1));
    /// assert_eq!(PyValue::from_text("0.5"), PyValue::Float(0.5));
    /// assert_eq!(PyValue::from_text(">50K"), PyValue::Str(">50K".into()));
    /// ```
    #[must_use]
    pub fn from_text(text: &str) -> Self {
        if let Ok(i) = text.parse::<i64>() {
            Self::Int(i)
        } else if let Ok(x) = text.parse::<f64>() {
            Self::Float(x)
        } else {
            Self::Str(text.to_owned())
        }
    }

    /// `str(value)` as Python prints it (report strings join these).
    #[must_use]
    pub fn py_str(&self) -> String {
        match self {
            Self::Int(i) => i.to_string(),
            Self::Float(x) => float_str(*x),
            Self::Bool(b) => if *b { "True" } else { "False" }.to_owned(),
            Self::Str(s) => s.clone(),
        }
    }

    /// The value as a number (a threshold), when it is one.
    #[must_use]
    pub fn number(&self) -> Option<f64> {
        match self {
            Self::Int(i) => Some(*i as f64),
            Self::Float(x) => Some(*x),
            Self::Bool(b) => Some(f64::from(u8::from(*b))),
            Self::Str(_) => None,
        }
    }

    /// `cell == value` on a pandas categorical: numbers equal numbers of any
    /// width, strings equal strings, booleans only booleans.
    #[must_use]
    pub fn equals(&self, cell: Elem<'_>) -> bool {
        match (cell, self) {
            (Elem::Int(e), Self::Int(v)) => e == *v,
            (Elem::Int(e), Self::Float(v)) => e as f64 == *v,
            (Elem::Float(e), Self::Int(v)) => e == *v as f64,
            (Elem::Float(e), Self::Float(v)) => e == *v,
            (Elem::Bool(e), Self::Bool(v)) => e == *v,
            (Elem::Str(e), Self::Str(v)) => e == v,
            _ => false,
        }
    }
}

/// smclarify's second try when no cell equals any value: convert the values
/// to the type of the column's first cell (`convert_positive_label_values`),
/// with its quirks (`np.int64(1.5)` is 1, `np.bool_("False")` is True).
pub fn convert_values(values: &[PyValue], dtype: Dtype, first: Elem<'_>) -> Result<Vec<PyValue>, BiasError> {
    let target = match first {
        Elem::Missing => Dtype::Float,
        Elem::Str(_) => Dtype::Object,
        _ => dtype,
    };
    // Only strings are already of the target type (`str`); numpy scalars never match a Python value.
    if target == Dtype::Object && matches!(values.first(), Some(PyValue::Str(_))) {
        return Ok(values.to_vec());
    }
    match target {
        Dtype::Int => match values.iter().map(to_int).collect::<Result<Vec<_>, _>>() {
            Ok(v) => Ok(v),
            Err(()) => values.iter().map(to_float).collect(),
        },
        Dtype::Float => {
            values.iter().map(to_float).collect::<Result<_, _>>().map_err(|_| BiasError::NoPositiveElements)
        }
        Dtype::Bool => Ok(values
            .iter()
            .map(|v| {
                PyValue::Bool(match v {
                    PyValue::Int(i) => *i != 0,
                    PyValue::Float(x) => *x != 0.0,
                    PyValue::Bool(b) => *b,
                    PyValue::Str(s) => !s.is_empty(),
                })
            })
            .collect()),
        Dtype::Object => Ok(values.iter().map(|v| PyValue::Str(v.py_str())).collect()),
    }
}

/// `np.int64(v)`: floats truncate; a string must be an integer literal.
fn to_int(v: &PyValue) -> Result<PyValue, ()> {
    match v {
        PyValue::Int(i) => Ok(PyValue::Int(*i)),
        PyValue::Float(x) if x.is_finite() => Ok(PyValue::Int(x.trunc() as i64)),
        PyValue::Float(_) => Err(()),
        PyValue::Bool(b) => Ok(PyValue::Int(i64::from(*b))),
        PyValue::Str(s) => s.trim().replace('_', "").parse().map(PyValue::Int).map_err(|_| ()),
    }
}

/// `float(v)`; the error carries the string that failed.
fn to_float(v: &PyValue) -> Result<PyValue, BiasError> {
    match v {
        PyValue::Str(s) => parse_python_float(s).map(PyValue::Float).ok_or_else(|| BiasError::NotAFloat(s.clone())),
        other => Ok(PyValue::Float(other.number().unwrap_or(f64::NAN))),
    }
}

/// Python's `float(str)`: surrounding whitespace allowed, `inf`/`nan` words.
#[must_use]
pub fn parse_python_float(s: &str) -> Option<f64> {
    let t = s.trim();
    match t.to_ascii_lowercase().trim_start_matches(['+', '-']) {
        "inf" | "infinity" | "nan" => {}
        _ if t.chars().any(|c| c.is_ascii_alphabetic() && c != 'e' && c != 'E') => return None,
        _ => {}
    }
    t.replace('_', "").parse().ok()
}
