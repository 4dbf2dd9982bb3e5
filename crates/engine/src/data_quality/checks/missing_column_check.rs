//! `missing_column_check`: a column of the baseline's constraints is absent
//! from the current data (spec §2.5).

use super::{CheckResult, CheckType};

/// The result for column `name`, which always fails.
pub(super) fn missing_column_check(name: &str, n_current: usize, n_baseline: usize) -> CheckResult {
    CheckResult {
        feature_name: name.to_owned(),
        check: CheckType::MissingColumnCheck,
        value: None,
        threshold: None,
        metric: "column".to_owned(),
        passed: false,
        description: format!(
            "There are missing columns in current dataset. Number of columns in current dataset: {n_current}, Number of columns in baseline constraints: {n_baseline}"
        ),
    }
}
