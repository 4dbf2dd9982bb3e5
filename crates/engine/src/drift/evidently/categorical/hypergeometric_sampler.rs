//! Exact draws from the hypergeometric distribution, and from the
//! multivariate one built from it, for the permutation tests.
//!
//! Permuting n rows and re-splitting them into a reference of size r only
//! matters through how many rows of each category land in the reference, and
//! that vector is multivariate-hypergeometric. Drawing it category by
//! category (each a univariate hypergeometric given the ones before) costs
//! O(k·√n) per permutation instead of O(n) for a shuffle: 1000 permutations of
//! a million rows take milliseconds, not seconds.

use statrs::function::factorial::ln_binomial;

use crate::math::splitmix64::SplitMix64;

/// How many of `draws` items taken without replacement from `population`
/// items are `marked`, by inversion searching outwards from the mode
/// (expected O(standard deviation) steps).
pub(crate) fn sample_hypergeometric(rng: &mut SplitMix64, population: u64, marked: u64, draws: u64) -> u64 {
    let unmarked = population.saturating_sub(marked);
    let (lo, hi) = (draws.saturating_sub(unmarked), draws.min(marked));
    if lo >= hi {
        return lo;
    }
    let mode_wide = (u128::from(draws) + 1) * (u128::from(marked) + 1) / (u128::from(population) + 2);
    let mode = u64::try_from(mode_wide).unwrap_or(hi).clamp(lo, hi);
    let ln_mode = ln_binomial(marked, mode) + ln_binomial(unmarked, draws - mode) - ln_binomial(population, draws);
    let p_mode = ln_mode.exp();
    let mut u = rng.next_f64() - p_mode;
    let (mut down, mut p_down, mut up, mut p_up) = (mode, p_mode, mode, p_mode);
    // Alternate below and above the mode, subtracting each probability from
    // the uniform draw until it is used up.
    while u >= 0.0 {
        let mut moved = false;
        if down > lo {
            let x = down as f64;
            p_down *= x * (unmarked as f64 - draws as f64 + x) / ((marked as f64 - x + 1.0) * (draws as f64 - x + 1.0));
            down -= 1;
            u -= p_down;
            moved = true;
            if u < 0.0 {
                return down;
            }
        }
        if up < hi {
            let x = up as f64;
            p_up *= (marked as f64 - x) * (draws as f64 - x) / ((x + 1.0) * (unmarked as f64 - draws as f64 + x + 1.0));
            up += 1;
            u -= p_up;
            moved = true;
            if u < 0.0 {
                return up;
            }
        }
        if !moved {
            // Rounding left a sliver of probability unassigned (about 1e-10 at
            // most): give it to the mode.
            break;
        }
    }
    mode
}

/// How many of `draws` items taken without replacement from the pool land in
/// each category, the pool holding `pool[i]` items of category i; written to
/// `out` (same length as `pool`).
pub(crate) fn sample_multivariate_hypergeometric(rng: &mut SplitMix64, pool: &[u64], draws: u64, out: &mut [u64]) {
    let mut population: u64 = pool.iter().sum();
    let mut left = draws.min(population);
    for (slot, &size) in out.iter_mut().zip(pool) {
        let taken = if left == 0 { 0 } else { sample_hypergeometric(rng, population, size, left) };
        *slot = taken;
        population -= size;
        left -= taken;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mean_and_support() {
        // Hypergeometric(N=50, K=20, n=10) has mean n·K/N = 4.
        let mut rng = SplitMix64::new(7);
        let draws: Vec<u64> = (0..20_000).map(|_| sample_hypergeometric(&mut rng, 50, 20, 10)).collect();
        assert!(draws.iter().all(|&x| x <= 10));
        let mean = draws.iter().sum::<u64>() as f64 / draws.len() as f64;
        assert!((mean - 4.0).abs() < 0.05, "mean {mean}");
    }

    #[test]
    fn multivariate_keeps_totals() {
        let mut rng = SplitMix64::new(3);
        let pool = [5, 0, 17, 1_000_000, 3];
        let mut out = [0; 5];
        for _ in 0..100 {
            sample_multivariate_hypergeometric(&mut rng, &pool, 400_000, &mut out);
            assert_eq!(out.iter().sum::<u64>(), 400_000);
            assert!(out.iter().zip(&pool).all(|(o, p)| o <= p));
        }
    }
}
