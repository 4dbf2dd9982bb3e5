//! Realised model quality per window, on the rows whose labels have arrived.
//! Fixed thresholds come from a Model Monitor constraints file
//! (`LessThanThreshold` is a lower bound, `GreaterThanThreshold` an upper
//! one); without one the default is the reference's variability on the
//! side where the metric gets worse.

use super::check_error::CheckError;
use super::window_check::{Side, WindowCheck};
use crate::model_quality::{higher_is_better, ComparisonOperator, ModelOutputs, ModelQualityConstraints};
use crate::timeline::series::{Observation, SeriesSpec, BOTH_SIDES};
use crate::timeline::ThresholdRule;

/// The prepared model-quality check.
pub struct ModelQualityCheck<'o> {
    reference: &'o ModelOutputs,
    current: &'o ModelOutputs,
    metrics: Vec<String>,
    series: Vec<SeriesSpec>,
}

/// A metric's theoretical range.
/// The default variability rule: mean ± 3 standard deviations on the side
/// where the metric gets worse only, so a lower MAE or a higher accuracy is
/// never called a violation. "reference" keeps NannyML's two-sided band.
fn worse_side(metric: &str) -> ThresholdRule {
    if higher_is_better(metric) {
        ThresholdRule::StandardDeviation { std_lower_multiplier: Some(3.0), std_upper_multiplier: None }
    } else {
        ThresholdRule::StandardDeviation { std_lower_multiplier: None, std_upper_multiplier: Some(3.0) }
    }
}

fn limits(metric: &str) -> (Option<f64>, Option<f64>) {
    match metric {
        "mae" | "mse" | "rmse" => (Some(0.0), None),
        "r2" => (None, Some(1.0)),
        _ => (Some(0.0), Some(1.0)),
    }
}

impl<'o> ModelQualityCheck<'o> {
    /// Follows `metrics` (empty: the problem type's defaults).
    ///
    /// # Errors
    /// A metric the problem type does not have (the message lists those it has).
    pub fn new(
        reference: &'o ModelOutputs,
        current: &'o ModelOutputs,
        metrics: &[String],
        constraints: Option<&ModelQualityConstraints>,
    ) -> Result<Self, CheckError> {
        let metrics: Vec<String> = if metrics.is_empty() {
            reference.default_metrics().into_iter().map(str::to_owned).collect()
        } else {
            metrics.to_vec()
        };
        let known: Vec<&str> = match reference.realized(&(0..reference.len()).collect::<Vec<_>>()) {
            Ok(values) => values.iter().map(|(n, _)| *n).collect(),
            Err(e) => return Err(CheckError::NoLabelledReference(e)),
        };
        if let Some(unknown) = metrics.iter().find(|m| !known.contains(&m.as_str())) {
            return Err(CheckError::UnknownMetric {
                metric: unknown.clone(),
                known: known.iter().map(|&k| k.to_owned()).collect(),
            });
        }
        let series = metrics
            .iter()
            .map(|m| {
                let default_rule = match constraints.and_then(|c| c.constraints.get(m)) {
                    Some(c) => match c.comparison_operator {
                        ComparisonOperator::LessThanThreshold => {
                            ThresholdRule::Constant { lower: Some(c.threshold), upper: None }
                        }
                        ComparisonOperator::GreaterThanThreshold => {
                            ThresholdRule::Constant { lower: None, upper: Some(c.threshold) }
                        }
                    },
                    None => worse_side(m),
                };
                let (lower, upper) = limits(m);
                SeriesSpec::new(format!("model_quality:{m}"), default_rule, BOTH_SIDES).limited(lower, upper)
            })
            .collect();
        Ok(Self { reference, current, metrics, series })
    }
}

impl WindowCheck for ModelQualityCheck<'_> {
    fn series(&self) -> &[SeriesSpec] {
        &self.series
    }

    fn observe(&self, side: Side, rows: &[usize]) -> Vec<Observation> {
        let outputs = side.pick(self.reference, self.current);
        let values = outputs.realized(rows).unwrap_or_default();
        self.metrics
            .iter()
            .map(|m| Observation::value(values.iter().find(|(n, _)| n == m).map_or(f64::NAN, |(_, v)| *v)))
            .collect()
    }
}
