//! The pieces of `fairness.json`: a metric with what it means, a flag, a
//! warning. Non-finite values are written as the strings "Infinity",
//! "-Infinity" and "NaN", as in Clarify's `analysis.json`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::bias::ConfidenceInterval;

/// One metric's value, with its ideal value, meaning and origin.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FairnessMetric {
    /// The library's name for it (`"equal_opportunity_difference"`).
    pub name: String,
    /// The value (NaN when undefined, ±∞ for a ratio over zero).
    #[serde(serialize_with = "write_number", deserialize_with = "read_number")]
    pub value: f64,
    /// The value of a perfectly fair outcome (0 for a gap, 1 for a ratio).
    pub ideal: f64,
    /// What it measures, in plain words.
    pub description: String,
    /// The library call it equals.
    pub reference: String,
    /// Bootstrap confidence interval, when asked for and defined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<ConfidenceInterval>,
}

/// A value past a rule-of-thumb threshold.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Flag {
    /// The rule (`"four_fifths_rule"`).
    pub name: String,
    /// The metric it looks at.
    pub metric: String,
    /// The metric's value.
    #[serde(serialize_with = "write_number", deserialize_with = "read_number")]
    pub value: f64,
    /// The threshold crossed.
    pub threshold: f64,
    /// What it means, naming the groups.
    pub message: String,
}

/// A group whose numbers should be read with care.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FairnessWarning {
    /// The group (empty when the warning is about the facet).
    pub group: String,
    /// Rows in the group.
    pub rows: u64,
    /// What is wrong, in plain words.
    pub message: String,
}

fn write_number<S: Serializer>(value: &f64, s: S) -> Result<S::Ok, S::Error> {
    if value.is_finite() {
        s.serialize_f64(*value)
    } else if value.is_nan() {
        s.serialize_str("NaN")
    } else if *value > 0.0 {
        s.serialize_str("Infinity")
    } else {
        s.serialize_str("-Infinity")
    }
}

fn read_number<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Number(f64),
        Text(String),
    }
    Ok(match Raw::deserialize(d)? {
        Raw::Number(x) => x,
        Raw::Text(t) if t == "Infinity" => f64::INFINITY,
        Raw::Text(t) if t == "-Infinity" => f64::NEG_INFINITY,
        Raw::Text(_) => f64::NAN,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_finite_values_round_trip_as_text() {
        for value in [0.25, f64::INFINITY, f64::NEG_INFINITY] {
            let flag = Flag { name: "r".into(), metric: "m".into(), value, threshold: 0.8, message: String::new() };
            let text = serde_json::to_string(&flag).unwrap();
            assert_eq!(serde_json::from_str::<Flag>(&text).unwrap(), flag);
        }
        let nan =
            Flag { name: "r".into(), metric: "m".into(), value: f64::NAN, threshold: 0.8, message: String::new() };
        let text = serde_json::to_string(&nan).unwrap();
        assert!(text.contains("\"NaN\""));
        assert!(serde_json::from_str::<Flag>(&text).unwrap().value.is_nan());
    }
}
