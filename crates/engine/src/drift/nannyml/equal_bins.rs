//! Equal-width bins as numpy builds and counts them: Doane's edges
//! (`np.histogram_bin_edges(x, bins="doane")`), `np.linspace` edges, and
//! `np.histogram(x, edges)` counting in O(1) per value.
//!
//! A value is in bin i when `edges[i] <= x < edges[i + 1]`, the last bin also
//! holding its right edge; values outside the edges are in no bin. The bin
//! is guessed from the value's position in the range, as numpy's
//! equal-width fast path does, then corrected against the edges, so values
//! on an edge land exactly where numpy puts them.

use crate::drift::evidently::binned::linspace;
use crate::math::pairwise_sum::{mean, pairwise_sum, variance};

/// Ascending, equally spaced edges and the scale that maps a value to its bin.
#[derive(Debug, Clone)]
pub(crate) struct EqualBins {
    edges: Vec<f64>,
    /// Bins per unit of value; `None` when the edges coincide.
    scale: Option<f64>,
}

impl EqualBins {
    /// `np.linspace(first, last, bins + 1)` (`bins` ≥ 1), edges that may
    /// coincide (`first == last`, as NannyML's KS bins of a constant column).
    pub(crate) fn linspace(first: f64, last: f64, bins: usize) -> Self {
        let bins = bins.max(1);
        let span = last - first;
        let scale = (span > 0.0).then(|| bins as f64 / span);
        Self { edges: linspace(first, last, bins + 1), scale }
    }

    /// `np.histogram_bin_edges(values, bins="doane")` of present values (at
    /// least one): ⌈range / width⌉ bins of width `range / (1 + log2 n +
    /// log2(1 + |g1| / σ_g1))`, g1 the sample skewness; one bin when n ≤ 2
    /// or the values are constant, widened to ±0.5 around a constant.
    pub(crate) fn doane(values: &[f64]) -> Self {
        let (min, max) = value_range(values);
        let (first, last) = if min == max { (min - 0.5, max + 0.5) } else { (min, max) };
        let width = doane_width(values, max - min);
        let bins = if width > 0.0 { ((last - first) / width).ceil() as usize } else { 1 };
        Self::linspace(first, last, bins)
    }

    /// The edges, ascending.
    pub(crate) fn edges(&self) -> &[f64] {
        &self.edges
    }

    /// Number of bins.
    pub(crate) fn len(&self) -> usize {
        self.edges.len() - 1
    }

    /// The bin holding `x`, `None` outside the edges (or for NaN).
    pub(crate) fn bin(&self, x: f64) -> Option<usize> {
        let (&first, &last) = (self.edges.first()?, self.edges.last()?);
        if !(x >= first && x <= last) {
            return None;
        }
        let n = self.len();
        // Truncation as numpy's `astype(np.intp)`; coinciding edges put every
        // value in the last bin, as `np.histogram` does.
        let mut i = self.scale.map_or(n - 1, |s| (((x - first) * s) as usize).min(n - 1));
        while i > 0 && self.edges.get(i).is_some_and(|&e| x < e) {
            i -= 1;
        }
        while i + 1 < n && self.edges.get(i + 1).is_some_and(|&e| x >= e) {
            i += 1;
        }
        Some(i)
    }

    /// `np.histogram(values, edges)[0]`, and how many values fell below the
    /// first edge and above the last.
    pub(crate) fn counts(&self, values: &[f64]) -> BinCounts {
        let mut counts = BinCounts { in_bins: vec![0; self.len()], below: 0, above: 0 };
        let first = self.edges.first().copied().unwrap_or(f64::NAN);
        for &x in values {
            match self.bin(x) {
                Some(i) => {
                    if let Some(c) = counts.in_bins.get_mut(i) {
                        *c += 1;
                    }
                }
                None if x < first => counts.below += 1,
                None => counts.above += 1,
            }
        }
        counts
    }
}

/// The smallest and largest of present values (infinities for none).
pub(crate) fn value_range(values: &[f64]) -> (f64, f64) {
    values.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &x| (lo.min(x), hi.max(x)))
}

/// Values per bin and outside the edges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BinCounts {
    /// Per bin.
    pub(crate) in_bins: Vec<u64>,
    /// Below the first edge.
    pub(crate) below: u64,
    /// Above the last edge.
    pub(crate) above: u64,
}

/// numpy's `_hist_bin_doane` width (0 for n ≤ 2 or σ = 0), with numpy's
/// pairwise sums so that ⌈range / width⌉ rounds as in numpy.
fn doane_width(x: &[f64], range: f64) -> f64 {
    let n = x.len();
    if n <= 2 {
        return 0.0;
    }
    let size = n as f64;
    let sg1 = (6.0 * (size - 2.0) / ((size + 1.0) * (size + 3.0))).sqrt();
    let sigma = variance(x, 0).sqrt();
    if sigma <= 0.0 {
        return 0.0;
    }
    let m = mean(x);
    let g1 = pairwise_sum(0, n, &|i| ((x.get(i).copied().unwrap_or(m) - m) / sigma).powf(3.0)) / size;
    range / (1.0 + size.log2() + (1.0 + g1.abs() / sg1).log2())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_on_edges_follow_numpy() {
        // np.histogram([0, 1, 1.5, 3, 3.5], np.linspace(0, 3, 4)) == [1, 2, 1]
        let bins = EqualBins::linspace(0.0, 3.0, 3);
        assert_eq!(bins.edges(), [0.0, 1.0, 2.0, 3.0]);
        let c = bins.counts(&[0.0, 1.0, 1.5, 3.0, 3.5, -1.0]);
        assert_eq!((c.in_bins, c.below, c.above), (vec![1, 2, 1], 1, 1));
    }

    #[test]
    fn coinciding_edges_hold_the_value_in_the_last_bin() {
        let bins = EqualBins::linspace(2.0, 2.0, 4);
        assert_eq!(bins.counts(&[2.0, 2.0, 1.0]).in_bins, [0, 0, 0, 2]);
    }

    #[test]
    fn doane_of_small_and_constant_samples() {
        // np.histogram_bin_edges([5, 5, 5], bins="doane") == [4.5, 5.5]
        assert_eq!(EqualBins::doane(&[5.0, 5.0, 5.0]).edges(), [4.5, 5.5]);
        // np.histogram_bin_edges([1, 2], bins="doane") == [1, 2]
        assert_eq!(EqualBins::doane(&[1.0, 2.0]).edges(), [1.0, 2.0]);
        // np.histogram_bin_edges(np.arange(10.0), bins="doane") has 5 bins (1 + log2 10 = 4.32).
        let ten: Vec<f64> = (0..10).map(f64::from).collect();
        assert_eq!(EqualBins::doane(&ten).len(), 5);
    }
}
