//! Evidently's `TVD` stattest: total variation distance with a permutation
//! p-value.

use super::hypergeometric_sampler::sample_multivariate_hypergeometric;
use super::present::present_pairs;
use crate::drift::{Counts, TestOutcome};
use crate::math::pairwise_sum::numpy_sum;
use crate::math::splitmix64::SplitMix64;

/// Permutations behind the p-value, as Evidently's `TVD` runs.
pub const TVD_PERMUTATIONS: u32 = 1000;

/// Total variation distance `½ Σ |r_k/n − c_k/m|` (exactly Evidently's
/// statistic) with Evidently's two-sided permutation p-value: the share of
/// [`TVD_PERMUTATIONS`] random re-splits of the pooled rows (same side sizes)
/// whose distance is at least the observed one.
///
/// Evidently shuffles rows with numpy's generator seeded 0; here each re-split
/// is drawn directly as multivariate-hypergeometric category counts from a
/// SplitMix64 stream seeded by `seed` (the same distribution, not the same
/// draws), so the p-value is reproducible per seed but equals Evidently's only
/// up to Monte Carlo noise. Identical distributions give p = 1. An empty side
/// gives NaN for both.
#[must_use]
pub fn tvd(c: &Counts, seed: u64) -> TestOutcome {
    let pairs = present_pairs(c);
    let reference: Vec<u64> = pairs.iter().map(|p| p.0).collect();
    let current: Vec<u64> = pairs.iter().map(|p| p.1).collect();
    let n_reference: u64 = reference.iter().sum();
    if n_reference == 0 || current.iter().sum::<u64>() == 0 {
        return TestOutcome::test(f64::NAN, f64::NAN);
    }
    let mut terms = Vec::with_capacity(pairs.len());
    let observed = statistic(&reference, &current, &mut terms);
    let pool: Vec<u64> = pairs.iter().map(|(r, c)| r + c).collect();
    let mut rng = SplitMix64::new(seed);
    let (mut drawn, mut rest) = (vec![0; pool.len()], vec![0; pool.len()]);
    let mut at_least = 0u32;
    for _ in 0..TVD_PERMUTATIONS {
        sample_multivariate_hypergeometric(&mut rng, &pool, n_reference, &mut drawn);
        for ((r, p), d) in rest.iter_mut().zip(&pool).zip(&drawn) {
            *r = p - d;
        }
        if observed <= statistic(&drawn, &rest, &mut terms).abs() {
            at_least += 1;
        }
    }
    TestOutcome::test(observed, f64::from(at_least) / f64::from(TVD_PERMUTATIONS))
}

/// `0.5 * np.sum(np.abs(ref / sum(ref) - cur / sum(cur)))`; `terms` is scratch.
fn statistic(reference: &[u64], current: &[u64], terms: &mut Vec<f64>) -> f64 {
    let n = reference.iter().sum::<u64>() as f64;
    let m = current.iter().sum::<u64>() as f64;
    terms.clear();
    terms.extend(reference.iter().zip(current).map(|(&r, &c)| (r as f64 / n - c as f64 / m).abs()));
    0.5 * numpy_sum(terms)
}
