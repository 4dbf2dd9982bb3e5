//! The mergeable numeric statistics of one column: count, exact sum, min,
//! max, mean and M2 (for the population standard deviation), and the KLL sketch.
//!
//! M2 (the sum of squared deviations) is computed per batch around the
//! batch's own mean, then combined with Chan, Golub and LeVeque's parallel
//! update, `M2 = M2a + M2b + δ²·na·nb/(na+nb)`, which stays accurate where
//! `Σx² − n·mean²` cancels. `std_dev = sqrt(M2/n)` (population, as SageMaker
//! writes it).

use super::{ExactSum, KllSketch};

/// Values handed to the sketch at a time while scanning a column.
const BATCH: usize = 4096;

/// Statistics of the numeric cells of a column.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct NumericSummary {
    /// Numeric cells seen.
    pub count: u64,
    /// Their exact sum.
    pub sum: ExactSum,
    /// Smallest value (`+∞` while empty).
    pub min: f64,
    /// Largest value (`−∞` while empty).
    pub max: f64,
    /// Running mean (for M2 only; `sum / count` is the reported mean).
    mean: f64,
    /// Sum of squared deviations from the mean.
    m2: f64,
    /// Deequ's KLL sketch of the values.
    pub sketch: KllSketch,
}

impl NumericSummary {
    /// An empty summary.
    #[must_use]
    pub fn new() -> Self {
        Self { min: f64::INFINITY, max: f64::NEG_INFINITY, ..Self::default() }
    }

    /// Adds values in order; `NaN` (missing) is skipped.
    pub fn add_values(&mut self, values: &[f64]) {
        let mut batch: Vec<f64> = Vec::with_capacity(BATCH.min(values.len()));
        for chunk in values.chunks(BATCH) {
            batch.clear();
            batch.extend(chunk.iter().copied().filter(|x| !x.is_nan()));
            self.add_present(&batch);
        }
    }

    /// Adds present (finite) values in order.
    pub fn add_present(&mut self, values: &[f64]) {
        if values.is_empty() {
            return;
        }
        let mut sum = ExactSum::default();
        sum.add_all(values);
        let (mut min, mut max) = (self.min, self.max);
        for &x in values {
            min = min.min(x);
            max = max.max(x);
        }
        self.min = min;
        self.max = max;
        let n = values.len() as u64;
        let mean = sum.value() / n as f64;
        let m2: f64 = values.iter().map(|&x| (x - mean) * (x - mean)).sum();
        self.combine_moments(n, mean, m2);
        self.sum.merge(&sum);
        self.sketch.update_all(values);
    }

    /// Chan et al.'s update of count, mean and M2 with another batch's.
    fn combine_moments(&mut self, n: u64, mean: f64, m2: f64) {
        let total = self.count + n;
        if total == 0 {
            return;
        }
        let (na, nb, nt) = (self.count as f64, n as f64, total as f64);
        let delta = mean - self.mean;
        self.mean += delta * nb / nt;
        self.m2 += m2 + delta * delta * na * nb / nt;
        self.count = total;
    }

    /// Merges another column part's summary (its sketch merged as Deequ merges).
    pub fn merge(&mut self, other: &Self) {
        if other.count == 0 {
            return;
        }
        self.min = self.min.min(other.min);
        self.max = self.max.max(other.max);
        self.sum.merge(&other.sum);
        self.combine_moments(other.count, other.mean, other.m2);
        self.sketch.merge(&other.sketch);
    }

    /// `sum / count`; 0 when empty.
    #[must_use]
    pub fn mean(&self) -> f64 {
        if self.count == 0 {
            return 0.0;
        }
        let n = self.count as f64;
        self.sum.value() / n
    }

    /// Population standard deviation `sqrt(M2 / n)`; 0 when empty.
    #[must_use]
    pub fn std_dev(&self) -> f64 {
        if self.count == 0 {
            return 0.0;
        }
        let n = self.count as f64;
        (self.m2.max(0.0) / n).sqrt()
    }
}
