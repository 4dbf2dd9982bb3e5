//! Clarify's `explanations_shap/out.csv` (sagemaker spec §6): the local
//! SHAP values, one row per record, one column per feature and label named
//! `<feature>_<label>` (labels `label0`, … or the label headers). Columns
//! go label by label, features in model order within each (the order for
//! several labels is not documented). Numbers are written as Python writes
//! them (pandas' `to_csv`), names quoted when they hold a comma, quote or
//! line break.

use super::analysis_json::label_names;
use super::attributions::Attributions;
use crate::bias::float_str;

/// The text of `out.csv` for `attr`.
///
/// # Errors
/// Label headers whose count is not the output count.
pub fn local_shap_csv(attr: &Attributions, headers: Option<&[String]>) -> Result<String, String> {
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
}
