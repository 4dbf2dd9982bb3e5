//! Clarify's `explanations_shap/out.csv` (sagemaker spec §6): the local
//! SHAP values, one row per record, one column per feature and label named
//! `<feature>_<label>` (labels `label0`, … or the label headers). Columns
//! go label by label, features in model order within each (the order for
//! several labels is not documented). Numbers are written as Python writes
//! them (pandas' `to_csv`), names quoted when they hold a comma, quote or
//! line break.

use super::analysis_json::{label_names, LabelAttributions};
use super::attribution_error::AttributionError;
use super::attributions::Attributions;
use crate::io::{load_bytes, LoadOptions};
use crate::math::float_str;
use crate::table::ColumnData;

/// The text of `out.csv` for `attr`.
///
/// # Errors
/// Label headers whose count is not the output count.
pub fn local_shap_csv(attr: &Attributions, headers: Option<&[String]>) -> Result<String, AttributionError> {
    let labels = label_names(attr.n_outputs, headers)?;
    let mut out = String::new();
    let names: Vec<String> =
        labels.iter().flat_map(|label| attr.features.iter().map(move |f| quote(&format!("{f}_{label}")))).collect();
    out.push_str(&names.join(","));
    out.push('\n');
    for r in 0..attr.n_rows {
        let cells: Vec<String> =
            (0..attr.n_outputs).flat_map(|o| attr.of(r, o).iter().map(|v| float_str(*v))).collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    Ok(out)
}

/// `name` as (feature, label): `<feature>_label<k>` when every column is
/// named so, else split at the last `_` when every name has one (label
/// headers), else the whole name under `label0`.
fn split_name(name: &str, labelled: bool, underscored: bool) -> (&str, &str) {
    let at = if labelled {
        name.rfind("_label")
    } else if underscored {
        name.rfind('_')
    } else {
        None
    };
    at.map_or((name, "label0"), |i| (&name[..i], &name[i + 1..]))
}

fn is_label_k(name: &str) -> bool {
    name.rfind("_label").is_some_and(|i| {
        let k = &name[i + "_label".len()..];
        i > 0 && !k.is_empty() && k.bytes().all(|b| b.is_ascii_digit())
    })
}

/// Global attributions (mean |value| per feature and label, Clarify's
/// default aggregate) from an `out.csv` of local SHAP values.
///
/// # Errors
/// Unreadable CSV, no rows, a column that is not numbers, an empty cell
/// (named by row and column), or labels that name different features.
///
/// # Examples
/// ```
/// use tideline_engine::explain::read_local_shap_csv;
/// let global = read_local_shap_csv("out.csv", b"age_label0,income_label0\n0.5,-1\n-0.5,3\n").unwrap();
/// assert_eq!(global["label0"]["age"], 0.5);
/// assert_eq!(global["label0"]["income"], 2.0);
/// ```
pub fn read_local_shap_csv(file: &str, bytes: &[u8]) -> Result<LabelAttributions, AttributionError> {
    let table = load_bytes(file, bytes, LoadOptions::default())?.table;
    if table.n_rows == 0 || table.columns.is_empty() {
        return Err(AttributionError::NoLocalValues { file: file.to_owned() });
    }
    let labelled = table.columns.iter().all(|c| is_label_k(&c.name));
    let underscored = table.columns.iter().all(|c| c.name.contains('_'));
    let mut out = LabelAttributions::new();
    for column in &table.columns {
        let ColumnData::Numeric(values) = &column.data else {
            return Err(AttributionError::LocalNotNumbers { file: file.to_owned(), column: column.name.clone() });
        };
        if let Some(row) = values.iter().position(|v| v.is_nan()) {
            return Err(AttributionError::LocalMissing {
                file: file.to_owned(),
                line: row + 2,
                column: column.name.clone(),
            });
        }
        let (feature, label) = split_name(&column.name, labelled, underscored);
        let mean_abs = values.iter().map(|v| v.abs()).sum::<f64>() / values.len() as f64;
        out.entry(label.to_owned()).or_default().insert(feature.to_owned(), mean_abs);
    }
    let mut labels = out.iter();
    if let Some((first, features)) = labels.next() {
        for (label, other) in labels {
            if !other.keys().eq(features.keys()) {
                return Err(AttributionError::LocalLabelsDiffer {
                    file: file.to_owned(),
                    first: first.clone(),
                    other: label.clone(),
                });
            }
        }
    }
    Ok(out)
}

fn quote(name: &str) -> String {
    if name.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", name.replace('"', "\"\""))
    } else {
        name.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_per_label_then_feature() {
        let mut a = Attributions::zeros(vec!["age".into(), "a,b".into()], 2, 1);
        a.values = vec![0.5, -1.0, 2.0, 1e-5];
        assert_eq!(
            local_shap_csv(&a, None).unwrap(),
            "age_label0,\"a,b_label0\",age_label1,\"a,b_label1\"\n0.5,-1.0,2.0,1e-05\n"
        );
        assert!(local_shap_csv(&a, Some(&["x".into()])).is_err());
    }

    #[test]
    fn written_files_read_back_as_their_mean_absolute_values() {
        let mut a = Attributions::zeros(vec!["age".into(), "a,b".into()], 2, 2);
        a.values = vec![0.5, -1.0, 2.0, 1e-5, -1.5, 3.0, 0.0, -2.0];
        let global = read_local_shap_csv("out.csv", local_shap_csv(&a, None).unwrap().as_bytes()).unwrap();
        assert_eq!(global.keys().collect::<Vec<_>>(), ["label0", "label1"]);
        assert_eq!(global["label0"]["age"], 1.0);
        assert_eq!(global["label0"]["a,b"], 2.0);
        assert_eq!(global["label1"]["a,b"], (1e-5 + 2.0) / 2.0);
        let named = local_shap_csv(&a, Some(&["no".into(), "yes".into()])).unwrap();
        assert_eq!(read_local_shap_csv("out.csv", named.as_bytes()).unwrap()["yes"]["age"], 1.0);
    }

    #[test]
    fn bad_files_say_where() {
        let err = read_local_shap_csv("out.csv", b"age_label0,x_label0\n0.5,1\n,2\n").unwrap_err().to_string();
        assert!(err.contains("line 3, column 'age_label0'"), "{err}");
        let err = read_local_shap_csv("out.csv", b"age_label0,x_label0\n0.5,abc\n").unwrap_err().to_string();
        assert!(err.contains("column 'x_label0' is not numbers"), "{err}");
        let err = read_local_shap_csv("out.csv", b"age_label0,x_label1\n0.5,1\n").unwrap_err().to_string();
        assert!(err.contains("name different features"), "{err}");
    }
}
