//! A baseline table rebuilt from a `statistics.json`, so the drift tests can
//! run against a baseline of which only the profile is at hand (one made by
//! SageMaker's own baselining job, say).
//!
//! Numbers are the KLL sketch's items, each repeated by its weight (2^level):
//! the sketch's own picture of the baseline, exact while the column had at
//! most k = 2048 values and within the sketch's rank error beyond. Strings are
//! the categorical buckets repeated by their counts. Missing values fill the
//! rest of `item_count`. A feature with neither a sketch nor buckets (a
//! string column with more than 120 distinct values) cannot be rebuilt and is
//! listed instead.

use super::error::{DataQualityError, MAX_REBUILT_CELLS};
use super::statistics_json::{FeatureStatistics, InferredType, Statistics};
use crate::roles::guess_roles;
use crate::table::{infer_kind, Column, ColumnData, Table, MISSING_CODE};
use crate::types::DeequCounts;

/// The rows `feature` rebuilds to (its sketch's weights or its buckets'
/// counts), `None` when it cannot be rebuilt or the sum overflows.
fn rebuilt_rows(feature: &FeatureStatistics) -> Option<u64> {
    if let Some(numbers) = &feature.numerical_statistics {
        let levels = &numbers.distribution.as_ref()?.kll.sketch.data;
        levels.iter().enumerate().try_fold(0_u64, |sum, (level, items)| {
            let weight = 1_u64.checked_shl(u32::try_from(level).ok()?)?;
            sum.checked_add(weight.checked_mul(items.len() as u64)?)
        })
    } else {
        let buckets = &feature.string_statistics.as_ref()?.distribution.as_ref()?.categorical.buckets;
        buckets.iter().try_fold(0_u64, |sum, b| sum.checked_add(b.count))
    }
}

/// Refuses a profile whose rebuilt table would exceed [`MAX_REBUILT_CELLS`]
/// (a count of 2^53 in a hand-edited file asked for exabytes), before
/// anything is allocated.
fn check_size(statistics: &Statistics) -> Result<(), DataQualityError> {
    let mut columns = 0;
    let mut rows = statistics.dataset.item_count;
    for feature in &statistics.features {
        let has_data = feature.numerical_statistics.as_ref().is_some_and(|n| n.distribution.is_some())
            || feature.string_statistics.as_ref().is_some_and(|s| s.distribution.is_some());
        if has_data {
            columns += 1;
            rows = rows.max(rebuilt_rows(feature).unwrap_or(u64::MAX));
        }
    }
    if rows.saturating_mul(columns.max(1) as u64) > MAX_REBUILT_CELLS {
        return Err(DataQualityError::TooLarge { rows, columns });
    }
    Ok(())
}

/// The rebuilt table, and the names of the features that could not be rebuilt.
///
/// # Errors
/// A profile of more than [`MAX_REBUILT_CELLS`] cells.
pub fn baseline_table(statistics: &Statistics) -> Result<(Table, Vec<String>), DataQualityError> {
    check_size(statistics)?;
    let mut left_out = Vec::new();
    let mut columns: Vec<Column> = Vec::new();
    for feature in &statistics.features {
        match rebuild(feature) {
            Some(column) => columns.push(column),
            None => left_out.push(feature.name.clone()),
        }
    }
    let n_rows = columns.iter().map(|c| c.data.len()).max().unwrap_or(0).max(statistics.dataset.item_count as usize);
    for column in &mut columns {
        pad(&mut column.data, n_rows);
        column.deequ.null = (n_rows - column.deequ.present() as usize) as u64;
    }
    let mut table = Table { columns, n_rows };
    guess_roles(&mut table);
    Ok((table, left_out))
}

fn rebuild(feature: &FeatureStatistics) -> Option<Column> {
    let mut deequ = DeequCounts::default();
    let data = if let Some(numbers) = &feature.numerical_statistics {
        let levels = &numbers.distribution.as_ref()?.kll.sketch.data;
        let mut values = Vec::new();
        for (level, items) in levels.iter().enumerate() {
            let weight = 1_usize.checked_shl(u32::try_from(level).ok()?)?;
            for &x in items {
                values.extend(std::iter::repeat_n(x, weight));
            }
        }
        let present = values.len() as u64;
        match feature.inferred_type {
            InferredType::Integral => deequ.integral = present,
            _ => deequ.fractional = present,
        }
        ColumnData::Numeric(values)
    } else {
        let strings = feature.string_statistics.as_ref()?;
        let buckets = &strings.distribution.as_ref()?.categorical.buckets;
        let mut codes = Vec::new();
        for (code, bucket) in buckets.iter().enumerate() {
            codes.extend(std::iter::repeat_n(u32::try_from(code).ok()?, usize::try_from(bucket.count).ok()?));
        }
        deequ.string = codes.len() as u64;
        ColumnData::Categorical { dictionary: buckets.iter().map(|b| b.value.clone()).collect(), codes }
    };
    let kind = infer_kind(&data);
    Some(Column { name: feature.name.clone(), data, deequ, kind, kind_overridden: false, role: Default::default() })
}

fn pad(data: &mut ColumnData, n_rows: usize) {
    match data {
        ColumnData::Numeric(v) => v.resize(n_rows, f64::NAN),
        ColumnData::Categorical { codes, .. } => codes.resize(n_rows, MISSING_CODE),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data_quality::profile_table;
    use crate::io::{load_bytes, LoadOptions};

    #[test]
    fn a_small_profile_rebuilds_its_table_exactly() {
        let csv = b"x,c,n\n1.5,a,1\n2.5,b,\n1.5,a,3\n,a,4\n";
        let table = load_bytes("t.csv", csv, LoadOptions::default()).unwrap().table;
        let statistics = profile_table(&table).to_statistics();
        let (rebuilt, left_out) = baseline_table(&statistics).unwrap();
        assert!(left_out.is_empty());
        assert_eq!(rebuilt.n_rows, 4);
        let mut x: Vec<f64> = match &rebuilt.column("x").unwrap().data {
            ColumnData::Numeric(v) => v.iter().copied().filter(|v| !v.is_nan()).collect(),
            other => panic!("{other:?}"),
        };
        x.sort_by(f64::total_cmp);
        assert_eq!(x, [1.5, 1.5, 2.5]);
        let c = &rebuilt.column("c").unwrap().data;
        let keys: Vec<_> = (0..4).filter_map(|i| c.category_key(i)).collect();
        assert_eq!(keys.iter().filter(|k| *k == "a").count(), 3);
        assert_eq!(rebuilt.column("n").unwrap().data.missing_count(), 1);
        assert_eq!(rebuilt.column("x").unwrap().inferred_type(), table.column("x").unwrap().inferred_type());
    }

    #[test]
    fn a_profile_too_large_to_rebuild_is_refused_before_allocating() {
        let table = load_bytes("t.csv", b"c\na\nb\n", LoadOptions::default()).unwrap().table;
        let mut statistics = profile_table(&table).to_statistics();
        statistics.dataset.item_count = 1 << 53;
        let error = baseline_table(&statistics).unwrap_err();
        assert_eq!(error, DataQualityError::TooLarge { rows: 1 << 53, columns: 1 });
        assert!(error.to_string().contains("9007199254740992 rows × 1 columns"), "{error}");
    }
}
