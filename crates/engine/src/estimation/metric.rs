//! The metrics CBPE estimates for a binary classifier.

/// A metric CBPE can estimate (NannyML's names in [`CbpeMetric::name`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CbpeMetric {
    /// Area under the ROC curve.
    RocAuc,
    /// F1 score of the positive class.
    F1,
    /// Precision of the positive class.
    Precision,
    /// Recall of the positive class.
    Recall,
    /// Share of rows predicted right.
    Accuracy,
}

impl CbpeMetric {
    /// Every metric, in NannyML's documentation order.
    pub const ALL: [CbpeMetric; 5] = [Self::RocAuc, Self::F1, Self::Precision, Self::Recall, Self::Accuracy];

    /// NannyML's key: `roc_auc`, `f1`, `precision`, `recall`, `accuracy`.
    pub fn name(self) -> &'static str {
        match self {
            Self::RocAuc => "roc_auc",
            Self::F1 => "f1",
            Self::Precision => "precision",
            Self::Recall => "recall",
            Self::Accuracy => "accuracy",
        }
    }
}
