//! Which features a chart shows: the largest by some key, in a fixed order.

use std::cmp::Ordering;

/// Indices of `keys` from the largest key down (missing keys last, ties by
/// index, so the order never depends on anything but the data).
pub(crate) fn ranked(keys: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|&a, &b| {
        let key = |i: usize| keys.get(i).copied().filter(|k| k.is_finite());
        match (key(a), key(b)) {
            (Some(x), Some(y)) => y.partial_cmp(&x).unwrap_or(Ordering::Equal),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
        .then(a.cmp(&b))
    });
    order
}

/// Every `stride`-th of `n` items keeps at most `max` of them (1 when `n <= max`).
pub(crate) fn stride(n: usize, max: usize) -> usize {
    n.div_ceil(max.max(1)).max(1)
}

/// The name on the y axis at `y` of a ranked chart whose rows are `names`,
/// best at the top (row `len - 1`); empty between rows.
pub(crate) fn row_label(names: &[String], y: f64) -> String {
    let rank = names.len() as f64 - 1.0 - y.round();
    if (y - y.round()).abs() > 1e-9 || rank < 0.0 {
        return String::new();
    }
    names.get(rank as usize).cloned().unwrap_or_default()
}

/// `label` cut to `max_chars` characters, with an ellipsis when cut.
pub(crate) fn shorten(label: &str, max_chars: usize) -> String {
    if label.chars().count() <= max_chars {
        label.to_owned()
    } else {
        let head: String = label.chars().take(max_chars.saturating_sub(1)).collect();
        format!("{head}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranked_puts_missing_last_and_breaks_ties_by_index() {
        assert_eq!(ranked(&[1.0, f64::NAN, 3.0, 1.0, f64::INFINITY]), [2, 0, 3, 1, 4]);
    }

    #[test]
    fn stride_keeps_at_most_max() {
        assert_eq!(stride(10, 20), 1);
        assert_eq!(stride(2001, 1000), 3);
        assert_eq!(stride(0, 0), 1);
    }

    #[test]
    fn shorten_marks_cuts() {
        assert_eq!(shorten("abc", 3), "abc");
        assert_eq!(shorten("abcdef", 4), "abc…");
    }
}
