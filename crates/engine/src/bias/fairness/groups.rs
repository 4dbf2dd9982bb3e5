//! Groups of rows from sensitive columns' per-row codes: one column's
//! values, or the crossing of several ("Female × Black"), and each group's
//! confusion counts.
//!
//! Crossed groups are ordered as pandas' `MultiIndex.from_product` orders
//! them (the first column varies slowest), so with each column's values
//! sorted they come in Fairlearn's `MetricFrame.by_group` order. Every
//! combination is kept, the empty ones too: Fairlearn reports them as NaN.

use serde::{Deserialize, Serialize};

use super::FairnessError;
use crate::bias::Confusion;
use crate::table::MISSING_CODE;

/// The most groups a crossing may give.
pub const MAX_GROUPS: usize = 65_536;

/// Separator between the values of crossed columns in a group name.
pub const CROSS: &str = " × ";

/// One sensitive column as per-row codes into its values.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupColumn {
    /// Column name.
    pub name: String,
    /// The values, in reporting order (sorted, for Fairlearn's order).
    pub values: Vec<String>,
    /// Per row, an index into `values`; `MISSING_CODE` drops the row.
    pub codes: Vec<u32>,
}

/// Rows assigned to named groups.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Groups {
    /// The facet: column names joined by " × ".
    pub facet: String,
    /// Group names, indexed by group id.
    pub names: Vec<String>,
    /// Per row, a group id; `MISSING_CODE` when a column's value is missing.
    pub ids: Vec<u32>,
}

/// The groups of one column, or of the crossing of several.
///
/// # Errors
/// [`FairnessError::NoGroups`] without a column,
/// [`FairnessError::LengthMismatch`] when columns differ in length,
/// [`FairnessError::GroupOutOfRange`] for a code that is neither a value's
/// index nor `MISSING_CODE`, [`FairnessError::TooManyGroups`] beyond
/// [`MAX_GROUPS`].
///
/// # Examples
/// ```
/// use tideline_engine::bias::fairness::{cross_groups, GroupColumn};
/// let sex = GroupColumn { name: "sex".into(), values: vec!["Female".into(), "Male".into()], codes: vec![0, 1, 1] };
/// let race = GroupColumn { name: "race".into(), values: vec!["Black".into(), "White".into()], codes: vec![0, 0, 1] };
/// let groups = cross_groups(&[sex, race]).unwrap();
/// assert_eq!(groups.facet, "sex × race");
/// assert_eq!(groups.names, ["Female × Black", "Female × White", "Male × Black", "Male × White"]);
/// assert_eq!(groups.ids, [0, 2, 3]);
/// ```
pub fn cross_groups(columns: &[GroupColumn]) -> Result<Groups, FairnessError> {
    let facet = columns.iter().map(|c| c.name.as_str()).collect::<Vec<_>>().join(CROSS);
    let Some(first) = columns.first() else {
        return Err(FairnessError::NoGroups(facet));
    };
    let rows = first.codes.len();
    let mut size: u128 = 1;
    for column in columns {
        if column.codes.len() != rows {
            return Err(FairnessError::LengthMismatch {
                what: "a sensitive column",
                expected: rows,
                found: column.codes.len(),
            });
        }
        size = size.saturating_mul(column.values.len() as u128);
    }
    if size > MAX_GROUPS as u128 {
        // A saturated u128 was printed as 340282366920938463463374607431768211455.
        let log10: f64 = columns.iter().map(|c| (c.values.len() as f64).log10()).sum();
        let groups = if size == u128::MAX { format!("about 10^{log10:.0}") } else { size.to_string() };
        let names = columns.iter().map(|c| format!("{} ({})", c.name, c.values.len())).collect::<Vec<_>>();
        return Err(FairnessError::TooManyGroups { columns: names.join(CROSS), groups, limit: MAX_GROUPS });
    }
    let mut names = first.values.clone();
    for column in columns.iter().skip(1) {
        names =
            names.iter().flat_map(|prefix| column.values.iter().map(move |v| format!("{prefix}{CROSS}{v}"))).collect();
    }
    let mut ids = vec![0u32; rows];
    for column in columns {
        let width = column.values.len() as u32;
        for (row, (id, &code)) in ids.iter_mut().zip(&column.codes).enumerate() {
            if *id == MISSING_CODE {
                continue;
            }
            if code == MISSING_CODE {
                *id = MISSING_CODE;
            } else if code >= width {
                return Err(FairnessError::GroupOutOfRange { row, id: code, groups: column.values.len() });
            } else {
                // Below MAX_GROUPS, so no overflow.
                *id = *id * width + code;
            }
        }
    }
    Ok(Groups { facet, names, ids })
}

