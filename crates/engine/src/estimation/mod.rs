//! Performance estimation without labels for binary classifiers: NannyML
//! 0.13.1's confidence-based performance estimation (CBPE).
//!
//! Scores are calibrated on a labelled reference ([`IsotonicCalibrator`],
//! scikit-learn's isotonic regression) when NannyML's check,
//! [`needs_calibration()`], finds that this lowers the calibration error.
//! Each unlabelled row then counts as a fraction of a true positive and of a
//! false positive (or of a false and a true negative) — the
//! [`ExpectedConfusion`] — and accuracy, precision,
//! recall, F1 and ROC AUC ([`estimated_roc_auc()`]) follow. [`Cbpe`] ties it
//! together per chunk with NannyML's sampling error, confidence band and
//! reference-chunk thresholds. Everything works on slices.

mod cbpe;
mod chunk_estimate;
mod error;
mod estimated_roc_auc;
mod expected_confusion;
mod isotonic;
mod metric;
mod needs_calibration;
mod outputs;
mod realized;
mod sampling_error;
mod threshold;

pub use cbpe::{Calibration, Cbpe};
pub use chunk_estimate::{ChunkEstimate, MetricEstimate};
pub use error::EstimationError;
pub use estimated_roc_auc::estimated_roc_auc;
pub use expected_confusion::ExpectedConfusion;
pub use isotonic::IsotonicCalibrator;
pub use metric::CbpeMetric;
pub use needs_calibration::{
    needs_calibration, needs_calibration_with_options, CalibrationCheck, CalibrationCheckOptions, CalibrationReason,
};
pub use outputs::BinaryOutputs;
pub use realized::realized;
pub use sampling_error::SamplingErrorComponents;
pub use threshold::Thresholds;
