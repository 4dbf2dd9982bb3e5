//! Clarify's `analysis.json`: per stage, per facet, per facet value, the
//! metrics sorted by name; infinities as the strings "Infinity" and
//! "-Infinity"; a failed metric as `value: null` with its `error`.

use indexmap::IndexMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::error::BiasError;

/// One metric's result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MetricResult {
    /// Short name (`"DPPL"`).
    pub name: String,
    /// Clarify's description.
    pub description: String,
    /// The value; `None` when the metric failed.
    #[serde(serialize_with = "write_value", deserialize_with = "read_value")]
    pub value: Option<f64>,
    /// Why the metric failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl MetricResult {
    /// A metric's entry: its value, or `value: null` with the error.
    #[must_use]
    pub fn new(metric: super::Metric, value: Result<f64, BiasError>) -> Self {
        Self {
            name: metric.name().into(),
            description: metric.description().into(),
            value: value.as_ref().ok().copied(),
            error: value.err().map(|e| e.to_string()),
        }
    }
}

/// The metrics of one facet value (or threshold range).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FacetReport {
    /// The facet value(s) joined by commas, or the interval text.
    pub value_or_threshold: String,
    /// Metrics sorted by name.
    pub metrics: Vec<MetricResult>,
}

/// One stage's metrics.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StageReport {
    /// The label column.
    pub label: String,
    /// The positive label values joined by commas, or the interval text.
    pub label_value_or_threshold: String,
    /// Per facet column, its values' reports.
    pub facets: IndexMap<String, Vec<FacetReport>>,
}

/// The whole `analysis.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Always "1.0".
    pub version: String,
    /// Pre-training metrics, when asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pre_training_bias_metrics: Option<StageReport>,
    /// Post-training metrics, when asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post_training_bias_metrics: Option<StageReport>,
}

impl Analysis {
    /// Parses an `analysis.json` (a Clarify baseline, or Tideline's own).
    ///
    /// # Errors
    /// [`BiasError::AnalysisJson`] with serde's message.
    pub fn from_json(text: &str) -> Result<Self, BiasError> {
        serde_json::from_str(text).map_err(|e| BiasError::AnalysisJson(e.to_string()))
    }

    /// Pretty JSON text.
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Every metric value past its rule-of-thumb threshold
    /// ([`super::Metric::is_concern`]), pre-training first: the one rule
    /// the Bias view, the Overview's light and the report all count.
    #[must_use]
    pub fn concerns(&self) -> Vec<Concern> {
        let stages = [&self.pre_training_bias_metrics, &self.post_training_bias_metrics];
        let mut out = Vec::new();
        for stage in stages.into_iter().flatten() {
            for (facet, reports) in &stage.facets {
                for report in reports {
                    for metric in &report.metrics {
                        let Some(value) = metric.value else { continue };
                        if super::Metric::parse(&metric.name).is_some_and(|m| m.is_concern(value)) {
                            out.push(Concern {
                                facet: facet.clone(),
                                facet_value: report.value_or_threshold.clone(),
                                metric: metric.name.clone(),
                                value,
                            });
                        }
                    }
                }
            }
        }
        out
    }
}

/// A metric value past its rule-of-thumb threshold.
#[derive(Clone, Debug, PartialEq)]
pub struct Concern {
    /// The facet column.
    pub facet: String,
    /// The facet value (or threshold range).
    pub facet_value: String,
    /// The metric's short name (`"DI"`).
    pub metric: String,
    /// Its value.
    pub value: f64,
}

fn write_value<S: Serializer>(value: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        None => s.serialize_none(),
        Some(v) if *v == f64::INFINITY => s.serialize_str("Infinity"),
        Some(v) if *v == f64::NEG_INFINITY => s.serialize_str("-Infinity"),
        Some(v) if v.is_nan() => s.serialize_str("NaN"),
        Some(v) => s.serialize_f64(*v),
    }
}

fn read_value<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Number(f64),
        Text(String),
    }
    Ok(match Option::<Raw>::deserialize(d)? {
        None => None,
        Some(Raw::Number(x)) => Some(x),
        Some(Raw::Text(t)) => match t.as_str() {
            "Infinity" => Some(f64::INFINITY),
            "-Infinity" => Some(f64::NEG_INFINITY),
            _ => Some(f64::NAN),
        },
    })
}
