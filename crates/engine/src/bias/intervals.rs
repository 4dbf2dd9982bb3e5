//! Bootstrap confidence intervals for every count-based metric of a bias
//! run (FT is left without one: it depends on the rows, not on counts).

use serde::{Deserialize, Serialize};

use super::analysis::BiasRun;
use super::bootstrap::{bootstrap_ci, BootstrapOptions, ConfidenceInterval};
use super::compute::compute;
use super::metric::Metric;

/// One metric's interval for one facet value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MetricInterval {
    /// The facet column.
    pub facet: String,
    /// The facet value or threshold range.
    pub value_or_threshold: String,
    /// The metric's short name.
    pub metric: String,
    /// The interval.
    pub interval: ConfidenceInterval,
}

/// Intervals of every metric the run reports (both stages), in report order.
#[must_use]
pub fn metric_intervals(run: &BiasRun, options: &BootstrapOptions) -> Vec<MetricInterval> {
    let mut names: Vec<Metric> = Vec::new();
    for stage in
        [&run.analysis.pre_training_bias_metrics, &run.analysis.post_training_bias_metrics].into_iter().flatten()
    {
        for reports in stage.facets.values() {
            for m in reports.iter().flat_map(|r| &r.metrics) {
                if let Some(metric) = Metric::parse(&m.name).filter(|x| *x != Metric::FT && !names.contains(x)) {
                    names.push(metric);
                }
            }
        }
    }
    let mut out = Vec::new();
    for group in &run.groups {
        let Ok(counts) = &group.counts else { continue };
        for &metric in &names {
            if compute(metric, counts).is_err() {
                continue;
            }
            if let Some(interval) = bootstrap_ci(counts, |c| compute(metric, c), options) {
                out.push(MetricInterval {
                    facet: group.facet.clone(),
                    value_or_threshold: group.value_or_threshold.clone(),
                    metric: metric.name().into(),
                    interval,
                });
            }
        }
    }
    out
}
