//! A k-means summary of the data as a Kernel SHAP baseline, the way
//! `shap.kmeans` builds one (Clarify's baseline when none is given): missing
//! values imputed with the column mean, k-means (greedy k-means++ seeding, Lloyd
//! iterations, the best of 10 starts by inertia), each centre's value
//! rounded to the nearest value of its column in the data, and each centre
//! weighted by its cluster's size.
//!
//! scikit-learn's random streams cannot be reproduced, so the centres equal
//! shap's only where the clustering does not depend on the start (well
//! separated data); ours are reproducible under `seed`. Mixed data
//! (Clarify's k-prototypes for categorical features) is not covered here.

use super::kernel_baseline::Baseline;
use super::matrix::FeatureMatrix;
use super::shap_error::ShapError;
use crate::math::splitmix64::SplitMix64;

/// Starts tried (scikit-learn's `n_init=10`, as `shap.kmeans` sets it).
const STARTS: usize = 10;
/// Lloyd iterations per start at most (scikit-learn's `max_iter`).
const MAX_ITER: usize = 300;

/// `k` weighted centres summarising `data`.
///
/// # Errors
/// `k` is 0 or above the number of rows, or a column has no value at all.
pub fn kmeans_baseline(data: &FeatureMatrix, k: usize, seed: u64) -> Result<Baseline, ShapError> {
    let (n, m) = (data.n_rows, data.n_features());
    if k == 0 || k > n {
        return Err(ShapError::Setting(format!("num_clusters is {k}; it must be between 1 and the {n} rows")));
    }
    let x = impute_means(data)?;
    let mut rng = SplitMix64::new(seed);
    let mut best: Option<(f64, Vec<f64>, Vec<usize>)> = None;
    for _ in 0..STARTS {
        let mut centres = seed_plus_plus(&x, n, m, k, &mut rng);
        let labels = lloyd(&x, n, m, k, &mut centres);
        let inertia = (0..n).map(|i| dist2(&x[i * m..(i + 1) * m], &centres[labels[i] * m..(labels[i] + 1) * m])).sum();
        if best.as_ref().is_none_or(|b| inertia < b.0) {
            best = Some((inertia, centres, labels));
        }
    }
    let Some((_, mut centres, labels)) = best else { return Err(ShapError::EmptyBaseline) };
    for c in 0..k {
        for j in 0..m {
            // The data value nearest the centre (the first on ties, as np.argmin).
            let target = centres[c * m + j];
            let mut nearest = x[j];
            for i in 1..n {
                if (x[i * m + j] - target).abs() < (nearest - target).abs() {
                    nearest = x[i * m + j];
                }
            }
            centres[c * m + j] = nearest;
        }
    }
    let mut counts = vec![0.0; k];
    labels.iter().for_each(|&l| counts[l] += 1.0);
    let rows = FeatureMatrix { features: data.features.clone(), n_rows: k, values: centres };
    Baseline::weighted(rows, counts)
}

fn impute_means(data: &FeatureMatrix) -> Result<Vec<f64>, ShapError> {
    let (n, m) = (data.n_rows, data.n_features());
    let mut x = data.values.clone();
    for j in 0..m {
        let present: Vec<f64> = (0..n).map(|i| x[i * m + j]).filter(|v| !v.is_nan()).collect();
        if present.is_empty() {
            return Err(ShapError::Setting(format!("k-means: feature \"{}\" has no value", data.features[j])));
        }
        let mean = present.iter().sum::<f64>() / present.len() as f64;
        for i in 0..n {
            if x[i * m + j].is_nan() {
                x[i * m + j] = mean;
            }
        }
    }
    Ok(x)
}

fn dist2(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(p, q)| (p - q) * (p - q)).sum()
}

