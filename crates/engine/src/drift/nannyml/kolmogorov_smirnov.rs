//! NannyML's `kolmogorov_smirnov`: the two-sample D statistic, exact
//! (`scipy.stats.ks_2samp`) on an exact reference, else estimated on the
//! reference's 10,000 bins (values below them counted in from the start).

use super::reference_cdf::{cumulative_shares, ReferenceCdf};
use crate::drift::effect::max_cdf_gap;
use crate::drift::values::sorted_present;
use crate::drift::Samples;
use crate::math::gcd::gcd;

/// scipy's `ks_2samp` uses the exact distribution (and rounds D to its
/// lattice) while both sizes are at most this.
const SCIPY_MAX_EXACT_N: u64 = 10_000;

/// D between the reference and the window's present values (at least one).
pub(crate) fn ks_statistic(reference: &ReferenceCdf, values: &[f64]) -> f64 {
    match reference {
        ReferenceCdf::Exact(reference) => {
            let window = sorted_present(values);
            let d = max_cdf_gap(Samples { reference, current: &window });
            let (n1, n2) = (reference.len() as u64, window.len() as u64);
            if n1.max(n2) <= SCIPY_MAX_EXACT_N {
                // scipy's exact mode reports D on the lattice h / lcm(n1, n2).
                let lcm = (n1 / gcd(n1, n2) * n2) as f64;
                (d * lcm).round_ties_even() / lcm
            } else {
                d
            }
        }
        ReferenceCdf::Binned { bins, cdf } => {
            let counts = bins.counts(values);
            let below = counts.below as f64 / values.len() as f64;
            let window_cdf = cumulative_shares(&counts.in_bins, values.len(), below);
            cdf.iter().zip(&window_cdf).map(|(r, w)| (r - w).abs()).fold(0.0, f64::max)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_d_matches_scipy() {
        // scipy.stats.ks_2samp([1, 2, 3, 4], [3, 4, 5]).statistic == 0.5
        let fitted = ReferenceCdf::fit(&[4.0, 3.0, 2.0, 1.0], false);
        assert_eq!(ks_statistic(&fitted, &[5.0, 3.0, 4.0]), 0.5);
    }

    #[test]
    fn binned_d_of_a_shifted_window() {
        let reference: Vec<f64> = (0..20_000).map(|i| f64::from(i) / 20_000.0).collect();
        let fitted = ReferenceCdf::fit(&reference, false);
        assert!(matches!(fitted, ReferenceCdf::Binned { .. }));
        assert!(ks_statistic(&fitted, &reference) < 1e-12);
        let shifted: Vec<f64> = reference.iter().map(|x| x + 0.25).collect();
        assert!((ks_statistic(&fitted, &shifted) - 0.25).abs() < 1e-3);
    }
}
