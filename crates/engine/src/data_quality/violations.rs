//! The six data-quality checks of a current dataset against a baseline's
//! constraints and statistics (spec §2.5), with a machine-readable result
//! per check and SageMaker's descriptions.
//!
//! | check | metric on the current data | violation when |
//! |---|---|---|
//! | `data_type_check` | share of present values of the baseline type | < `datatype_check_threshold` |
//! | `completeness_check` | `num_present / item_count` | < the feature's `completeness` |
//! | `baseline_drift_check` | L∞ (Simple/Robust) or chi-square | distance > threshold; p-value < threshold |
//! | `categorical_values_check` | share of present values in `domains` | < `domain_content_threshold` |
//! | `missing_column_check` | a baseline column absent | always |
//! | `extra_column_check` | a column absent from the baseline | always |
//!
//! Decisions where SageMaker is unconfirmed: the type share is over present
//! values (completeness is its own check) and strict, as Deequ's
//! `hasDataType`: Integral values do not match a Fractional baseline; a String
//! baseline matches String and Boolean cells (SageMaker has no Boolean type).
//! Chi-square with `Robust` compares the p-value (drift when below the
//! threshold), with `Simple` the statistic (drift when above). Missing and
//! extra columns are reported per column. `evaluate_constraints: Disabled`
//! (globally, or in a feature's overrides) skips the checks concerned.

use serde::{Deserialize, Serialize};

use super::{
    categorical_linf, chi_square_drift, numeric_linf, robust_linf, CategoricalDriftMethod, ComparisonMethod,
    ConstraintViolations, Constraints, DataQualityError, DatasetProfile, FeatureConstraints, FeatureProfile,
    FeatureStatistics, InferredType, Statistics, Toggle, Violation, DEFAULT_C_ALPHA,
};
use crate::category_counts::Counts;

/// The six checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckType {
    /// The values have the baseline's type.
    DataTypeCheck,
    /// The values are as complete as the baseline's.
    CompletenessCheck,
    /// The distribution is close to the baseline's.
    BaselineDriftCheck,
    /// A baseline column is absent.
    MissingColumnCheck,
    /// A column is not in the baseline.
    ExtraColumnCheck,
    /// The values lie in the baseline's domain.
    CategoricalValuesCheck,
}

impl CheckType {
    /// Every check, in SageMaker's documentation order.
    pub const ALL: [Self; 6] = [
        Self::DataTypeCheck,
        Self::CompletenessCheck,
        Self::BaselineDriftCheck,
        Self::MissingColumnCheck,
        Self::ExtraColumnCheck,
        Self::CategoricalValuesCheck,
    ];

    /// The name written in `constraint_check_type`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::DataTypeCheck => "data_type_check",
            Self::CompletenessCheck => "completeness_check",
            Self::BaselineDriftCheck => "baseline_drift_check",
            Self::MissingColumnCheck => "missing_column_check",
            Self::ExtraColumnCheck => "extra_column_check",
            Self::CategoricalValuesCheck => "categorical_values_check",
        }
    }
}

/// One evaluated check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckResult {
    /// The feature concerned.
    pub feature_name: String,
    /// Which check.
    pub check: CheckType,
    /// The observed metric (share, distance or p-value); `None` for column presence.
    pub value: Option<f64>,
    /// The threshold it was compared with.
    pub threshold: Option<f64>,
    /// What was measured: `share`, `linf_simple`, `linf_robust`, `chi_squared_p_value`, ...
    pub metric: String,
    /// True when the constraint holds.
    pub passed: bool,
    /// SageMaker-style description.
    pub description: String,
}

/// Every check evaluated, in feature order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DataQualityReport {
    /// Passed and failed checks.
    pub checks: Vec<CheckResult>,
}

impl DataQualityReport {
    /// The failed checks as `constraint_violations.json`.
    #[must_use]
    pub fn violations(&self) -> ConstraintViolations {
        ConstraintViolations {
            violations: self
                .checks
                .iter()
                .filter(|c| !c.passed)
                .map(|c| Violation {
                    feature_name: c.feature_name.clone(),
                    constraint_check_type: c.check.as_str().to_owned(),
                    description: c.description.clone(),
                })
                .collect(),
        }
    }

    /// (evaluated, violated) per check, in [`CheckType::ALL`] order.
    #[must_use]
    pub fn counts(&self) -> Vec<(CheckType, usize, usize)> {
        CheckType::ALL
            .iter()
            .map(|&check| {
                let of_kind = self.checks.iter().filter(|c| c.check == check);
                let failed = of_kind.clone().filter(|c| !c.passed).count();
                (check, of_kind.count(), failed)
            })
            .collect()
    }
}