/// Greedy k-means++ (scikit-learn's): the first centre uniformly; each next
/// one the best, by the summed squared distances it leaves, of 2 + ⌊ln k⌋
/// candidates drawn with probability proportional to the squared distance
/// to the nearest chosen centre.
fn seed_plus_plus(x: &[f64], n: usize, m: usize, k: usize, rng: &mut SplitMix64) -> Vec<f64> {
    let trials = 2 + (k as f64).ln().floor() as usize;
    let mut centres = Vec::with_capacity(k * m);
    let first = rng.below(n as u64) as usize;
    centres.extend_from_slice(&x[first * m..(first + 1) * m]);
    let mut d2: Vec<f64> = (0..n).map(|i| dist2(&x[i * m..(i + 1) * m], &centres[..m])).collect();
    let mut candidate_d2 = vec![0.0; n];
    for _ in 1..k {
        let total: f64 = d2.iter().sum();
        let mut best: Option<(f64, usize, Vec<f64>)> = None;
        for _ in 0..trials {
            let pick = if total > 0.0 { draw(&d2, rng.next_f64() * total) } else { rng.below(n as u64) as usize };
            let c = &x[pick * m..(pick + 1) * m];
            for (i, d) in candidate_d2.iter_mut().enumerate() {
                *d = d2[i].min(dist2(&x[i * m..(i + 1) * m], c));
            }
            let potential: f64 = candidate_d2.iter().sum();
            if best.as_ref().is_none_or(|b| potential < b.0) {
                best = Some((potential, pick, candidate_d2.clone()));
            }
        }
        let Some((_, pick, next_d2)) = best else { break };
        centres.extend_from_slice(&x[pick * m..(pick + 1) * m]);
        d2 = next_d2;
    }
    centres
}

/// The index where the running sum of `weights` passes `u`.
fn draw(weights: &[f64], mut u: f64) -> usize {
    for (i, w) in weights.iter().enumerate() {
        if u < *w {
            return i;
        }
        u -= w;
    }
    weights.len() - 1
}

/// Lloyd iterations until no label changes; returns the labels.
fn lloyd(x: &[f64], n: usize, m: usize, k: usize, centres: &mut [f64]) -> Vec<usize> {
    let mut labels = vec![usize::MAX; n];
    for _ in 0..MAX_ITER {
        let mut changed = false;
        for i in 0..n {
            let row = &x[i * m..(i + 1) * m];
            let mut best = (f64::INFINITY, 0);
            for c in 0..k {
                let d = dist2(row, &centres[c * m..(c + 1) * m]);
                if d < best.0 {
                    best = (d, c);
                }
            }
            if labels[i] != best.1 {
                labels[i] = best.1;
                changed = true;
            }
        }
        if !changed {
            break;
        }
        let mut sums = vec![0.0; k * m];
        let mut counts = vec![0usize; k];
        for i in 0..n {
            counts[labels[i]] += 1;
            sums[labels[i] * m..(labels[i] + 1) * m].iter_mut().zip(&x[i * m..(i + 1) * m]).for_each(|(s, v)| *s += v);
        }
        for c in 0..k {
            // An empty cluster keeps its centre.
            if counts[c] > 0 {
                for j in 0..m {
                    centres[c * m + j] = sums[c * m + j] / counts[c] as f64;
                }
            }
        }
    }
    labels
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blobs() -> FeatureMatrix {
        let mut values = Vec::new();
        for i in 0..30 {
            let off = [0.0, 100.0, 200.0][i % 3];
            values.extend_from_slice(&[off + (i as f64) * 0.01, -off]);
        }
        FeatureMatrix { features: vec!["a".into(), "b".into()], n_rows: 30, values }
    }

    #[test]
    fn separated_blobs_give_their_centres_weighted_by_size() {
        let b = kmeans_baseline(&blobs(), 3, 1).unwrap();
        let mut firsts: Vec<f64> = (0..3).map(|c| b.rows.row(c)[1]).collect();
        firsts.sort_by(f64::total_cmp);
        assert_eq!(firsts, [-200.0, -100.0, 0.0]);
        assert!(b.weights.iter().all(|w| (w - 1.0 / 3.0).abs() < 1e-15));
        assert_eq!(kmeans_baseline(&blobs(), 3, 1), Ok(b));
    }

    #[test]
    fn bad_cluster_counts_are_refused() {
        assert!(kmeans_baseline(&blobs(), 0, 1).unwrap_err().to_string().contains("num_clusters is 0"));
        assert!(kmeans_baseline(&blobs(), 31, 1).is_err());
    }
}
