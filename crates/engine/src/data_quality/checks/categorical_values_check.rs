//! `categorical_values_check`: the share of present values inside the
//! baseline's `domains` against `domain_content_threshold`.

use super::{percent, ratio, requirement, CheckResult, CheckType, FeatureChecker};

impl FeatureChecker<'_> {
    pub(super) fn categorical_values_check(&self) -> Option<CheckResult> {
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
        let expected = format!("Expected match: {}", percent(threshold));
        let description = requirement("Categorical values", &expected, passed, share, "within the baseline domain");
        Some(self.result(CheckType::CategoricalValuesCheck, share, threshold, "share", passed, description))
    }
}
