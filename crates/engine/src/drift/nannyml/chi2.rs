//! NannyML's chi2: `scipy.stats.chi2_contingency` on the k×2 table of
//! category counts (reference, window), with scipy's default Yates
//! correction. Unlike [`crate::drift::chi2_contingency`]
//! (`correction=False`, the 2×k table Evidently builds), the correction moves
//! each observed count up to 0.5 towards its expected count when the table
//! has one degree of freedom (two categories).

use crate::math::pairwise_sum::numpy_sum;
use crate::math::tails::chi_squared_sf;

/// Statistic and p-value for `(reference, window)` counts of the categories
/// present on either side. One category gives (0, 1), scipy's degenerate
/// case; an empty side gives NaN for both (scipy raises on a zero expected
/// count).
pub(crate) fn chi2_contingency(pairs: &[(u64, u64)]) -> (f64, f64) {
    let pairs: Vec<(u64, u64)> = pairs.iter().copied().filter(|(r, c)| r + c > 0).collect();
    let n_reference: u64 = pairs.iter().map(|(r, _)| r).sum();
    let n_window: u64 = pairs.iter().map(|(_, c)| c).sum();
    if n_reference == 0 || n_window == 0 {
        return (f64::NAN, f64::NAN);
    }
    let dof = pairs.len() - 1;
    if dof == 0 {
        return (0.0, 1.0);
    }
    let total = (n_reference + n_window) as f64;
    // The table flattened row by row: each category's reference cell, then its window cell.
    let terms: Vec<f64> = pairs
        .iter()
        .flat_map(|&(r, c)| {
            let category = (r + c) as f64;
            [(r, n_reference), (c, n_window)].map(|(observed, side)| {
                let expected = side as f64 * category / total;
                let mut observed = observed as f64;
                let diff = expected - observed;
                if dof == 1 && diff != 0.0 {
                    observed += diff.abs().min(0.5).copysign(diff);
                }
                let d = observed - expected;
                d * d / expected
            })
        })
        .collect();
    let statistic = numpy_sum(&terms);
    (statistic, chi_squared_sf(statistic, dof as f64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yates_applies_to_two_categories_only() {
        // scipy.stats.chi2_contingency([[10, 20], [20, 10]]) -> (5.4, 0.02013675155034633)
        let (stat, p) = chi2_contingency(&[(10, 20), (20, 10)]);
        assert!((stat - 5.4).abs() < 1e-12, "{stat}");
        assert!((p - 0.020_136_751_550_346_33).abs() < 1e-12, "{p}");
        assert!(chi2_contingency(&[(5, 0), (0, 0)]).0.is_nan());
        assert_eq!(chi2_contingency(&[(5, 3)]), (0.0, 1.0));
    }
}
