//! Quantile bins per feature: the booster sees each value as a small bin
//! index, so split finding sums gradients per bin instead of sorting rows.
//! A present value `x` falls in the first bin `k` with `x <= edges[k]` (the
//! last bin when above every edge), so a split "bin ≤ k" is exactly the
//! tree test `x <= edges[k]` on the raw value. Missing values (NaN) have
//! their own bin, [`NAN_BIN`].

use super::super::matrix::FeatureMatrix;

/// The bin of a missing value.
pub(super) const NAN_BIN: u8 = u8::MAX;

/// Most bins for present values: indices 0..=254, leaving 255 for NaN.
pub(super) const MAX_PRESENT_BINS: usize = NAN_BIN as usize;

/// The training rows as bin indices.
#[derive(Debug, Clone)]
pub(super) struct Binned {
    /// Per feature, the upper edges of every present bin but the last, ascending.
    pub edges: Vec<Vec<f64>>,
    /// Column-major bins: `bins[f * n_rows + r]`.
    pub bins: Vec<u8>,
    /// Rows binned.
    pub n_rows: usize,
}

impl Binned {
    /// Bins the rows `rows` of `x`, with at most `max_bins` present bins per feature.
    pub(super) fn new(x: &FeatureMatrix, rows: &[usize], max_bins: usize) -> Self {
        let n_rows = rows.len();
        let m = x.n_features();
        let mut edges = Vec::with_capacity(m);
        let mut bins = vec![NAN_BIN; m * n_rows];
        let mut column = Vec::with_capacity(n_rows);
        for f in 0..m {
            column.clear();
            column.extend(rows.iter().map(|&r| x.values[r * m + f]).filter(|v| !v.is_nan()));
            column.sort_unstable_by(f64::total_cmp);
            let e = quantile_edges(&column, max_bins.clamp(1, MAX_PRESENT_BINS));
            for (slot, &r) in bins[f * n_rows..(f + 1) * n_rows].iter_mut().zip(rows) {
                *slot = bin_of(&e, x.values[r * m + f]);
            }
            edges.push(e);
        }
        Self { edges, bins, n_rows }
    }

    /// Bins of feature `f`, one per row.
    pub(super) fn column(&self, f: usize) -> &[u8] {
        &self.bins[f * self.n_rows..(f + 1) * self.n_rows]
    }

    /// Present bins of feature `f`.
    pub(super) fn n_bins(&self, f: usize) -> usize {
        self.edges[f].len() + 1
    }
}

/// The bin of `x` under `edges`.
pub(super) fn bin_of(edges: &[f64], x: f64) -> u8 {
    if x.is_nan() {
        return NAN_BIN;
    }
    // at most MAX_PRESENT_BINS - 1 edges
    edges.partition_point(|e| *e < x) as u8
}

/// Edges splitting `sorted` (ascending, no NaN) into at most `max_bins` bins
/// of about equal counts; each edge lies halfway between two distinct values,
/// and a value repeated more than a bin's share gets a bin of its own.
fn quantile_edges(sorted: &[f64], max_bins: usize) -> Vec<f64> {
    let mut distinct: Vec<(f64, usize)> = Vec::new();
    for &v in sorted {
        match distinct.last_mut() {
            Some((last, count)) if *last == v => *count += 1,
            _ => distinct.push((v, 1)),
        }
    }
    let n = sorted.len();
    let mut edges = Vec::new();
    let (mut seen, mut bin_start) = (0, 0);
    for pair in distinct.windows(2) {
        let ((a, count), (b, _)) = (pair[0], pair[1]);
        seen += count;
        let bins_left = max_bins - edges.len();
        if bins_left <= 1 {
            break;
        }
        // Close a bin once it holds its share of the rows not yet binned.
        if distinct.len() <= max_bins || (seen - bin_start) * bins_left >= n - bin_start {
            edges.push(midpoint(a, b));
            bin_start = seen;
        }
    }
    edges
}

/// A value in `[a, b)` between `a < b`, halfway when that is representable.
fn midpoint(a: f64, b: f64) -> f64 {
    let mid = a + (b - a) / 2.0;
    if mid.is_finite() && mid >= a && mid < b {
        mid
    } else {
        a
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn few_distinct_values_get_a_bin_each() {
        let e = quantile_edges(&[1.0, 1.0, 2.0, 4.0, 4.0], 255);
        assert_eq!(e, vec![1.5, 3.0]);
        assert_eq!([bin_of(&e, 1.0), bin_of(&e, 1.5), bin_of(&e, 2.0), bin_of(&e, 9.0)], [0, 0, 1, 2]);
        assert_eq!(bin_of(&e, f64::NAN), NAN_BIN);
        assert!(quantile_edges(&[3.0, 3.0], 255).is_empty());
        assert!(quantile_edges(&[], 255).is_empty());
    }

    #[test]
    fn many_values_get_equal_count_bins() {
        let values: Vec<f64> = (0..1000).map(f64::from).collect();
        let e = quantile_edges(&values, 10);
        assert_eq!(e.len(), 9);
        let mut counts = [0usize; 10];
        for &v in &values {
            counts[bin_of(&e, v) as usize] += 1;
        }
        assert!(counts.iter().all(|&c| c == 100), "{counts:?}");
    }

    #[test]
    fn a_heavy_value_keeps_its_own_bin_and_bins_never_overflow() {
        let mut values = vec![0.0; 500];
        values.extend((1..=500).map(f64::from));
        let e = quantile_edges(&values, 4);
        assert_eq!(e[0], 0.5);
        assert!(e.len() <= 3);
        let wide: Vec<f64> = (0..100_000).map(f64::from).collect();
        assert_eq!(quantile_edges(&wide, MAX_PRESENT_BINS).len(), MAX_PRESENT_BINS - 1);
    }

    #[test]
    fn infinities_and_neighbouring_floats_bin_consistently() {
        let a = 1.0_f64;
        let b = f64::from_bits(a.to_bits() + 1);
        let e = quantile_edges(&[f64::NEG_INFINITY, a, b, f64::INFINITY], 255);
        for (x, want) in [(f64::NEG_INFINITY, 0), (a, 1), (b, 2), (f64::INFINITY, 3)] {
            assert_eq!(bin_of(&e, x), want, "{x}");
        }
    }
}
