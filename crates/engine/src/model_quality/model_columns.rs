//! Which columns of a table hold a model's ground truth, predictions and
//! scores, and how to read them row by row ([`ModelOutputs`]).
//!
//! Labels often arrive late: a table without the label column, or with
//! empty label cells, still yields predictions and scores, and realised
//! metrics are computed on the labelled rows only.

use serde::{Deserialize, Serialize};

use super::error::ModelQualityError;
use super::model_outputs::ModelOutputs;
use super::statistics::ProblemType;
use crate::table::{Column, Table};

/// The model's columns in a table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelColumns {
    /// Binary, multiclass or regression.
    pub problem: ProblemType,
    /// The ground-truth column.
    pub label: String,
    /// The predicted label (or value) column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prediction: Option<String>,
    /// The predicted probability of the positive class (binary).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<String>,
    /// A score above this is a positive prediction when no prediction column is given.
    #[serde(default = "default_threshold")]
    pub threshold: f64,
    /// The positive label (binary); by default 1 or true when the values are 0/1 or booleans.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub positive: Option<String>,
}

fn default_threshold() -> f64 {
    0.5
}

impl Default for ModelColumns {
    /// A binary classifier with no column named yet, cut-off 0.5.
    fn default() -> Self {
        Self {
            problem: ProblemType::BinaryClassification,
            label: String::new(),
            prediction: None,
            score: None,
            threshold: default_threshold(),
            positive: None,
        }
    }
}

/// Why a table's model columns cannot be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ModelColumnsError {
    /// A named column is not in the table.
    #[error("the data has no column {0}")]
    MissingColumn(String),
    /// A value that must be a number is not.
    #[error("column {column} row {row}: {value:?} is not a number")]
    NotANumber {
        /// The column.
        column: String,
        /// The 1-based row.
        row: usize,
        /// The cell as read.
        value: String,
    },
    /// The columns do not fit the problem type.
    #[error("{0}")]
    Unusable(String),
    /// The metrics refused the values.
    #[error(transparent)]
    Quality(#[from] ModelQualityError),
}

impl ModelColumns {
    /// The columns this description names, label first.
    #[must_use]
    pub fn names(&self) -> Vec<&str> {
        [Some(self.label.as_str()), self.prediction.as_deref(), self.score.as_deref()].into_iter().flatten().collect()
    }

    /// The positive label: the configured one, else `1` / `true` when the
    /// labels and predictions found in `table` are 0/1 or booleans; empty
    /// for multiclass and regression problems, which have none.
    ///
    /// # Errors
    /// [`ModelColumnsError::Unusable`] when the values are something else.
    pub fn positive_in(&self, table: &Table) -> Result<String, ModelColumnsError> {
        if let Some(p) = &self.positive {
            return Ok(p.clone());
        }
        // Only a binary classifier has a positive class.
        if self.problem != ProblemType::BinaryClassification {
            return Ok(String::new());
        }
        let mut distinct: Vec<String> = [Some(self.label.as_str()), self.prediction.as_deref()]
            .into_iter()
            .flatten()
            .filter_map(|name| table.column(name))
            .flat_map(|c| (0..table.n_rows).filter_map(|i| c.data.category_key(i)))
            .collect();
        distinct.sort_unstable();
        distinct.dedup();
        for (negative, positive) in [("0", "1"), ("false", "true")] {
            if distinct.iter().all(|v| v == negative || v == positive) {
                return Ok(positive.to_owned());
            }
        }
        distinct.truncate(10);
        Err(ModelColumnsError::Unusable(format!(
            "the label {} has values {distinct:?}: name the positive one",
            self.label
        )))
    }

    /// Reads every row's outputs. A missing label column gives unlabelled
    /// rows; a missing prediction (and score) column is an error.
    ///
    /// # Errors
    /// A named prediction or score column is absent, a score or a
    /// regression value is not a number, or the columns do not fit the
    /// problem type.
    pub fn outputs(&self, table: &Table, positive: &str) -> Result<ModelOutputs, ModelColumnsError> {
        let find = |name: &str| table.column(name).ok_or_else(|| ModelColumnsError::MissingColumn(name.to_owned()));
        let label = table.column(&self.label);
        let prediction = self.prediction.as_deref().map(find).transpose()?;
        let score = self.score.as_deref().map(find).transpose()?;
        let n = table.n_rows;
        match self.problem {
            ProblemType::BinaryClassification => {
                let is_positive = |c: &Column| -> Vec<Option<bool>> {
                    (0..n).map(|i| c.data.category_key(i).map(|v| v == positive)).collect()
                };
                let scores = score.map(|s| numbers(s, n)).transpose()?;
                let predicted = match (prediction, &scores) {
                    (Some(p), _) => is_positive(p),
                    (None, Some(s)) => scores_to_labels(s, self.threshold),
                    (None, None) => {
                        return Err(ModelColumnsError::Unusable(
                            "a binary model needs a prediction or a score column".into(),
                        ))
                    }
                };
                let truth = label.map_or_else(|| vec![None; n], is_positive);
                Ok(ModelOutputs::Binary { truth, predicted, scores })
            }
            ProblemType::MulticlassClassification => {
                let p = prediction.ok_or_else(|| {
                    ModelColumnsError::Unusable("a multiclass model needs a prediction column".into())
                })?;
                let keys = |c: &Column| (0..n).map(|i| c.data.category_key(i)).collect();
                let truth = label.map_or_else(|| vec![None; n], keys);
                Ok(ModelOutputs::Multiclass { truth, predicted: keys(p) })
            }
            ProblemType::Regression => {
                let p = prediction.ok_or_else(|| {
                    ModelColumnsError::Unusable("a regression model needs a prediction column".into())
                })?;
                let truth = label.map(|l| numbers(l, n)).transpose()?.unwrap_or_else(|| vec![f64::NAN; n]);
                Ok(ModelOutputs::Regression { truth, predicted: numbers(p, n)? })
            }
        }
    }
}

/// A column's values as finite numbers, NaN where missing.
pub(super) fn numbers(column: &Column, n: usize) -> Result<Vec<f64>, ModelColumnsError> {
    (0..n)
        .map(|i| match column.data.category_key(i) {
            None => Ok(f64::NAN),
            Some(text) => text
                .parse::<f64>()
                .ok()
                .filter(|x| x.is_finite())
                .ok_or_else(|| ModelColumnsError::NotANumber { column: column.name.clone(), row: i + 1, value: text }),
        })
        .collect()
}

/// Scores above `threshold` are positive (as [`super::labels_from_scores`]);
/// missing scores give no prediction.
fn scores_to_labels(scores: &[f64], threshold: f64) -> Vec<Option<bool>> {
    scores.iter().map(|&s| (!s.is_nan()).then_some(s > threshold)).collect()
}
