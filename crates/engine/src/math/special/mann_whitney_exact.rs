//! Exact null distribution of the Mann-Whitney U statistic without ties,
//! as `scipy.stats.mannwhitneyu(method="exact")` uses it.
//!
//! The number of arrangements with U = u is the coefficient of q^u in the
//! Gaussian binomial Π_{i=1}^{n1} (1 - q^(n2+i)) / (1 - q^i); it is built
//! factor by factor, only up to the largest u needed.

/// Frequencies of U = 0..=max_u for sizes n1 and n2.
fn frequencies(n1: usize, n2: usize, max_u: usize) -> Vec<f64> {
    let mut counts = vec![0.0; max_u + 1];
    if let Some(first) = counts.first_mut() {
        *first = 1.0;
    }
    for i in 1..=n1 {
        // Multiply by 1 - q^(n2 + i) (top down), then divide by 1 - q^i
        // (bottom up): every intermediate is a polynomial with integer
        // coefficients.
        let up = n2 + i;
        for u in (up..=max_u).rev() {
            let lower = counts.get(u - up).copied().unwrap_or(0.0);
            if let Some(c) = counts.get_mut(u) {
                *c -= lower;
            }
        }
        for u in i..=max_u {
            let lower = counts.get(u - i).copied().unwrap_or(0.0);
            if let Some(c) = counts.get_mut(u) {
                *c += lower;
            }
        }
    }
    counts
}

/// C(n, k) as a float, by a product of ratios.
fn binomial(n: usize, k: usize) -> f64 {
    let k = k.min(n - k);
    (0..k).fold(1.0, |acc, j| acc * (n - j) as f64 / (j + 1) as f64)
}

/// Pr(U >= k) under the null, for an integer k, using the symmetry of the
/// distribution about n1 n2 / 2 to sum the shorter tail.
pub(crate) fn mann_whitney_exact_sf(k: u64, n1: usize, n2: usize) -> f64 {
    let (n1, n2) = (n1.min(n2), n1.max(n2));
    let total = binomial(n1 + n2, n1);
    let product = (n1 * n2) as u64;
    let complement = product.saturating_sub(k);
    if k < complement {
        // 1 - Pr(U <= k) + Pr(U = k).
        let pmf: Vec<f64> = frequencies(n1, n2, k as usize).iter().map(|c| c / total).collect();
        let cdf: f64 = pmf.iter().sum();
        1.0 - cdf + pmf.last().copied().unwrap_or(0.0)
    } else {
        // Pr(U >= k) = Pr(U <= n1 n2 - k).
        frequencies(n1, n2, complement as usize).iter().map(|c| c / total).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_table() {
        // n1 = n2 = 2: U takes 0,1,2,2,3,4 over the 6 arrangements.
        assert_eq!(frequencies(2, 2, 4), vec![1.0, 1.0, 2.0, 1.0, 1.0]);
        assert!((mann_whitney_exact_sf(3, 2, 2) - 2.0 / 6.0).abs() < 1e-15);
    }
}
