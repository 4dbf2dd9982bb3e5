//! What CBPE reports for one chunk.

use super::metric::CbpeMetric;
use super::threshold::Thresholds;

/// One metric on one chunk, with NannyML's columns.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricEstimate {
    /// Which metric.
    pub metric: CbpeMetric,
    /// The estimate from calibrated scores (NannyML's `value`).
    pub value: f64,
    /// Standard error of the estimate for a chunk of this size.
    pub sampling_error: f64,
    /// The realised value where the chunk has labels.
    pub realized: Option<f64>,
    /// `value` + 3 sampling errors, at most 1.
    pub upper_confidence_boundary: f64,
    /// `value` − 3 sampling errors, at least 0.
    pub lower_confidence_boundary: f64,
    /// Alert thresholds from the reference chunks.
    pub thresholds: Thresholds,
    /// Whether `value` lies outside the thresholds.
    pub alert: bool,
}

/// Every enabled metric on one chunk.
#[derive(Debug, Clone, PartialEq)]
pub struct ChunkEstimate {
    /// Rows in the chunk.
    pub rows: usize,
    /// One entry per enabled metric, in the order they were asked for.
    pub metrics: Vec<MetricEstimate>,
}
