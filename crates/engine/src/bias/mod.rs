//! Bias: SageMaker Clarify's pre- and post-training metrics with exactly
//! smclarify 0.5's numbers, Clarify's config and report files, bias drift,
//! and the fairness metrics Clarify lacks (AIF360, Fairlearn).
//!
//! Every metric but the flip test is a function of [`FacetCounts`]: one pass
//! over the rows counts them, so metrics, bootstrap intervals and live
//! threshold changes cost almost nothing after it.

mod analysis;
mod bootstrap;
mod compute;
mod conditional_disparity;
mod config;
mod confusion;
mod counting;
mod datatype;
mod divide;
mod drift_check;
mod error;
pub mod fairness;
mod fairness_run;
mod flip_test;
mod ft_features;
mod interval;
mod intervals;
mod kd_tree;
mod knn_classifier;
mod label_distribution;
mod metric;
mod metrics;
mod multinomial;
mod neighbour_heap;
mod nth_element;
mod py_value;
mod report;
mod series;
mod split;
mod strata;
mod warnings;

pub use analysis::{run_bias, BiasRun, GroupCounts, MAX_FACET_VALUES};
pub(crate) use bootstrap::quantile;
pub use bootstrap::{bootstrap_ci, bootstrap_groups_ci, BootstrapOptions, ConfidenceInterval};
pub use compute::compute;
pub use config::{AnalysisConfig, ColumnRef, FacetConfig, MethodSelection, Methods, StageMethods};
pub use confusion::{Confusion, FacetCounts};
pub use counting::count_facet;
pub use datatype::{series_datatype, DataType, UNIQUENESS_THRESHOLD};
pub use divide::divide;
pub use drift_check::{
    bias_drift, bias_violations, distance_from_ideal, judge_beyond_noise, BiasDriftCheck, BiasViolation,
    BiasViolations, ROUNDING,
};
pub use error::BiasError;
pub use fairness_run::fairness_for_config;
pub use flip_test::{flip_counts, flip_test, FlipCounts, NON_NUMERIC_FEATURES};
pub use intervals::{metric_intervals, MetricInterval};
pub use metric::{Metric, MetricInfo, Stage};
pub use py_value::PyValue;
pub use report::{Analysis, Concern, FacetReport, MetricResult, StageReport};
pub use series::{Dtype, Elem, Series};
pub use split::{split, Split};
pub use strata::Strata;
pub use warnings::SMALL_GROUP;
