//! `completeness_check`: `num_present / item_count` against the feature's
//! `completeness` constraint.

use super::{percent, ratio, CheckResult, CheckType, FeatureChecker};

impl FeatureChecker<'_> {
    pub(super) fn completeness_check(&self) -> Option<CheckResult> {
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
}
