//! Why a model file (XGBoost JSON, LightGBM text) or the data given to it
//! was refused: each message says what and where, so a user can fix the file
//! or the table.

use thiserror::Error;

/// A model that cannot be read, or data it cannot read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ModelError {
    /// The file stops before the model does.
    #[error("the {format} model ends early (line {line}, column {column}): the file looks truncated")]
    Truncated {
        /// `XGBoost JSON`, `LightGBM text`.
        format: &'static str,
        /// 1-based line where reading stopped.
        line: usize,
        /// 1-based column where reading stopped.
        column: usize,
    },
    /// The file is not the format, or a field is missing or of the wrong type.
    #[error("the {format} model is malformed (line {line}, column {column}): {message}")]
    Malformed {
        /// `XGBoost JSON`, `LightGBM text`.
        format: &'static str,
        /// 1-based line of the problem (0 when unknown).
        line: usize,
        /// 1-based column of the problem (0 when unknown).
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// An objective Tideline cannot turn into margins and a link.
    #[error("unknown objective \"{objective}\": Tideline reads {supported}")]
    UnknownObjective {
        /// The objective as the file names it.
        objective: String,
        /// The objectives that are read.
        supported: &'static str,
    },
    /// A model setting Tideline does not reproduce.
    #[error("{0}")]
    Unsupported(String),
    /// A tree whose arrays disagree (lengths, child indices, features).
    #[error("tree {tree}, node {node}: {message}")]
    Inconsistent {
        /// 0-based tree index in the file.
        tree: usize,
        /// 0-based node index in the tree.
        node: usize,
        /// What disagrees.
        message: String,
    },
    /// Model-wide fields that disagree (feature names, tree classes, base score).
    #[error("the model is inconsistent: {0}")]
    Invalid(String),
    /// Data with another number of features than the model reads.
    #[error("the model reads {expected} features but the data has {found}")]
    FeatureCount {
        /// The model's features.
        expected: usize,
        /// The data's features.
        found: usize,
    },
    /// Model features without a column of that name in the table.
    #[error("the table has no column for the model features: {}", .0.join(", "))]
    MissingColumns(Vec<String>),
    /// A column whose values are not numbers.
    #[error("column \"{column}\" is {kind} (values like '{example}'); the model needs numbers")]
    NotNumeric {
        /// Column name.
        column: String,
        /// Its storage (`categorical`, `text`, `timestamp`).
        kind: &'static str,
        /// One value that is not a number.
        example: String,
    },
}

impl ModelError {
    /// A JSON parse error of `format`, truncated or malformed.
    pub(crate) fn json(format: &'static str, e: &serde_json::Error) -> Self {
        let (line, column) = (e.line(), e.column());
        if e.is_eof() {
            Self::Truncated { format, line, column }
        } else {
            // serde's own text ends with " at line L column C"; the position is ours.
            let text = e.to_string();
            let message = text.rsplit_once(" at line ").map_or(text.as_str(), |(m, _)| m).to_owned();
            Self::Malformed { format, line, column, message }
        }
    }
}
