//! Warnings a user must see: where smclarify's data-type rule changes what
//! the given values mean, and groups too small to trust.

use super::datatype::DataType;
use super::py_value::PyValue;
use super::series::Series;
use super::split::Split;

/// Groups smaller than this get a warning (a common rule of thumb).
pub const SMALL_GROUP: u64 = 30;

/// A warning when a threshold split was chosen although the given value is
/// one of the column's own values (an int 0/1 label on a small table, a
/// float facet given as `[1.0]`): the user most likely meant equality.
#[must_use]
pub fn threshold_quirk(role: &str, series: &Series<'_>, values: &[PyValue], split: &Split) -> Option<String> {
    if split.data_type != DataType::Continuous || values.len() != 1 {
        return None;
    }
    let value = &values[0];
    let literal = series.mask::<()>(|e| Ok(value.equals(e))).ok()?;
    let matching = literal.iter().filter(|&&m| m).count();
    if matching == 0 {
        return None;
    }
    let (unique, count) = series.nunique_count();
    let selected = split.mask.iter().filter(|&&m| m).count();
    let name = &series.column.name;
    Some(format!(
        "{role} '{name}' holds {} values ({unique} distinct in {count}), so smclarify treats [{v}] as the threshold {name} > {v} \
         ({selected} rows), not as the value {v} ({matching} rows). Turn on strict mode to compare values literally.",
        series.dtype.name(),
        v = value.py_str(),
    ))
}

/// A warning for a group with fewer than [`SMALL_GROUP`] rows.
#[must_use]
pub fn small_group(facet: &str, value: &str, group: &str, n: u64) -> Option<String> {
    (n < SMALL_GROUP).then(|| {
        format!("Group {group} of {facet} = {value} has {n} rows (fewer than {SMALL_GROUP}): its metrics are unstable.")
    })
}
