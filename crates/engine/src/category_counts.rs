//! Category counts of the baseline and the current data over the union of
//! their categories: the input of every categorical and binned test.

use serde::{Deserialize, Serialize};

/// Counts per category (or per bin) for both sides, aligned by index.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Counts {
    /// One label per category or bin.
    pub labels: Vec<String>,
    /// Baseline count of each category.
    pub reference: Vec<u64>,
    /// Current count of each category.
    pub current: Vec<u64>,
}

impl Counts {
    /// Total baseline count.
    pub fn reference_total(&self) -> u64 {
        self.reference.iter().sum()
    }

    /// Total current count.
    pub fn current_total(&self) -> u64 {
        self.current.iter().sum()
    }

    /// The counts of both sides over the union of their labels, in order
    /// of first appearance (baseline first).
    pub fn union(
        baseline: impl IntoIterator<Item = (String, u64)>,
        current: impl IntoIterator<Item = (String, u64)>,
    ) -> Self {
        let mut index: hashbrown::HashMap<String, usize> = hashbrown::HashMap::new();
        let mut counts = Self::default();
        let mut add = |label: String, n: u64, side: usize| {
            let slot = *index.entry(label.clone()).or_insert_with(|| {
                counts.labels.push(label);
                counts.reference.push(0);
                counts.current.push(0);
                counts.labels.len() - 1
            });
            let target = if side == 0 { &mut counts.reference } else { &mut counts.current };
            if let Some(c) = target.get_mut(slot) {
                *c += n;
            }
        };
        baseline.into_iter().for_each(|(label, n)| add(label, n, 0));
        current.into_iter().for_each(|(label, n)| add(label, n, 1));
        counts
    }

    /// Counts from labelled pairs; categories seen on one side only get 0 on
    /// the other.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (String, u64, u64)>) -> Self {
        let mut counts = Self::default();
        for (label, reference, current) in pairs {
            counts.labels.push(label);
            counts.reference.push(reference);
            counts.current.push(current);
        }
        counts
    }
}
