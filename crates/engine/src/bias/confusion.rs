//! Counts of rows by observed and predicted label within one group: the
//! quantity every Clarify metric but FT is a function of.

use serde::{Deserialize, Serialize};

/// Rows of one group by observed label (positive or not) and predicted label.
///
/// Without predictions (pre-training), every row counts as predicted
/// negative, so `positives()` and `negatives()` still hold the label counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Confusion {
    /// Observed positive, predicted positive.
    pub tp: u64,
    /// Observed negative, predicted positive.
    pub fp: u64,
    /// Observed negative, predicted negative.
    pub tn: u64,
    /// Observed positive, predicted negative.
    pub fn_: u64,
}

impl Confusion {
    /// Counts one row.
    pub fn add(&mut self, label: bool, predicted: bool) {
        match (label, predicted) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (false, false) => self.tn += 1,
            (true, false) => self.fn_ += 1,
        }
    }

    /// Adds another group's counts.
    pub fn merge(&mut self, other: &Self) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.tn += other.tn;
        self.fn_ += other.fn_;
    }

    /// Rows in the group.
    #[must_use]
    pub fn n(&self) -> u64 {
        self.tp + self.fp + self.tn + self.fn_
    }

    /// Observed positives, n⁽¹⁾.
    #[must_use]
    pub fn positives(&self) -> u64 {
        self.tp + self.fn_
    }

    /// Observed negatives, n⁽⁰⁾.
    #[must_use]
    pub fn negatives(&self) -> u64 {
        self.fp + self.tn
    }

    /// Predicted positives, n̂⁽¹⁾.
    #[must_use]
    pub fn predicted_positives(&self) -> u64 {
        self.tp + self.fp
    }

    /// Predicted negatives, n̂⁽⁰⁾.
    #[must_use]
    pub fn predicted_negatives(&self) -> u64 {
        self.tn + self.fn_
    }

    /// The counts as `[tp, fp, tn, fn]`, the order bootstrap cells use.
    #[must_use]
    pub fn cells(&self) -> [u64; 4] {
        [self.tp, self.fp, self.tn, self.fn_]
    }

    /// Counts from `[tp, fp, tn, fn]`.
    #[must_use]
    pub fn from_cells(cells: [u64; 4]) -> Self {
        Self { tp: cells[0], fp: cells[1], tn: cells[2], fn_: cells[3] }
    }
}

/// Counts of a table split by one facet: group d (the sensitive facet value
/// or threshold range) and group a (every other row), overall and within
/// each value of the group variable (CDDL, CDDPL).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FacetCounts {
    /// Group d, the sensitive facet.
    pub d: Confusion,
    /// Group a, every other row.
    pub a: Confusion,
    /// Per value of the group variable (sorted as `np.unique` sorts them):
    /// `(d, a)` counts; empty without a group variable.
    pub strata: Vec<(Confusion, Confusion)>,
    /// True when predicted labels were counted (post-training).
    pub has_predictions: bool,
    /// True when a group variable was given (even one with no stratum).
    pub has_group_variable: bool,
}

impl FacetCounts {
    /// Counts for the whole table (d and a together).
    #[must_use]
    pub fn overall(&self) -> Confusion {
        let mut all = self.d;
        all.merge(&self.a);
        all
    }
}
