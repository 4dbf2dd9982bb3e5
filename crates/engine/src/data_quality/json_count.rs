//! Counts in SageMaker's JSON files: written as integers where the service
//! writes integers, read from either an integer or a float (`100` or `100.0`).

use serde::{Deserialize, Deserializer};

/// Reads a non-negative count written as an integer or a float.
///
/// # Errors
/// A negative, fractional or non-numeric value.
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u64, D::Error> {
    let value = f64::deserialize(deserializer)?;
    if value < 0.0 || value.fract() != 0.0 || !value.is_finite() {
        return Err(serde::de::Error::custom(format!("expected a count, found {value}")));
    }
    Ok(value as u64)
}
