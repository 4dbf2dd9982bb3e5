//! numpy's pairwise summation, so that means and variances round exactly as
//! `np.sum` / `np.mean` / `np.std` do on a contiguous float64 array.

/// Block below which numpy sums with eight interleaved accumulators.
const BLOCK: usize = 128;

/// Sum of `term(i)` for `i` in `start..start + len`, in numpy's order.
pub(crate) fn pairwise_sum(start: usize, len: usize, term: &impl Fn(usize) -> f64) -> f64 {
    if len < 8 {
        // numpy starts from -0.0 so that an all -0.0 sum stays -0.0.
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

/// `np.sum(values)`.
pub(crate) fn sum(values: &[f64]) -> f64 {
    pairwise_sum(0, values.len(), &|i| values.get(i).copied().unwrap_or(0.0))
}

/// `np.mean(values)`.
pub(crate) fn mean(values: &[f64]) -> f64 {
    sum(values) / values.len() as f64
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
        assert_eq!(sum(&v), 500_500.0);
        assert_eq!(variance(&[1.0, 2.0, 3.0, 4.0], 0), 1.25);
    }
}
