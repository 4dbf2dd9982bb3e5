//! Counts in SageMaker's JSON files: written as integers where the service
//! writes integers, read from either an integer or a float (`100` or `100.0`).

use serde::{Deserialize, Deserializer};

/// The largest count read: 2^53, beyond which a float no longer holds
/// every whole number (1e300 or 2^64 was read as 18446744073709551615).
pub const MAX_COUNT: f64 = 9_007_199_254_740_992.0;

/// Reads a non-negative count written as an integer or a float.
///
/// # Errors
/// A negative, fractional, non-numeric or too large value.
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u64, D::Error> {
    let value = f64::deserialize(deserializer)?;
    if !(0.0..=MAX_COUNT).contains(&value) || value.fract() != 0.0 {
        return Err(serde::de::Error::custom(format!(
            "expected a count (a whole number from 0 to 2^53), found {value}"
        )));
    }
    Ok(value as u64)
}

#[cfg(test)]
mod tests {
    #[derive(serde::Deserialize)]
    struct Count {
        #[serde(deserialize_with = "super::deserialize")]
        n: u64,
    }

    fn read(text: &str) -> Result<u64, String> {
        serde_json::from_str::<Count>(text).map(|c| c.n).map_err(|e| e.to_string())
    }

    #[test]
    fn whole_numbers_up_to_two_to_the_53_are_counts() {
        assert_eq!(read(r#"{"n": 100}"#), Ok(100));
        assert_eq!(read(r#"{"n": 100.0}"#), Ok(100));
        assert_eq!(read(r#"{"n": 9007199254740992}"#), Ok(1 << 53));
        for bad in ["1e300", "18446744073709551616", "-1", "2.5", "\"7\"", "null"] {
            let message = read(&format!(r#"{{"n": {bad}}}"#)).unwrap_err();
            assert!(message.contains("line 1"), "{bad}: {message}");
        }
    }
}
