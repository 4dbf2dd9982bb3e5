//! Performance estimated without labels (NannyML's CBPE) per window, for a
//! binary classifier with scores. Series are named after Model Monitor's
//! metrics (`estimated_performance:auc` beside `model_quality:auc`) so the
//! estimate and the realised value line up; the default bounds are
//! NannyML's, from the realised values on the reference chunks. Scores are
//! calibrated when NannyML's check says calibration helps.

use super::check_error::CheckError;
use super::window_check::{Side, WindowCheck};
use crate::estimation::{BinaryOutputs, Calibration, CalibrationReason, Cbpe, CbpeMetric};
use crate::model_quality::ModelOutputs;
use crate::timeline::series::{Observation, SeriesSpec, BOTH_SIDES};
use crate::timeline::Threshold;

/// The prepared estimation check.
pub struct EstimationCheck<'o> {
    reference: &'o ModelOutputs,
    current: &'o ModelOutputs,
    cbpe: Cbpe,
    series: Vec<SeriesSpec>,
}

/// Model Monitor's name for a CBPE metric.
fn monitor_name(metric: CbpeMetric) -> &'static str {
    match metric {
        CbpeMetric::RocAuc => "auc",
        other => other.name(),
    }
}

impl<'o> EstimationCheck<'o> {
    /// Fits CBPE on the labelled reference, its thresholds on
    /// `reference_chunks`; also returns how the calibration was decided.
    ///
    /// # Errors
    /// No scores, a reference row without a label, too few rows for the
    /// calibration check, or a fit that fails.
    pub fn new(
        reference: &'o ModelOutputs,
        current: &'o ModelOutputs,
        reference_chunks: &[Vec<usize>],
    ) -> Result<(Self, String), CheckError> {
        let rows: Vec<usize> = reference_chunks.iter().flatten().copied().collect();
        let whole = reference.binary_rows(&rows).ok_or(CheckError::NotBinaryWithScores)?;
        let truth = whole.truth.as_deref().ok_or(CheckError::UnlabelledReference)?;
        let outputs = BinaryOutputs::new(&whole.scores, &whole.predicted, Some(truth))?;
        let (calibration, check) = Calibration::decide(truth, &whole.scores)?;
        let note = match (check.reason, check.ece_before, check.ece_after) {
            (CalibrationReason::Ece, Some(before), Some(after)) => format!(
                "estimated_performance: scores {} (expected calibration error {before:.4} raw, {after:.4} calibrated)",
                if check.needed { "calibrated" } else { "used as they are" }
            ),
            (CalibrationReason::SingleClass, ..) => {
                "estimated_performance: scores used as they are (one class in the reference labels)".to_owned()
            }
            _ => "estimated_performance: scores used as they are (reference ROC AUC above 0.999)".to_owned(),
        };
        // Chunks as ranges of the concatenated rows (rows without a score are left out).
        let mut ranges = Vec::with_capacity(reference_chunks.len());
        let mut start = 0;
        for chunk in reference_chunks {
            let kept = reference.binary_rows(chunk).map_or(0, |r| r.rows.len());
            ranges.push(start..start + kept);
            start += kept;
        }
        let cbpe = Cbpe::fit(&outputs, &ranges, &CbpeMetric::ALL, calibration)?;
        let empty = outputs.slice(0..0)?;
        let estimate = cbpe.estimate_chunk(&empty)?;
        let series = estimate
            .metrics
            .iter()
            .map(|m| {
                let mut spec = SeriesSpec::new(
                    format!("estimated_performance:{}", monitor_name(m.metric)),
                    BOTH_SIDES,
                    BOTH_SIDES,
                )
                .limited(Some(0.0), Some(1.0));
                spec.default_threshold = Some(Threshold { lower: m.thresholds.lower, upper: m.thresholds.upper });
                spec
            })
            .collect();
        Ok((Self { reference, current, cbpe, series }, note))
    }
}

impl WindowCheck for EstimationCheck<'_> {
    fn series(&self) -> &[SeriesSpec] {
        &self.series
    }

    fn observe(&self, side: Side, rows: &[usize]) -> Vec<Observation> {
        let outputs = side.pick(self.reference, self.current);
        let missing = || vec![Observation::missing(); self.series.len()];
        let Some(chunk) = outputs.binary_rows(rows).filter(|c| !c.rows.is_empty()) else { return missing() };
        let Ok(outputs) = BinaryOutputs::new(&chunk.scores, &chunk.predicted, None) else { return missing() };
        match self.cbpe.estimate_chunk(&outputs) {
            Ok(estimate) => estimate.metrics.iter().map(|m| Observation::value(m.value)).collect(),
            Err(_) => missing(),
        }
    }
}
