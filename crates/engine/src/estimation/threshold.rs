//! NannyML's default performance threshold: the mean of a metric over the
//! reference chunks ± 3 population standard deviations, clamped to the
//! metric's range [0, 1].

/// Lower and upper alert thresholds; `None` is an open side.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    /// Values below this alert.
    pub lower: Option<f64>,
    /// Values above this alert.
    pub upper: Option<f64>,
}

impl Thresholds {
    /// From per-reference-chunk realised values, NaN values ignored (numpy's
    /// `nanmean` and `nanstd`); a bound past the metric's range is replaced
    /// by the range's end, as NannyML does.
    pub fn from_reference_chunks(values: &[f64]) -> Self {
        const MULTIPLIER: f64 = 3.0;
        let kept: Vec<f64> = values.iter().copied().filter(|v| !v.is_nan()).collect();
        let n = kept.len() as f64;
        let mean = kept.iter().sum::<f64>() / n;
        let std = (kept.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / n).sqrt();
        let lower = mean - std * MULTIPLIER;
        let upper = mean + std * MULTIPLIER;
        Self {
            lower: Some(if lower <= 0.0 { 0.0 } else { lower }),
            upper: Some(if upper >= 1.0 { 1.0 } else { upper }),
        }
    }

    /// Whether a value lies outside the thresholds.
    pub fn alerts(&self, value: f64) -> bool {
        self.lower.is_some_and(|l| value < l) || self.upper.is_some_and(|u| value > u)
    }
}
