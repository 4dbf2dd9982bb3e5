//! A categorical column's fitted reference: its categories (canonical keys)
//! and their counts, and a window's counts laid out against them.

use hashbrown::HashMap;

/// The reference categories and their counts.
#[derive(Debug, Clone)]
pub(crate) struct FittedCategories {
    /// Category key → position in `counts`.
    index: HashMap<String, usize>,
    /// Reference count per category.
    counts: Vec<u64>,
    /// Present reference values.
    total: u64,
}

/// A window's counts: per reference category, and per category the
/// reference never had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WindowCounts {
    /// Aligned with the reference categories.
    pub(crate) in_reference: Vec<u64>,
    /// One entry per unseen category.
    pub(crate) unseen: Vec<u64>,
    /// Present values in the window.
    pub(crate) total: u64,
}

impl FittedCategories {
    /// From the reference's counts per category key.
    pub(crate) fn fit(counts: Vec<(String, u64)>) -> Self {
        let mut fitted = Self { index: HashMap::with_capacity(counts.len()), counts: Vec::new(), total: 0 };
        for (key, n) in counts {
            let slot = *fitted.index.entry(key).or_insert_with(|| {
                fitted.counts.push(0);
                fitted.counts.len() - 1
            });
            if let Some(c) = fitted.counts.get_mut(slot) {
                *c += n;
            }
            fitted.total += n;
        }
        fitted
    }

    /// Present reference values.
    pub(crate) fn total(&self) -> u64 {
        self.total
    }

    /// Each reference category's share (`np.unique` counts / n).
    pub(crate) fn shares(&self) -> Vec<f64> {
        self.counts.iter().map(|&c| c as f64 / self.total as f64).collect()
    }

    /// Reference count per category, aligned with [`WindowCounts::in_reference`].
    pub(crate) fn counts(&self) -> &[u64] {
        &self.counts
    }

    /// A window's counts per category key, against the reference categories.
    pub(crate) fn window(&self, counts: Vec<(String, u64)>) -> WindowCounts {
        let mut window = WindowCounts { in_reference: vec![0; self.counts.len()], unseen: Vec::new(), total: 0 };
        for (key, n) in counts {
            match self.index.get(&key).and_then(|&i| window.in_reference.get_mut(i)) {
                Some(c) => *c += n,
                None => window.unseen.push(n),
            }
            window.total += n;
        }
        window
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unseen_categories_are_kept_apart() {
        let fitted = FittedCategories::fit(vec![("a".into(), 3), ("b".into(), 1)]);
        assert_eq!(fitted.shares(), [0.75, 0.25]);
        let w = fitted.window(vec![("b".into(), 2), ("c".into(), 1), ("d".into(), 4)]);
        assert_eq!(w, WindowCounts { in_reference: vec![0, 2], unseen: vec![1, 4], total: 7 });
    }
}
