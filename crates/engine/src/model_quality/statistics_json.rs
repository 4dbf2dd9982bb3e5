//! Writing and reading the model-quality statistics file (spec §4): scalars as
//! `{"value":v,"standard_deviation":s}`, the confusion matrix as a nested map,
//! the curves as arrays; non-finite numbers as "NaN".

use super::curves::{PrecisionRecallCurve, RocCurve};
use super::error::ModelQualityError;
use super::json;
use super::statistics::{
    BinaryStatistics, ConfusionMatrix, MetricValue, ModelQualityMetrics, ModelQualityStatistics, MulticlassStatistics,
    ProblemType,
};
use indexmap::IndexMap;
use serde_json::{json, Map, Value};

impl ModelQualityStatistics {
    /// The statistics file as JSON.
    pub fn to_json(&self) -> Value {
        let mut body = Map::new();
        let confusion = match &self.metrics {
            ModelQualityMetrics::Binary(b) => Some(&b.confusion_matrix),
            ModelQualityMetrics::Multiclass(m) => Some(&m.confusion_matrix),
            ModelQualityMetrics::Regression(_) => None,
        };
        if let Some(c) = confusion {
            body.insert("confusion_matrix".into(), json!(c));
        }
        for (name, m) in self.scalars() {
            let entry =
                json!({"value": json::number(m.value), "standard_deviation": json::number(m.standard_deviation)});
            body.insert(name.clone(), entry);
        }
        if let ModelQualityMetrics::Binary(b) = &self.metrics {
            if let Some(roc) = &b.roc {
                body.insert(
                    "receiver_operating_characteristic_curve".into(),
                    json!({"false_positive_rates": json::numbers(&roc.false_positive_rates),
                           "true_positive_rates": json::numbers(&roc.true_positive_rates)}),
                );
            }
            if let Some(pr) = &b.precision_recall {
                body.insert(
                    "precision_recall_curve".into(),
                    json!({"precisions": json::numbers(&pr.precisions), "recalls": json::numbers(&pr.recalls)}),
                );
            }
        }
        let key = format!("{}_metrics", self.problem_type().key_prefix());
        json!({"version": 0.0, "dataset": {"item_count": self.item_count}, key: body})
    }

    /// Reads a statistics file.
    ///
    /// # Errors
    /// [`ModelQualityError::InvalidFile`] when a key is missing or mistyped.
    pub fn from_json(value: &Value) -> Result<Self, ModelQualityError> {
        let bad = |what: &str| ModelQualityError::InvalidFile(what.to_owned());
        let item_count = value["dataset"]["item_count"].as_u64().ok_or_else(|| bad("no dataset.item_count"))? as usize;
        let (problem, body) = ProblemType::ALL
            .iter()
            .find_map(|p| value.get(format!("{}_metrics", p.key_prefix())).map(|b| (*p, b)))
            .ok_or_else(|| bad("no *_metrics object"))?;
        let body = body.as_object().ok_or_else(|| bad("*_metrics is not an object"))?;
        let mut scalars = IndexMap::new();
        for (name, entry) in body {
            if let Some(v) = entry.get("value") {
                let value = json::read_number(v).ok_or_else(|| bad(&format!("{name}.value is not a number")))?;
                let sd = json::read_number(&entry["standard_deviation"]).unwrap_or(f64::NAN);
                scalars.insert(name.clone(), MetricValue { value, standard_deviation: sd });
            }
        }
        let confusion = || -> Result<ConfusionMatrix, ModelQualityError> {
            serde_json::from_value(body.get("confusion_matrix").cloned().unwrap_or(Value::Null))
                .map_err(|e| bad(&format!("confusion_matrix: {e}")))
        };
        let metrics = match problem {
            ProblemType::Regression => ModelQualityMetrics::Regression(scalars),
            ProblemType::MulticlassClassification => ModelQualityMetrics::Multiclass(MulticlassStatistics {
                confusion_matrix: confusion()?,
                metrics: scalars,
            }),
            ProblemType::BinaryClassification => {
                let curve = |key: &str, a: &str, b: &str| -> Option<(Vec<f64>, Vec<f64>)> {
                    let c = body.get(key)?;
                    Some((json::read_numbers(&c[a])?, json::read_numbers(&c[b])?))
                };
                let roc =
                    curve("receiver_operating_characteristic_curve", "false_positive_rates", "true_positive_rates")
                        .map(|(f, t)| RocCurve { false_positive_rates: f, true_positive_rates: t });
                let precision_recall = curve("precision_recall_curve", "precisions", "recalls")
                    .map(|(p, r)| PrecisionRecallCurve { precisions: p, recalls: r });
                let confusion_matrix = confusion()?;
                ModelQualityMetrics::Binary(BinaryStatistics {
                    confusion_matrix,
                    metrics: scalars,
                    roc,
                    precision_recall,
                })
            }
        };
        Ok(Self { item_count, metrics })
    }
}
