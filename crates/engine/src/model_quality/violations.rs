//! Evaluating model-quality constraints against current statistics, and the
//! violations file in the format spec §4 shows.

use super::constraints::ModelQualityConstraints;
use super::error::ModelQualityError;
use super::statistics::ModelQualityStatistics;
use serde_json::{json, Value};

/// One violated constraint.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelQualityViolation {
    /// The metric, e.g. `f2`.
    pub metric_name: String,
    /// The operator that held, e.g. `LessThanThreshold`.
    pub constraint_check_type: String,
    /// `Metric f2 with 0.61 was LessThanThreshold 0.625`.
    pub description: String,
}

/// The constraints that `current` violates, in the constraints' order. A
/// metric missing from `current` or NaN there is not a violation.
///
/// # Errors
/// [`ModelQualityError::InvalidFile`] when the problem types differ.
pub fn evaluate_constraints(
    constraints: &ModelQualityConstraints,
    current: &ModelQualityStatistics,
) -> Result<Vec<ModelQualityViolation>, ModelQualityError> {
    if constraints.problem_type != current.problem_type() {
        return Err(ModelQualityError::InvalidFile(format!(
            "constraints are for {} but the statistics are {}",
            constraints.problem_type.key_prefix(),
            current.problem_type().key_prefix()
        )));
    }
    let scalars = current.scalars();
    Ok(constraints
        .constraints
        .iter()
        .filter_map(|(name, c)| {
            let value = scalars.get(name)?.value;
            let op = c.comparison_operator.as_str();
            c.comparison_operator.violated(value, c.threshold).then(|| ModelQualityViolation {
                metric_name: name.clone(),
                constraint_check_type: op.to_owned(),
                description: format!("Metric {name} with {value} was {op} {}", c.threshold),
            })
        })
        .collect())
}

/// The violations file: `{"violations":[{"metric_name","constraint_check_type","description"}]}`.
pub fn violations_json(violations: &[ModelQualityViolation]) -> Value {
    let list: Vec<Value> = violations
        .iter()
        .map(|v| {
            json!({"metric_name": v.metric_name, "constraint_check_type": v.constraint_check_type,
                   "description": v.description})
        })
        .collect();
    json!({ "violations": list })
}
