//! numpy's equal-width bins: `np.histogram_bin_edges(x, bins="sturges")` and
//! `np.histogram(x, edges)` counting, reproduced to the last bit so that a
//! value on an edge lands in the same bin.

/// Edges of `np.histogram_bin_edges(x, bins="sturges")` for data with
/// minimum `min`, maximum `max` and `size` values: ⌈range / width⌉ bins of
/// width `range / (log2(size) + 1)`, one bin of width 1 around a constant.
pub(crate) fn sturges_edges(min: f64, max: f64, size: usize) -> Vec<f64> {
    let (first, last) = if min == max { (min - 0.5, max + 0.5) } else { (min, max) };
    let width = if size == 0 { 0.0 } else { (max - min) / ((size as f64).log2() + 1.0) };
    let bins = if width > 0.0 { ((last - first) / width).ceil() as usize } else { 1 };
    linspace(first, last, bins + 1)
}

/// `np.linspace(start, stop, num)` with its rounding: `i·step + start`, and
/// the last point exactly `stop`.
pub(crate) fn linspace(start: f64, stop: f64, num: usize) -> Vec<f64> {
    let div = num.saturating_sub(1).max(1) as f64;
    let delta = stop - start;
    let step = delta / div;
    let mut points: Vec<f64> =
        (0..num).map(|i| if step == 0.0 { i as f64 / div * delta + start } else { i as f64 * step + start }).collect();
    if let Some(end) = points.last_mut().filter(|_| num > 1) {
        *end = stop;
    }
    points
}

/// `np.histogram(values, edges)[0]` for ascending `values`: bin i holds
/// `edges[i] <= v < edges[i + 1]`, the last bin also its right edge; values
/// outside the edges are not counted.
pub(crate) fn histogram_counts(sorted: &[f64], edges: &[f64]) -> Vec<u64> {
    let mut cumulative: Vec<usize> = edges.iter().map(|&e| sorted.partition_point(|&x| x < e)).collect();
    if let (Some(end), Some(&last)) = (cumulative.last_mut(), edges.last()) {
        *end = sorted.partition_point(|&x| x <= last);
    }
    cumulative
        .windows(2)
        .map(|w| match w {
            [a, b] => (b - a) as u64,
            _ => 0,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numpy_examples() {
        // np.histogram_bin_edges([0, 1, 2, 3], bins="sturges") == [0, 1, 2, 3]
        assert_eq!(sturges_edges(0.0, 3.0, 4), [0.0, 1.0, 2.0, 3.0]);
        assert_eq!(sturges_edges(5.0, 5.0, 3), [4.5, 5.5]);
        assert_eq!(histogram_counts(&[0.0, 1.0, 1.5, 3.0], &[0.0, 1.0, 2.0, 3.0]), [1, 2, 1]);
    }
}
