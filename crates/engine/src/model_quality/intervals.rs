//! Percentile-bootstrap intervals of realised model-quality metrics: the
//! labelled rows are resampled with replacement (seeded, the same natively
//! and in wasm) and each metric recomputed on the weighted rows, so a
//! difference between baseline and current can be read against the noise
//! of each side's sample.
//!
//! Every metric is a function of per-row weights: the confusion counts of a
//! classifier, ROC AUC as the Mann–Whitney statistic over tied-score groups
//! (equal to scikit-learn's trapezoids with unit weights), and the
//! regression errors, so one resample costs one pass over the rows.

use serde::{Deserialize, Serialize};

use super::binary::BinaryCounts;
use super::error::ModelQualityError;
use super::model_outputs::ModelOutputs;
use super::multiclass::MulticlassCounts;
use super::regression::r2_score;
use crate::bias::{quantile, BootstrapOptions};
use crate::math::splitmix64::SplitMix64;

/// Resamples the Model quality view draws: enough for 2.5 % tails to move
/// by well under a tenth of the interval between seeds, cheap on 100k rows.
pub const QUALITY_RESAMPLES: usize = 400;

/// A metric's value on the labelled rows and its bootstrap interval.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MetricEstimate {
    /// Model Monitor's metric name (`accuracy`, `auc`, `rmse` …).
    pub name: String,
    /// The value on every labelled row.
    pub value: f64,
    /// The `(1 − level)/2` quantile of the resampled values, when defined.
    pub lower: Option<f64>,
    /// The `(1 + level)/2` quantile.
    pub upper: Option<f64>,
}

/// The rows of one problem type, indexed once for every resample.
enum Prepared {
    Binary { truth: Vec<bool>, predicted: Vec<bool>, ties: Option<Vec<(usize, usize)>>, order: Vec<usize> },
    Multiclass { truth: Vec<usize>, predicted: Vec<usize>, labels: Vec<String> },
    Regression { truth: Vec<f64>, predicted: Vec<f64> },
}

/// `names` (in that order) with their values and percentile intervals over
/// `options.resamples` resamples of the labelled rows among `rows`.
///
/// # Errors
/// [`ModelQualityError::Empty`] when no row is labelled.
pub fn metric_estimates(
    outputs: &ModelOutputs,
    rows: &[usize],
    names: &[&str],
    options: &BootstrapOptions,
) -> Result<Vec<MetricEstimate>, ModelQualityError> {
    let rows = outputs.labelled(rows);
    if rows.is_empty() {
        return Err(ModelQualityError::Empty);
    }
    let prepared = prepare(outputs, &rows);
    let n = rows.len();
    let unit = vec![1u32; n];
    let values = pick(&weighted_metrics(&prepared, &unit), names);
    let mut draws: Vec<Vec<f64>> = vec![Vec::with_capacity(options.resamples); names.len()];
    let mut rng = SplitMix64::new(options.seed);
    let mut weights = vec![0u32; n];
    for _ in 0..options.resamples {
        weights.fill(0);
        for _ in 0..n {
            weights[rng.below(n as u64) as usize] += 1;
        }
        for (slot, value) in draws.iter_mut().zip(pick(&weighted_metrics(&prepared, &weights), names)) {
            if value.is_finite() {
                slot.push(value);
            }
        }
    }
    let tail = (1.0 - options.level) / 2.0;
    Ok(names
        .iter()
        .zip(values)
        .zip(draws)
        .map(|((name, value), mut drawn)| {
            // As the bias intervals: none when fewer than half the resamples define the metric.
            let defined = drawn.len() >= 2 && 2 * drawn.len() >= options.resamples;
            drawn.sort_unstable_by(f64::total_cmp);
            let bound = |q: f64| defined.then(|| quantile(&drawn, q));
            MetricEstimate { name: (*name).to_owned(), value, lower: bound(tail), upper: bound(1.0 - tail) }
        })
        .collect())
}

