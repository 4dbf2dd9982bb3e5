//! NannyML's `wasserstein`: `scipy.stats.wasserstein_distance` below 10,000
//! present reference values, else NannyML's estimate on 10,000 equal-width
//! reference bins: the area between the binned CDFs inside the reference
//! range, plus the window's own tails outside it (each weighted by its
//! share of the window, one reference edge counted in).

use super::equal_bins::EqualBins;
use super::reference_cdf::{cumulative_shares, ReferenceCdf};
use crate::drift::evidently::numeric::cdf_distance_integral;
use crate::drift::values::sorted_present;
use crate::drift::Samples;
use crate::math::pairwise_sum::numpy_sum;

/// The distance between the reference and the window's present values (at
/// least one).
pub(crate) fn wasserstein_distance(reference: &ReferenceCdf, values: &[f64]) -> f64 {
    match reference {
        ReferenceCdf::Exact(reference) => {
            cdf_distance_integral(Samples { reference, current: &sorted_present(values) }, false)
        }
        ReferenceCdf::Binned { bins, cdf } => binned(bins, cdf, values),
    }
}

/// NannyML's estimated distance (`WassersteinDistance._calculate`).
fn binned(bins: &EqualBins, reference_cdf: &[f64], values: &[f64]) -> f64 {
    let edges = bins.edges();
    let (Some(&ref_min), Some(&ref_max), Some(&second)) = (edges.first(), edges.last(), edges.get(1)) else {
        return f64::NAN;
    };
    let n = values.len() as f64;
    let smaller: Vec<f64> = values.iter().copied().filter(|&x| x < ref_min).collect();
    let bigger: Vec<f64> = values.iter().copied().filter(|&x| x > ref_max).collect();
    let (term_smaller, amount_smaller) = if smaller.is_empty() {
        (0.0, 0.0)
    } else {
        let amount = (smaller.len() + 1) as f64 / n;
        let mut tail = smaller;
        tail.push(ref_min);
        (tail_area(&tail, |y| y) * amount, amount)
    };
    let term_bigger = if bigger.is_empty() {
        0.0
    } else {
        let amount = (bigger.len() + 1) as f64 / n;
        let mut tail = bigger;
        tail.push(ref_max);
        tail_area(&tail, |y| 1.0 - y) * amount
    };
    let window_cdf = cumulative_shares(&bins.counts(values).in_bins, values.len(), 0.0);
    let width = second - ref_min;
    let within: Vec<f64> =
        reference_cdf.iter().zip(&window_cdf).map(|(r, w)| (r - (w + amount_smaller)).abs() * width).collect();
    numpy_sum(&within) + term_smaller + term_bigger
}

/// `np.sum(f(y)[:-1] * np.diff(x))` over NannyML's `_ecdf(values)`: the
/// distinct sorted values x and the share y of values at or below each.
fn tail_area(values: &[f64], f: impl Fn(f64) -> f64) -> f64 {
    let sorted = sorted_present(values);
    let n = sorted.len() as f64;
    let mut steps: Vec<(f64, f64)> = Vec::new();
    for (i, &x) in sorted.iter().enumerate() {
        let share = (i + 1) as f64 / n;
        match steps.last_mut() {
            Some(last) if last.0 == x => last.1 = share,
            _ => steps.push((x, share)),
        }
    }
    let terms: Vec<f64> = steps
        .windows(2)
        .map(|w| match w {
            [(x0, y0), (x1, _)] => f(*y0) * (x1 - x0),
            _ => 0.0,
        })
        .collect();
    numpy_sum(&terms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_matches_scipy() {
        // scipy.stats.wasserstein_distance([0, 1, 3], [5, 6, 8]) == 5.0
        let fitted = ReferenceCdf::fit(&[0.0, 1.0, 3.0], true);
        assert_eq!(wasserstein_distance(&fitted, &[5.0, 6.0, 8.0]), 5.0);
    }

    #[test]
    fn binned_estimate_is_near_the_exact_distance() {
        let reference: Vec<f64> = (0..20_000).map(|i| f64::from(i) / 20_000.0).collect();
        let fitted = ReferenceCdf::fit(&reference, true);
        assert!(matches!(fitted, ReferenceCdf::Binned { .. }));
        assert!(wasserstein_distance(&fitted, &reference) < 1e-9);
        // A window shifted by 0.5, half of it beyond the reference's range.
        let shifted: Vec<f64> = reference.iter().map(|x| x + 0.5).collect();
        let got = wasserstein_distance(&fitted, &shifted);
        assert!((got - 0.5).abs() < 1e-3, "{got}");
    }
}
