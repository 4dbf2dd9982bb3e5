//! Evidently's `empirical_mmd` stattest: the (unbiased) squared maximum mean
//! discrepancy with an RBF kernel whose bandwidth is the median heuristic on
//! the reference, and a 100-permutation p-value.
//!
//! The statistic reproduces Evidently's arithmetic (its squared-distance
//! formula y² - 2xy + x², numpy's "nearest" median, a zeroed kernel
//! diagonal). The permutations use our seeded [`SplitMix64`] instead of
//! numpy's global generator, so the p-value is reproducible but is not
//! Evidently's (which is random).
//!
//! The kernel matrix is quadratic in the sample sizes, so each side is
//! capped at [`MAX_PER_SIDE`] values: a larger side is replaced by a seeded
//! uniform subsample without replacement. Below the cap the statistic
//! equals Evidently's; above it, it is Evidently's statistic on the
//! subsample.

use crate::drift::{Samples, TestOutcome};
use crate::math::splitmix64::SplitMix64;

/// Largest number of values per side that enter the kernel matrix (a 2,000
/// x 2,000 matrix at most: 32 MB, about 0.4 s for the permutations).
pub const MAX_PER_SIDE: usize = 1000;

/// Permutations, as in Evidently.
const PERMUTATIONS: usize = 100;

/// Evidently's squared distance between x and y, in its order of operations.
fn squared_distance(x: f64, y: f64) -> f64 {
    (y * y - 2.0 * (x * y)) + x * x
}

/// numpy's `percentile(q=50, method="nearest")` of the reference's pairwise
/// squared distances (all n² of them, diagonal included).
fn median_distance(reference: &[f64]) -> f64 {
    let mut all: Vec<f64> =
        reference.iter().flat_map(|&x| reference.iter().map(move |&y| squared_distance(x, y))).collect();
    let k = ((all.len() - 1) as f64 * 0.5).round_ties_even() as usize;
    let (_, kth, _) = all.select_nth_unstable_by(k, f64::total_cmp);
    *kth
}

/// A seeded uniform subsample of at most `cap` values, kept in order.
fn capped(values: &[f64], cap: usize, rng: &mut SplitMix64) -> Vec<f64> {
    if values.len() <= cap {
        return values.to_vec();
    }
    let mut index: Vec<usize> = (0..values.len()).collect();
    // Partial Fisher-Yates: the first `cap` slots become the sample.
    for i in 0..cap {
        let j = i + rng.below((values.len() - i) as u64) as usize;
        index.swap(i, j);
    }
    let mut chosen: Vec<usize> = index.into_iter().take(cap).collect();
    chosen.sort_unstable();
    chosen.into_iter().filter_map(|i| values.get(i).copied()).collect()
}

/// The pooled kernel matrix, reference first, diagonal zeroed.
struct Kernel {
    size: usize,
    cells: Vec<f64>,
}

impl Kernel {
    fn new(x: &[f64], y: &[f64]) -> Self {
        let sigma = (0.5 * median_distance(x)).powf(0.5);
        let sigma = if sigma == 0.0 { 0.5_f64.sqrt() } else { sigma };
        let gamma = 1.0 / (2.0 * sigma * sigma);
        let pooled: Vec<f64> = x.iter().chain(y).copied().collect();
        let size = pooled.len();
        let nx = x.len();
        let mut cells = vec![0.0; size * size];
        for (i, row) in cells.chunks_exact_mut(size).enumerate() {
            for (j, cell) in row.iter_mut().enumerate() {
                if i == j {
                    continue;
                }
                // The cross block is computed as rbf(x, y) and transposed.
                let (a, b) = if i >= nx && j < nx { (j, i) } else { (i, j) };
                let (pa, pb) = (pooled.get(a).copied(), pooled.get(b).copied());
                if let (Some(pa), Some(pb)) = (pa, pb) {
                    *cell = (-gamma * squared_distance(pa, pb)).exp();
                }
            }
        }
        Self { size, cells }
    }

    /// Evidently's mmd_2samp for the split "x = rows where in_x".
    fn mmd(&self, in_x: &[bool], nx: usize) -> f64 {
        let ny = self.size - nx;
        let (mut xx, mut yy, mut yx) = (0.0, 0.0, 0.0);
        for (row, &row_in_x) in self.cells.chunks_exact(self.size).zip(in_x) {
            let (mut to_x, mut to_y) = (0.0, 0.0);
            for (&k, &col_in_x) in row.iter().zip(in_x) {
                if col_in_x {
                    to_x += k;
                } else {
                    to_y += k;
                }
            }
            if row_in_x {
                xx += to_x;
            } else {
                yy += to_y;
                yx += to_x;
            }
        }
        let (fx, fy) = (nx as f64, ny as f64);
        1.0 / (fx * (fx - 1.0)) * xx + 1.0 / (fy * (fy - 1.0)) * yy - 2.0 * (yx / (fx * fy))
    }
}

/// Evidently's `empirical_mmd`: the MMD statistic (equal to Evidently's for
/// up to [`MAX_PER_SIDE`] values per side) and the share of 100 seeded
/// label permutations whose MMD is at least the observed one.
///
/// Fewer than two values on a side gives NaN (Evidently divides by zero).
/// Cost: O((min(n, 1000) + min(m, 1000))²) time and memory.
pub fn empirical_mmd(s: Samples, seed: u64) -> TestOutcome {
    if s.reference.len() < 2 || s.current.len() < 2 {
        return TestOutcome::test(f64::NAN, f64::NAN);
    }
    let mut rng = SplitMix64::new(seed);
    let x = capped(s.reference, MAX_PER_SIDE, &mut rng);
    let y = capped(s.current, MAX_PER_SIDE, &mut rng);
    let kernel = Kernel::new(&x, &y);
    let mut labels: Vec<bool> = (0..kernel.size).map(|i| i < x.len()).collect();
    let observed = kernel.mmd(&labels, x.len());
    let mut at_least = 0usize;
    for _ in 0..PERMUTATIONS {
        rng.shuffle(&mut labels);
        if observed <= kernel.mmd(&labels, x.len()) {
            at_least += 1;
        }
    }
    TestOutcome::test(observed, at_least as f64 / PERMUTATIONS as f64)
}