/// Checks the current dataset's profile against a baseline's constraints and statistics.
///
/// # Errors
/// A baseline KLL sketch with invalid parameters or items.
pub fn evaluate(
    constraints: &Constraints,
    baseline: &Statistics,
    current: &DatasetProfile,
) -> Result<DataQualityReport, DataQualityError> {
    let mut report = DataQualityReport::default();
    let config = &constraints.monitoring_config;
    if config.evaluate_constraints == Toggle::Disabled {
        return Ok(report);
    }
    let (n_current, n_baseline) = (current.features.len(), constraints.features.len());
    for feature in &constraints.features {
        if feature.overrides().evaluate_constraints == Some(Toggle::Disabled) {
            continue;
        }
        let Some(observed) = current.feature(&feature.name) else {
            report.checks.push(presence(
                &feature.name,
                CheckType::MissingColumnCheck,
                format!(
                    "There are missing columns in current dataset. Number of columns in current dataset: {n_current}, Number of columns in baseline constraints: {n_baseline}"
                ),
            ));
            continue;
        };
        let checker = FeatureChecker { constraints, feature, observed, item_count: current.item_count };
        report.checks.extend(checker.data_type());
        report.checks.extend(checker.completeness());
        if let Some(base) = baseline.feature(&feature.name) {
            report.checks.extend(checker.drift(base)?);
        }
        report.checks.extend(checker.domain());
    }
    for observed in &current.features {
        if constraints.feature(&observed.name).is_none() {
            report.checks.push(presence(
                &observed.name,
                CheckType::ExtraColumnCheck,
                format!(
                    "There are extra columns in current dataset. Number of columns in current dataset: {n_current}, Number of columns in baseline constraints: {n_baseline}"
                ),
            ));
        }
    }
    Ok(report)
}

fn presence(name: &str, check: CheckType, description: String) -> CheckResult {
    CheckResult {
        feature_name: name.to_owned(),
        check,
        value: None,
        threshold: None,
        metric: "column".to_owned(),
        passed: false,
        description,
    }
}

/// A share as SageMaker prints it: `100.0%`.
fn percent(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}

/// A distance or p-value: four decimals, or scientific when smaller.
fn number(x: f64) -> String {
    if x == 0.0 || x.abs() >= 1e-4 {
        format!("{x:.4}")
    } else {
        format!("{x:.3e}")
    }
}

/// `part / whole` as f64.
#[allow(clippy::cast_precision_loss)]
fn ratio(part: u64, whole: u64) -> f64 {
    part as f64 / whole as f64
}

struct FeatureChecker<'a> {
    constraints: &'a Constraints,
    feature: &'a FeatureConstraints,
    observed: &'a FeatureProfile,
    item_count: u64,
}

