//! Everything the Model quality view shows of one side: the followed
//! metrics with bootstrap intervals, the confusion matrix, per-class
//! quality, ROC, precision-recall and reliability curves (one-vs-rest per
//! class for a multiclass model with a score column per class), and for a
//! regression model a sample of predicted against actual values.

use serde::{Deserialize, Serialize};

use super::calibration::{calibration_curve, CalibrationBin};
use super::curves::{precision_recall_curve, roc_auc, roc_curve};
use super::intervals::{metric_estimates, MetricEstimate, QUALITY_RESAMPLES};
use super::model_columns::{numbers, ModelColumns, ModelColumnsError};
use super::model_outputs::ModelOutputs;
use super::multiclass::{ClassQuality, MulticlassCounts};
use crate::bias::BootstrapOptions;
use crate::roles::Role;
use crate::table::Table;

/// Points a drawn curve keeps: more than a chart's width can show apart.
pub const MAX_CURVE_POINTS: usize = 400;
/// Points of the predicted-against-actual sample.
pub const MAX_SCATTER_POINTS: usize = 1500;
/// Bins of the reliability curve (scikit-learn's default is 5; 10 reads better at the sizes monitored).
pub const CALIBRATION_BINS: usize = 10;

/// A curve as x and y coordinates.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Curve {
    /// Horizontal coordinates.
    pub x: Vec<f64>,
    /// Vertical coordinates, matching `x`.
    pub y: Vec<f64>,
}

/// One class's curves (a binary model's positive class, or one class
/// against the rest).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClassCurves {
    /// The class scored.
    pub class: String,
    /// The column holding its score.
    pub score: String,
    /// ROC curve: false-positive rate (x) against true-positive rate (y).
    pub roc: Curve,
    /// Area under the ROC curve (NaN with one class).
    pub auc: f64,
    /// Precision-recall curve: recall (x) against precision (y).
    pub precision_recall: Curve,
    /// Reliability curve bins.
    pub calibration: Vec<CalibrationBin>,
}

/// One side's model quality, as the view draws it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QualityDetail {
    /// Rows in the table.
    pub rows: usize,
    /// Rows with a label and a prediction (and score), which every number is over.
    pub labelled_rows: usize,
    /// The followed metrics with their intervals.
    pub metrics: Vec<MetricEstimate>,
    /// Classes of the confusion matrix (a binary model's negative class first).
    pub classes: Vec<String>,
    /// `confusion[actual][predicted]`, indexed like `classes`.
    pub confusion: Vec<Vec<u64>>,
    /// Each class's precision, recall, F1 and support.
    pub per_class: Vec<ClassQuality>,
    /// Curves of the scored classes.
    pub curves: Vec<ClassCurves>,
    /// Regression: actual (x) against predicted (y) for an evenly spaced sample of rows.
    pub scatter: Option<Curve>,
}

/// The detail of `table` for the model `columns` describes, with `positive`
/// as the binary positive class (empty otherwise).
///
/// # Errors
/// The columns cannot be read, or no row is labelled.
pub fn quality_detail(
    columns: &ModelColumns,
    table: &Table,
    positive: &str,
) -> Result<QualityDetail, ModelColumnsError> {
    let outputs = columns.outputs(table, positive)?;
    let rows = outputs.labelled(&(0..outputs.len()).collect::<Vec<_>>());
    let names = outputs.default_metrics();
    let options = BootstrapOptions { resamples: QUALITY_RESAMPLES, level: 0.95, seed: 0 };
    let metrics = metric_estimates(&outputs, &rows, &names, &options)?;
    let mut detail = QualityDetail {
        rows: table.n_rows,
        labelled_rows: rows.len(),
        metrics,
        classes: Vec::new(),
        confusion: Vec::new(),
        per_class: Vec::new(),
        curves: Vec::new(),
        scatter: None,
    };
    match &outputs {
        ModelOutputs::Binary { truth, predicted, scores } => {
            let negative = negative_name(table, &columns.label, positive);
            let name = |b: bool| if b { positive.to_owned() } else { negative.clone() };
            let actual: Vec<String> = rows.iter().map(|&i| name(truth[i] == Some(true))).collect();
            let guessed: Vec<String> = rows.iter().map(|&i| name(predicted[i] == Some(true))).collect();
            let counts = ordered(MulticlassCounts::new(&actual, &guessed)?, &[negative.clone(), positive.to_owned()]);
            fill_counts(&mut detail, &counts);
            if let (Some(s), Some(score)) = (scores, &columns.score) {
                let positives: Vec<bool> = rows.iter().map(|&i| truth[i] == Some(true)).collect();
                let s: Vec<f64> = rows.iter().map(|&i| s[i]).collect();
                detail.curves.push(class_curves(positive, score, &positives, &s)?);
            }
        }
        ModelOutputs::Multiclass { truth, predicted } => {
            let pick = |v: &[Option<String>]| -> Vec<String> {
                rows.iter().map(|&i| v[i].clone().unwrap_or_default()).collect()
            };
            let actual = pick(truth);
            let counts = MulticlassCounts::new(&actual, &pick(predicted))?;
            fill_counts(&mut detail, &counts);
            for class in &counts.labels {
                let Some(column) = class_score_column(table, class) else { continue };
                let Some(scores) = column_scores(table, column, &rows) else { continue };
                let positives: Vec<bool> = actual.iter().map(|a| a == class).collect();
                detail.curves.push(class_curves(class, column, &positives, &scores)?);
            }
        }
        ModelOutputs::Regression { truth, predicted } => {
            let step = rows.len().div_ceil(MAX_SCATTER_POINTS).max(1);
            let sample: Vec<usize> = rows.iter().copied().step_by(step).collect();
            detail.scatter = Some(Curve {
                x: sample.iter().map(|&i| truth[i]).collect(),
                y: sample.iter().map(|&i| predicted[i]).collect(),
            });
        }
    }
    Ok(detail)
}

