//! JSON has no NaN: serde_json writes a NaN number as `null`. Fields that
//! may be NaN (a test that does not apply, an empty side) read `null` back
//! as NaN, so a result survives the trip between workers.

use serde::{Deserialize, Deserializer};

/// Reads a number, or `null` as NaN.
///
/// # Errors
/// Anything but a number or `null`.
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
    Ok(Option::<f64>::deserialize(deserializer)?.unwrap_or(f64::NAN))
}