impl FeatureChecker<'_> {
    fn result(
        &self,
        check: CheckType,
        value: f64,
        threshold: f64,
        metric: &str,
        passed: bool,
        description: String,
    ) -> CheckResult {
        CheckResult {
            feature_name: self.feature.name.clone(),
            check,
            value: Some(value),
            threshold: Some(threshold),
            metric: metric.to_owned(),
            passed,
            description,
        }
    }

    fn data_type(&self) -> Option<CheckResult> {
        let counts = &self.observed.deequ;
        let present = counts.present();
        let matching = match self.feature.inferred_type {
            InferredType::Integral => counts.integral,
            InferredType::Fractional => counts.fractional,
            InferredType::String => counts.string + counts.boolean,
            InferredType::Unknown => return None,
        };
        if present == 0 {
            return None;
        }
        let share = ratio(matching, present);
        let threshold = self
            .feature
            .overrides()
            .datatype_check_threshold
            .unwrap_or(self.constraints.monitoring_config.datatype_check_threshold);
        let passed = share >= threshold;
        let kind = self.feature.inferred_type.as_str();
        let description = if passed {
            format!(
                "Data type match requirement is met. Expected data type: {kind}, Expected match: {}. Observed: {} of data is {kind}.",
                percent(threshold),
                percent(share)
            )
        } else {
            format!(
                "Data type match requirement is not met. Expected data type: {kind}, Expected match: {}. Observed: Only {} of data is {kind}.",
                percent(threshold),
                percent(share)
            )
        };
        Some(self.result(CheckType::DataTypeCheck, share, threshold, "share", passed, description))
    }

    fn completeness(&self) -> Option<CheckResult> {
        let expected = self.feature.completeness?;
        if self.item_count == 0 {
            return None;
        }
        let share = ratio(self.observed.num_present(), self.item_count);
        let passed = share >= expected;
        let description = if passed {
            format!(
                "Data completeness requirement is met. Expected completeness: {}. Observed: {} of data is complete.",
                percent(expected),
                percent(share)
            )
        } else {
            format!(
                "Data completeness requirement is not met. Expected completeness: {}. Observed: Only {} of data is complete.",
                percent(expected),
                percent(share)
            )
        };
        Some(self.result(CheckType::CompletenessCheck, share, expected, "share", passed, description))
    }

    fn drift(&self, base: &FeatureStatistics) -> Result<Option<CheckResult>, DataQualityError> {
        let settings = &self.constraints.monitoring_config.distribution_constraints;
        if settings.perform_comparison == Toggle::Disabled {
            return Ok(None);
        }
        if let Some(base_sketch) = base.sketch()? {
            let current = &self.observed.numeric;
            if !self.observed.inferred_type().is_numeric() || current.count == 0 {
                return Ok(None);
            }
            let Some(simple) = numeric_linf(&base_sketch, &current.sketch) else { return Ok(None) };
            #[allow(clippy::cast_precision_loss)]
            let (n, m) = (base_sketch.total_weight() as f64, current.sketch.total_weight() as f64);
            let (value, metric) = match settings.comparison_method {
                ComparisonMethod::Simple => (simple, "linf_simple"),
                ComparisonMethod::Robust => (robust_linf(simple, n, m, DEFAULT_C_ALPHA), "linf_robust"),
            };
            let threshold = settings.comparison_threshold;
            let passed = value <= threshold;
            let verb = if passed { "is within" } else { "exceeds" };
            let description = format!("Numerical distance: {} {verb} numerical threshold: {threshold}", number(value));
            return Ok(Some(self.result(CheckType::BaselineDriftCheck, value, threshold, metric, passed, description)));
        }
        let Some(buckets) = base.categorical_buckets() else { return Ok(None) };
        if !self.observed.values.is_complete() || self.observed.num_present() == 0 {
            return Ok(None);
        }
        let counts = aligned_counts(buckets.iter().map(|b| (b.value.as_str(), b.count)), self.observed);
        let threshold = settings.categorical_threshold();
        let result = match settings.categorical_method() {
            CategoricalDriftMethod::LInfinity => {
                let Some(simple) = categorical_linf(&counts) else { return Ok(None) };
                #[allow(clippy::cast_precision_loss)]
                let (n, m) = (counts.reference_total() as f64, counts.current_total() as f64);
                let (value, metric) = match settings.comparison_method {
                    ComparisonMethod::Simple => (simple, "linf_simple"),
                    ComparisonMethod::Robust => (robust_linf(simple, n, m, DEFAULT_C_ALPHA), "linf_robust"),
                };
                let passed = value <= threshold;
                let verb = if passed { "is within" } else { "exceeds" };
                let description =
                    format!("Categorical distance: {} {verb} categorical threshold: {threshold}", number(value));
                self.result(CheckType::BaselineDriftCheck, value, threshold, metric, passed, description)
            }
            CategoricalDriftMethod::ChiSquared => {
                let Some(outcome) = chi_square_drift(&counts) else { return Ok(None) };
                match settings.comparison_method {
                    ComparisonMethod::Robust => {
                        let passed = outcome.p_value >= threshold;
                        let verb = if passed { "is not below" } else { "is below" };
                        let description = format!(
                            "Categorical chi-squared p-value: {} {verb} categorical threshold: {threshold}",
                            number(outcome.p_value)
                        );
                        self.result(
                            CheckType::BaselineDriftCheck,
                            outcome.p_value,
                            threshold,
                            "chi_squared_p_value",
                            passed,
                            description,
                        )
                    }
                    ComparisonMethod::Simple => {
                        let passed = outcome.statistic <= threshold;
                        let verb = if passed { "is within" } else { "exceeds" };
                        let description = format!(
                            "Categorical chi-squared statistic: {} {verb} categorical threshold: {threshold}",
                            number(outcome.statistic)
                        );
                        self.result(
                            CheckType::BaselineDriftCheck,
                            outcome.statistic,
                            threshold,
                            "chi_squared_statistic",
                            passed,
                            description,
                        )
                    }
                }
            }
        };
        Ok(Some(result))
    }

    fn domain(&self) -> Option<CheckResult> {
        let domains = self.feature.string_constraints.as_ref()?.domains.as_ref()?;
        let present = self.observed.num_present();
        if present == 0 || !self.observed.values.is_complete() {
            return None;
        }
        let inside: u64 =
            self.observed.values.sorted().iter().filter(|(value, _)| domains.contains(value)).map(|(_, c)| c).sum();
        let share = ratio(inside, present);
        let threshold = self
            .feature
            .overrides()
            .domain_content_threshold
            .unwrap_or(self.constraints.monitoring_config.domain_content_threshold);
        let passed = share >= threshold;
        let description = if passed {
            format!(
                "Categorical values requirement is met. Expected match: {}. Observed: {} of data is within the baseline domain.",
                percent(threshold),
                percent(share)
            )
        } else {
            format!(
                "Categorical values requirement is not met. Expected match: {}. Observed: Only {} of data is within the baseline domain.",
                percent(threshold),
                percent(share)
            )
        };
        Some(self.result(CheckType::CategoricalValuesCheck, share, threshold, "share", passed, description))
    }
}

/// Baseline bucket counts and the current value counts over the union of
/// categories: the baseline's order first, then new current values.
fn aligned_counts<'a>(baseline: impl Iterator<Item = (&'a str, u64)>, observed: &FeatureProfile) -> Counts {
    let current = observed.values.sorted();
    let mut pairs: Vec<(String, u64, u64)> = Vec::new();
    for (value, count) in baseline {
        let now = current.iter().find(|(v, _)| v == value).map_or(0, |(_, c)| *c);
        pairs.push((value.to_owned(), count, now));
    }
    for (value, count) in &current {
        if !pairs.iter().any(|(v, _, _)| v == value) {
            pairs.push((value.clone(), 0, *count));
        }
    }
    Counts::from_pairs(pairs)
}
