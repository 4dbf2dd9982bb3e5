//! `extra_column_check`: a current column the baseline's constraints do not
//! name (spec §2.5).

use super::{CheckResult, CheckType};

/// The result for column `name`, which always fails.
pub(super) fn extra_column_check(name: &str, n_current: usize, n_baseline: usize) -> CheckResult {
    CheckResult {
        feature_name: name.to_owned(),
        check: CheckType::ExtraColumnCheck,
        value: None,
        threshold: None,
        metric: "column".to_owned(),
        passed: false,
        description: format!(
            "There are extra columns in current dataset. Number of columns in current dataset: {n_current}, Number of columns in baseline constraints: {n_baseline}"
        ),
    }
}
