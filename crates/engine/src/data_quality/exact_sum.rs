//! An exact, order-independent sum of `f64` values (Shewchuk's adaptive
//! expansion, the algorithm behind Python's `math.fsum`).
//!
//! Profiles must merge exactly: the sum of two chunks' sums must equal the
//! sum of the whole. Plain `+=` depends on the order and grouping of the
//! additions (Spark's own sum depends on its partitioning); the expansion
//! keeps the sum exactly as non-overlapping partials and rounds once at the
//! end, so any split of the data gives the same, correctly rounded result.

/// A running exact sum.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ExactSum {
    /// Non-overlapping partials, increasing in magnitude; their exact sum is the total.
    partials: Vec<f64>,
}

impl ExactSum {
    /// Adds one finite value.
    pub fn add(&mut self, value: f64) {
        let mut x = value;
        let mut kept = 0;
        for i in 0..self.partials.len() {
            let Some(&p) = self.partials.get(i) else { break };
            let (hi, lo) = if x.abs() < p.abs() { two_sum(p, x) } else { two_sum(x, p) };
            if lo != 0.0 {
                if let Some(slot) = self.partials.get_mut(kept) {
                    *slot = lo;
                }
                kept += 1;
            }
            x = hi;
        }
        self.partials.truncate(kept);
        self.partials.push(x);
    }

    /// Adds another exact sum (merging two chunks' sums).
    pub fn merge(&mut self, other: &Self) {
        for &p in &other.partials {
            self.add(p);
        }
    }

    /// The correctly rounded total.
    ///
    /// # Examples
    /// ```
    /// use tideline_engine::data_quality::ExactSum;
    /// let mut s = ExactSum::default();
    /// for x in [1e16, 1.0, -1e16] {
    ///     s.add(x);
    /// }
    /// assert_eq!(s.value(), 1.0);
    /// ```
    #[must_use]
    pub fn value(&self) -> f64 {
        // Sum from the largest partial down; stop at the first inexact step and
        // apply fsum's correction for a tie that the next partial breaks.
        let mut rest = self.partials.iter().rev().copied().peekable();
        let Some(mut hi) = rest.next() else { return 0.0 };
        while let Some(x) = rest.next() {
            let prev = hi;
            hi = prev + x;
            let lo = x - (hi - prev);
            if lo != 0.0 {
                if let Some(&next) = rest.peek() {
                    if (lo < 0.0 && next < 0.0) || (lo > 0.0 && next > 0.0) {
                        let doubled = lo * 2.0;
                        let bumped = hi + doubled;
                        if doubled == bumped - hi {
                            hi = bumped;
                        }
                    }
                }
                return hi;
            }
        }
        hi
    }
}

/// `a + b` as the rounded sum and its exact error (requires |a| ≥ |b|).
fn two_sum(a: f64, b: f64) -> (f64, f64) {
    let hi = a + b;
    (hi, b - (hi - a))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_does_not_change_the_sum() {
        let values: Vec<f64> = (0..1000).map(|i| (f64::from(i) * 0.1).sin() * 1e3 + 0.1).collect();
        let mut whole = ExactSum::default();
        values.iter().for_each(|&x| whole.add(x));
        let (a, b) = values.split_at(377);
        let mut left = ExactSum::default();
        a.iter().rev().for_each(|&x| left.add(x));
        let mut right = ExactSum::default();
        b.iter().for_each(|&x| right.add(x));
        left.merge(&right);
        assert_eq!(left.value(), whole.value());
    }
}
