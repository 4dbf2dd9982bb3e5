//! NannyML's sampling error of a CBPE estimate: a standard deviation taken
//! once on the labelled reference, divided by √(chunk rows × share of rows
//! that matter to the metric).

use super::metric::CbpeMetric;

/// What the reference contributes to a metric's sampling error.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SamplingErrorComponents {
    /// Population standard deviation of the metric's per-row contributions.
    pub std: f64,
    /// Share of reference rows that contribute (1 for accuracy).
    pub fraction: f64,
}

impl SamplingErrorComponents {
    /// Components of `metric` from reference true labels, predicted labels
    /// and scores (row-aligned; the caller checks lengths).
    pub fn fit(metric: CbpeMetric, truth: &[bool], predicted: &[bool], scores: &[f64]) -> Self {
        let n = truth.len() as f64;
        let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
        for (&t, &p) in truth.iter().zip(predicted) {
            match (t, p) {
                (true, true) => tp += 1,
                (false, true) => fp += 1,
                (true, false) => fn_ += 1,
                (false, false) => {}
            }
        }
        match metric {
            CbpeMetric::Accuracy => {
                let correct = truth.len() - fp - fn_;
                Self { std: bernoulli_std(correct, truth.len()), fraction: 1.0 }
            }
            CbpeMetric::Precision => Self { std: bernoulli_std(tp, tp + fp), fraction: (tp + fp) as f64 / n },
            CbpeMetric::Recall => Self { std: bernoulli_std(tp, tp + fn_), fraction: (tp + fn_) as f64 / n },
            CbpeMetric::F1 => f1_components(tp, fp + fn_, n),
            CbpeMetric::RocAuc => roc_auc_components(truth, scores),
        }
    }

    /// The sampling error for a chunk of `rows` rows.
    pub fn sampling_error(&self, rows: usize) -> f64 {
        self.std / (rows as f64 * self.fraction).sqrt()
    }
}

/// Standard deviation of `ones` ones among `count` zeros and ones; NaN when empty.
fn bernoulli_std(ones: usize, count: usize) -> f64 {
    let share = ones as f64 / count as f64;
    (share * (1.0 - share)).sqrt()
}

/// F1: true positives count 1 and errors 0, all scaled so their mean is the
/// reference F1; only rows that are TP, FP or FN count.
fn f1_components(tp: usize, errors: usize, n: f64) -> SamplingErrorComponents {
    let relevant = tp + errors;
    if relevant == 0 {
        return SamplingErrorComponents { std: f64::NAN, fraction: 0.0 };
    }
    let factor = relevant as f64 / (errors as f64 * 0.5 + tp as f64);
    SamplingErrorComponents { std: bernoulli_std(tp, relevant) * factor, fraction: relevant as f64 / n }
}

/// ROC AUC as a Mann–Whitney statistic: for each positive (of the minority
/// class, flipping labels and scores when positives are the majority), the
/// share of negatives ranked below it.
///
/// NannyML ranks with numpy's unstable default sort, so among tied scores its
/// order is numpy's; this ranks ties in input order (a stable sort), which
/// moves the result slightly when scores tie.
fn roc_auc_components(truth: &[bool], scores: &[f64]) -> SamplingErrorComponents {
    let positives = truth.iter().filter(|&&t| t).count();
    let flip = positives as f64 / truth.len() as f64 > 0.5;
    let label = |i: usize| truth[i] != flip;
    let key = |i: usize| if flip { 1.0 - scores[i] } else { scores[i] };
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| key(a).total_cmp(&key(b)));
    // NannyML reads positives from `label × rank` with the zero dropped, so a
    // positive ranked first is skipped and later ones count one more row
    // below them; the rank minus the positives kept before it reproduces that.
    let mut below = Vec::new();
    for (rank, &i) in order.iter().enumerate() {
        if label(i) && rank > 0 {
            below.push((rank - below.len()) as f64);
        }
    }
    let n_pos = order.iter().filter(|&&i| label(i)).count();
    let n_neg = (truth.len() - n_pos) as f64;
    let shares: Vec<f64> = below.iter().map(|b| b / n_neg).collect();
    SamplingErrorComponents { std: population_std(&shares), fraction: n_pos as f64 / truth.len() as f64 }
}

/// Population standard deviation (numpy's `std`, ddof = 0); NaN when empty.
fn population_std(values: &[f64]) -> f64 {
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    (values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / n).sqrt()
}
