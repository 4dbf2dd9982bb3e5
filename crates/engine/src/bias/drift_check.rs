//! Bias drift (Model Monitor's `bias_drift_check`): a metric of the current
//! data violates its baseline when it is farther from "no bias" than the
//! baseline value was.
//!
//! Tideline's rule where SageMaker's documentation is silent:
//! - distance from no bias is |v| for every metric but DI, and |ln DI| for
//!   DI (ratios 0.8 and 1.25 are equally far from 1, as in the 4/5ths rule);
//! - a current value farther than the baseline's by more than rounding
//!   (1e-9, relative to the baseline's distance when above 1) is a
//!   violation, so the same data computed by another implementation passes;
//!   an infinite baseline cannot be exceeded; an infinite current value
//!   exceeds any finite baseline;
//! - a baseline metric that failed (`value: null`) sets no constraint; a
//!   current metric that failed is reported as unchecked, not as a violation;
//! - metrics are matched by stage, facet, facet value and name.
//!
//! Model Monitor's rule fires on any move away from no bias, so sampling
//! noise alone trips it (Adult's CI 0.8081 → 0.8082). `constraint_violations.json`
//! keeps that rule; what Tideline shows as bias drift is a violation beyond
//! noise: the current value's bootstrap interval excludes the baseline value
//! ([`judge_beyond_noise`]).

use serde::{Deserialize, Serialize};

use super::bootstrap::ConfidenceInterval;
use super::intervals::MetricInterval;
use super::metric::Metric;
use super::report::{Analysis, StageReport};
use crate::math::float_str;

/// Differences below this (relative above 1) are rounding, not drift.
pub const ROUNDING: f64 = 1e-9;

/// One `bias_drift_check` violation, as Model Monitor writes it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BiasViolation {
    /// The facet column.
    pub facet: String,
    /// The facet value or threshold range.
    pub facet_value: String,
    /// The metric's short name.
    pub metric_name: String,
    /// Always `bias_drift_check`.
    pub constraint_check_type: String,
    /// `Value … does not meet the constraint requirement`.
    pub description: String,
}

/// `constraint_violations.json` of a bias drift run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BiasViolations {
    /// Always "1.0".
    pub version: String,
    /// The violations.
    pub violations: Vec<BiasViolation>,
}

/// One comparison, violated or not (for summaries and the UI).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BiasDriftCheck {
    /// The facet column.
    pub facet: String,
    /// The facet value or threshold range.
    pub facet_value: String,
    /// The metric's short name.
    pub metric_name: String,
    /// The baseline value.
    pub baseline: f64,
    /// The current value; `None` when it could not be computed.
    pub current: Option<f64>,
    /// True when the current value is farther from no bias (Model Monitor's rule).
    pub violated: bool,
    /// The current value's bootstrap interval, when one could be drawn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<ConfidenceInterval>,
    /// Violated, and the interval excludes the baseline value (or no
    /// interval could be drawn): a move beyond sampling noise.
    #[serde(default)]
    pub beyond_noise: bool,
}

impl BiasDriftCheck {
    /// The check's verdict in words, the same in every view and report.
    #[must_use]
    pub fn verdict(&self) -> &'static str {
        match (self.violated, self.beyond_noise, self.current.is_some()) {
            (_, _, false) => "not computable on the current data",
            (false, _, true) => "ok",
            (true, false, true) => "farther from no bias, within the current 95% interval: noise",
            (true, true, true) => "farther from no bias, beyond the current 95% interval",
        }
    }
}

/// How far a value is from "no bias".
#[must_use]
pub fn distance_from_ideal(metric: &str, value: f64) -> f64 {
    if metric == Metric::DI.name() {
        value.ln().abs()
    } else {
        value.abs()
    }
}

fn compare_stage(baseline: &StageReport, current: &StageReport, out: &mut Vec<BiasDriftCheck>) {
    for (facet, values) in &current.facets {
        let Some(base_values) = baseline.facets.get(facet) else { continue };
        for value in values {
            let Some(base) = base_values.iter().find(|b| b.value_or_threshold == value.value_or_threshold) else {
                continue;
            };
            for metric in &value.metrics {
                let Some(base_value) = base.metrics.iter().find(|m| m.name == metric.name).and_then(|m| m.value) else {
                    continue;
                };
                if base_value.is_nan() {
                    continue;
                }
                let violated = metric.value.is_some_and(|v| {
                    let limit = distance_from_ideal(&metric.name, base_value);
                    distance_from_ideal(&metric.name, v) > limit + ROUNDING * limit.max(1.0)
                });
                out.push(BiasDriftCheck {
                    facet: facet.clone(),
                    facet_value: value.value_or_threshold.clone(),
                    metric_name: metric.name.clone(),
                    baseline: base_value,
                    current: metric.value,
                    violated,
                    interval: None,
                    beyond_noise: violated,
                });
            }
        }
    }
}

/// Every metric of `current` checked against `baseline`.
#[must_use]
pub fn bias_drift(baseline: &Analysis, current: &Analysis) -> Vec<BiasDriftCheck> {
    let mut checks = Vec::new();
    for (b, c) in [
        (&baseline.pre_training_bias_metrics, &current.pre_training_bias_metrics),
        (&baseline.post_training_bias_metrics, &current.post_training_bias_metrics),
    ] {
        if let (Some(b), Some(c)) = (b, c) {
            compare_stage(b, c, &mut checks);
        }
    }
    checks
}

/// Sets each check's interval from the current run's `intervals` and
/// whether its violation lies beyond noise: the interval excludes the
/// baseline value. A violation without a usable interval stays beyond noise.
pub fn judge_beyond_noise(checks: &mut [BiasDriftCheck], intervals: &[MetricInterval]) {
    for check in checks {
        let found = intervals.iter().find(|i| {
            i.facet == check.facet && i.value_or_threshold == check.facet_value && i.metric == check.metric_name
        });
        check.interval = found.map(|i| i.interval).filter(|i| i.used > 0 && i.lower <= i.upper);
        let inside = check.interval.as_ref().is_some_and(|i| (i.lower..=i.upper).contains(&check.baseline));
        check.beyond_noise = check.violated && !inside;
    }
}

/// The violations among `checks`, as `constraint_violations.json`.
#[must_use]
pub fn bias_violations(checks: &[BiasDriftCheck]) -> BiasViolations {
    let violations = checks
        .iter()
        .filter(|c| c.violated)
        .map(|c| BiasViolation {
            facet: c.facet.clone(),
            facet_value: c.facet_value.clone(),
            metric_name: c.metric_name.clone(),
            constraint_check_type: "bias_drift_check".into(),
            description: format!(
                "Value {} does not meet the constraint requirement",
                value_text(c.current.unwrap_or(f64::NAN))
            ),
        })
        .collect();
    BiasViolations { version: "1.0".into(), violations }
}

fn value_text(v: f64) -> String {
    if v.is_infinite() {
        if v > 0.0 { "Infinity" } else { "-Infinity" }.into()
    } else {
        float_str(v)
    }
}

impl BiasViolations {
    /// Pretty JSON text.
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
