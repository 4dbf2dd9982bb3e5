//! NannyML's binned distances: the reference's share per bin (or category)
//! against the window's, the window's mass outside the reference bins added
//! as one more bin that the reference does not have.

use crate::drift::evidently::binned::jensen_shannon_divergence_sum;
use crate::math::pairwise_sum::numpy_sum;

/// The reference shares and the window's, leftover appended to both (0 for
/// the reference) when `1 − Σ window shares` is positive, as NannyML tests it
/// (`leftover > 0`, in floating point).
pub(crate) fn with_leftover(reference: &[f64], window_counts: &[u64], n_window: u64) -> (Vec<f64>, Vec<f64>) {
    let mut p = reference.to_vec();
    let mut q: Vec<f64> = window_counts.iter().map(|&c| c as f64 / n_window as f64).collect();
    let leftover = 1.0 - numpy_sum(&q);
    if leftover > 0.0 {
        p.push(0.0);
        q.push(leftover);
    }
    (p, q)
}

/// `scipy.spatial.distance.jensenshannon(p, q, base=2)`.
pub(crate) fn jensen_shannon_base2(p: &[f64], q: &[f64]) -> f64 {
    (jensen_shannon_divergence_sum(p, q) / std::f64::consts::LN_2 / 2.0).sqrt()
}

/// NannyML's Hellinger distance: `√(Σ (√p − √q)²) / √2`.
pub(crate) fn hellinger(p: &[f64], q: &[f64]) -> f64 {
    let squares: Vec<f64> = p
        .iter()
        .zip(q)
        .map(|(a, b)| {
            let d = a.sqrt() - b.sqrt();
            d * d
        })
        .collect();
    numpy_sum(&squares).sqrt() / std::f64::consts::SQRT_2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leftover_is_a_bin_of_its_own() {
        let (p, q) = with_leftover(&[0.5, 0.5], &[1, 1], 4);
        assert_eq!((p, q), (vec![0.5, 0.5, 0.0], vec![0.25, 0.25, 0.5]));
        let (p, q) = with_leftover(&[0.5, 0.5], &[2, 2], 4);
        assert_eq!((p.len(), q.len()), (2, 2));
    }

    #[test]
    fn disjoint_distributions_are_one_apart() {
        // scipy.spatial.distance.jensenshannon([1, 0], [0, 1], base=2) == 1.0
        assert!((jensen_shannon_base2(&[1.0, 0.0], &[0.0, 1.0]) - 1.0).abs() < 1e-15);
        assert!((hellinger(&[1.0, 0.0], &[0.0, 1.0]) - 1.0).abs() < 1e-15);
        assert_eq!(hellinger(&[0.3, 0.7], &[0.3, 0.7]), 0.0);
    }
}
