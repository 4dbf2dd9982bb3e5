//! An exact, order-independent sum of `f64` values (Shewchuk's adaptive
//! expansion, the algorithm behind Python's `math.fsum`).
//!
//! Profiles must merge exactly: the sum of two chunks' sums must equal the
//! sum of the whole. Plain `+=` depends on the order and grouping of the
//! additions (Spark's own sum depends on its partitioning); the expansion
//! keeps the sum exactly as non-overlapping partials and rounds once at the
//! end, so any split of the data gives the same, correctly rounded result.

/// A running exact sum.
///
/// Two sums are equal when their totals are: the partials behind a total
/// depend on how the values were grouped.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct ExactSum {
    /// Non-overlapping partials, increasing in magnitude; their exact sum is the total.
    partials: Vec<f64>,
}

impl PartialEq for ExactSum {
    fn eq(&self, other: &Self) -> bool {
        self.value().to_bits() == other.value().to_bits()
    }
}

/// Bits of exponent range per accumulator chunk.
const CHUNK_BITS: u32 = 32;
/// Chunks covering every finite double's bits (2046 + 53 bits, and a carry chunk).
const CHUNKS: usize = 68;

impl ExactSum {
    /// Adds finite values, exactly, several times faster than one
    /// [`add`](Self::add) each: each value's 53-bit integer mantissa is
    /// added at its binary position into 32-bit-aligned integer chunks (a
    /// "small superaccumulator", Neal 2015), whose exact total then joins
    /// the partials. The total is the same as adding one by one.
    pub fn add_all(&mut self, values: &[f64]) {
        // A chunk takes at most 2^33 a value: 2^29 values stay within i64.
        for block in values.chunks(1 << 29) {
            let mut chunks = [0_i64; CHUNKS];
            for &x in block {
                let bits = x.to_bits();
                let exponent = ((bits >> 52) & 0x7FF) as u32;
                let fraction = bits & ((1 << 52) - 1);
                // Subnormals have no implicit bit and the exponent of 1.
                let (mantissa, low) = if exponent == 0 { (fraction, 1) } else { (fraction | 1 << 52, exponent) };
                let shifted = u128::from(mantissa) << (low % CHUNK_BITS);
                let index = (low / CHUNK_BITS) as usize;
                let pieces = [shifted as u32, (shifted >> 32) as u32, (shifted >> 64) as u32].map(i64::from);
                let negative = bits >> 63 == 1;
                if let Some(slots) = chunks.get_mut(index..index + 3) {
                    for (slot, piece) in slots.iter_mut().zip(pieces) {
                        *slot += if negative { -piece } else { piece };
                    }
                }
            }
            // Each chunk as two exact doubles, its low 32 bits and the
            // signed rest, at their binary positions (no carry runs up to a
            // far chunk, so nothing overflows that the total does not).
            for (i, &c) in chunks.iter().enumerate().filter(|(_, c)| **c != 0) {
                let position = (i as i32) * CHUNK_BITS as i32 - 1075;
                for (part, at) in [((c & 0xFFFF_FFFF) as f64, position), ((c >> CHUNK_BITS) as f64, position + 32)] {
                    if part != 0.0 {
                        // The scale in two steps keeps each factor in range.
                        self.add(part * 2f64.powi(at / 2) * 2f64.powi(at - at / 2));
                    }
                }
            }
        }
    }

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
    fn batched_sums_equal_one_by_one_sums() {
        let mut rng = crate::math::splitmix64::SplitMix64::new(7);
        let mut cases: Vec<Vec<f64>> =
            vec![vec![1e16, 1.0, -1e16], vec![5e-324, 5e-324, -1e-310, 2.2250738585072014e-308], vec![0.1; 1000]];
        cases.push(
            (0..10_000).map(|_| (rng.next_f64() - 0.5) * 10f64.powi((rng.next_f64() * 40.0) as i32 - 20)).collect(),
        );
        cases.push((0..5000).map(|i| if i % 2 == 0 { 1e300 } else { -1e300 + 1e284 }).collect());
        for values in &cases {
            let mut one = ExactSum::default();
            values.iter().for_each(|&x| one.add(x));
            let mut batch = ExactSum::default();
            batch.add_all(values);
            assert_eq!(batch.value().to_bits(), one.value().to_bits(), "{:?}", &values[..3.min(values.len())]);
        }
        // Where adding one by one overflows on the way, the batch stays exact.
        let mut batch = ExactSum::default();
        batch.add_all(&[f64::MAX, f64::MAX, -f64::MAX]);
        assert_eq!(batch.value(), f64::MAX);
    }

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
