//! Per-group rates from a group's confusion counts: selection rate, base
//! rate, TPR, FPR, TNR, FNR, PPV and accuracy.

use serde::{Deserialize, Serialize};

use crate::bias::Confusion;

/// One group's counts and rates; a rate is `None` (`null` in JSON) when its
/// denominator is zero (AIF360 then gives NaN, Fairlearn 0 for the four
/// error rates).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupRates {
    /// The group's name (a value, or values joined by " × ").
    pub group: String,
    /// Rows in the group.
    pub n: u64,
    /// Observed positives.
    pub positives: u64,
    /// Predicted positives.
    pub predicted_positives: u64,
    /// The counts themselves.
    pub confusion: Confusion,
    /// P(ŷ = 1): predicted positives / n.
    pub selection_rate: Option<f64>,
    /// P(y = 1): observed positives / n (AIF360's `base_rate`).
    pub base_rate: Option<f64>,
    /// True positive rate TP / P (recall).
    pub true_positive_rate: Option<f64>,
    /// False positive rate FP / N.
    pub false_positive_rate: Option<f64>,
    /// True negative rate TN / N.
    pub true_negative_rate: Option<f64>,
    /// False negative rate FN / P.
    pub false_negative_rate: Option<f64>,
    /// Positive predictive value TP / (TP + FP) (precision).
    pub positive_predictive_value: Option<f64>,
    /// Accuracy (TP + TN) / n.
    pub accuracy: Option<f64>,
    /// Selection rate over the highest group selection rate (the impact
    /// ratio of the 4/5ths rule and NYC Local Law 144).
    pub impact_ratio: Option<f64>,
}

impl GroupRates {
    /// The rates of one group (`impact_ratio` is left `None`: it needs the
    /// other groups).
    #[must_use]
    pub fn new(group: &str, c: &Confusion) -> Self {
        Self {
            group: group.to_owned(),
            n: c.n(),
            positives: c.positives(),
            predicted_positives: c.predicted_positives(),
            confusion: *c,
            selection_rate: rate(c.predicted_positives(), c.n()),
            base_rate: rate(c.positives(), c.n()),
            true_positive_rate: rate(c.tp, c.positives()),
            false_positive_rate: rate(c.fp, c.negatives()),
            true_negative_rate: rate(c.tn, c.negatives()),
            false_negative_rate: rate(c.fn_, c.positives()),
            positive_predictive_value: rate(c.tp, c.predicted_positives()),
            accuracy: rate(c.tp + c.tn, c.n()),
            impact_ratio: None,
        }
    }
}

impl GroupRates {
    /// Leaves out every rate that needs predictions (the counts of a run
    /// without a predicted label hold none, which would read as 0 %).
    pub fn forget_predictions(&mut self) {
        self.selection_rate = None;
        self.true_positive_rate = None;
        self.false_positive_rate = None;
        self.true_negative_rate = None;
        self.false_negative_rate = None;
        self.positive_predictive_value = None;
        self.accuracy = None;
        self.impact_ratio = None;
    }
}

/// `num / den`, `None` when `den` is 0.
#[must_use]
pub fn rate(num: u64, den: u64) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
}

/// Rates of every group, with each group's impact ratio against the highest
/// selection rate (`None` when that rate is 0 or the group is empty).
#[must_use]
pub fn group_rates(groups: &[(String, Confusion)]) -> Vec<GroupRates> {
    let mut rates: Vec<GroupRates> = groups.iter().map(|(name, c)| GroupRates::new(name, c)).collect();
    let highest = rates.iter().filter_map(|r| r.selection_rate).fold(0.0, f64::max);
    if highest > 0.0 {
        for r in &mut rates {
            r.impact_ratio = r.selection_rate.map(|s| s / highest);
        }
    }
    rates
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_denominators_are_none() {
        let no_positives = Confusion { tp: 0, fp: 2, tn: 3, fn_: 0 };
        let r = GroupRates::new("g", &no_positives);
        assert_eq!((r.true_positive_rate, r.false_negative_rate), (None, None));
        assert_eq!(r.false_positive_rate, Some(0.4));
        let empty = GroupRates::new("e", &Confusion::default());
        assert_eq!((empty.selection_rate, empty.accuracy, empty.positive_predictive_value), (None, None, None));
    }

    #[test]
    fn impact_ratios_are_against_the_highest_selection_rate() {
        let groups = vec![
            ("a".to_owned(), Confusion { tp: 3, fp: 1, tn: 4, fn_: 2 }),
            ("b".to_owned(), Confusion { tp: 1, fp: 0, tn: 8, fn_: 1 }),
            ("c".to_owned(), Confusion::default()),
        ];
        let rates = group_rates(&groups);
        assert_eq!(rates[0].impact_ratio, Some(1.0));
        assert_eq!(rates[1].impact_ratio, Some(0.25));
        assert_eq!(rates[2].impact_ratio, None);
        let none_selected = vec![("a".to_owned(), Confusion { tp: 0, fp: 0, tn: 4, fn_: 2 })];
        assert_eq!(group_rates(&none_selected)[0].impact_ratio, None);
    }
}
