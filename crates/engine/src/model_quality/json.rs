//! Numbers in the quality files: non-finite values are the strings "NaN",
//! "Infinity" and "-Infinity", as Model Monitor writes `"standard_deviation":"NaN"`.

use serde_json::Value;

/// A number as JSON.
pub(crate) fn number(x: f64) -> Value {
    if x.is_nan() {
        Value::from("NaN")
    } else if x.is_infinite() {
        Value::from(if x > 0.0 { "Infinity" } else { "-Infinity" })
    } else {
        Value::from(x)
    }
}

/// Numbers as a JSON array.
pub(crate) fn numbers(xs: &[f64]) -> Value {
    Value::Array(xs.iter().map(|&x| number(x)).collect())
}

/// Reads a number written by [`number`].
pub(crate) fn read_number(v: &Value) -> Option<f64> {
    match v {
        Value::String(s) => match s.as_str() {
            "NaN" => Some(f64::NAN),
            "Infinity" => Some(f64::INFINITY),
            "-Infinity" => Some(f64::NEG_INFINITY),
            _ => None,
        },
        other => other.as_f64(),
    }
}

/// Reads an array written by [`numbers`].
pub(crate) fn read_numbers(v: &Value) -> Option<Vec<f64>> {
    v.as_array()?.iter().map(read_number).collect()
}
