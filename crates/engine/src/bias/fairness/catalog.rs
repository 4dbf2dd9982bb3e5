//! The metrics `fairness.json` reports: name, ideal value, meaning, the
//! library call each equals, and how to compute it from counts.

use super::{aif360, fairlearn, Aggregation};
use crate::bias::Confusion;

/// A metric of group d (unprivileged) against group a (privileged).
pub(crate) struct PairMetric {
    pub name: &'static str,
    pub ideal: f64,
    pub description: &'static str,
    /// The AIF360 method, called on the metric object named by `dataset`.
    pub method: &'static str,
    /// True for `BinaryLabelDatasetMetric` (labels only), false for
    /// `ClassificationMetric` (needs predictions).
    pub labels_only: bool,
    pub compute: fn(&Confusion, &Confusion) -> f64,
}

/// A metric over all groups.
pub(crate) struct GroupsMetric {
    pub name: &'static str,
    pub ideal: f64,
    pub description: &'static str,
    /// Extra arguments of the Fairlearn call.
    pub arguments: &'static str,
    pub compute: fn(&[Confusion]) -> f64,
}

/// Rows of d and a together.
fn both(d: &Confusion, a: &Confusion) -> Confusion {
    let mut all = *d;
    all.merge(a);
    all
}

/// AIF360's metrics, in report order.
pub(crate) const AIF360: &[PairMetric] = &[
    PairMetric {
        name: "label_statistical_parity_difference",
        ideal: 0.0,
        description: "Difference in observed positive-label rates, unprivileged minus privileged: P(y=1|d) - P(y=1|a).",
        method: "statistical_parity_difference",
        labels_only: true,
        compute: aif360::label_statistical_parity_difference,
    },
    PairMetric {
        name: "label_disparate_impact",
        ideal: 1.0,
        description: "Ratio of observed positive-label rates, unprivileged over privileged: P(y=1|d) / P(y=1|a).",
        method: "disparate_impact",
        labels_only: true,
        compute: aif360::label_disparate_impact,
    },
    PairMetric {
        name: "statistical_parity_difference",
        ideal: 0.0,
        description: "Difference in selection rates (predicted positive), unprivileged minus privileged.",
        method: "statistical_parity_difference",
        labels_only: false,
        compute: aif360::statistical_parity_difference,
    },
    PairMetric {
        name: "disparate_impact",
        ideal: 1.0,
        description: "Ratio of selection rates, unprivileged over privileged; below 0.8 fails the four-fifths rule.",
        method: "disparate_impact",
        labels_only: false,
        compute: aif360::disparate_impact,
    },
    PairMetric {
        name: "equal_opportunity_difference",
        ideal: 0.0,
        description: "Difference in true positive rates (recall), unprivileged minus privileged.",
        method: "equal_opportunity_difference",
        labels_only: false,
        compute: aif360::equal_opportunity_difference,
    },
    PairMetric {
        name: "average_odds_difference",
        ideal: 0.0,
        description: "Mean of the false positive rate and true positive rate differences, unprivileged minus privileged.",
        method: "average_odds_difference",
        labels_only: false,
        compute: aif360::average_odds_difference,
    },
    PairMetric {
        name: "average_abs_odds_difference",
        ideal: 0.0,
        description: "Mean of the absolute false positive rate and true positive rate differences.",
        method: "average_abs_odds_difference",
        labels_only: false,
        compute: aif360::average_abs_odds_difference,
    },
    PairMetric {
        name: "equalized_odds_difference",
        ideal: 0.0,
        description: "Larger of the absolute false positive rate and true positive rate differences.",
        method: "equalized_odds_difference",
        labels_only: false,
        compute: aif360::equalized_odds_difference,
    },
    PairMetric {
        name: "error_rate_difference",
        ideal: 0.0,
        description: "Difference in error rates (1 - accuracy), unprivileged minus privileged.",
        method: "error_rate_difference",
        labels_only: false,
        compute: aif360::error_rate_difference,
    },
    PairMetric {
        name: "theil_index",
        ideal: 0.0,
        description: "Inequality of individual benefits b = prediction - label + 1 over all rows (generalized entropy, alpha = 1).",
        method: "theil_index",
        labels_only: false,
        compute: |d, a| aif360::theil_index(&both(d, a)),
    },
    PairMetric {
        name: "generalized_entropy_index",
        ideal: 0.0,
        description: "Inequality of individual benefits b = prediction - label + 1 over all rows (alpha = 2).",
        method: "generalized_entropy_index(alpha=2)",
        labels_only: false,
        compute: |d, a| aif360::generalized_entropy_index(&both(d, a), 2.0),
    },
    PairMetric {
        name: "between_group_theil_index",
        ideal: 0.0,
        description: "Theil index with each row's benefit replaced by its group's mean: the inequality between the two groups.",
        method: "between_group_theil_index",
        labels_only: false,
        compute: aif360::between_group_theil_index,
    },
];

/// Fairlearn's metrics, in report order.
pub(crate) const FAIRLEARN: &[GroupsMetric] = &[
    GroupsMetric {
        name: "demographic_parity_difference",
        ideal: 0.0,
        description: "Largest minus smallest group selection rate, over all groups.",
        arguments: "",
        compute: fairlearn::demographic_parity_difference,
    },
    GroupsMetric {
        name: "demographic_parity_ratio",
        ideal: 1.0,
        description: "Smallest over largest group selection rate; below 0.8 fails the four-fifths rule.",
        arguments: "",
        compute: fairlearn::demographic_parity_ratio,
    },
    GroupsMetric {
        name: "equalized_odds_difference",
        ideal: 0.0,
        description: "Larger of the spreads (largest minus smallest) of group true positive and false positive rates.",
        arguments: ", agg='worst_case'",
        compute: |g| fairlearn::equalized_odds_difference(g, Aggregation::WorstCase),
    },
    GroupsMetric {
        name: "equalized_odds_ratio",
        ideal: 1.0,
        description: "Smaller of the ratios (smallest over largest) of group true positive and false positive rates.",
        arguments: ", agg='worst_case'",
        compute: |g| fairlearn::equalized_odds_ratio(g, Aggregation::WorstCase),
    },
    GroupsMetric {
        name: "equal_opportunity_difference",
        ideal: 0.0,
        description: "Largest minus smallest group true positive rate.",
        arguments: "",
        compute: fairlearn::equal_opportunity_difference,
    },
    GroupsMetric {
        name: "equal_opportunity_ratio",
        ideal: 1.0,
        description: "Smallest over largest group true positive rate.",
        arguments: "",
        compute: fairlearn::equal_opportunity_ratio,
    },
];

impl PairMetric {
    /// The AIF360 call, for the report.
    pub fn reference(&self) -> String {
        let object = if self.labels_only {
            "BinaryLabelDatasetMetric(dataset, unprivileged_groups=d, privileged_groups=a)"
        } else {
            "ClassificationMetric(dataset, classified_dataset, unprivileged_groups=d, privileged_groups=a)"
        };
        let call = if self.method.contains('(') { self.method.to_owned() } else { format!("{}()", self.method) };
        format!("aif360 {object}.{call}")
    }
}

impl GroupsMetric {
    /// The Fairlearn call, for the report.
    pub fn reference(&self) -> String {
        format!("fairlearn.metrics.{}(y_true, y_pred, sensitive_features=facet{})", self.name, self.arguments)
    }
}
