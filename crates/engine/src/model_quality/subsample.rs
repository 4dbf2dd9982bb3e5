//! `standard_deviation` of each metric over seeded subsamples (spec §4): the
//! metric on 5 random 80 % subsamples (without replacement) when there are at
//! least 200 rows, else NaN (written "NaN"). The std is the sample std
//! (divisor n − 1, as Spark's `stddev`); SageMaker's choice is UNCONFIRMED.

use super::error::ModelQualityError;
use crate::math::splitmix64::SplitMix64;

/// How many subsamples are drawn.
pub const SUBSAMPLES: usize = 5;
/// The fewest rows for which a standard deviation is given.
pub const MIN_ROWS: usize = 200;
/// The seed Tideline uses unless told otherwise, so reruns agree.
pub const DEFAULT_SEED: u64 = 20_261_122;

/// The std of every metric `metric` returns, by position, over
/// [`SUBSAMPLES`] subsamples of `floor(0.8·n)` of the `n` rows; all NaN when
/// `n < MIN_ROWS`. `metric` gets the chosen row indices.
///
/// # Errors
/// Whatever `metric` returns.
pub fn subsample_std<F>(n: usize, metrics: usize, seed: u64, metric: F) -> Result<Vec<f64>, ModelQualityError>
where
    F: Fn(&[usize]) -> Result<Vec<f64>, ModelQualityError>,
{
    if n < MIN_ROWS {
        return Ok(vec![f64::NAN; metrics]);
    }
    let mut rng = SplitMix64::new(seed);
    let mut rows: Vec<usize> = (0..n).collect();
    let mut draws: Vec<Vec<f64>> = Vec::with_capacity(SUBSAMPLES);
    for _ in 0..SUBSAMPLES {
        rng.shuffle(&mut rows);
        let mut chosen = rows[..n * 4 / 5].to_vec();
        chosen.sort_unstable();
        draws.push(metric(&chosen)?);
    }
    Ok((0..metrics).map(|m| sample_std(draws.iter().map(|d| d.get(m).copied().unwrap_or(f64::NAN)))).collect())
}

/// The sample standard deviation (divisor n − 1).
fn sample_std(values: impl Iterator<Item = f64> + Clone) -> f64 {
    let n = values.clone().count() as f64;
    let mean = values.clone().sum::<f64>() / n;
    (values.map(|v| (v - mean) * (v - mean)).sum::<f64>() / (n - 1.0)).sqrt()
}

/// The rows of `values` at `rows`.
pub(crate) fn pick<T: Clone>(values: &[T], rows: &[usize]) -> Vec<T> {
    rows.iter().filter_map(|&i| values.get(i).cloned()).collect()
}
