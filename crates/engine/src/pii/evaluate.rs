//! Precision and recall of the scan per kind on a labelled corpus: a cell's
//! detected kinds against its labelled kinds.

use serde::Serialize;

use super::{corpus::LabelledCell, detect, Hints, PiiKind};

/// The scan's score on one kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KindScore {
    /// The kind.
    pub kind: PiiKind,
    /// Cells of this kind found as this kind.
    pub true_positives: usize,
    /// Cells found as this kind that are not.
    pub false_positives: usize,
    /// Cells of this kind not found.
    pub false_negatives: usize,
    /// TP / (TP + FP); 1 when nothing was found.
    pub precision: f64,
    /// TP / (TP + FN); 1 when there was nothing to find.
    pub recall: f64,
}

/// The score of every kind on `cells`.
#[must_use]
pub fn evaluate(cells: &[LabelledCell]) -> Vec<KindScore> {
    let mut counts = [(0usize, 0usize, 0usize); PiiKind::ALL.len()];
    for cell in cells {
        let found = detect(&cell.text, Hints::of(&cell.header));
        for (k, kind) in PiiKind::ALL.iter().enumerate() {
            let detected = found.iter().any(|m| m.kind == *kind);
            let labelled = cell.kinds.contains(kind);
            match (detected, labelled) {
                (true, true) => counts[k].0 += 1,
                (true, false) => counts[k].1 += 1,
                (false, true) => counts[k].2 += 1,
                (false, false) => {}
            }
        }
    }
    PiiKind::ALL
        .iter()
        .zip(counts)
        .map(|(&kind, (tp, fp, fn_))| KindScore {
            kind,
            true_positives: tp,
            false_positives: fp,
            false_negatives: fn_,
            precision: if tp + fp == 0 { 1.0 } else { tp as f64 / (tp + fp) as f64 },
            recall: if tp + fn_ == 0 { 1.0 } else { tp as f64 / (tp + fn_) as f64 },
        })
        .collect()
}
