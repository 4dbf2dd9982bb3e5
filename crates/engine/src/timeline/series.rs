//! A check's series (one value per window) and how it is judged.

use crate::timeline::{Threshold, ThresholdRule};

/// One series of a check, e.g. `drift:age:jensen_shannon`.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesSpec {
    /// `kind:detail`, unique within a timeline.
    pub name: String,
    /// The rule used when the user keeps the check's default.
    pub default_rule: ThresholdRule,
    /// Bounds the default already resolved elsewhere (CBPE's thresholds);
    /// they take precedence over `default_rule`.
    pub default_threshold: Option<Threshold>,
    /// The rule used when the user asks for reference variability.
    pub reference_rule: ThresholdRule,
    /// The metric's theoretical range: bounds beyond it are clamped (NannyML's
    /// `lower/upper_threshold_value_limit`).
    pub limits: (Option<f64>, Option<f64>),
    /// Judge by p-value instead (violation when p < alpha), as NannyML's chi2.
    pub p_value_alpha: Option<f64>,
}

impl SeriesSpec {
    /// A series judged by `default_rule`, with reference variability
    /// `reference_rule` as the alternative.
    #[must_use]
    pub fn new(name: String, default_rule: ThresholdRule, reference_rule: ThresholdRule) -> Self {
        Self { name, default_rule, default_threshold: None, reference_rule, limits: (None, None), p_value_alpha: None }
    }

    /// With the metric's range.
    #[must_use]
    pub fn limited(mut self, lower: Option<f64>, upper: Option<f64>) -> Self {
        self.limits = (lower, upper);
        self
    }
}

/// One series' outcome on some rows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Observation {
    /// The value; NaN when the rows give none.
    pub value: f64,
    /// A test's p-value, for series judged by it.
    pub p_value: Option<f64>,
}

impl Observation {
    /// A plain value.
    #[must_use]
    pub fn value(value: f64) -> Self {
        Self { value, p_value: None }
    }

    /// No value.
    #[must_use]
    pub fn missing() -> Self {
        Self::value(f64::NAN)
    }
}

/// NannyML's default variability rule: mean ± 3 standard deviations.
pub const BOTH_SIDES: ThresholdRule =
    ThresholdRule::StandardDeviation { std_lower_multiplier: Some(3.0), std_upper_multiplier: Some(3.0) };

/// Variability rule for distances (only growing is bad), as NannyML's drift methods.
pub const UPPER_SIDE: ThresholdRule =
    ThresholdRule::StandardDeviation { std_lower_multiplier: None, std_upper_multiplier: Some(3.0) };
