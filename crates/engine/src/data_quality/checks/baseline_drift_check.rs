//! `baseline_drift_check`: the current distribution against the baseline's,
//! by L∞ distance (Simple or Robust, on KLL sketches or category counts) or
//! Deequ's chi-square test, against `distribution_constraints`.

use super::{number, CheckResult, CheckType, FeatureChecker};
use crate::category_counts::Counts;
use crate::data_quality::{
    categorical_linf, chi_square_drift, numeric_linf, robust_linf, CategoricalDriftMethod, ComparisonMethod,
    DataQualityError, FeatureProfile, FeatureStatistics, Toggle, DEFAULT_C_ALPHA,
};

impl FeatureChecker<'_> {
    pub(super) fn baseline_drift_check(
        &self,
        base: &FeatureStatistics,
    ) -> Result<Option<CheckResult>, DataQualityError> {
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
