//! Thresholds for a check's value: fixed, or derived from the reference
//! chunks' values as NannyML's `thresholds.py` (0.13.1) does.
//!
//! - `ConstantThreshold(lower, upper)`: the bounds as given; `lower < upper`.
//! - `StandardDeviationThreshold(std_lower_multiplier=3, std_upper_multiplier=3)`:
//!   `np.nanmean(values) ∓ multiplier · np.nanstd(values)`, the population
//!   standard deviation (`ddof = 0`); a `None` multiplier leaves that side open.
//! - `calculate_threshold_values`: a bound beyond the metric's theoretical
//!   limit is replaced by the limit (or removed, with `override_using_none`).
//!
//! A value is a violation when it is strictly below the lower or strictly above
//! the upper bound (NannyML's `value < lower or value > upper`).

use serde::{Deserialize, Serialize};

mod error;

pub use error::ThresholdError;

/// How a check's bounds are chosen.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ThresholdRule {
    /// Fixed bounds (Model Monitor constraints, NannyML's `ConstantThreshold`).
    Constant {
        /// Lower bound; `None` for none.
        lower: Option<f64>,
        /// Upper bound; `None` for none.
        upper: Option<f64>,
    },
    /// NannyML's `StandardDeviationThreshold` over the reference chunks.
    StandardDeviation {
        /// Standard deviations below the mean; `None` for no lower bound.
        std_lower_multiplier: Option<f64>,
        /// Standard deviations above the mean; `None` for no upper bound.
        std_upper_multiplier: Option<f64>,
    },
}

impl Default for ThresholdRule {
    /// NannyML's default: mean ± 3 standard deviations.
    fn default() -> Self {
        Self::StandardDeviation { std_lower_multiplier: Some(3.0), std_upper_multiplier: Some(3.0) }
    }
}

/// Resolved bounds of a check.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Threshold {
    /// Values strictly below are violations; `None` for no lower bound.
    pub lower: Option<f64>,
    /// Values strictly above are violations; `None` for no upper bound.
    pub upper: Option<f64>,
}

/// A check's outcome in one window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckStatus {
    /// Within bounds.
    Ok,
    /// Outside bounds.
    Violation,
    /// No value in this window (no rows, no labels, ...).
    Missing,
}

impl ThresholdRule {
    /// The bounds, from the reference chunks' values (NaN values are skipped,
    /// as `np.nanmean`/`np.nanstd` skip them; ignored by `Constant`).
    ///
    /// # Errors
    /// [`ThresholdError::Invalid`] for `lower >= upper`, a negative or NaN
    /// multiplier; [`ThresholdError::NoReferenceValues`] when a standard
    /// deviation rule has no non-NaN reference value, or its mean or standard
    /// deviation is not finite.
    pub fn resolve(&self, check: &str, reference_values: &[f64]) -> Result<Threshold, ThresholdError> {
        match *self {
            Self::Constant { lower, upper } => {
                if let (Some(l), Some(u)) = (lower, upper) {
                    if l.is_nan() || u.is_nan() || l >= u {
                        return Err(ThresholdError::Invalid(format!(
                            "lower threshold {l} must be less than upper threshold {u}"
                        )));
                    }
                }
                Ok(Threshold { lower, upper })
            }
            Self::StandardDeviation { std_lower_multiplier, std_upper_multiplier } => {
                for (name, m) in
                    [("std_lower_multiplier", std_lower_multiplier), ("std_upper_multiplier", std_upper_multiplier)]
                {
                    if m.is_some_and(|m| m.is_nan() || m < 0.0) {
                        return Err(ThresholdError::Invalid(format!("{name} must be at least 0, got {m:?}")));
                    }
                }
                let (mean, std) = nan_mean_std(reference_values)
                    .filter(|(mean, std)| mean.is_finite() && std.is_finite())
                    .ok_or_else(|| ThresholdError::NoReferenceValues { check: check.to_owned() })?;
                Ok(Threshold {
                    lower: std_lower_multiplier.map(|m| mean - std * m),
                    upper: std_upper_multiplier.map(|m| mean + std * m),
                })
            }
        }
    }
}

