//! Confidence-based performance estimation (NannyML 0.13.1's CBPE for
//! binary classifiers): fit on labelled reference outputs, then estimate
//! each chunk's performance from its scores and predictions alone.

use std::ops::Range;

use super::chunk_estimate::{ChunkEstimate, MetricEstimate};
use super::error::EstimationError;
use super::estimated_roc_auc::estimated_roc_auc;
use super::expected_confusion::ExpectedConfusion;
use super::isotonic::IsotonicCalibrator;
use super::metric::CbpeMetric;
use super::outputs::BinaryOutputs;
use super::realized::realized;
use super::sampling_error::SamplingErrorComponents;
use super::threshold::Thresholds;

/// How scores become probabilities before estimation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Calibration {
    /// Isotonic regression fitted on the reference (NannyML's default when
    /// its calibration check says calibration helps).
    Isotonic,
    /// Scores are used as they are (NannyML's choice when its check says
    /// calibration does not help).
    None,
}

/// How many sampling errors the confidence band spans on each side.
const SAMPLING_ERROR_RANGE: f64 = 3.0;

/// A CBPE fitted on reference data.
#[derive(Debug, Clone, PartialEq)]
pub struct Cbpe {
    calibrator: Option<IsotonicCalibrator>,
    metrics: Vec<FittedMetric>,
}

#[derive(Debug, Clone, PartialEq)]
struct FittedMetric {
    metric: CbpeMetric,
    components: SamplingErrorComponents,
    thresholds: Thresholds,
}

impl Cbpe {
    /// Fits the calibrator, each metric's sampling-error components and its
    /// thresholds (from realised values on `reference_chunks`). The reference
    /// must carry true labels.
    pub fn fit(
        reference: &BinaryOutputs<'_>,
        reference_chunks: &[Range<usize>],
        metrics: &[CbpeMetric],
        calibration: Calibration,
    ) -> Result<Self, EstimationError> {
        let truth = reference.truth.ok_or(EstimationError::Empty { what: "reference labels" })?;
        if reference.is_empty() {
            return Err(EstimationError::Empty { what: "reference" });
        }
        let calibrator = match calibration {
            Calibration::Isotonic => Some(IsotonicCalibrator::fit(reference.scores, truth)?),
            Calibration::None => None,
        };
        let chunks = reference_chunks.iter().map(|r| reference.slice(r.clone())).collect::<Result<Vec<_>, _>>()?;
        let mut fitted = Vec::with_capacity(metrics.len());
        for &metric in metrics {
            let components = SamplingErrorComponents::fit(metric, truth, reference.predicted, reference.scores);
            let values = chunks
                .iter()
                .map(|c| realized(metric, c.truth.unwrap_or(&[]), c.predicted, c.scores))
                .collect::<Result<Vec<_>, _>>()?;
            let thresholds = Thresholds::from_reference_chunks(&values);
            fitted.push(FittedMetric { metric, components, thresholds });
        }
        Ok(Self { calibrator, metrics: fitted })
    }

    /// The calibrated probabilities of `scores`.
    pub fn calibrate(&self, scores: &[f64]) -> Vec<f64> {
        match &self.calibrator {
            Some(c) => c.calibrate(scores),
            None => scores.to_vec(),
        }
    }

    /// Estimates every fitted metric on one chunk (and its realised value
    /// where the chunk has labels).
    pub fn estimate_chunk(&self, chunk: &BinaryOutputs<'_>) -> Result<ChunkEstimate, EstimationError> {
        let calibrated = self.calibrate(chunk.scores);
        let confusion = ExpectedConfusion::new(&calibrated, chunk.predicted)?;
        let mut metrics = Vec::with_capacity(self.metrics.len());
        for m in &self.metrics {
            let value = match m.metric {
                CbpeMetric::RocAuc => estimated_roc_auc(&calibrated, chunk.scores)?,
                CbpeMetric::F1 => confusion.f1(),
                CbpeMetric::Precision => confusion.precision(),
                CbpeMetric::Recall => confusion.recall(),
                CbpeMetric::Accuracy => confusion.accuracy(),
            };
            let sampling_error = m.components.sampling_error(chunk.len());
            let realized = match chunk.truth {
                Some(truth) => Some(realized(m.metric, truth, chunk.predicted, chunk.scores)?),
                None => None,
            };
            let band = SAMPLING_ERROR_RANGE * sampling_error;
            metrics.push(MetricEstimate {
                metric: m.metric,
                value,
                sampling_error,
                realized,
                upper_confidence_boundary: (value + band).min(1.0),
                lower_confidence_boundary: (value - band).max(0.0),
                thresholds: m.thresholds,
                alert: m.thresholds.alerts(value),
            });
        }
        Ok(ChunkEstimate { rows: chunk.len(), metrics })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_instead_of_panics_on_bad_input() {
        let scores = [0.2, 0.8, 0.6];
        let predicted = [false, true, true];
        let unlabelled = BinaryOutputs::new(&scores, &predicted, None).unwrap();
        let fit = Cbpe::fit(&unlabelled, &[0..2, 2..3], &CbpeMetric::ALL, Calibration::Isotonic);
        assert!(matches!(fit, Err(EstimationError::Empty { .. })));
        assert!(matches!(unlabelled.slice(2..4), Err(EstimationError::ChunkOutOfRange { .. })));
        assert!(matches!(
            BinaryOutputs::new(&scores, &predicted[..2], None),
            Err(EstimationError::LengthMismatch { .. })
        ));
        let truth = [false, true, false];
        let labelled = BinaryOutputs::new(&scores, &predicted, Some(&truth)).unwrap();
        let fit = Cbpe::fit(&labelled, &[0..2, 2..4], &CbpeMetric::ALL, Calibration::None);
        assert!(matches!(fit, Err(EstimationError::ChunkOutOfRange { .. })));
    }

    #[test]
    fn an_empty_chunk_estimates_without_panicking() {
        let scores = [0.2, 0.8, 0.6, 0.4];
        let predicted = [false, true, true, false];
        let truth = [false, true, false, true];
        let reference = BinaryOutputs::new(&scores, &predicted, Some(&truth)).unwrap();
        let cbpe = Cbpe::fit(&reference, &[0..2, 2..4], &CbpeMetric::ALL, Calibration::Isotonic).unwrap();
        let empty = reference.slice(0..0).unwrap();
        let estimate = cbpe.estimate_chunk(&empty).unwrap();
        assert_eq!(estimate.metrics.len(), CbpeMetric::ALL.len());
        assert_eq!(estimate.rows, 0);
    }
}
