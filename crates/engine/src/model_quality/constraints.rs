//! Model Monitor's model-quality constraints file (spec §4):
//! `{"version":0.0,"<type>_constraints":{name:{"threshold":t,"comparison_operator":op}}}`.

use super::error::ModelQualityError;
use super::json;
use super::statistics::{ModelQualityStatistics, ProblemType};
use indexmap::IndexMap;
use serde_json::{json, Map, Value};

/// How a current value is compared with its threshold; a violation is
/// `value <op> threshold`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ComparisonOperator {
    /// Violated when the value is above the threshold (error metrics).
    GreaterThanThreshold,
    /// Violated when the value is below the threshold (quality metrics).
    LessThanThreshold,
}

impl ComparisonOperator {
    /// The name in the files.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::GreaterThanThreshold => "GreaterThanThreshold",
            Self::LessThanThreshold => "LessThanThreshold",
        }
    }

    /// Whether `value` violates `threshold`; NaN never does.
    pub fn violated(self, value: f64, threshold: f64) -> bool {
        match self {
            Self::GreaterThanThreshold => value > threshold,
            Self::LessThanThreshold => value < threshold,
        }
    }

    /// The operator Tideline suggests for a metric: GreaterThanThreshold for
    /// error metrics (mae, mse, rmse, false_positive_rate,
    /// false_negative_rate), LessThanThreshold for the rest (spec §4; the
    /// classification assignment is UNCONFIRMED).
    pub fn for_metric(name: &str) -> Self {
        match name {
            "mae" | "mse" | "rmse" | "false_positive_rate" | "false_negative_rate" => Self::GreaterThanThreshold,
            _ => Self::LessThanThreshold,
        }
    }
}

/// One metric's constraint.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Constraint {
    /// The threshold (suggested: the baseline value).
    pub threshold: f64,
    /// The comparison.
    pub comparison_operator: ComparisonOperator,
}

/// A whole constraints file.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelQualityConstraints {
    /// Which `<type>_constraints` key.
    pub problem_type: ProblemType,
    /// Constraints by metric name.
    pub constraints: IndexMap<String, Constraint>,
}

/// Suggests constraints from baseline statistics: every scalar metric with a
/// finite value, threshold = the baseline value, operator by
/// [`ComparisonOperator::for_metric`]. The `_best_constant_classifier`
/// variants are left out: they describe the data, not the model.
pub fn suggest_constraints(baseline: &ModelQualityStatistics) -> ModelQualityConstraints {
    let constraints = baseline
        .scalars()
        .iter()
        .filter(|(name, m)| m.value.is_finite() && !name.ends_with("_best_constant_classifier"))
        .map(|(name, m)| {
            (name.clone(), Constraint { threshold: m.value, comparison_operator: ComparisonOperator::for_metric(name) })
        })
        .collect();
    ModelQualityConstraints { problem_type: baseline.problem_type(), constraints }
}

impl ModelQualityConstraints {
    /// The constraints file as JSON.
    pub fn to_json(&self) -> Value {
        let body: Map<String, Value> = self
            .constraints
            .iter()
            .map(|(n, c)| {
                let entry = json!({"threshold": json::number(c.threshold), "comparison_operator": c.comparison_operator.as_str()});
                (n.clone(), entry)
            })
            .collect();
        let key = format!("{}_constraints", self.problem_type.key_prefix());
        json!({"version": 0.0, key: body})
    }

    /// Reads a constraints file.
    ///
    /// # Errors
    /// [`ModelQualityError::InvalidFile`] when a key is missing or mistyped.
    pub fn from_json(value: &Value) -> Result<Self, ModelQualityError> {
        let bad = |what: String| ModelQualityError::InvalidFile(what);
        let (problem_type, body) = ProblemType::ALL
            .iter()
            .find_map(|p| value.get(format!("{}_constraints", p.key_prefix())).map(|b| (*p, b)))
            .ok_or_else(|| bad("no *_constraints object".into()))?;
        let body = body.as_object().ok_or_else(|| bad("*_constraints is not an object".into()))?;
        let mut constraints = IndexMap::new();
        for (name, entry) in body {
            let threshold = json::read_number(&entry["threshold"])
                .ok_or_else(|| bad(format!("{name}.threshold is not a number")))?;
            let comparison_operator = match entry["comparison_operator"].as_str() {
                Some("GreaterThanThreshold") => ComparisonOperator::GreaterThanThreshold,
                Some("LessThanThreshold") => ComparisonOperator::LessThanThreshold,
                other => return Err(bad(format!("{name}.comparison_operator {other:?} is not supported"))),
            };
            constraints.insert(name.clone(), Constraint { threshold, comparison_operator });
        }
        Ok(Self { problem_type, constraints })
    }
}
