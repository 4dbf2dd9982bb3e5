//! Bootstrap confidence intervals for every metric of a bias run. FT's
//! resamples group d's rows (each flipped up, down or not) with the
//! neighbour model held fixed: refitting the k-nearest-neighbour search a
//! thousand times would cost a thousand flip tests.

use serde::{Deserialize, Serialize};

use super::analysis::BiasRun;
use super::bootstrap::{bootstrap_ci, bootstrap_groups_ci, BootstrapOptions, ConfidenceInterval};
use super::compute::compute;
use super::confusion::Confusion;
use super::flip_test::FlipCounts;
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
        if let Some(interval) = group.flips.as_ref().and_then(|f| flip_interval(f, options)) {
            out.push(MetricInterval {
                facet: group.facet.clone(),
                value_or_threshold: group.value_or_threshold.clone(),
                metric: Metric::FT.name().into(),
                interval,
            });
        }
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

/// FT's interval: group d's rows resampled over (up, down, unchanged).
fn flip_interval(flips: &FlipCounts, options: &BootstrapOptions) -> Option<ConfidenceInterval> {
    // One "group" whose cells are the three outcomes (the fourth is empty).
    let cells = Confusion { tp: flips.up, fp: flips.down, tn: flips.n_d.checked_sub(flips.up + flips.down)?, fn_: 0 };
    bootstrap_groups_ci(
        &[cells],
        // One group is passed, so `first` always finds it (a NaN would be skipped).
        |g| Ok(g.first().map_or(f64::NAN, |c| FlipCounts { up: c.tp, down: c.fp, n_d: c.n() }.value())),
        options,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flip_test_interval_brackets_the_value_and_is_seeded() {
        let flips = FlipCounts { up: 30, down: 10, n_d: 200 };
        let options = BootstrapOptions::default();
        let interval = flip_interval(&flips, &options).unwrap();
        assert!(interval.lower < flips.value() && flips.value() < interval.upper, "{interval:?}");
        // The binomial-style standard error of (up − down)/n_d is about 0.025: a 95 % interval spans about 0.1.
        assert!((0.06..0.14).contains(&(interval.upper - interval.lower)), "{interval:?}");
        assert_eq!(flip_interval(&flips, &options), Some(interval));
    }
}
