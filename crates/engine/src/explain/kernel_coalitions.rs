//! The coalitions Kernel SHAP evaluates and their weights, chosen as shap's
//! `KernelExplainer` chooses them: subset sizes are weighted by the Shapley
//! kernel, (M−1)/(|z|(M−|z|)) summed over the C(M,|z|) subsets of a size;
//! every size whose share of the sample budget covers all its subsets (and
//! their complements) is enumerated in full, smallest first; the budget left
//! is drawn at random (a size by its remaining weight, then a uniform subset
//! of that size, with its complement), repeated draws adding weight to the
//! coalition already kept, at most 4 draws per sample left.
//!
//! The random draws use SplitMix64, not NumPy's stream, so sampled results
//! equal shap's in distribution, not value; enumerated coalitions (and with
//! a budget of 2^M − 2 that is all of them) are exactly shap's.

use hashbrown::HashMap;

use crate::math::splitmix64::SplitMix64;

/// Coalitions (rows of `m` booleans: feature present) with kernel weights.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Coalitions {
    /// Features (players).
    pub m: usize,
    /// `len × m` flags, row-major: true where the feature takes the explained row's value.
    pub masks: Vec<bool>,
    /// One weight per coalition.
    pub weights: Vec<f64>,
}

impl Coalitions {
    /// Coalitions kept.
    #[must_use]
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// No coalition (fewer than two players).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// Coalition `i`.
    #[must_use]
    pub fn mask(&self, i: usize) -> &[bool] {
        &self.masks[i * self.m..(i + 1) * self.m]
    }

    fn push(&mut self, mask: &[bool], weight: f64) {
        self.masks.extend_from_slice(mask);
        self.weights.push(weight);
    }
}

/// The sample budget: `requested`, or shap's and Clarify's default 2M + 2048,
/// capped at the 2^M − 2 coalitions that exist (2^30 above 30 features).
#[must_use]
pub fn sample_budget(m: usize, requested: Option<usize>) -> usize {
    let wanted = requested.unwrap_or(2 * m + 2048);
    let max = if m <= 30 { (1usize << m).saturating_sub(2) } else { 1 << 30 };
    wanted.min(max)
}

/// C(n, k) as a float (exact for the sizes met here).
fn binom(n: usize, k: usize) -> f64 {
    (0..k).fold(1.0, |acc, i| acc * (n - i) as f64 / (i + 1) as f64)
}

/// The coalitions for `m ≥ 2` players and a budget of `nsamples`; `seed`
/// fixes the random part.
#[must_use]
pub fn plan(m: usize, nsamples: usize, seed: u64) -> Coalitions {
    let mut out = Coalitions { m, ..Coalitions::default() };
    if m < 2 {
        return out;
    }
    let num_sizes = (m - 1).div_ceil(2);
    let num_paired = (m - 1) / 2;
    let mut weight_vector: Vec<f64> = (1..=num_sizes).map(|i| (m as f64 - 1.0) / (i as f64 * (m - i) as f64)).collect();
    weight_vector.iter_mut().take(num_paired).for_each(|w| *w *= 2.0);
    let total: f64 = weight_vector.iter().sum();
    weight_vector.iter_mut().for_each(|w| *w /= total);

    let mut num_full = 0;
    let mut left = nsamples as f64;
    let mut remaining = weight_vector.clone();
    let mut mask = vec![false; m];
    for size in 1..=num_sizes {
        let paired = size <= num_paired;
        let nsubsets = binom(m, size) * if paired { 2.0 } else { 1.0 };
        if left * remaining[size - 1] / nsubsets < 1.0 - 1e-8 {
            break;
        }
        num_full += 1;
        left -= nsubsets;
        if remaining[size - 1] < 1.0 {
            let scale = 1.0 - remaining[size - 1];
            remaining.iter_mut().for_each(|w| *w /= scale);
        }
        let w = weight_vector[size - 1] / binom(m, size) / if paired { 2.0 } else { 1.0 };
        for_each_combination(m, size, |inds| {
            mask.fill(false);
            inds.iter().for_each(|&i| mask[i] = true);
            out.push(&mask, w);
            if paired {
                mask.iter_mut().for_each(|b| *b = !*b);
                out.push(&mask, w);
            }
        });
    }
    if num_full == num_sizes {
        return out;
    }
    sample_rest(&mut out, &weight_vector, num_full, num_paired, nsamples, &mut SplitMix64::new(seed));
    out
}

