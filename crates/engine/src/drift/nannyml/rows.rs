//! A window's present values of a column: numbers for the continuous
//! methods, counts per canonical category for the categorical ones. Rows
//! out of the column's range count as missing.

use hashbrown::HashMap;

use crate::table::{ColumnData, MISSING_CODE, MISSING_TIMESTAMP};
use crate::types::{canonical_number, format_timestamp_millis};

/// The present numbers of `rows`, in row order; `None` when the column does
/// not hold numbers (text, timestamps, or a category that is not a number).
/// Booleans count as 1 and 0, as numpy histograms them.
pub(crate) fn present_numbers(data: &ColumnData, rows: &[usize]) -> Option<Vec<f64>> {
    match data {
        ColumnData::Numeric(values) => {
            Some(rows.iter().filter_map(|&r| values.get(r).copied()).filter(|x| !x.is_nan()).collect())
        }
        ColumnData::Boolean(values) => {
            Some(rows.iter().filter_map(|&r| values.get(r).copied().flatten()).map(f64::from).collect())
        }
        ColumnData::Categorical { dictionary, codes } => {
            // Parse each category once; a present non-number makes the column non-numeric.
            let parsed: Vec<Option<f64>> =
                dictionary.iter().map(|v| v.parse::<f64>().ok().filter(|x| x.is_finite())).collect();
            let mut numbers = Vec::with_capacity(rows.len());
            for code in rows.iter().filter_map(|&r| codes.get(r)).filter(|&&c| c != MISSING_CODE) {
                numbers.push((*parsed.get(*code as usize)?)?);
            }
            Some(numbers)
        }
        ColumnData::Text(_) | ColumnData::Timestamp(_) => None,
    }
}

/// Present values of `rows` counted per canonical category key (as
/// [`ColumnData::category_key`] spells it: `1.0` → `"1"`), in no set order.
pub(crate) fn category_counts(data: &ColumnData, rows: &[usize]) -> Vec<(String, u64)> {
    match data {
        ColumnData::Categorical { dictionary, codes } => {
            let mut tally = vec![0_u64; dictionary.len()];
            for &code in rows.iter().filter_map(|&r| codes.get(r)) {
                if let Some(t) = tally.get_mut(code as usize) {
                    *t += 1;
                }
            }
            dictionary.iter().zip(tally).filter(|(_, n)| *n > 0).map(|(k, n)| (k.clone(), n)).collect()
        }
        ColumnData::Numeric(values) => {
            // -0 + 0 is +0: both zeros are one category, as canonically.
            let bits = rows.iter().filter_map(|&r| values.get(r)).filter(|x| !x.is_nan()).map(|x| (x + 0.0).to_bits());
            tally(bits).into_iter().map(|(b, n)| (canonical_number(f64::from_bits(b)), n)).collect()
        }
        ColumnData::Boolean(values) => {
            let mut counts = [0_u64; 2];
            for b in rows.iter().filter_map(|&r| values.get(r).copied().flatten()) {
                if let Some(c) = counts.get_mut(usize::from(b)) {
                    *c += 1;
                }
            }
            [("false", counts[0]), ("true", counts[1])]
                .into_iter()
                .filter(|(_, n)| *n > 0)
                .map(|(k, n)| (k.to_owned(), n))
                .collect()
        }
        ColumnData::Text(text) => {
            tally(rows.iter().filter_map(|&r| text.get(r))).into_iter().map(|(k, n)| (k.to_owned(), n)).collect()
        }
        ColumnData::Timestamp(values) => {
            let present = rows.iter().filter_map(|&r| values.get(r).copied()).filter(|&t| t != MISSING_TIMESTAMP);
            tally(present).into_iter().map(|(t, n)| (format_timestamp_millis(t), n)).collect()
        }
    }
}

/// Occurrences of each distinct item.
fn tally<K: std::hash::Hash + Eq>(items: impl Iterator<Item = K>) -> HashMap<K, u64> {
    let mut counts = HashMap::new();
    for item in items {
        *counts.entry(item).or_insert(0) += 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(mut v: Vec<(String, u64)>) -> Vec<(String, u64)> {
        v.sort();
        v
    }

    #[test]
    fn numbers_are_counted_by_canonical_value() {
        let data = ColumnData::Numeric(vec![1.0, 0.0, -0.0, f64::NAN, 1.0, 2.5]);
        let got = sorted(category_counts(&data, &[0, 1, 2, 3, 4, 5, 99]));
        assert_eq!(got, [("0".to_owned(), 2), ("1".to_owned(), 2), ("2.5".to_owned(), 1)]);
        let cats =
            ColumnData::Categorical { dictionary: vec!["1".into(), "0".into()], codes: vec![0, 1, MISSING_CODE] };
        assert_eq!(sorted(category_counts(&cats, &[0, 1, 2])), [("0".to_owned(), 1), ("1".to_owned(), 1)]);
    }

    #[test]
    fn numbers_from_categories_and_booleans() {
        let cats =
            ColumnData::Categorical { dictionary: vec!["1".into(), "x".into()], codes: vec![0, 1, MISSING_CODE] };
        assert_eq!(present_numbers(&cats, &[0, 2]), Some(vec![1.0]));
        assert_eq!(present_numbers(&cats, &[0, 1]), None);
        let bools = ColumnData::Boolean(vec![Some(true), None, Some(false)]);
        assert_eq!(present_numbers(&bools, &[0, 1, 2]), Some(vec![1.0, 0.0]));
    }
}