fn pick(all: &[(&'static str, f64)], names: &[&str]) -> Vec<f64> {
    names.iter().map(|n| all.iter().find(|(m, _)| m == n).map_or(f64::NAN, |(_, v)| *v)).collect()
}

fn prepare(outputs: &ModelOutputs, rows: &[usize]) -> Prepared {
    match outputs {
        ModelOutputs::Binary { truth, predicted, scores } => {
            let truth: Vec<bool> = rows.iter().map(|&i| truth[i] == Some(true)).collect();
            let predicted = rows.iter().map(|&i| predicted[i] == Some(true)).collect();
            let (ties, order) = match scores {
                Some(s) => {
                    let s: Vec<f64> = rows.iter().map(|&i| s[i]).collect();
                    let mut order: Vec<usize> = (0..s.len()).collect();
                    order.sort_by(|&a, &b| s[a].total_cmp(&s[b]));
                    let mut groups = Vec::new();
                    let mut start = 0;
                    while start < order.len() {
                        let end = start + order[start..].iter().take_while(|&&i| s[i] == s[order[start]]).count();
                        groups.push((start, end));
                        start = end;
                    }
                    (Some(groups), order)
                }
                None => (None, Vec::new()),
            };
            Prepared::Binary { truth, predicted, ties, order }
        }
        ModelOutputs::Multiclass { truth, predicted } => {
            let text = |v: &[Option<String>], i: usize| v[i].clone().unwrap_or_default();
            let mut labels: Vec<String> = rows.iter().flat_map(|&i| [text(truth, i), text(predicted, i)]).collect();
            labels.sort();
            labels.dedup();
            let index = |v: &[Option<String>], i: usize| labels.binary_search(&text(v, i)).unwrap_or(0);
            let t = rows.iter().map(|&i| index(truth, i)).collect();
            let p = rows.iter().map(|&i| index(predicted, i)).collect();
            Prepared::Multiclass { truth: t, predicted: p, labels }
        }
        ModelOutputs::Regression { truth, predicted } => Prepared::Regression {
            truth: rows.iter().map(|&i| truth[i]).collect(),
            predicted: rows.iter().map(|&i| predicted[i]).collect(),
        },
    }
}

/// Every metric of the problem type on rows weighted by `w` (a row drawn
/// k times counts k times).
fn weighted_metrics(prepared: &Prepared, w: &[u32]) -> Vec<(&'static str, f64)> {
    match prepared {
        Prepared::Binary { truth, predicted, ties, order } => {
            let mut c = BinaryCounts::default();
            for ((&t, &p), &k) in truth.iter().zip(predicted).zip(w) {
                let k = u64::from(k);
                match (t, p) {
                    (true, true) => c.tp += k,
                    (false, true) => c.fp += k,
                    (false, false) => c.tn += k,
                    (true, false) => c.fn_ += k,
                }
            }
            let mut out = c.metrics();
            if let Some(groups) = ties {
                out.push(("auc", weighted_auc(truth, order, groups, w)));
            }
            out
        }
        Prepared::Multiclass { truth, predicted, labels } => {
            let mut counts = vec![vec![0u64; labels.len()]; labels.len()];
            for ((&t, &p), &k) in truth.iter().zip(predicted).zip(w) {
                counts[t][p] += u64::from(k);
            }
            MulticlassCounts { labels: labels.clone(), counts }.metrics()
        }
        Prepared::Regression { truth, predicted } => weighted_regression(truth, predicted, w),
    }
}

/// ROC AUC as the weighted Mann–Whitney statistic, ties counted half; NaN
/// when a class has no weight.
fn weighted_auc(truth: &[bool], order: &[usize], groups: &[(usize, usize)], w: &[u32]) -> f64 {
    let (mut below, mut sum, mut positives) = (0.0, 0.0, 0.0);
    for &(start, end) in groups {
        let (mut pos, mut neg) = (0.0, 0.0);
        for &i in &order[start..end] {
            if truth[i] {
                pos += f64::from(w[i]);
            } else {
                neg += f64::from(w[i]);
            }
        }
        sum += pos * (below + 0.5 * neg);
        below += neg;
        positives += pos;
    }
    if positives == 0.0 || below == 0.0 {
        return f64::NAN;
    }
    sum / (positives * below)
}

/// `mae`, `mse`, `rmse` and `r2` on weighted rows, with `r2`'s edge cases
/// as [`super::regression_metrics`].
fn weighted_regression(truth: &[f64], predicted: &[f64], w: &[u32]) -> Vec<(&'static str, f64)> {
    let total: f64 = w.iter().map(|&k| f64::from(k)).sum();
    let (mut abs, mut sq, mut sum_truth) = (0.0, 0.0, 0.0);
    for ((&t, &p), &k) in truth.iter().zip(predicted).zip(w) {
        let k = f64::from(k);
        abs += k * (t - p).abs();
        sq += k * (t - p) * (t - p);
        sum_truth += k * t;
    }
    let mean = sum_truth / total;
    let ss_tot: f64 = truth.iter().zip(w).map(|(&t, &k)| f64::from(k) * (t - mean) * (t - mean)).sum();
    let mse = sq / total;
    vec![("mae", abs / total), ("mse", mse), ("rmse", mse.sqrt()), ("r2", r2_score(total, sq, ss_tot))]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn binary(truth: &[bool], predicted: &[bool], scores: &[f64]) -> ModelOutputs {
        ModelOutputs::Binary {
            truth: truth.iter().map(|&t| Some(t)).collect(),
            predicted: predicted.iter().map(|&p| Some(p)).collect(),
            scores: Some(scores.to_vec()),
        }
    }

    #[test]
    fn unit_weights_give_the_realised_metrics() {
        let outputs = binary(
            &[false, true, true, false, true, false, true, false],
            &[false, true, true, true, true, false, false, false],
            &[0.5, 0.5, 0.9, 0.5, 0.7, 0.2, 0.2, 0.7],
        );
        let rows: Vec<usize> = (0..8).collect();
        let realised = outputs.realized(&rows).unwrap();
        let names: Vec<&str> = realised.iter().map(|(n, _)| *n).collect();
        let options = BootstrapOptions { resamples: 50, level: 0.95, seed: 3 };
        let estimates = metric_estimates(&outputs, &rows, &names, &options).unwrap();
        assert_eq!(estimates.len(), realised.len());
        for (e, (name, value)) in estimates.iter().zip(&realised) {
            assert_eq!(e.name, *name);
            assert!((e.value - value).abs() < 1e-12, "{name}: {} vs {value}", e.value);
        }
        let regression =
            ModelOutputs::Regression { truth: vec![1.0, 2.0, 4.0, 3.0], predicted: vec![1.5, 2.0, 3.0, 3.5] };
        let realised = regression.realized(&[0, 1, 2, 3]).unwrap();
        let estimates = metric_estimates(&regression, &[0, 1, 2, 3], &["mae", "mse", "rmse", "r2"], &options).unwrap();
        for (e, (_, value)) in estimates.iter().zip(&realised) {
            assert!((e.value - value).abs() < 1e-12);
        }
    }

    #[test]
    fn an_accuracy_interval_is_as_wide_as_the_binomial_one_and_seeded() {
        // 2,000 rows, 80 % correct: the normal approximation's 95 % interval
        // is ±1.96·√(0.8·0.2/2000) = ±0.01753.
        let n = 2000;
        let truth: Vec<bool> = (0..n).map(|i| i % 2 == 0).collect();
        let predicted: Vec<bool> = (0..n).map(|i| if i % 5 == 0 { i % 2 != 0 } else { i % 2 == 0 }).collect();
        let scores: Vec<f64> = (0..n).map(|i| (i % 97) as f64 / 97.0).collect();
        let outputs = binary(&truth, &predicted, &scores);
        let rows: Vec<usize> = (0..n).collect();
        let options = BootstrapOptions { resamples: QUALITY_RESAMPLES, level: 0.95, seed: 0 };
        let e = metric_estimates(&outputs, &rows, &["accuracy"], &options).unwrap().remove(0);
        assert!((e.value - 0.8).abs() < 1e-12);
        let half = (e.upper.unwrap() - e.lower.unwrap()) / 2.0;
        let expected = 1.96 * (0.8f64 * 0.2 / n as f64).sqrt();
        assert!((half / expected - 1.0).abs() < 0.12, "half width {half} vs {expected}");
        assert!(e.lower.unwrap() < e.value && e.value < e.upper.unwrap());
        assert_eq!(metric_estimates(&outputs, &rows, &["accuracy"], &options).unwrap()[0], e);
    }

    #[test]
    fn an_undefined_metric_has_no_interval() {
        // One class only: ROC AUC is undefined in every resample.
        let outputs = binary(&[true, true, true, true], &[true, false, true, true], &[0.9, 0.4, 0.8, 0.8]);
        let e = metric_estimates(&outputs, &[0, 1, 2, 3], &["auc"], &BootstrapOptions::default()).unwrap().remove(0);
        assert!(e.value.is_nan());
        assert_eq!((e.lower, e.upper), (None, None));
    }
}
