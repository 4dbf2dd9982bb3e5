//! The `explanations` part of Clarify's `analysis.json` (sagemaker spec §6):
//! `explanations.<method>.<label>.global_shap_values` (feature → value) and
//! `expected_value`, with labels `label0`, `label1`, … (or the label
//! headers). Model Monitor's attribution-drift baseline is this file, so it
//! is both written (from [`GlobalAttributions`]) and read back (for
//! [`check_attribution_drift`](super::check_attribution_drift)).

use indexmap::IndexMap;
use serde_json::{json, Map, Value};

use super::aggregate::GlobalAttributions;
use super::attribution_error::AttributionError;

/// Global SHAP values per label, then per feature.
pub type LabelAttributions = IndexMap<String, IndexMap<String, f64>>;

/// The method keys Tideline writes and reads.
pub const SHAP_METHODS: [&str; 3] = ["kernel_shap", "tree_shap", "linear_shap"];

/// The label names: the headers when given (one per output), else `label0`, ….
///
/// # Errors
/// Headers given whose count is not the output count.
pub fn label_names(n_outputs: usize, headers: Option<&[String]>) -> Result<Vec<String>, AttributionError> {
    match headers {
        Some(h) if h.len() != n_outputs => Err(AttributionError::LabelHeaders { headers: h.len(), outputs: n_outputs }),
        Some(h) => Ok(h.to_vec()),
        None => Ok((0..n_outputs).map(|k| format!("label{k}")).collect()),
    }
}

/// `{"version": "1.0", "explanations": {method: {label: {...}}}}`.
///
/// # Errors
/// Label headers that do not match the outputs.
pub fn analysis_json(
    method: &str,
    global: &GlobalAttributions,
    headers: Option<&[String]>,
) -> Result<Value, AttributionError> {
    let labels = label_names(global.values.len(), headers)?;
    let mut per_label = Map::new();
    for (k, label) in labels.into_iter().enumerate() {
        let values: Map<String, Value> =
            global.features.iter().zip(&global.values[k]).map(|(f, v)| (f.clone(), json!(v))).collect();
        per_label.insert(
            label,
            json!({"global_shap_values": values, "expected_value": global.expected_value.get(k).copied()}),
        );
    }
    Ok(json!({"version": "1.0", "explanations": {method: per_label}}))
}

/// The global SHAP values of an `analysis.json`, per label: under `method`
/// when given, else under the one SHAP method the file has.
///
/// # Errors
/// Malformed JSON, no `explanations`, no or several SHAP methods (without
/// `method`), or a value that is not a number; messages name the place.
pub fn read_global_shap(text: &str, method: Option<&str>) -> Result<LabelAttributions, AttributionError> {
    let doc: Value = serde_json::from_str(text).map_err(|e| AttributionError::AnalysisJson(e.to_string()))?;
    let explanations = doc.get("explanations").and_then(Value::as_object).ok_or(AttributionError::NoExplanations)?;
    let method = match method {
        Some(m) => m.to_owned(),
        None => {
            let found: Vec<&String> = explanations.keys().filter(|k| SHAP_METHODS.contains(&k.as_str())).collect();
            match found.as_slice() {
                [one] => (*one).clone(),
                [] => return Err(AttributionError::NoShapMethod),
                several => {
                    let methods = several.iter().map(|k| (*k).clone()).collect();
                    return Err(AttributionError::SeveralShapMethods { methods });
                }
            }
        }
    };
    let labels = explanations
        .get(&method)
        .and_then(Value::as_object)
        .ok_or_else(|| AttributionError::NoMethod { method: method.clone() })?;
    let mut out = LabelAttributions::new();
    for (label, entry) in labels {
        let values = entry
            .get("global_shap_values")
            .and_then(Value::as_object)
            .ok_or_else(|| AttributionError::NoGlobalValues { method: method.clone(), label: label.clone() })?;
        let mut features = IndexMap::new();
        for (feature, v) in values {
            let x = v.as_f64().ok_or_else(|| AttributionError::NotANumber {
                method: method.clone(),
                label: label.clone(),
                feature: feature.clone(),
                value: v.to_string(),
            })?;
            features.insert(feature.clone(), x);
        }
        out.insert(label.clone(), features);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explain::AggMethod;

    #[test]
    fn writes_and_reads_back() {
        let global = GlobalAttributions {
            features: vec!["a".into(), "b".into()],
            method: AggMethod::MeanAbs,
            values: vec![vec![0.5, 0.25], vec![0.125, 1.0]],
            expected_value: vec![0.3, 0.7],
        };
        let v = analysis_json("kernel_shap", &global, None).unwrap();
        assert_eq!(v["explanations"]["kernel_shap"]["label1"]["global_shap_values"]["b"], 1.0);
        assert_eq!(v["explanations"]["kernel_shap"]["label0"]["expected_value"], 0.3);
        let back = read_global_shap(&v.to_string(), None).unwrap();
        assert_eq!(back["label0"]["a"], 0.5);
        assert_eq!(back.keys().collect::<Vec<_>>(), ["label0", "label1"]);
        let named = analysis_json("tree_shap", &global, Some(&["no".into(), "yes".into()])).unwrap();
        assert!(read_global_shap(&named.to_string(), None).unwrap().contains_key("yes"));
        assert!(analysis_json("tree_shap", &global, Some(&["x".into()])).is_err());
    }

    #[test]
    fn bad_files_say_where() {
        assert!(read_global_shap("{}", None).unwrap_err().to_string().contains("no \"explanations\""));
        let bad = r#"{"explanations":{"kernel_shap":{"label0":{"global_shap_values":{"a":"x"}}}}}"#;
        assert_eq!(
            read_global_shap(bad, None).unwrap_err().to_string(),
            "analysis.json: explanations.kernel_shap.label0.global_shap_values.a is \"x\", not a number"
        );
        let both = r#"{"explanations":{"kernel_shap":{},"tree_shap":{}}}"#;
        assert!(read_global_shap(both, None).unwrap_err().to_string().contains("name one"));
        assert!(read_global_shap(both, Some("tree_shap")).unwrap().is_empty());
    }
}
