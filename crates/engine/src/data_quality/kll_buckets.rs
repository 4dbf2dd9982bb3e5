//! The 10 equal-width buckets `statistics.json` writes next to a KLL sketch
//! (Deequ's `KLLSketch.computeMetricFrom`, spec §3).
//!
//! Bucket i spans `min + (max − min)·i/10` to `min + (max − min)·(i+1)/10`
//! (Deequ's order of operations, so edges are bit-identical). Its count is
//! the sketch's exclusive rank at the upper edge minus that at the lower edge;
//! the last bucket uses the inclusive rank at its upper edge, so `max` is
//! counted.

use serde::{Deserialize, Serialize};

use super::KllSketch;

/// Number of buckets ("by default … 10 buckets; not configurable").
pub const KLL_BUCKETS: usize = 10;

/// One bucket of a numeric distribution.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct KllBucket {
    /// Lower edge (inclusive).
    pub lower_bound: f64,
    /// Upper edge (exclusive, except for the last bucket).
    pub upper_bound: f64,
    /// Estimated number of values in the bucket.
    pub count: f64,
}

/// The buckets of `sketch` between the column's global `min` and `max`.
///
/// # Examples
/// ```
/// use tideline_engine::data_quality::{kll_buckets, KllSketch};
/// let mut sketch = KllSketch::default();
/// sketch.update_all(&[1.0, 2.0, 3.0, 3.0]);
/// let buckets = kll_buckets(&sketch, 1.0, 3.0);
/// assert_eq!(buckets[0].count, 1.0);
/// assert_eq!(buckets[5].lower_bound, 2.0);
/// assert_eq!(buckets[5].count, 1.0);
/// assert_eq!(buckets[9].count, 2.0);
/// ```
#[must_use]
pub fn kll_buckets(sketch: &KllSketch, min: f64, max: f64) -> Vec<KllBucket> {
    let width = max - min;
    let edge = |i: usize| min + width * i as f64 / KLL_BUCKETS as f64;
    (0..KLL_BUCKETS)
        .map(|i| {
            let (lower_bound, upper_bound) = (edge(i), edge(i + 1));
            let upper_rank =
                if i + 1 == KLL_BUCKETS { sketch.rank(upper_bound) } else { sketch.rank_exclusive(upper_bound) };
            let count = upper_rank.saturating_sub(sketch.rank_exclusive(lower_bound)) as f64;
            KllBucket { lower_bound, upper_bound, count }
        })
        .collect()
}
