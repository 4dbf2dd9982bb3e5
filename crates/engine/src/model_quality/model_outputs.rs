//! A model's outputs row by row, as read by [`super::ModelColumns`], and the
//! metrics of any subset of rows (a monitoring window).

use super::binary::BinaryCounts;
use super::curves::roc_auc;
use super::error::ModelQualityError;
use super::multiclass::MulticlassCounts;
use super::regression::regression_metrics;

/// Row-aligned outputs; `None` / NaN where a cell is missing.
#[derive(Debug, Clone, PartialEq)]
pub enum ModelOutputs {
    /// A binary classifier (`true` = the positive class).
    Binary {
        /// Ground truth.
        truth: Vec<Option<bool>>,
        /// Predicted label.
        predicted: Vec<Option<bool>>,
        /// Score of the positive class, when the model gives one.
        scores: Option<Vec<f64>>,
    },
    /// A multiclass classifier.
    Multiclass {
        /// Ground truth.
        truth: Vec<Option<String>>,
        /// Predicted label.
        predicted: Vec<Option<String>>,
    },
    /// A regression model.
    Regression {
        /// Ground truth.
        truth: Vec<f64>,
        /// Prediction.
        predicted: Vec<f64>,
    },
}

/// The metrics a timeline follows by default, by problem type.
pub const BINARY_METRICS: [&str; 5] = ["accuracy", "precision", "recall", "f1", "auc"];
/// Multiclass defaults.
pub const MULTICLASS_METRICS: [&str; 4] = ["accuracy", "weighted_precision", "weighted_recall", "weighted_f1"];
/// Regression defaults.
pub const REGRESSION_METRICS: [&str; 4] = ["mae", "rmse", "mse", "r2"];

impl ModelOutputs {
    /// The metrics followed by default for this problem type (`auc` only
    /// with scores).
    #[must_use]
    pub fn default_metrics(&self) -> Vec<&'static str> {
        match self {
            Self::Binary { scores, .. } => {
                BINARY_METRICS.iter().copied().filter(|m| *m != "auc" || scores.is_some()).collect()
            }
            Self::Multiclass { .. } => MULTICLASS_METRICS.to_vec(),
            Self::Regression { .. } => REGRESSION_METRICS.to_vec(),
        }
    }

    /// Rows among `rows` with a label and a prediction (and a score, when
    /// the model has scores).
    #[must_use]
    pub fn labelled(&self, rows: &[usize]) -> Vec<usize> {
        let ok = |i: usize| match self {
            Self::Binary { truth, predicted, scores } => {
                truth[i].is_some() && predicted[i].is_some() && scores.as_ref().is_none_or(|s| !s[i].is_nan())
            }
            Self::Multiclass { truth, predicted } => truth[i].is_some() && predicted[i].is_some(),
            Self::Regression { truth, predicted } => !truth[i].is_nan() && !predicted[i].is_nan(),
        };
        rows.iter().copied().filter(|&i| i < self.len() && ok(i)).collect()
    }

    /// Rows in all.
    #[must_use]
    pub fn len(&self) -> usize {
        match self {
            Self::Binary { predicted, .. } => predicted.len(),
            Self::Multiclass { predicted, .. } => predicted.len(),
            Self::Regression { predicted, .. } => predicted.len(),
        }
    }

    /// Whether there are no rows.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Model Monitor's scalar metrics (as scikit-learn computes them, without
    /// subsample standard deviations) on the labelled rows among `rows`;
    /// `auc` is NaN when only one class is present.
    ///
    /// # Errors
    /// [`ModelQualityError::Empty`] when no row among `rows` is labelled.
    pub fn realized(&self, rows: &[usize]) -> Result<Vec<(&'static str, f64)>, ModelQualityError> {
        let rows = self.labelled(rows);
        if rows.is_empty() {
            return Err(ModelQualityError::Empty);
        }
        match self {
            Self::Binary { truth, predicted, scores } => {
                let actual: Vec<bool> = rows.iter().map(|&i| truth[i] == Some(true)).collect();
                let guess: Vec<bool> = rows.iter().map(|&i| predicted[i] == Some(true)).collect();
                let mut metrics = BinaryCounts::new(&actual, &guess)?.metrics();
                if let Some(s) = scores {
                    let s: Vec<f64> = rows.iter().map(|&i| s[i]).collect();
                    metrics.push(("auc", roc_auc(&actual, &s)?));
                }
                Ok(metrics)
            }
            Self::Multiclass { truth, predicted } => {
                let pick = |v: &[Option<String>]| -> Vec<String> {
                    rows.iter().map(|&i| v[i].clone().unwrap_or_default()).collect()
                };
                Ok(MulticlassCounts::new(&pick(truth), &pick(predicted))?.metrics())
            }
            Self::Regression { truth, predicted } => {
                let pick = |v: &[f64]| -> Vec<f64> { rows.iter().map(|&i| v[i]).collect() };
                regression_metrics(&pick(truth), &pick(predicted))
            }
        }
    }

    /// A binary model's scores, predictions and (where every row has one)
    /// labels over the rows among `rows` that have a score and a prediction,
    /// in the given order; `None` for other problem types or without scores.
    #[must_use]
    pub fn binary_rows(&self, rows: &[usize]) -> Option<BinaryRows> {
        let Self::Binary { truth, predicted, scores: Some(scores) } = self else { return None };
        let kept: Vec<usize> = rows
            .iter()
            .copied()
            .filter(|&i| i < scores.len() && !scores[i].is_nan() && predicted[i].is_some())
            .collect();
        let labels: Option<Vec<bool>> = kept.iter().map(|&i| truth[i]).collect();
        Some(BinaryRows {
            scores: kept.iter().map(|&i| scores[i]).collect(),
            predicted: kept.iter().map(|&i| predicted[i] == Some(true)).collect(),
            truth: labels,
            rows: kept,
        })
    }
}

