//! smclarify's threshold groups: the threshold and the column's maximum
//! become `pd.IntervalIndex.from_breaks`, right-closed, so a threshold t
//! selects t < x ≤ max.

use crate::math::number_str;

/// Right-closed intervals `(lo, hi]` built from sorted breaks.
#[derive(Clone, Debug, PartialEq)]
pub struct Intervals {
    breaks: Vec<f64>,
    /// True when pandas would hold the breaks as int64 (threshold and data whole).
    integer: bool,
}

impl Intervals {
    /// `_interval_index(data, [threshold])`: the column maximum is appended
    /// unless `abs(max)` equals the threshold (so a threshold equal to the
    /// maximum, or to minus a negative maximum, gives no interval at all).
    #[must_use]
    pub fn new(threshold: f64, data_max: f64, integer: bool) -> Self {
        let mut breaks = vec![threshold];
        if data_max.is_nan() || data_max.abs() != threshold {
            breaks.push(data_max);
        }
        breaks.sort_by(f64::total_cmp);
        let integer = integer && breaks.iter().all(|b| b.fract() == 0.0);
        Self { breaks, integer }
    }

    /// True when `x` lies in one of the intervals.
    #[must_use]
    pub fn contains(&self, x: f64) -> bool {
        self.breaks.windows(2).any(|w| w[0] < x && x <= w[1])
    }

    /// The report text: `"(40, 90]"`, intervals joined by commas, `""` when empty.
    #[must_use]
    pub fn text(&self) -> String {
        self.breaks
            .windows(2)
            .map(|w| format!("({}, {}]", number_str(w[0], self.integer), number_str(w[1], self.integer)))
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// Largest present value (`Series.max()`, NaN skipped); NaN when none.
#[must_use]
pub fn max_present(values: &[f64]) -> f64 {
    values.iter().copied().filter(|x| !x.is_nan()).fold(f64::NAN, f64::max)
}