impl Threshold {
    /// NannyML's `calculate_threshold_values` limits: a lower bound at or
    /// below `lower_limit` becomes `lower_limit` (or `None` when
    /// `override_using_none`), likewise an upper bound at or above `upper_limit`.
    #[must_use]
    pub fn limited(self, lower_limit: Option<f64>, upper_limit: Option<f64>, override_using_none: bool) -> Self {
        let clamp = |bound: Option<f64>, limit: Option<f64>, beyond: fn(f64, f64) -> bool| match (bound, limit) {
            (Some(b), Some(l)) if beyond(b, l) => (!override_using_none).then_some(l),
            _ => bound,
        };
        Self {
            lower: clamp(self.lower, lower_limit, |b, l| b <= l),
            upper: clamp(self.upper, upper_limit, |b, l| b >= l),
        }
    }

    /// The status of `value`: `Missing` for NaN, `Violation` strictly outside.
    #[must_use]
    pub fn check(&self, value: f64) -> CheckStatus {
        if value.is_nan() {
            CheckStatus::Missing
        } else if self.lower.is_some_and(|l| value < l) || self.upper.is_some_and(|u| value > u) {
            CheckStatus::Violation
        } else {
            CheckStatus::Ok
        }
    }
}

/// `np.nanmean` and `np.nanstd` (ddof = 0); `None` without a non-NaN value.
fn nan_mean_std(values: &[f64]) -> Option<(f64, f64)> {
    let present: Vec<f64> = values.iter().copied().filter(|v| !v.is_nan()).collect();
    if present.is_empty() {
        return None;
    }
    let n = present.len() as f64;
    let mean = present.iter().sum::<f64>() / n;
    // numpy's var: mean of squared deviations from the mean.
    let var = present.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / n;
    Some((mean, var.sqrt()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constant_rejects_crossed_bounds() {
        let rule = ThresholdRule::Constant { lower: Some(0.6), upper: Some(0.45) };
        assert!(matches!(rule.resolve("auc", &[]), Err(ThresholdError::Invalid(_))));
        let rule = ThresholdRule::Constant { lower: Some(0.45), upper: None };
        assert_eq!(rule.resolve("auc", &[]), Ok(Threshold { lower: Some(0.45), upper: None }));
    }

    #[test]
    fn standard_deviation_needs_values_and_sane_multipliers() {
        let rule = ThresholdRule::default();
        assert_eq!(rule.resolve("f1", &[f64::NAN]), Err(ThresholdError::NoReferenceValues { check: "f1".to_owned() }));
        let rule = ThresholdRule::StandardDeviation { std_lower_multiplier: Some(-1.0), std_upper_multiplier: None };
        assert!(matches!(rule.resolve("f1", &[1.0]), Err(ThresholdError::Invalid(_))));
    }

    #[test]
    fn one_sided_rule_leaves_the_other_side_open() {
        let rule = ThresholdRule::StandardDeviation { std_lower_multiplier: None, std_upper_multiplier: Some(3.0) };
        let t = rule.resolve("js", &[0.5, 0.5]).unwrap();
        assert_eq!(t, Threshold { lower: None, upper: Some(0.5) });
    }

    #[test]
    fn strict_comparison_and_missing() {
        let t = Threshold { lower: Some(0.0), upper: Some(1.0) };
        assert_eq!(t.check(1.0), CheckStatus::Ok);
        assert_eq!(t.check(0.0), CheckStatus::Ok);
        assert_eq!(t.check(1.5), CheckStatus::Violation);
        assert_eq!(t.check(-0.1), CheckStatus::Violation);
        assert_eq!(t.check(f64::NAN), CheckStatus::Missing);
        assert_eq!(Threshold::default().check(f64::INFINITY), CheckStatus::Ok);
    }

    #[test]
    fn limits_replace_or_remove_bounds() {
        let t = Threshold { lower: Some(-0.2), upper: Some(1.0) };
        assert_eq!(t.limited(Some(0.0), Some(1.0), false), Threshold { lower: Some(0.0), upper: Some(1.0) });
        assert_eq!(t.limited(Some(0.0), Some(1.0), true), Threshold { lower: None, upper: None });
        assert_eq!(t.limited(None, None, true), t);
    }
}
