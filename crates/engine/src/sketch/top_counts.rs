//! Category counts in bounded memory: exact while a column holds at most
//! `capacity` distinct values, then a Misra–Gries summary of `capacity`
//! counters, which stays mergeable (Agarwal et al., "Mergeable summaries",
//! PODS 2012: add the counters, then subtract the (k+1)-th largest and drop
//! what falls to zero or below). Every kept count is an underestimate by at
//! most [`TopCounts::error_bound`], and any value whose true count exceeds
//! that bound is kept.

use hashbrown::HashMap;
use serde::{Deserialize, Serialize};

/// Counts of a column's values, exact or bounded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopCounts {
    capacity: usize,
    /// Written sorted by value, so that equal states give equal bytes.
    #[serde(with = "super::sorted_map")]
    counts: HashMap<String, u64>,
    /// Values counted in all.
    total: u64,
    /// Whether counters were ever dropped (then counts are bounded, not exact).
    summarised: bool,
}

impl TopCounts {
    /// Counts kept exactly up to `capacity` distinct values (at least 1).
    #[must_use]
    pub fn new(capacity: usize) -> Self {
        Self { capacity: capacity.max(1), counts: HashMap::new(), total: 0, summarised: false }
    }

    /// Counts that are never summarised (exact mode).
    #[must_use]
    pub fn unbounded() -> Self {
        Self::new(usize::MAX)
    }

    /// Distinct values kept exactly before the summary starts.
    #[must_use]
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// Counts `n` more of `value`.
    pub fn add(&mut self, value: &str, n: u64) {
        if n == 0 {
            return;
        }
        self.total += n;
        if let Some(c) = self.counts.get_mut(value) {
            *c += n;
            return;
        }
        self.counts.insert(value.to_owned(), n);
        if self.counts.len() > self.capacity {
            self.shrink();
        }
    }

    /// Merges `other` in: the counts of both inputs together, within the
    /// summed bound.
    pub fn merge(&mut self, other: &Self) {
        self.total += other.total;
        self.summarised |= other.summarised;
        for (value, &n) in &other.counts {
            match self.counts.get_mut(value.as_str()) {
                Some(c) => *c += n,
                None => {
                    self.counts.insert(value.clone(), n);
                }
            }
        }
        if self.counts.len() > self.capacity {
            self.shrink();
        }
    }

    /// Subtracts the (k+1)-th largest count from every counter and drops
    /// those left at zero: at most `capacity` counters remain.
    fn shrink(&mut self) {
        let mut sorted: Vec<u64> = self.counts.values().copied().collect();
        sorted.sort_unstable_by(|a, b| b.cmp(a));
        let cut = sorted.get(self.capacity).copied().unwrap_or(0);
        if cut == 0 {
            return;
        }
        self.summarised = true;
        self.counts.retain(|_, c| {
            *c -= cut.min(*c);
            *c > 0
        });
    }

    /// The kept values and their counts (exact when [`Self::is_exact`]).
    #[must_use]
    pub fn counts(&self) -> &HashMap<String, u64> {
        &self.counts
    }

    /// The kept count of `value` (0 when not kept).
    #[must_use]
    pub fn get(&self, value: &str) -> u64 {
        self.counts.get(value).copied().unwrap_or(0)
    }

    /// True when the kept counts add up to at most the total and the
    /// capacity is positive (a state read from a file is checked with it).
    #[must_use]
    pub fn is_consistent(&self) -> bool {
        let kept = self.counts.values().try_fold(0_u64, |s, &c| s.checked_add(c));
        self.capacity > 0 && kept.is_some_and(|k| k <= self.total) && (self.summarised || kept == Some(self.total))
    }

    /// Distinct values kept.
    #[must_use]
    pub fn len(&self) -> usize {
        self.counts.len()
    }

    /// True before any value is counted.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// Values counted in all.
    #[must_use]
    pub fn total(&self) -> u64 {
        self.total
    }

    /// True while every count is exact.
    #[must_use]
    pub fn is_exact(&self) -> bool {
        !self.summarised
    }

    /// How far below its true count any value's count may be (0 when exact):
    /// the values not accounted for by the counters, over k + 1.
    #[must_use]
    pub fn error_bound(&self) -> u64 {
        if !self.summarised {
            return 0;
        }
        let kept: u64 = self.counts.values().sum();
        (self.total - kept) / (self.capacity as u64 + 1)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    /// A skewed stream: value i appears about n / (i + 1) times.
    fn stream(seed: u64, n: usize, distinct: u64) -> Vec<String> {
        let mut rng = crate::math::splitmix64::SplitMix64::new(seed);
        (0..n).map(|_| format!("v{}", (distinct as f64).powf(rng.next_f64()) as u64)).collect()
    }

    fn truth(values: &[String]) -> BTreeMap<String, u64> {
        let mut t = BTreeMap::new();
        for v in values {
            *t.entry(v.clone()).or_insert(0) += 1;
        }
        t
    }

    fn check(summary: &TopCounts, values: &[String]) {
        let truth = truth(values);
        let bound = summary.error_bound();
        assert!(bound <= values.len() as u64 / (summary.capacity as u64 + 1));
        for (value, &count) in &truth {
            let kept = summary.get(value);
            assert!(kept <= count && count - kept <= bound, "{value}: kept {kept}, true {count}, bound {bound}");
        }
        assert_eq!(summary.total(), values.len() as u64);
    }

    #[test]
    fn counts_are_exact_up_to_the_capacity() {
        let values = stream(1, 10_000, 40);
        let mut s = TopCounts::new(64);
        values.iter().for_each(|v| s.add(v, 1));
        assert!(s.is_exact());
        assert_eq!(s.counts().iter().map(|(k, v)| (k.clone(), *v)).collect::<BTreeMap<_, _>>(), truth(&values));
        assert_eq!(s.error_bound(), 0);
    }

    #[test]
    fn beyond_the_capacity_every_count_is_within_the_bound_and_merges_keep_it() {
        let a = stream(2, 50_000, 5_000);
        let b = stream(3, 30_000, 20_000);
        let (mut sa, mut sb) = (TopCounts::new(100), TopCounts::new(100));
        a.iter().for_each(|v| sa.add(v, 1));
        b.iter().for_each(|v| sb.add(v, 1));
        assert!(!sa.is_exact());
        check(&sa, &a);
        check(&sb, &b);
        sa.merge(&sb);
        let both: Vec<String> = a.iter().chain(&b).cloned().collect();
        check(&sa, &both);
        assert!(sa.counts().len() <= 100);
        // The heaviest value is kept.
        let (top, _) = truth(&both).into_iter().max_by_key(|(_, c)| *c).unwrap();
        assert!(sa.counts().contains_key(&top), "{top}");
    }
}
