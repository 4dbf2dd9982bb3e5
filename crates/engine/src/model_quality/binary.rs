//! Binary-classification metrics from the confusion counts (spec §4).

use super::error::{check_lengths, ModelQualityError};
use super::fbeta::{f_beta, ratio, BETAS};

/// The confusion counts of a binary classifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BinaryCounts {
    /// Actual positive, predicted positive.
    pub tp: u64,
    /// Actual negative, predicted positive.
    pub fp: u64,
    /// Actual negative, predicted negative.
    pub tn: u64,
    /// Actual positive, predicted negative.
    pub fn_: u64,
}

impl BinaryCounts {
    /// Counts `actual` against `predicted` (true = the positive class).
    ///
    /// # Errors
    /// Lengths differ or there are no rows.
    pub fn new(actual: &[bool], predicted: &[bool]) -> Result<Self, ModelQualityError> {
        check_lengths(actual.len(), predicted.len())?;
        let mut c = Self::default();
        for (&a, &p) in actual.iter().zip(predicted) {
            match (a, p) {
                (true, true) => c.tp += 1,
                (false, true) => c.fp += 1,
                (false, false) => c.tn += 1,
                (true, false) => c.fn_ += 1,
            }
        }
        Ok(c)
    }

    /// The scalar metrics Model Monitor reports, in its order, without
    /// `auc` (which needs scores). 0/0 is 0.0 (scikit-learn's default);
    /// `true_negative_rate` is 1 − FPR and `false_negative_rate` 1 − TPR, as
    /// the doc's 0.33333333333333337 shows (spec §4).
    pub fn metrics(&self) -> Vec<(&'static str, f64)> {
        let (tp, fp, tn, fn_) = (self.tp as f64, self.fp as f64, self.tn as f64, self.fn_ as f64);
        let recall = ratio(tp, tp + fn_);
        let fpr = ratio(fp, fp + tn);
        let mut out = vec![
            ("recall", recall),
            ("precision", ratio(tp, tp + fp)),
            ("accuracy", (tp + tn) / (tp + fp + tn + fn_)),
            ("true_positive_rate", recall),
            ("true_negative_rate", 1.0 - fpr),
            ("false_positive_rate", fpr),
            ("false_negative_rate", 1.0 - recall),
        ];
        for (name, beta) in BETAS {
            out.push((name, f_beta(beta, tp, fp, fn_)));
        }
        out
    }

    /// The counts of the best constant classifier, which always predicts the
    /// positive class (recall 1, precision = accuracy = prevalence; spec §4).
    pub fn best_constant(&self) -> Self {
        Self { tp: self.tp + self.fn_, fp: self.fp + self.tn, tn: 0, fn_: 0 }
    }
}

/// The names of the `_best_constant_classifier` variants, in Model Monitor's order.
pub const BEST_CONSTANT: [(&str, &str); 6] = [
    ("recall", "recall_best_constant_classifier"),
    ("precision", "precision_best_constant_classifier"),
    ("accuracy", "accuracy_best_constant_classifier"),
    ("f0_5", "f0_5_best_constant_classifier"),
    ("f1", "f1_best_constant_classifier"),
    ("f2", "f2_best_constant_classifier"),
];

/// Every scalar binary metric in Model Monitor's order: the count metrics,
/// `auc` when scores are given (NaN when one class only, where scikit-learn
/// raises), then the best-constant variants.
///
/// # Errors
/// Lengths differ, no rows, or a non-finite score.
pub fn binary_metrics(
    actual: &[bool],
    predicted: &[bool],
    scores: Option<&[f64]>,
) -> Result<Vec<(&'static str, f64)>, ModelQualityError> {
    let counts = BinaryCounts::new(actual, predicted)?;
    let mut out = counts.metrics();
    if let Some(scores) = scores {
        let auc = super::curves::roc_auc(actual, scores)?;
        let at = out.iter().position(|(n, _)| *n == "f0_5").unwrap_or(out.len());
        out.insert(at, ("auc", auc));
    }
    let best = counts.best_constant().metrics();
    for (base, name) in BEST_CONSTANT {
        if let Some((_, v)) = best.iter().find(|(n, _)| *n == base) {
            out.push((name, *v));
        }
    }
    Ok(out)
}
