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
//! (globally, or in a feature's overrides) skips the checks concerned. Each
//! check has its own file.

use serde::{Deserialize, Serialize};

use super::{
    ConstraintViolations, Constraints, DataQualityError, DatasetProfile, FeatureConstraints, FeatureProfile,
    Statistics, Toggle, Violation,
};

mod baseline_drift_check;
mod categorical_values_check;
mod completeness_check;
mod data_type_check;
mod extra_column_check;
mod missing_column_check;

use extra_column_check::extra_column_check;
use missing_column_check::missing_column_check;

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

/// Which current values match a baseline's data type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TypeRule {
    /// Model Monitor's (Deequ's `hasDataType`): only values of the very
    /// type, so `1` in a Fractional column written `1.0` is a violation.
    #[default]
    Strict,
    /// A representation is not a type: Integral values match a Fractional
    /// baseline, and any value matches a String one (`347082` is a ticket
    /// number as much as `A/5 21171`). A Fractional value in an Integral
    /// column is still a violation.
    Widening,
}

/// Checks the current dataset's profile against a baseline's constraints
/// and statistics, as Model Monitor does ([`TypeRule::Strict`]).
///
/// # Errors
/// A baseline KLL sketch with invalid parameters or items.
pub fn evaluate(
    constraints: &Constraints,
    baseline: &Statistics,
    current: &DatasetProfile,
) -> Result<DataQualityReport, DataQualityError> {
    evaluate_with(constraints, baseline, current, TypeRule::Strict)
}

/// [`evaluate`] with the given data-type rule.
///
/// # Errors
/// A baseline KLL sketch with invalid parameters or items.
pub fn evaluate_with(
    constraints: &Constraints,
    baseline: &Statistics,
    current: &DatasetProfile,
    types: TypeRule,
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
            report.checks.push(missing_column_check(&feature.name, n_current, n_baseline));
            continue;
        };
        let checker = FeatureChecker { constraints, feature, observed, item_count: current.item_count, types };
        report.checks.extend(checker.data_type_check());
        report.checks.extend(checker.completeness_check());
        if let Some(base) = baseline.feature(&feature.name) {
            report.checks.extend(checker.baseline_drift_check(base)?);
        }
        report.checks.extend(checker.categorical_values_check());
    }
    for observed in &current.features {
        if constraints.feature(&observed.name).is_none() {
            report.checks.push(extra_column_check(&observed.name, n_current, n_baseline));
        }
    }
    Ok(report)
}

/// SageMaker's description of a share check: "`what` requirement is (not)
/// met. `expected`. Observed: (Only) `share` of data is `of_data`."
pub(super) fn requirement(what: &str, expected: &str, passed: bool, share: f64, of_data: &str) -> String {
    let (verdict, only) = if passed { ("met", "") } else { ("not met", "Only ") };
    format!("{what} requirement is {verdict}. {expected}. Observed: {only}{} of data is {of_data}.", percent(share))
}

/// A share as SageMaker prints it: `100.0%`.
pub(super) fn percent(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}

/// A distance or p-value: four decimals, or scientific when smaller.
pub(super) fn number(x: f64) -> String {
    if x == 0.0 || x.abs() >= 1e-4 {
        format!("{x:.4}")
    } else {
        format!("{x:.3e}")
    }
}

/// `part / whole` as f64.
pub(super) fn ratio(part: u64, whole: u64) -> f64 {
    part as f64 / whole as f64
}

/// One baseline feature's constraints against its current profile.
struct FeatureChecker<'a> {
    constraints: &'a Constraints,
    feature: &'a FeatureConstraints,
    observed: &'a FeatureProfile,
    item_count: u64,
    types: TypeRule,
}

impl FeatureChecker<'_> {
    /// A check's result with its value and threshold.
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
}

#[cfg(test)]
mod tests {
    use super::requirement;

    #[test]
    fn requirement_reads_as_sagemaker_writes_it() {
        // The wording each check wrote before the shared helper (spec §2.5).
        assert_eq!(
            requirement("Data type match", "Expected data type: Integral, Expected match: 100.0%", true, 1.0, "Integral"),
            "Data type match requirement is met. Expected data type: Integral, Expected match: 100.0%. Observed: 100.0% of data is Integral."
        );
        assert_eq!(
            requirement("Data completeness", "Expected completeness: 100.0%", false, 0.5, "complete"),
            "Data completeness requirement is not met. Expected completeness: 100.0%. Observed: Only 50.0% of data is complete."
        );
        assert_eq!(
            requirement("Categorical values", "Expected match: 100.0%", false, 0.333, "within the baseline domain"),
            "Categorical values requirement is not met. Expected match: 100.0%. Observed: Only 33.3% of data is within the baseline domain."
        );
    }
}