fn fill_counts(detail: &mut QualityDetail, counts: &MulticlassCounts) {
    detail.classes.clone_from(&counts.labels);
    detail.confusion.clone_from(&counts.counts);
    detail.per_class = counts.per_class();
}

/// `counts` with its classes in `order` (those present), the others after.
fn ordered(counts: MulticlassCounts, order: &[String]) -> MulticlassCounts {
    let mut index: Vec<usize> = order.iter().filter_map(|c| counts.labels.iter().position(|l| l == c)).collect();
    let rest: Vec<usize> = (0..counts.labels.len()).filter(|i| !index.contains(i)).collect();
    index.extend(rest);
    MulticlassCounts {
        labels: index.iter().map(|&i| counts.labels[i].clone()).collect(),
        counts: index.iter().map(|&a| index.iter().map(|&p| counts.counts[a][p]).collect()).collect(),
    }
}

/// The label's value that is not `positive` when there is one such value,
/// else `not <positive>`.
fn negative_name(table: &Table, label: &str, positive: &str) -> String {
    let mut others: Vec<String> = table
        .column(label)
        .map(|c| (0..table.n_rows).filter_map(|i| c.data.category_key(i)).filter(|v| v != positive).collect())
        .unwrap_or_default();
    others.sort_unstable();
    others.dedup();
    match others.as_slice() {
        [one] => one.clone(),
        _ => format!("not {positive}"),
    }
}

/// The score column of `class` in a family such as `y_pred_proba_<class>`:
/// a model-score column whose name ends with `_<class>`.
fn class_score_column<'a>(table: &'a Table, class: &str) -> Option<&'a str> {
    let suffix = format!("_{class}");
    table.columns.iter().find(|c| c.role == Role::PredictedScore && c.name.ends_with(&suffix)).map(|c| c.name.as_str())
}

/// The class's scores on `rows`; `None` when a cell is not a finite number.
fn column_scores(table: &Table, column: &str, rows: &[usize]) -> Option<Vec<f64>> {
    let all = numbers(table.column(column)?, table.n_rows).ok()?;
    rows.iter().map(|&i| Some(all[i]).filter(|x| x.is_finite())).collect()
}

fn class_curves(
    class: &str,
    score: &str,
    positives: &[bool],
    scores: &[f64],
) -> Result<ClassCurves, ModelColumnsError> {
    let roc = roc_curve(positives, scores)?;
    let pr = precision_recall_curve(positives, scores)?;
    let calibration = calibration_curve(positives, scores, CALIBRATION_BINS).unwrap_or_default();
    Ok(ClassCurves {
        class: class.to_owned(),
        score: score.to_owned(),
        auc: roc_auc(positives, scores)?,
        roc: thinned(&roc.false_positive_rates, &roc.true_positive_rates),
        precision_recall: thinned(&pr.recalls, &pr.precisions),
        calibration,
    })
}

/// At most [`MAX_CURVE_POINTS`] evenly spaced points, both ends kept.
fn thinned(x: &[f64], y: &[f64]) -> Curve {
    let n = x.len().min(y.len());
    if n <= MAX_CURVE_POINTS {
        return Curve { x: x[..n].to_vec(), y: y[..n].to_vec() };
    }
    let index = |k: usize| k * (n - 1) / (MAX_CURVE_POINTS - 1);
    Curve {
        x: (0..MAX_CURVE_POINTS).map(|k| x[index(k)]).collect(),
        y: (0..MAX_CURVE_POINTS).map(|k| y[index(k)]).collect(),
    }
}
