//! `constraint_violations.json` (spec §2.5).

use serde::{Deserialize, Serialize};

use super::DataQualityError;

/// One violation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Violation {
    /// The feature (column) concerned.
    pub feature_name: String,
    /// `data_type_check`, `completeness_check`, `baseline_drift_check`,
    /// `missing_column_check`, `extra_column_check` or
    /// `categorical_values_check` (kept as text: other monitors write other kinds).
    pub constraint_check_type: String,
    /// What was expected and observed, in SageMaker's wording.
    pub description: String,
}

/// The whole file.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConstraintViolations {
    /// Every violation found.
    #[serde(default)]
    pub violations: Vec<Violation>,
}

impl ConstraintViolations {
    /// Parses a `constraint_violations.json`.
    ///
    /// # Errors
    /// Malformed JSON or a file that does not follow the schema.
    pub fn from_json(text: &str) -> Result<Self, DataQualityError> {
        serde_json::from_str(text)
            .map_err(|e| DataQualityError::Json { file_kind: "constraint_violations.json", message: e.to_string() })
    }

    /// The file's text (pretty-printed).
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
