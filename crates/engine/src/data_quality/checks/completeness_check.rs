//! `completeness_check`: `num_present / item_count` against the feature's
//! `completeness` constraint.

use super::{percent, ratio, requirement, CheckResult, CheckType, FeatureChecker};

impl FeatureChecker<'_> {
    pub(super) fn completeness_check(&self) -> Option<CheckResult> {
        let expected = self.feature.completeness?;
        if self.item_count == 0 {
            return None;
        }
        let share = ratio(self.observed.num_present(), self.item_count);
        let passed = share >= expected;
        let wanted = format!("Expected completeness: {}", percent(expected));
        let description = requirement("Data completeness", &wanted, passed, share, "complete");
        Some(self.result(CheckType::CompletenessCheck, share, expected, "share", passed, description))
    }
}
