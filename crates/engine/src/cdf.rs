//! Both empirical CDFs of a numeric column, thinned to a few hundred steps
//! for drawing, with where the largest gap (the KS statistic) lies.

use serde::{Deserialize, Serialize};

use crate::drift::values::sorted_present;
use crate::table::{Column, ColumnData};

/// Steps kept per side by default.
pub const DEFAULT_CDF_POINTS: usize = 256;

/// Two empirical CDFs and their largest gap.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CdfPair {
    /// Column name.
    pub column: String,
    /// (value, share of baseline rows ≤ value), ascending.
    pub baseline: Vec<(f64, f64)>,
    /// (value, share of current rows ≤ value), ascending.
    pub current: Vec<(f64, f64)>,
    /// The value where the CDFs are furthest apart.
    pub gap_at: f64,
    /// The baseline CDF there.
    pub gap_baseline: f64,
    /// The current CDF there.
    pub gap_current: f64,
}

/// The CDFs of two numeric columns; `None` unless both hold numbers with values.
#[must_use]
pub fn cdf_pair(baseline: &Column, current: &Column, points: usize) -> Option<CdfPair> {
    let (ColumnData::Numeric(a), ColumnData::Numeric(b)) = (&baseline.data, &current.data) else { return None };
    let (a, b) = (sorted_present(a), sorted_present(b));
    let (&first_a, &first_b) = (a.first()?, b.first()?);
    let (n, m) = (a.len() as f64, b.len() as f64);
    let (mut i, mut j) = (0, 0);
    let (mut gap, mut gap_at, mut gap_baseline, mut gap_current) = (-1.0_f64, first_a.min(first_b), 0.0, 0.0);
    while i < a.len() || j < b.len() {
        let x = match (a.get(i), b.get(j)) {
            (Some(&p), Some(&q)) => p.min(q),
            (Some(&p), None) => p,
            (None, Some(&q)) => q,
            (None, None) => break,
        };
        while a.get(i).is_some_and(|&v| v <= x) {
            i += 1;
        }
        while b.get(j).is_some_and(|&v| v <= x) {
            j += 1;
        }
        let (fa, fb) = (i as f64 / n, j as f64 / m);
        if (fa - fb).abs() > gap {
            (gap, gap_at, gap_baseline, gap_current) = ((fa - fb).abs(), x, fa, fb);
        }
    }
    Some(CdfPair {
        column: baseline.name.clone(),
        baseline: thin(&a, points),
        current: thin(&b, points),
        gap_at,
        gap_baseline,
        gap_current,
    })
}

/// At most `points` (value, CDF) steps of a sorted sample, always keeping the last.
fn thin(sorted: &[f64], points: usize) -> Vec<(f64, f64)> {
    let n = sorted.len();
    let stride = n.div_ceil(points.max(1)).max(1);
    let mut steps: Vec<(f64, f64)> = sorted
        .iter()
        .enumerate()
        .skip(stride - 1)
        .step_by(stride)
        .map(|(k, &x)| (x, (k + 1) as f64 / n as f64))
        .collect();
    if let Some(&last) = sorted.last() {
        if steps.last().is_none_or(|s| s.1 < 1.0) {
            steps.push((last, 1.0));
        }
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::{load_bytes, LoadOptions};

    #[test]
    fn finds_the_largest_gap() {
        let base = load_bytes("b.csv", b"x\n1\n2\n3\n4\n", LoadOptions::default()).unwrap().table;
        let cur = load_bytes("c.csv", b"x\n3\n4\n5\n6\n", LoadOptions::default()).unwrap().table;
        let pair = cdf_pair(&base.columns[0], &cur.columns[0], 10).unwrap();
        assert_eq!((pair.gap_at, pair.gap_baseline, pair.gap_current), (2.0, 0.5, 0.0));
        assert_eq!(pair.baseline.last(), Some(&(4.0, 1.0)));
        assert_eq!(pair.current.len(), 4);
    }

    #[test]
    fn thins_long_samples() {
        let v: Vec<f64> = (0..1000).map(f64::from).collect();
        let steps = thin(&v, 100);
        assert!(steps.len() <= 101);
        assert_eq!(steps.last(), Some(&(999.0, 1.0)));
    }
}
