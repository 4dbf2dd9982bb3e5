//! numpy's pairwise summation, so that sums, means and variances round
//! exactly as `np.sum` / `np.mean` / `np.var` do on a contiguous float64
//! array (which matters where a square root follows a near-cancellation).

/// Block below which numpy sums with eight interleaved accumulators; above
/// it, it splits the range in two (at a multiple of 8).
const BLOCK: usize = 128;

/// Sum of `term(i)` for `i` in `start..start + len`, in numpy's order: a
/// plain loop under 8 terms, eight running sums up to [`BLOCK`] terms,
/// halves above.
pub(crate) fn pairwise_sum(start: usize, len: usize, term: &impl Fn(usize) -> f64) -> f64 {
    if len < 8 {
        // numpy's inner loop starts from -0.0 so that an all -0.0 sum stays -0.0.
        let mut sum = -0.0;
        for i in start..start + len {
            sum += term(i);
        }
        sum
    } else if len <= BLOCK {
        let mut acc = [0.0; 8];
        for (k, slot) in acc.iter_mut().enumerate() {
            *slot = term(start + k);
        }
        let whole = len - len % 8;
        let mut i = 8;
        while i < whole {
            for (k, slot) in acc.iter_mut().enumerate() {
                *slot += term(start + i + k);
            }
            i += 8;
        }
        let mut sum = ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
        for k in whole..len {
            sum += term(start + k);
        }
        sum
    } else {
        let mut half = len / 2;
        half -= half % 8;
        pairwise_sum(start, half, term) + pairwise_sum(start + half, len - half, term)
    }
}

/// `np.sum(values)`: the pairwise sum added to the reduction's initial 0.0,
/// so an empty or all -0.0 array sums to +0.0 as in numpy.
pub(crate) fn numpy_sum(values: &[f64]) -> f64 {
    0.0 + pairwise_sum(0, values.len(), &|i| values.get(i).copied().unwrap_or(0.0))
}

/// `np.mean(values)`, from the pairwise sum without the +0.0 start (the
/// numeric tests' fixtures were matched this way; only the sign of a zero
/// mean of all -0.0 values depends on it).
pub(crate) fn mean(values: &[f64]) -> f64 {
    pairwise_sum(0, values.len(), &|i| values.get(i).copied().unwrap_or(0.0)) / values.len() as f64
}

/// `np.var(values, ddof=ddof)`: two passes, as numpy does.
pub(crate) fn variance(values: &[f64], ddof: usize) -> f64 {
    let m = mean(values);
    let squares = pairwise_sum(0, values.len(), &|i| {
        let d = values.get(i).copied().unwrap_or(0.0) - m;
        d * d
    });
    squares / (values.len() as f64 - ddof as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_on_integers() {
        let v: Vec<f64> = (1..=1000).map(f64::from).collect();
        assert_eq!(numpy_sum(&v), 500_500.0);
        assert_eq!(variance(&[1.0, 2.0, 3.0, 4.0], 0), 1.25);
    }

    #[test]
    fn zero_sums_are_positive_as_in_numpy() {
        assert!(numpy_sum(&[]).is_sign_positive());
        assert!(numpy_sum(&[-0.0; 3]).is_sign_positive());
        assert!(numpy_sum(&[-0.0; 20]).is_sign_positive());
    }

    #[test]
    fn blocks_round_in_numpy_order() {
        // 1 then fifteen 2^-53: lane 0 loses its 2^-53 to the tie, the other
        // seven lanes hold 2^-52 each, giving 1 + 7·2^-52, which is what
        // numpy 2.4.6 returns for `np.sum([1.0] + [2.0**-53] * 15)`; a
        // sequential sum loses every term and stays at 1.
        let mut v = vec![1.0];
        v.extend([f64::EPSILON / 2.0; 15]);
        assert_eq!(numpy_sum(&v), 1.0 + 7.0 * f64::EPSILON);
        assert_eq!(v.iter().fold(0.0, |s, x| s + x), 1.0);
    }
}
