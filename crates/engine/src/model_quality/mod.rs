//! SageMaker Model Monitor's model-quality metrics, equal to scikit-learn's
//! (spec sagemaker.md §4): regression, binary and multiclass metrics on plain
//! slices, their `standard_deviation` over seeded subsamples, and the
//! statistics, constraints and violations files.
//!
//! Choices where SageMaker's behaviour is UNCONFIRMED (spec §4):
//! - a probability becomes the positive label when `score > threshold`
//!   (strictly greater; [`labels_from_scores`]);
//! - 0/0 is 0.0 everywhere, as scikit-learn's default `zero_division="warn"`;
//! - the multiclass best constant classifier predicts the majority class
//!   ([`multiclass`]); the binary one always predicts the positive class;
//! - `standard_deviation` is the sample std (n − 1) of 5 seeded 80 %
//!   subsamples ([`subsample`]).

pub mod binary;
pub mod calibration;
pub mod constraints;
pub mod curves;
pub mod detail;
pub mod error;
pub mod fbeta;
pub mod intervals;
mod json;
pub mod labels;
mod model_columns;
mod model_outputs;
pub mod multiclass;
pub mod regression;
pub mod statistics;
mod statistics_json;
pub mod subsample;
pub mod violations;

pub use binary::{binary_metrics, BinaryCounts};
pub use calibration::{calibration_curve, CalibrationBin};
pub use constraints::{suggest_constraints, ComparisonOperator, Constraint, ModelQualityConstraints};
pub use curves::{precision_recall_curve, roc_auc, roc_curve, PrecisionRecallCurve, RocCurve};
pub use detail::{quality_detail, ClassCurves, Curve, QualityDetail};
pub use error::ModelQualityError;
pub use intervals::{metric_estimates, MetricEstimate};
pub use labels::labels_from_scores;
pub use model_columns::{ModelColumns, ModelColumnsError};
pub use model_outputs::{BinaryRows, ModelOutputs, BINARY_METRICS, MULTICLASS_METRICS, REGRESSION_METRICS};
pub use multiclass::{multiclass_metrics, ClassQuality, MulticlassCounts, MAX_CLASSES};
pub use regression::regression_metrics;

/// True when a larger value of `metric` is better (every metric but the
/// regression errors); a change the other way is an improvement, not a
/// violation.
#[must_use]
pub fn higher_is_better(metric: &str) -> bool {
    !matches!(metric, "mae" | "mse" | "rmse")
}
pub use statistics::{
    binary_statistics, multiclass_statistics, regression_statistics, BinaryStatistics, MetricValue,
    ModelQualityMetrics, ModelQualityStatistics, MulticlassStatistics, ProblemType,
};
pub use violations::{evaluate_constraints, violations_json, ModelQualityViolation};
