//! Bias metrics per window, judged by the reference's variability (mean ± 3
//! standard deviations over reference chunks of the window's size), as the
//! other timeline checks are. Model Monitor's whole-dataset rule ("no
//! farther from no bias than the baseline", [`crate::bias::bias_drift`])
//! does not transfer to windows: a window of a hundred rows is farther than
//! a 5,000-row baseline by chance alone (74 % of the gradual-drift
//! scenario's bias cells failed it, 1.6 % fail this band).
//!
//! Facet values are matched across windows by their text, except threshold
//! intervals, whose printed upper end is each window's own maximum
//! (`"(40, 90]"` vs `"(40, 87]"`): they are matched by their lower end.

use super::bias_config::MAX_FACET_GROUPS;
use super::check_error::CheckError;
use super::window_check::{Side, WindowCheck};
use crate::bias::{run_bias, Analysis, AnalysisConfig, Metric};
use crate::table::{take_window, Column, Table};
use crate::timeline::series::{Observation, SeriesSpec, BOTH_SIDES};

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

/// The facet values followed: every one, unless a facet has more than
/// [`MAX_FACET_GROUPS`]; then its largest groups (smallest class imbalance
/// CI, in the analysis' order where CI was not asked for), with a note
/// naming what was left out, so a facet of a hundred countries cannot make
/// a thousand series.
fn followed_values(found: &[(Key, f64)]) -> (Vec<(String, String)>, Vec<String>) {
    let mut facets: Vec<(&str, Vec<(&str, f64)>)> = Vec::new();
    for (key, v) in found {
        let i = match facets.iter().position(|(f, _)| *f == key.facet) {
            Some(i) => i,
            None => {
                facets.push((&key.facet, Vec::new()));
                facets.len() - 1
            }
        };
        let values = &mut facets[i].1;
        let ci = if key.metric == Metric::CI.name() { *v } else { f64::INFINITY };
        match values.iter_mut().find(|(value, _)| *value == key.value) {
            Some((_, best)) => *best = best.min(ci),
            None => values.push((&key.value, ci)),
        }
    }
    let (mut kept, mut notes) = (Vec::new(), Vec::new());
    for (facet, mut values) in facets {
        if values.len() > MAX_FACET_GROUPS {
            notes.push(format!(
                "bias: facet {facet} has {} values; the {MAX_FACET_GROUPS} largest groups are followed (a configuration file can name others)",
                values.len()
            ));
            values.sort_by(|a, b| a.1.total_cmp(&b.1));
            values.truncate(MAX_FACET_GROUPS);
        }
        kept.extend(values.into_iter().map(|(value, _)| (facet.to_owned(), value.to_owned())));
    }
    (kept, notes)
}

impl<'t> BiasCheck<'t> {
    /// Runs the analysis on the whole reference; every finite metric of the
    /// followed facet values becomes a series. The notes say which facet
    /// values were left out.
    ///
    /// # Errors
    /// The analysis fails on the reference.
    pub fn new(
        reference: &'t Table,
        current: &'t Table,
        config: &'t AnalysisConfig,
    ) -> Result<(Self, Vec<String>), CheckError> {
        let found = metrics(&run_bias(reference, config)?.analysis);
        let (kept, notes) = followed_values(&found);
        let (keys, series) = found
            .into_iter()
            .filter(|(key, _)| kept.iter().any(|(f, v)| *f == key.facet && *v == key.value))
            .map(|(key, _)| {
                let name = format!("bias:{}={}:{}", key.facet, key.value, key.metric);
                (key, SeriesSpec::new(name, BOTH_SIDES, BOTH_SIDES))
            })
            .unzip();
        Ok((Self { reference, current, config, keys, series }, notes))
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
