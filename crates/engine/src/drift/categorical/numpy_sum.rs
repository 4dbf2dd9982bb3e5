//! `np.sum` of a float64 array, rounded exactly as numpy rounds it, so that
//! statistics summed over categories match Evidently to the last bits (which
//! matters where a square root follows a near-cancellation).

/// Below this many terms numpy adds with eight interleaved accumulators;
/// above it, it splits the array in two.
const BLOCK: usize = 128;

/// numpy's pairwise sum: plain loop under 8 terms, eight running sums up to
/// [`BLOCK`] terms, halves (at a multiple of 8) above.
pub(crate) fn numpy_sum(values: &[f64]) -> f64 {
    if values.len() < 8 {
        return values.iter().fold(0.0, |sum, v| sum + v);
    }
    if values.len() > BLOCK {
        let half = values.len() / 2;
        let (left, right) = values.split_at(half - half % 8);
        return numpy_sum(left) + numpy_sum(right);
    }
    let mut lanes = [0.0; 8];
    let mut chunks = values.chunks_exact(8);
    for chunk in chunks.by_ref() {
        for (lane, v) in lanes.iter_mut().zip(chunk) {
            *lane += v;
        }
    }
    let [a, b, c, d, e, f, g, h] = lanes;
    let head = ((a + b) + (c + d)) + ((e + f) + (g + h));
    chunks.remainder().iter().fold(head, |sum, v| sum + v)
}

#[cfg(test)]
mod tests {
    use super::numpy_sum;

    #[test]
    fn integers_add_exactly() {
        let values: Vec<f64> = (1..=1000).map(f64::from).collect();
        assert_eq!(numpy_sum(&values), 500_500.0);
        assert_eq!(numpy_sum(&[]), 0.0);
    }
}
