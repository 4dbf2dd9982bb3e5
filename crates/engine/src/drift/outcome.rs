//! What a drift test is given and what it returns.

use serde::{Deserialize, Serialize};

/// The two numeric samples a test compares: present values only (no NaN, no
/// infinity), each sorted ascending by the caller.
#[derive(Clone, Copy, Debug)]
pub struct Samples<'a> {
    /// The baseline (reference) values, sorted ascending.
    pub reference: &'a [f64],
    /// The current values, sorted ascending.
    pub current: &'a [f64],
}

/// A test's result: its statistic, and its p-value when it has one.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct TestOutcome {
    /// The test statistic or distance.
    #[serde(deserialize_with = "super::nan_as_null::deserialize")]
    pub statistic: f64,
    /// The p-value, for tests that give one.
    pub p_value: Option<f64>,
}

impl TestOutcome {
    /// A distance or divergence, which has no p-value.
    pub fn distance(statistic: f64) -> Self {
        Self { statistic, p_value: None }
    }

    /// A hypothesis test's statistic and p-value.
    pub fn test(statistic: f64, p_value: f64) -> Self {
        Self { statistic, p_value: Some(p_value) }
    }
}
