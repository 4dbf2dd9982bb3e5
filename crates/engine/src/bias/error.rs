//! The one error type of [`crate::bias`].
//!
//! Where smclarify 0.5 (or the numpy, pandas or scikit-learn call it makes)
//! refuses an input, the message is its own, word for word: Clarify's
//! `analysis.json` reports a failed metric with that text, and the reference
//! fixtures compare it. Tideline's own messages (missing columns, a config
//! that asks for nothing) are lowercase and say where.

use super::fairness::FairnessError;

/// Why a bias metric, a facet split or a whole bias analysis failed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum BiasError {
    /// Group d (the facet) or group a (the rest) has no row, in the words
    /// smclarify uses for the metric that found it ("Facet set is empty",
    /// "DCO: Negated Facet set is empty", "CI: facet set is empty. Check
    /// that x\[facet\] has non-zero length.", ...).
    #[error("{0}")]
    EmptyGroup(&'static str),
    /// GE of a table without rows (smclarify's wording).
    #[error("dataset must be non-empty")]
    EmptyDataset,
    /// GE when every prediction is a false negative (smclarify's wording).
    #[error(
        "All predicted labels are false negatives. There should be at least one prediction that is not false negative."
    )]
    AllFalseNegatives,
    /// CDDL or CDDPL without a group variable (smclarify's wording).
    #[error("Group variable is empty or not provided")]
    NoGroupVariable,
    /// CDDL or CDDPL with no accepted row (smclarify's wording).
    #[error("No positive labels in set")]
    NoPositiveOutcome,
    /// CDDL or CDDPL with no rejected row (smclarify's wording).
    #[error("No negative labels in set")]
    NoNegativeOutcome,
    /// KL, JS, LP, TVD or KS when no label value has a share in both groups
    /// (smclarify's wording).
    #[error("No instance of common facet found, dataset may be too small")]
    NoCommonFacet,
    /// FT asked of counts: it needs the rows (see [`super::flip_test()`]).
    #[error("FT is computed from the rows, not from counts")]
    FlipTestNeedsRows,
    /// FT reported by an analysis that did not compute it.
    #[error("FT was not asked for")]
    FlipTestNotAsked,
    /// FT's inputs of different lengths.
    #[error(
        "flip test: the facet has {rows} rows but the predicted labels have {predicted} and the feature columns {features:?}"
    )]
    FlipTestLengths {
        /// Rows of the facet mask.
        rows: usize,
        /// Rows of the predicted labels.
        predicted: usize,
        /// Rows of each feature column.
        features: Vec<usize>,
    },
    /// FT without a feature column (scikit-learn's wording).
    #[error(
        "Found array with 0 feature(s) (shape=({rows}, 0)) while a minimum of 1 is required by KNeighborsClassifier."
    )]
    NoFeatures {
        /// Rows of group a, the training rows.
        rows: usize,
    },
    /// FT with a missing feature value (scikit-learn's wording).
    #[error("Input X contains NaN.")]
    FeatureNan,
    /// FT with an infinite feature value (scikit-learn's wording).
    #[error("Input X contains infinity or a value too large for dtype('float64').")]
    FeatureInfinite,
    /// FT with a feature column that is neither numeric nor boolean
    /// (smclarify's wording, [`super::NON_NUMERIC_FEATURES`]).
    #[error("{}", super::flip_test::NON_NUMERIC_FEATURES)]
    NonNumericFeatures,
    /// A continuous split without a threshold (smclarify's wording).
    #[error("Threshold values must be provided for continuous features")]
    NoThreshold,
    /// A continuous split whose threshold is a string that is not a number
    /// (smclarify's wording).
    #[error("Facet/label value provided must be a single numeric threshold for continuous data")]
    ThresholdNotNumeric,
    /// A value that `float()` refuses, met converting values to an int
    /// column (numpy's wording, the value as given).
    #[error("could not convert string to float: '{0}'")]
    NotAFloat(String),
    /// Values that cannot be converted to a float column (smclarify's
    /// wording, its missing space included).
    #[error(
        "'label' has not positive elements. Double-check if 'label' and 'positive_label_values'have correct data-types or values."
    )]
    NoPositiveElements,
    /// The predicted-label column splits by another data type than the
    /// label (smclarify's wording).
    #[error("Predicted Label Column series datatype is not the same as Label Column series")]
    PredictedDataType,
    /// Predicted labels with a missing or infinite value cast to an int
    /// label (pandas' wording).
    #[error("Cannot convert non-finite values (NA or inf) to integer")]
    NonFiniteToInteger,
    /// No predicted label is positive (smclarify's wording).
    #[error(
        "No Label values are present in the predicted Label Column,Positive Predicted Index Series contains all False values"
    )]
    NoPredictedPositive,
    /// A group variable of strings with a missing value, which `np.unique`
    /// cannot sort (Python's wording).
    #[error("'<' not supported between instances of 'float' and 'str'")]
    UnorderedGroupVariable,
    /// A column the config names that the table lacks.
    #[error("{role} column {reference} is not present in the dataset")]
    MissingColumn {
        /// `Label`, `Facet`, `Predicted label`, `Predicted score` or `Group variable`.
        role: &'static str,
        /// The name or index as the config gives it.
        reference: String,
    },
    /// A predicted-score cell that is not a number.
    #[error("predicted score column '{column}' is not numeric (row {row}: {value:?})")]
    ScoreNotNumeric {
        /// The score column.
        column: String,
        /// 1-based data row.
        row: usize,
        /// The cell as read.
        value: String,
    },
    /// No score exceeds the probability threshold.
    #[error("No score in '{column}' exceeds the probability threshold {threshold}: no row is predicted positive")]
    NoScoreAboveThreshold {
        /// The score column.
        column: String,
        /// The probability threshold.
        threshold: f64,
    },
    /// The config names no label column.
    #[error("the config names no label column")]
    NoLabel,
    /// The config gives no positive label value (smclarify's wording).
    #[error("Positive label values or thresholds are empty for Label column")]
    NoLabelValues,
    /// Post-training metrics without predictions (smclarify's wording).
    #[error("predicted_label_column has to be provided for Post training metrics")]
    NoPredictions,
    /// The config asks for neither stage.
    #[error("the config asks for no bias metric (methods.pre_training_bias or methods.post_training_bias)")]
    NoMetrics,
    /// The config names no facet.
    #[error("the config names no facet")]
    NoFacet,
    /// A metric name smclarify does not know (its wording, which lists the
    /// stage's metrics and not the name).
    #[error("Invalid metric_name: metrics should be one of the registered metrics[{registered}]")]
    UnknownMetric {
        /// The name as the config gives it.
        name: String,
        /// The stage's metrics, quoted and comma-separated, in smclarify's order.
        registered: String,
    },
    /// An `analysis_config.json` that does not parse.
    #[error("not a valid analysis_config.json: {0}")]
    ConfigJson(String),
    /// An `analysis.json` that does not parse.
    #[error("not a Clarify analysis.json: {0}")]
    AnalysisJson(String),
    /// The fairness groups could not be formed.
    #[error(transparent)]
    Fairness(#[from] FairnessError),
    /// A facet with more values than are analysed one against the rest.
    #[error(
        "the facet has {values} distinct values; with no facet values named, each is analysed against the rest, \
         for at most {limit} (name the sensitive values, or give a threshold)"
    )]
    TooManyFacetValues {
        /// Distinct values in the facet column.
        values: usize,
        /// The most analysed.
        limit: usize,
    },
    /// An error met in one column: smclarify's wording, then where.
    #[error("{source} (column '{column}', the {role})")]
    InColumn {
        /// The column's name.
        column: String,
        /// What the column is to the analysis: label, predicted label, facet.
        role: &'static str,
        /// The error, in smclarify's words.
        source: Box<BiasError>,
    },
}

impl BiasError {
    /// This error, placed in `column` (its `role` to the analysis).
    #[must_use]
    pub fn in_column(self, column: &str, role: &'static str) -> Self {
        match self {
            placed @ Self::InColumn { .. } => placed,
            other => Self::InColumn { column: column.to_owned(), role, source: Box::new(other) },
        }
    }

    /// The message smclarify gives, without the place Tideline adds (what
    /// the reference fixtures compare).
    #[must_use]
    pub fn reference_message(&self) -> String {
        match self {
            Self::InColumn { source, .. } => source.to_string(),
            other => other.to_string(),
        }
    }
}
