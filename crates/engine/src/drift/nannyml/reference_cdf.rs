//! The reference as NannyML keeps it for `kolmogorov_smirnov` and
//! `wasserstein` ("auto"): every sorted value below 10,000 present values,
//! else the running share of the values over 10,000 equal-width bins.

use super::equal_bins::{value_range, EqualBins};
use crate::drift::values::sorted_present;

/// Present reference values from which NannyML bins the reference.
const BINNED_FROM: usize = 10_000;
/// NannyML's `n_bins`.
const N_BINS: usize = 10_000;

/// The fitted reference.
#[derive(Debug, Clone)]
pub(crate) enum ReferenceCdf {
    /// The sorted values.
    Exact(Vec<f64>),
    /// Binned.
    Binned {
        /// `np.linspace(min, max, 10_001)` edges.
        bins: EqualBins,
        /// `np.cumsum(np.histogram(reference, edges)[0] / n)`.
        cdf: Vec<f64>,
    },
}

impl ReferenceCdf {
    /// Fits on the present reference values (at least one). `widen_constant`
    /// puts a constant reference in a bin from −0.5 to +0.5 around it
    /// (wasserstein's `np.histogram(x, bins=10_000)`); without it every edge
    /// is the constant (kolmogorov_smirnov's explicit `np.linspace` edges).
    pub(crate) fn fit(values: &[f64], widen_constant: bool) -> Self {
        if values.len() < BINNED_FROM {
            return Self::Exact(sorted_present(values));
        }
        let (min, max) = value_range(values);
        let (first, last) = if widen_constant && min == max { (min - 0.5, max + 0.5) } else { (min, max) };
        let bins = EqualBins::linspace(first, last, N_BINS);
        let cdf = cumulative_shares(&bins.counts(values).in_bins, values.len(), 0.0);
        Self::Binned { bins, cdf }
    }
}

/// `start + np.cumsum(counts / n)`: the running sum of shares, then `start`
/// added to each.
pub(crate) fn cumulative_shares(counts: &[u64], n: usize, start: f64) -> Vec<f64> {
    let mut running = 0.0;
    counts
        .iter()
        .map(|&c| {
            running += c as f64 / n as f64;
            running + start
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bins_from_ten_thousand_values() {
        assert!(matches!(ReferenceCdf::fit(&[3.0, 1.0], false), ReferenceCdf::Exact(v) if v == [1.0, 3.0]));
        let constant = vec![2.0; BINNED_FROM];
        let ReferenceCdf::Binned { bins, cdf } = ReferenceCdf::fit(&constant, true) else { panic!("binned") };
        assert_eq!((bins.edges().first(), bins.edges().last()), (Some(&1.5), Some(&2.5)));
        assert_eq!(cdf.last(), Some(&1.0));
        let ReferenceCdf::Binned { bins, .. } = ReferenceCdf::fit(&constant, false) else { panic!("binned") };
        assert!(bins.edges().iter().all(|&e| e == 2.0));
    }
}
