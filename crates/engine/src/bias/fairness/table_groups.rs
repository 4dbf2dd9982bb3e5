//! A table column as a [`GroupColumn`]: its distinct values sorted as
//! `np.unique` sorts them (numbers numerically, anything else by its text),
//! so groups come in Fairlearn's `by_group` order.

use super::{FairnessError, GroupColumn};
use crate::table::{ColumnData, Table, MISSING_CODE};
use crate::types::canonical_number;

/// The column `name` of `table` as per-row codes into its sorted distinct
/// values; missing cells get `MISSING_CODE`.
///
/// # Errors
/// [`FairnessError::UnknownColumn`] when the table has no such column.
pub fn group_column(table: &Table, name: &str) -> Result<GroupColumn, FairnessError> {
    let column = table.column(name).ok_or_else(|| FairnessError::UnknownColumn(name.to_owned()))?;
    let (values, codes) = match &column.data {
        ColumnData::Numeric(xs) => {
            let mut distinct: Vec<f64> = xs.iter().copied().filter(|x| !x.is_nan()).collect();
            distinct.sort_unstable_by(f64::total_cmp);
            distinct.dedup();
            let codes = xs.iter().map(|x| code_of(distinct.binary_search_by(|v| v.total_cmp(x)))).collect();
            (distinct.into_iter().map(canonical_number).collect(), codes)
        }
        data => {
            let keys: Vec<Option<String>> = (0..data.len()).map(|i| data.category_key(i)).collect();
            let mut distinct: Vec<String> = keys.iter().flatten().cloned().collect();
            distinct.sort_unstable();
            distinct.dedup();
            let codes =
                keys.iter().map(|k| k.as_ref().map_or(MISSING_CODE, |k| code_of(distinct.binary_search(k)))).collect();
            (distinct, codes)
        }
    };
    Ok(GroupColumn { name: name.to_owned(), values, codes })
}

/// A binary search's hit as a code (`MISSING_CODE` for a miss, which the
/// values searched make impossible).
fn code_of(found: Result<usize, usize>) -> u32 {
    found.ok().and_then(|i| u32::try_from(i).ok()).unwrap_or(MISSING_CODE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::{load_bytes, LoadOptions};

    #[test]
    fn values_are_sorted_like_np_unique() {
        let csv = b"sex,age\nMale,30\nFemale,9\n,100\nMale,30\n";
        let table = load_bytes("t.csv", csv, LoadOptions::default()).unwrap().table;
        let sex = group_column(&table, "sex").unwrap();
        assert_eq!(sex.values, ["Female", "Male"]);
        assert_eq!(sex.codes, [1, 0, MISSING_CODE, 1]);
        let age = group_column(&table, "age").unwrap();
        assert_eq!(age.values, ["9", "30", "100"]);
        assert_eq!(age.codes, [1, 0, 2, 1]);
        assert_eq!(group_column(&table, "race"), Err(FairnessError::UnknownColumn("race".into())));
    }
}
