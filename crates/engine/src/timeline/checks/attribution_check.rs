//! Feature-attribution drift per window (Model Monitor's NDCG rule): the
//! window's global attributions against the whole baseline's, one series per
//! model output, failing below the threshold (0.90 by default).

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::check_error::CheckError;
use super::window_check::{Side, WindowCheck};
use crate::explain::{
    aggregate, by_label, feature_matrix, ndcg, ExplainConfig, Explainer, FeatureMatrix, LabelAttributions, LoadedModel,
    DEFAULT_NDCG_THRESHOLD,
};
use crate::progress::NoProgress;
use crate::table::Table;
use crate::timeline::series::{Observation, SeriesSpec};
use crate::timeline::ThresholdRule;

/// How attributions are computed and judged in a timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AttributionCheckConfig {
    /// A window fails when its NDCG is below this (Model Monitor's 0.90).
    pub threshold: f64,
    /// Method, aggregation and their settings.
    pub explain: ExplainConfig,
}

impl Default for AttributionCheckConfig {
    fn default() -> Self {
        Self { threshold: DEFAULT_NDCG_THRESHOLD, explain: ExplainConfig::default() }
    }
}

/// The prepared attribution check.
pub struct AttributionCheck<'t> {
    explainer: Explainer<'t>,
    config: &'t AttributionCheckConfig,
    reference: FeatureMatrix,
    current: FeatureMatrix,
    baseline: LabelAttributions,
    series: Vec<SeriesSpec>,
}

impl<'t> AttributionCheck<'t> {
    /// Explains the whole reference once: its global attributions are the
    /// baseline every window is ranked against.
    ///
    /// # Errors
    /// A model feature missing from either side, settings that do not fit
    /// the model, or attributions that cannot be computed. `label` names a
    /// single output's series.
    pub fn new(
        reference: &Table,
        current: &Table,
        model: &'t LoadedModel,
        config: &'t AttributionCheckConfig,
        label: Option<&str>,
    ) -> Result<Self, CheckError> {
        let features = model.feature_names();
        let matrix = |table: &Table, side: &'static str| {
            feature_matrix(table, features).map(|m| m.matrix).map_err(|source| CheckError::Features { side, source })
        };
        let (reference, current) = (matrix(reference, "reference")?, matrix(current, "current")?);
        let explainer = Explainer::for_data(model, &config.explain, None, &reference)?;
        let all: Vec<usize> = (0..reference.n_rows).collect();
        let mut baseline = global(&explainer, config, &reference, &all)?.ok_or(CheckError::NoRowsToExplain)?;
        // One output explains the label: its series is named after the
        // label column ("outcome"), not Clarify's default "label0".
        let name = label.filter(|_| baseline.len() == 1).map(str::to_owned);
        if let (Some(name), Some((_, values))) = (&name, baseline.pop()) {
            baseline.insert(name.clone(), values);
        }
        let series = baseline
            .keys()
            .map(|label| {
                let fixed = ThresholdRule::Constant { lower: Some(config.threshold), upper: None };
                let variability =
                    ThresholdRule::StandardDeviation { std_lower_multiplier: Some(3.0), std_upper_multiplier: None };
                SeriesSpec::new(format!("attribution:{label}:ndcg"), fixed, variability).limited(Some(0.0), Some(1.0))
            })
            .collect();
        Ok(Self { explainer, config, reference, current, baseline, series })
    }
}

/// Global attributions by label of `rows` of `x` (`None` for no rows).
fn global(
    explainer: &Explainer<'_>,
    config: &AttributionCheckConfig,
    x: &FeatureMatrix,
    rows: &[usize],
) -> Result<Option<LabelAttributions>, CheckError> {
    if rows.is_empty() {
        return Ok(None);
    }
    let part = x.take(rows);
    let local = explainer.explain_rows(&part, 0..part.n_rows, &mut NoProgress)?;
    let global = aggregate(&local, config.explain.agg)?;
    Ok(Some(by_label(&global, None)?))
}

impl WindowCheck for AttributionCheck<'_> {
    fn series(&self) -> &[SeriesSpec] {
        &self.series
    }

    fn observe(&self, side: Side, rows: &[usize]) -> Vec<Observation> {
        let x = side.pick(&self.reference, &self.current);
        let current = global(&self.explainer, self.config, x, rows).ok().flatten();
        // Windows are keyed label0, label1, …: matched by position.
        self.baseline
            .values()
            .enumerate()
            .map(|(k, baseline)| {
                let value = current
                    .as_ref()
                    .and_then(|c| c.get_index(k).map(|(_, v)| v))
                    .and_then(|c: &IndexMap<String, f64>| ndcg(baseline, c).ok())
                    .unwrap_or(f64::NAN);
                Observation::value(value)
            })
            .collect()
    }
}