/// The random part: draws until the budget is spent (or 4 draws per sample).
fn sample_rest(
    out: &mut Coalitions,
    weight_vector: &[f64],
    num_full: usize,
    num_paired: usize,
    nsamples: usize,
    rng: &mut SplitMix64,
) {
    let m = out.m;
    let fixed = out.len();
    let mut samples_left = nsamples.saturating_sub(fixed);
    let mut rest: Vec<f64> = weight_vector.to_vec();
    rest.iter_mut().take(num_paired).for_each(|w| *w /= 2.0);
    let rest = &rest[num_full..];
    let rest_total: f64 = rest.iter().sum();
    let mut used: HashMap<Vec<u64>, usize> = HashMap::new();
    let mut order: Vec<usize> = (0..m).collect();
    let mut mask = vec![false; m];
    let draws = 4 * samples_left;
    for _ in 0..draws {
        if samples_left == 0 {
            break;
        }
        let size = draw_index(rest, rest_total, rng) + num_full + 1;
        // A uniform subset of `size` features: the head of a partial shuffle.
        for i in 0..size {
            let j = i + rng.below((m - i) as u64) as usize;
            order.swap(i, j);
        }
        mask.fill(false);
        order[..size].iter().for_each(|&i| mask[i] = true);
        let key = bits(&mask);
        let paired = size <= num_paired;
        match used.get(&key) {
            Some(&at) => {
                out.weights[at] += 1.0;
                if paired && at + 1 < out.len() {
                    out.weights[at + 1] += 1.0;
                }
            }
            None => {
                used.insert(key, out.len());
                out.push(&mask, 1.0);
                samples_left -= 1;
                if samples_left > 0 && paired {
                    mask.iter_mut().for_each(|b| *b = !*b);
                    out.push(&mask, 1.0);
                    samples_left -= 1;
                }
            }
        }
    }
    let weight_left: f64 = weight_vector[num_full..].iter().sum();
    let drawn: f64 = out.weights[fixed..].iter().sum();
    if drawn > 0.0 {
        out.weights[fixed..].iter_mut().for_each(|w| *w *= weight_left / drawn);
    }
}

fn draw_index(weights: &[f64], total: f64, rng: &mut SplitMix64) -> usize {
    let mut u = rng.next_f64() * total;
    for (i, w) in weights.iter().enumerate() {
        if u < *w {
            return i;
        }
        u -= w;
    }
    weights.len() - 1
}

fn bits(mask: &[bool]) -> Vec<u64> {
    let mut words = vec![0u64; mask.len().div_ceil(64)];
    for (i, _) in mask.iter().enumerate().filter(|(_, b)| **b) {
        words[i / 64] |= 1 << (i % 64);
    }
    words
}

/// Calls `f` with every `k`-subset of `0..n`, in lexicographic order
/// (Python's `itertools.combinations`).
fn for_each_combination(n: usize, k: usize, mut f: impl FnMut(&[usize])) {
    let mut idx: Vec<usize> = (0..k).collect();
    loop {
        f(&idx);
        let Some(i) = (0..k).rev().find(|&i| idx[i] != i + n - k) else { return };
        idx[i] += 1;
        for j in i + 1..k {
            idx[j] = idx[j - 1] + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_budget_enumerates_every_coalition_once() {
        for m in 2..=9 {
            let c = plan(m, sample_budget(m, None), 0);
            assert_eq!(c.len(), (1 << m) - 2, "m = {m}");
            let mut seen: Vec<Vec<u64>> = (0..c.len()).map(|i| bits(c.mask(i))).collect();
            seen.sort();
            seen.dedup();
            assert_eq!(seen.len(), c.len());
            assert!((c.weights.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        }
    }

    #[test]
    fn a_small_budget_samples_reproducibly() {
        let a = plan(12, 100, 5);
        assert_eq!(a.len(), 100);
        assert!((a.weights.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        assert_eq!(a, plan(12, 100, 5));
        assert_ne!(a, plan(12, 100, 6));
    }

    #[test]
    fn clarifys_default_budget() {
        // sagemaker spec §7: M = 10 → 1022, M = 20 → 2088; the benchmark's M = 12 → 2072.
        assert_eq!(sample_budget(10, None), 1022);
        assert_eq!(sample_budget(20, None), 2088);
        assert_eq!(sample_budget(12, None), 2072);
        assert_eq!(sample_budget(12, Some(100)), 100);
        assert_eq!(sample_budget(0, None), 0);
    }

    #[test]
    fn combinations_are_lexicographic() {
        let mut all = Vec::new();
        for_each_combination(4, 2, |c| all.push(c.to_vec()));
        assert_eq!(all, [[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]]);
    }
}