/// Each group's confusion counts: row i goes to group `ids[i]` with
/// observed label `labels[i]` and predicted label `predictions[i]`
/// (predicted negative without predictions). Rows whose id is
/// `MISSING_CODE` are left out.
///
/// # Errors
/// [`FairnessError::LengthMismatch`] when the per-row inputs differ in
/// length, [`FairnessError::GroupOutOfRange`] for an id at or above
/// `n_groups`.
pub fn confusion_by_group(
    ids: &[u32],
    n_groups: usize,
    labels: &[bool],
    predictions: Option<&[bool]>,
) -> Result<Vec<Confusion>, FairnessError> {
    if labels.len() != ids.len() {
        return Err(FairnessError::LengthMismatch { what: "labels", expected: ids.len(), found: labels.len() });
    }
    if let Some(p) = predictions.filter(|p| p.len() != ids.len()) {
        return Err(FairnessError::LengthMismatch { what: "predictions", expected: ids.len(), found: p.len() });
    }
    let mut counts = vec![Confusion::default(); n_groups];
    for (row, (&id, &label)) in ids.iter().zip(labels).enumerate() {
        if id == MISSING_CODE {
            continue;
        }
        let Some(group) = counts.get_mut(id as usize) else {
            return Err(FairnessError::GroupOutOfRange { row, id, groups: n_groups });
        };
        let predicted = predictions.and_then(|p| p.get(row).copied()).unwrap_or(false);
        group.add(label, predicted);
    }
    Ok(counts)
}

/// Each group's counts under its name, from [`cross_groups`]' groups.
///
/// # Errors
/// As [`confusion_by_group`].
pub fn named_confusions(
    groups: &Groups,
    labels: &[bool],
    predictions: Option<&[bool]>,
) -> Result<Vec<(String, Confusion)>, FairnessError> {
    let counts = confusion_by_group(&groups.ids, groups.names.len(), labels, predictions)?;
    Ok(groups.names.iter().cloned().zip(counts).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(name: &str, values: &[&str], codes: &[u32]) -> GroupColumn {
        GroupColumn {
            name: name.into(),
            values: values.iter().map(|v| (*v).to_owned()).collect(),
            codes: codes.to_vec(),
        }
    }

    #[test]
    fn crossing_keeps_empty_combinations_and_drops_missing_rows() {
        let sex = column("sex", &["F", "M"], &[0, 0, 1, MISSING_CODE]);
        let race = column("race", &["A", "B", "C"], &[2, 0, 2, 1]);
        let groups = cross_groups(&[sex, race]).unwrap();
        assert_eq!(groups.names.len(), 6);
        assert_eq!(groups.ids, [2, 0, 5, MISSING_CODE]);
        let counts = named_confusions(&groups, &[true, false, true, true], Some(&[true, true, false, true])).unwrap();
        assert_eq!(counts[2], ("F × C".to_owned(), Confusion { tp: 1, fp: 0, tn: 0, fn_: 0 }));
        assert_eq!(counts[1].1, Confusion::default());
        assert_eq!(counts.iter().map(|(_, c)| c.n()).sum::<u64>(), 3);
    }

    #[test]
    fn bad_inputs_are_errors() {
        assert!(matches!(cross_groups(&[]), Err(FairnessError::NoGroups(_))));
        let short = column("b", &["x"], &[0]);
        assert!(matches!(
            cross_groups(&[column("a", &["x"], &[0, 0]), short]),
            Err(FairnessError::LengthMismatch { .. })
        ));
        assert!(matches!(cross_groups(&[column("a", &["x"], &[1])]), Err(FairnessError::GroupOutOfRange { .. })));
        let wide: Vec<String> = (0..300).map(|i| i.to_string()).collect();
        let wide = GroupColumn { name: "w".into(), values: wide, codes: vec![] };
        assert_eq!(
            cross_groups(&[wide.clone(), wide.clone()]).unwrap_err().to_string(),
            format!("crossing w (300) × w (300) gives 90000 groups, more than {MAX_GROUPS}")
        );
        let many: Vec<GroupColumn> = (0..20).map(|_| wide.clone()).collect();
        assert!(cross_groups(&many).unwrap_err().to_string().contains("gives about 10^50 groups"));
        assert!(matches!(
            confusion_by_group(&[0, 3], 2, &[true, true], None),
            Err(FairnessError::GroupOutOfRange { .. })
        ));
        assert!(matches!(confusion_by_group(&[0], 1, &[], None), Err(FairnessError::LengthMismatch { .. })));
    }
}
