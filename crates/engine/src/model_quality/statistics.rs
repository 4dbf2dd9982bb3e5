//! Model Monitor's model-quality statistics file (spec §4):
//! `{"version":0.0,"dataset":{"item_count":N},"<type>_metrics":{…}}`, built from
//! the metrics and their subsample stds (its JSON is in `statistics_json`).

use super::curves::{precision_recall_curve, roc_curve, PrecisionRecallCurve, RocCurve};
use super::error::ModelQualityError;
use super::regression_metrics;
use super::subsample::{pick, subsample_std};
use super::{binary::BinaryCounts, binary_metrics, multiclass::MulticlassCounts, multiclass_metrics};
use indexmap::IndexMap;

/// The three problem types, with their JSON key prefixes (in configs:
/// `"regression"`, `"binary"`, `"multiclass"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ProblemType {
    /// `regression_*`.
    #[serde(rename = "regression")]
    Regression,
    /// `binary_classification_*`.
    #[serde(rename = "binary", alias = "binary_classification")]
    BinaryClassification,
    /// `multiclass_classification_*`.
    #[serde(rename = "multiclass", alias = "multiclass_classification")]
    MulticlassClassification,
}

impl ProblemType {
    /// The prefix of the `_metrics` and `_constraints` keys.
    pub fn key_prefix(self) -> &'static str {
        match self {
            Self::Regression => "regression",
            Self::BinaryClassification => "binary_classification",
            Self::MulticlassClassification => "multiclass_classification",
        }
    }

    /// All three, for reading files.
    pub const ALL: [Self; 3] = [Self::Regression, Self::BinaryClassification, Self::MulticlassClassification];
}

/// One scalar metric: its value and its subsample std (NaN is written "NaN").
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MetricValue {
    /// The metric on all rows.
    pub value: f64,
    /// The std over subsamples, NaN when not given.
    pub standard_deviation: f64,
}

/// A nested `{actual: {predicted: count}}` confusion matrix.
pub type ConfusionMatrix = IndexMap<String, IndexMap<String, u64>>;

/// Binary-classification statistics.
#[derive(Debug, Clone, PartialEq)]
pub struct BinaryStatistics {
    /// Actual label → predicted label → count.
    pub confusion_matrix: ConfusionMatrix,
    /// Scalar metrics by name, in Model Monitor's order.
    pub metrics: IndexMap<String, MetricValue>,
    /// The ROC curve, when scores were given.
    pub roc: Option<RocCurve>,
    /// The precision-recall curve, when scores were given.
    pub precision_recall: Option<PrecisionRecallCurve>,
}

/// Multiclass statistics.
#[derive(Debug, Clone, PartialEq)]
pub struct MulticlassStatistics {
    /// Actual label → predicted label → count.
    pub confusion_matrix: ConfusionMatrix,
    /// Scalar metrics by name.
    pub metrics: IndexMap<String, MetricValue>,
}

/// The metrics of one problem type.
#[derive(Debug, Clone, PartialEq)]
pub enum ModelQualityMetrics {
    /// `regression_metrics`.
    Regression(IndexMap<String, MetricValue>),
    /// `binary_classification_metrics`.
    Binary(BinaryStatistics),
    /// `multiclass_classification_metrics`.
    Multiclass(MulticlassStatistics),
}

/// A whole statistics file.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelQualityStatistics {
    /// Rows scored.
    pub item_count: usize,
    /// The metrics.
    pub metrics: ModelQualityMetrics,
}

