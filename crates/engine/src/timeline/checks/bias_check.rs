//! Bias metrics per window, judged as Model Monitor's bias-drift monitor
//! judges them: a window fails a metric when it is farther from "no bias"
//! than the baseline (|v|, or |ln DI| for DI, with the same rounding
//! allowance as [`crate::bias::bias_drift`]).
//!
//! Facet values are matched across windows by their text, except threshold
//! intervals, whose printed upper end is each window's own maximum
//! (`"(40, 90]"` vs `"(40, 87]"`): they are matched by their lower end.

use super::check_error::CheckError;
use super::window_check::{Side, WindowCheck};
use crate::bias::{distance_from_ideal, run_bias, Analysis, AnalysisConfig, Metric, ROUNDING};
use crate::table::{take_window, Column, Table};
use crate::timeline::series::{Observation, SeriesSpec, BOTH_SIDES};
use crate::timeline::ThresholdRule;

/// One followed metric: where to find it in an analysis.
struct Key {
    post_training: bool,
    facet: String,
    value: String,
    metric: String,
}

/// The prepared bias check.
pub struct BiasCheck<'t> {
    reference: &'t Table,
    current: &'t Table,
    config: &'t AnalysisConfig,
    keys: Vec<Key>,
    series: Vec<SeriesSpec>,
}

/// The facet value's matching key: an interval's lower end, else the text.
fn value_key(text: &str) -> &str {
    if text.starts_with('(') && text.ends_with(']') {
        text.split(',').next().unwrap_or(text)
    } else {
        text
    }
}

/// Every finite metric of `analysis` with its key and value.
fn metrics(analysis: &Analysis) -> Vec<(Key, f64)> {
    let stages = [(false, &analysis.pre_training_bias_metrics), (true, &analysis.post_training_bias_metrics)];
    let mut out = Vec::new();
    for (post_training, stage) in stages {
        let Some(stage) = stage else { continue };
        for (facet, values) in &stage.facets {
            for value in values {
                for metric in &value.metrics {
                    let Some(v) = metric.value.filter(|v| v.is_finite()) else { continue };
                    let key = Key {
                        post_training,
                        facet: facet.clone(),
                        value: value.value_or_threshold.clone(),
                        metric: metric.name.clone(),
                    };
                    out.push((key, v));
                }
            }
        }
    }
    out
}

/// The band of values no farther from no bias than `baseline`.
fn band(metric: &str, baseline: f64) -> ThresholdRule {
    let d = distance_from_ideal(metric, baseline);
    let d = d + ROUNDING * d.max(1.0);
    if metric == Metric::DI.name() {
        ThresholdRule::Constant { lower: Some((-d).exp()), upper: Some(d.exp()) }
    } else {
        ThresholdRule::Constant { lower: Some(-d), upper: Some(d) }
    }
}

impl<'t> BiasCheck<'t> {
    /// Runs the analysis on the whole reference; every finite metric becomes a series.
    ///
    /// # Errors
    /// The analysis fails on the reference.
    pub fn new(reference: &'t Table, current: &'t Table, config: &'t AnalysisConfig) -> Result<Self, CheckError> {
        let baseline = run_bias(reference, config)?.analysis;
        let (keys, series) = metrics(&baseline)
            .into_iter()
            .map(|(key, v)| {
                let name = format!("bias:{}={}:{}", key.facet, key.value, key.metric);
                let spec = SeriesSpec::new(name, band(&key.metric, v), BOTH_SIDES);
                (key, spec)
            })
            .unzip();
        Ok(Self { reference, current, config, keys, series })
    }
}

impl WindowCheck for BiasCheck<'_> {
    fn series(&self) -> &[SeriesSpec] {
        &self.series
    }

    fn observe(&self, side: Side, rows: &[usize]) -> Vec<Observation> {
        let table = side.pick(self.reference, self.current);
        let found = if rows.is_empty() {
            Vec::new()
        } else {
            let columns: Vec<&Column> = table.columns.iter().collect();
            run_bias(&take_window(table, &columns, rows), self.config)
                .map(|run| metrics(&run.analysis))
                .unwrap_or_default()
        };
        self.keys
            .iter()
            .map(|k| {
                let hit = found.iter().find(|(f, _)| {
                    f.post_training == k.post_training
                        && f.facet == k.facet
                        && f.metric == k.metric
                        && value_key(&f.value) == value_key(&k.value)
                });
                Observation::value(hit.map_or(f64::NAN, |(_, v)| *v))
            })
            .collect()
    }
}
