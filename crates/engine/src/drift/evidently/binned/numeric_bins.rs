//! Evidently's binning of a numeric column for its binned tests.

use super::sturges::{histogram_counts, sturges_edges};
use crate::drift::evidently::categorical::value_counts;
use crate::drift::{Counts, Samples};

/// `[lo, hi)` per bin, the last closed: `[lo, hi]`.
pub(crate) fn bin_labels(edges: &[f64]) -> Vec<String> {
    let bins = edges.len().saturating_sub(1);
    edges
        .windows(2)
        .enumerate()
        .map(|(i, w)| match w {
            [lo, hi] if i + 1 == bins => format!("[{lo}, {hi}]"),
            [lo, hi] => format!("[{lo}, {hi})"),
            _ => String::new(),
        })
        .collect()
}

/// Evidently's `get_binned_data` for a numeric column: with more than 20
/// distinct baseline values, the Sturges bins of both samples together
/// (`np.histogram_bin_edges(concat(ref, cur), bins="sturges")`, counted as
/// `np.histogram` does, last bin closed, labels `[lo, hi)`); otherwise one bin
/// per distinct value of either side, as [`value_counts`].
#[must_use]
pub fn numeric_bins(s: Samples) -> Counts {
    let distinct_reference =
        s.reference.windows(2).filter(|w| matches!(w, [a, b] if a != b)).count() + usize::from(!s.reference.is_empty());
    if distinct_reference <= 20 {
        return value_counts(s.reference, s.current);
    }
    let ends = |side: &[f64]| side.first().copied().zip(side.last().copied());
    let (min, max) = match (ends(s.reference), ends(s.current)) {
        (Some((a, b)), Some((c, d))) => (a.min(c), b.max(d)),
        (Some(only), None) | (None, Some(only)) => only,
        (None, None) => return Counts::default(),
    };
    let edges = sturges_edges(min, max, s.reference.len() + s.current.len());
    Counts {
        labels: bin_labels(&edges),
        reference: histogram_counts(s.reference, &edges),
        current: histogram_counts(s.current, &edges),
    }
}