/// Pairs full-data values with their subsample stds.
fn with_std(values: Vec<(&'static str, f64)>, stds: Vec<f64>) -> IndexMap<String, MetricValue> {
    values
        .into_iter()
        .zip(stds.into_iter().chain(std::iter::repeat(f64::NAN)))
        .map(|((n, value), standard_deviation)| (n.to_owned(), MetricValue { value, standard_deviation }))
        .collect()
}

/// Values only, for the subsample closures.
fn values(metrics: Vec<(&'static str, f64)>) -> Vec<f64> {
    metrics.into_iter().map(|(_, v)| v).collect()
}

/// Regression statistics, stds from subsamples drawn with `seed`.
///
/// # Errors
/// As [`regression_metrics`].
pub fn regression_statistics(
    truth: &[f64],
    predicted: &[f64],
    seed: u64,
) -> Result<ModelQualityStatistics, ModelQualityError> {
    let full = regression_metrics(truth, predicted)?;
    let stds = subsample_std(truth.len(), full.len(), seed, |rows| {
        regression_metrics(&pick(truth, rows), &pick(predicted, rows)).map(values)
    })?;
    Ok(ModelQualityStatistics {
        item_count: truth.len(),
        metrics: ModelQualityMetrics::Regression(with_std(full, stds)),
    })
}

/// Binary statistics; `labels` = (negative, positive) names the confusion
/// matrix keys; curves and `auc` only when `scores` are given.
///
/// # Errors
/// As [`binary_metrics`].
pub fn binary_statistics(
    actual: &[bool],
    predicted: &[bool],
    scores: Option<&[f64]>,
    labels: (&str, &str),
    seed: u64,
) -> Result<ModelQualityStatistics, ModelQualityError> {
    let full = binary_metrics(actual, predicted, scores)?;
    let stds = subsample_std(actual.len(), full.len(), seed, |rows| {
        let s = scores.map(|s| pick(s, rows));
        binary_metrics(&pick(actual, rows), &pick(predicted, rows), s.as_deref()).map(values)
    })?;
    let c = BinaryCounts::new(actual, predicted)?;
    let (neg, pos) = (labels.0.to_owned(), labels.1.to_owned());
    let row = |n: u64, p: u64| IndexMap::from([(neg.clone(), n), (pos.clone(), p)]);
    let confusion_matrix = IndexMap::from([(neg.clone(), row(c.tn, c.fp)), (pos.clone(), row(c.fn_, c.tp))]);
    let (roc, precision_recall) = match scores {
        Some(s) => (Some(roc_curve(actual, s)?), Some(precision_recall_curve(actual, s)?)),
        None => (None, None),
    };
    let metrics = with_std(full, stds);
    let binary = BinaryStatistics { confusion_matrix, metrics, roc, precision_recall };
    Ok(ModelQualityStatistics { item_count: actual.len(), metrics: ModelQualityMetrics::Binary(binary) })
}

/// Multiclass statistics.
///
/// # Errors
/// As [`multiclass_metrics`].
pub fn multiclass_statistics<S: AsRef<str> + Clone>(
    actual: &[S],
    predicted: &[S],
    seed: u64,
) -> Result<ModelQualityStatistics, ModelQualityError> {
    let full = multiclass_metrics(actual, predicted)?;
    let stds = subsample_std(actual.len(), full.len(), seed, |rows| {
        multiclass_metrics(&pick(actual, rows), &pick(predicted, rows)).map(values)
    })?;
    let confusion_matrix = MulticlassCounts::new(actual, predicted)?.nested();
    let multi = MulticlassStatistics { confusion_matrix, metrics: with_std(full, stds) };
    Ok(ModelQualityStatistics { item_count: actual.len(), metrics: ModelQualityMetrics::Multiclass(multi) })
}

impl ModelQualityStatistics {
    /// The problem type.
    pub fn problem_type(&self) -> ProblemType {
        match self.metrics {
            ModelQualityMetrics::Regression(_) => ProblemType::Regression,
            ModelQualityMetrics::Binary(_) => ProblemType::BinaryClassification,
            ModelQualityMetrics::Multiclass(_) => ProblemType::MulticlassClassification,
        }
    }

    /// The scalar metrics (not the confusion matrix or curves).
    pub fn scalars(&self) -> &IndexMap<String, MetricValue> {
        match &self.metrics {
            ModelQualityMetrics::Regression(m) => m,
            ModelQualityMetrics::Binary(b) => &b.metrics,
            ModelQualityMetrics::Multiclass(m) => &m.metrics,
        }
    }
}
