//! SageMaker Model Monitor's data-quality monitor: profiles written as
//! `statistics.json`, constraints suggested from a baseline (Deequ's rules),
//! and the six violation checks written as `constraint_violations.json`
//! (spec §2 and §3).
//!
//! A baseline is profiled ([`profile_table`], or [`Profiler`] chunk by chunk),
//! written as [`Statistics`], turned into [`Constraints`] by
//! [`suggest_constraints`], and a current dataset's profile is checked
//! against both by [`evaluate`]. Numeric distributions are Deequ's KLL
//! sketch ([`KllSketch`]) reproduced item for item, so a `statistics.json`
//! written by SageMaker can serve as the baseline.

mod baseline_table;
mod checks;
mod chi_square_deequ;
mod constraints_json;
mod dataset_profile;
mod error;
mod exact_sum;
mod json_count;
mod kll;
mod kll_buckets;
mod linf_distance;
mod numeric_summary;
mod profile;
mod statistics_json;
mod suggest;
mod value_counts;
mod violations_json;

pub use baseline_table::baseline_table;
pub use checks::{evaluate, evaluate_with, CheckResult, CheckType, DataQualityReport, TypeRule};
pub use chi_square_deequ::{chi_square_drift, regroup_categories, ChiSquareOutcome};
pub use constraints_json::{
    CategoricalDriftMethod, ComparisonMethod, Constraints, DistributionConstraints, FeatureConstraints,
    MonitoringConfig, MonitoringConfigOverrides, NumConstraints, StringConstraints, Toggle,
};
pub use dataset_profile::{profile_table, DatasetProfile, Profiler};
pub use error::{DataQualityError, MAX_REBUILT_CELLS};
pub use exact_sum::ExactSum;
pub use kll::{kll_capacity, KllSketch, DEFAULT_SHRINKING_FACTOR, DEFAULT_SKETCH_SIZE};
pub use kll_buckets::{kll_buckets, KllBucket, KLL_BUCKETS};
pub use linf_distance::{categorical_linf, numeric_linf, robust_linf, DEFAULT_C_ALPHA};
pub use numeric_summary::NumericSummary;
pub use profile::FeatureProfile;
pub use statistics_json::{
    CategoricalBucket, CategoricalBuckets, CategoricalDistribution, CommonStatistics, DatasetStatistics,
    FeatureStatistics, InferredType, KllJson, KllParameters, KllSketchJson, NumericDistribution, NumericalStatistics,
    Statistics, StringStatistics, MAX_CATEGORICAL_BUCKETS,
};
pub use suggest::{completeness_lower_bound, suggest_constraints};
pub use value_counts::{ValueCounts, MAX_TRACKED_NUMBERS};
pub use violations_json::{ConstraintViolations, Violation};
