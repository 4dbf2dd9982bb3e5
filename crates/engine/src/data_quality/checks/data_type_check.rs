//! `data_type_check`: the share of present values of the baseline's type
//! against `datatype_check_threshold` (Deequ's `hasDataType`, strict; or
//! the [`TypeRule::Widening`] rule).

use super::{percent, ratio, requirement, CheckResult, CheckType, FeatureChecker, TypeRule};
use crate::data_quality::InferredType;

impl FeatureChecker<'_> {
    pub(super) fn data_type_check(&self) -> Option<CheckResult> {
        let counts = &self.observed.deequ;
        let present = counts.present();
        let widening = self.types == TypeRule::Widening;
        let matching = match self.feature.inferred_type {
            InferredType::Integral => counts.integral,
            InferredType::Fractional if widening => counts.fractional + counts.integral,
            InferredType::Fractional => counts.fractional,
            InferredType::String if widening => present,
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
        let expected = format!("Expected data type: {kind}, Expected match: {}", percent(threshold));
        let description = requirement("Data type match", &expected, passed, share, kind);
        Some(self.result(CheckType::DataTypeCheck, share, threshold, "share", passed, description))
    }
}