/// A binary model's outputs over some rows, owned, for CBPE.
#[derive(Debug, Clone, PartialEq)]
pub struct BinaryRows {
    /// The table rows kept (with a score and a prediction).
    pub rows: Vec<usize>,
    /// Scores.
    pub scores: Vec<f64>,
    /// Predicted labels.
    pub predicted: Vec<bool>,
    /// Labels, when every kept row has one.
    pub truth: Option<Vec<bool>>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::{load_bytes, LoadOptions};
    use crate::model_quality::{ModelColumns, ProblemType};

    fn table(text: &str) -> crate::table::Table {
        load_bytes("t.csv", text.as_bytes(), LoadOptions::default()).unwrap().table
    }

    fn binary(score: bool) -> ModelColumns {
        ModelColumns {
            problem: ProblemType::BinaryClassification,
            label: "y".into(),
            prediction: (!score).then(|| "p".into()),
            score: Some("s".into()),
            threshold: 0.5,
            positive: None,
        }
    }

    #[test]
    fn unlabelled_rows_are_left_out_of_realised_metrics() {
        let t = table("y,p,s\n1,1,0.9\n0,1,0.6\n,0,0.2\n1,0,0.4\n");
        let columns = binary(false);
        let positive = columns.positive_in(&t).unwrap();
        assert_eq!(positive, "1");
        let outputs = columns.outputs(&t, &positive).unwrap();
        assert_eq!(outputs.labelled(&[0, 1, 2, 3]), [0, 1, 3]);
        let metrics = outputs.realized(&[0, 1, 2, 3]).unwrap();
        let get = |n: &str| metrics.iter().find(|(m, _)| *m == n).unwrap().1;
        // 3 labelled rows: tp = 1 (row 0), fp = 1 (row 1), fn = 1 (row 3).
        assert_eq!((get("accuracy"), get("precision"), get("recall")), (1.0 / 3.0, 0.5, 0.5));
        assert!(matches!(outputs.realized(&[2]), Err(ModelQualityError::Empty)));
        let cbpe = outputs.binary_rows(&[0, 2]).unwrap();
        assert_eq!((cbpe.rows, cbpe.truth), (vec![0, 2], None));
    }

    #[test]
    fn predictions_come_from_scores_when_no_prediction_column() {
        let t = table("y,s\n1,0.9\n0,0.5\n1,\n");
        let columns = binary(true);
        let outputs = columns.outputs(&t, "1").unwrap();
        let ModelOutputs::Binary { predicted, .. } = &outputs else { panic!("binary") };
        assert_eq!(predicted, &[Some(true), Some(false), None]);
    }

    #[test]
    fn a_missing_label_column_means_no_labels_yet() {
        let t = table("p,s\n1,0.9\n0,0.1\n");
        let outputs = binary(false).outputs(&t, "1").unwrap();
        assert!(outputs.labelled(&[0, 1]).is_empty());
        assert_eq!(outputs.binary_rows(&[0, 1]).unwrap().scores, [0.9, 0.1]);
    }

    #[test]
    fn bad_cells_are_named_by_column_and_row() {
        let t = table("y,p,s\n1,1,0.9\n0,0,high\n");
        let error = binary(false).outputs(&t, "1").unwrap_err();
        assert_eq!(error.to_string(), "column s row 2: \"high\" is not a number");
        let t = table("y,p,s\nyes,no,0.9\n");
        assert!(binary(false).positive_in(&t).unwrap_err().to_string().contains("name the positive one"));
        let mut no_prediction = binary(true);
        no_prediction.score = None;
        assert!(no_prediction.outputs(&t, "yes").is_err());
    }
}
