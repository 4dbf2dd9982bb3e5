//! Counts of a numeric column's distinct values, for the categorical tests
//! Evidently runs on numeric columns with few values.

use crate::category_counts::Counts;

/// Counts per distinct value over both samples, sorted by value, labelled by
/// the shortest decimal that reads back as the same f64 ("1", "2.5").
///
/// The samples need not be sorted. NaN is skipped, and −0 counts as 0 (pandas
/// hashes them as one value).
#[must_use]
pub fn value_counts(reference: &[f64], current: &[f64]) -> Counts {
    let (reference, current) = (sorted_present(reference), sorted_present(current));
    let mut counts = Counts::default();
    let (mut rest_reference, mut rest_current) = (reference.as_slice(), current.as_slice());
    while let Some(value) = next_value(rest_reference, rest_current) {
        let in_reference = rest_reference.partition_point(|&x| x <= value);
        let in_current = rest_current.partition_point(|&x| x <= value);
        counts.labels.push(value.to_string());
        counts.reference.push(in_reference as u64);
        counts.current.push(in_current as u64);
        rest_reference = rest_reference.get(in_reference..).unwrap_or_default();
        rest_current = rest_current.get(in_current..).unwrap_or_default();
    }
    counts
}

/// The values without NaN, −0 folded into 0, sorted ascending.
fn sorted_present(values: &[f64]) -> Vec<f64> {
    let mut present: Vec<f64> =
        values.iter().filter(|x| !x.is_nan()).map(|&x| if x == 0.0 { 0.0 } else { x }).collect();
    present.sort_unstable_by(f64::total_cmp);
    present
}

/// The smaller of the two sides' next values.
fn next_value(reference: &[f64], current: &[f64]) -> Option<f64> {
    match (reference.first(), current.first()) {
        (Some(&r), Some(&c)) => Some(r.min(c)),
        (Some(&r), None) => Some(r),
        (None, Some(&c)) => Some(c),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::value_counts;

    #[test]
    fn counts_each_distinct_value() {
        let counts = value_counts(&[2.5, 1.0, 1.0, -0.0, f64::NAN], &[0.0, 3.0, 1.0]);
        assert_eq!(counts.labels, ["0", "1", "2.5", "3"]);
        assert_eq!(counts.reference, [1, 2, 1, 0]);
        assert_eq!(counts.current, [1, 1, 0, 1]);
    }
}
