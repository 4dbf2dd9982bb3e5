//! The audit record on engine results: its results hash is the SHA-256 of
//! the canonical JSON a reviewer can rebuild, it moves when one result
//! moves, and it does not depend on the order of any object's keys.

mod common;

use common::full_inputs;
use serde_json::Value;
use tideline_report::{audit_record, canonical_results, sha256_hex, verify, ReportInputs};

/// `value` as JSON text with every object's keys in reverse order.
fn reversed(value: &Value) -> String {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            keys.reverse();
            let fields: Vec<String> =
                keys.into_iter().map(|k| format!("{}:{}", Value::String(k.clone()), reversed(&map[k]))).collect();
            format!("{{{}}}", fields.join(","))
        }
        Value::Array(items) => format!("[{}]", items.iter().map(reversed).collect::<Vec<_>>().join(",")),
        other => other.to_string(),
    }
}

#[test]
fn the_results_hash_recomputes_from_the_canonical_json() {
    let inputs = full_inputs();
    let record = audit_record(&inputs).unwrap();
    assert_eq!(record.tool, "tideline");
    assert_eq!(record.inputs, inputs.files);
    assert_eq!(record.generated_at, inputs.meta.generated_at);
    let canonical = canonical_results(&inputs).unwrap();
    assert_eq!(record.results_sha256, sha256_hex(canonical.as_bytes()));
    // The canonical text is the results with sorted keys: parse and re-sort gives it back.
    let parsed: Value = serde_json::from_str(&canonical).unwrap();
    for key in ["meta", "files", "settings", "model_card"] {
        assert!(parsed.get(key).is_none(), "{key} is beside the results, not in them");
    }
    assert!(parsed.get("drift").is_some_and(Value::is_object));
    assert!(!canonical.contains('\n'), "no whitespace between tokens");
    assert_eq!(serde_json::to_string(&parsed).unwrap(), canonical, "compact, as serde_json writes it");
    let top: Vec<&String> = parsed.as_object().unwrap().keys().collect();
    let mut sorted = top.clone();
    sorted.sort();
    assert_eq!(top, sorted);
    assert_eq!(verify(&record, &inputs), Ok(()));
    // The record survives its own JSON.
    let text = serde_json::to_string(&record).unwrap();
    assert_eq!(verify(&serde_json::from_str(&text).unwrap(), &inputs), Ok(()));
}

#[test]
fn one_changed_result_or_file_fails_verification() {
    let inputs = full_inputs();
    let record = audit_record(&inputs).unwrap();

    let mut moved = inputs.clone();
    moved.drift.as_mut().unwrap().report.columns[0].statistic += 1e-9;
    assert_ne!(audit_record(&moved).unwrap().results_sha256, record.results_sha256);
    assert!(verify(&record, &moved).unwrap_err().contains("the results hash to"));

    let mut file = inputs.clone();
    let first = if file.files[0].sha256.starts_with('0') { "1" } else { "0" };
    file.files[0].sha256.replace_range(0..1, first);
    assert!(verify(&record, &file).is_err());

    // Time, title and settings are recorded beside the results, not hashed in them.
    let mut later = inputs;
    later.meta.generated_at = "2030-01-01T00:00:00Z".into();
    later.meta.title = "another title".into();
    assert_eq!(audit_record(&later).unwrap().results_sha256, record.results_sha256);
}

#[test]
fn the_hash_does_not_depend_on_key_order() {
    let inputs = full_inputs();
    let value = serde_json::to_value(&inputs).unwrap();
    let text = reversed(&value);
    assert_ne!(text, serde_json::to_string(&value).unwrap(), "the keys really are in another order");
    let reread: ReportInputs = serde_json::from_str(&text).unwrap();
    assert_eq!(canonical_results(&reread).unwrap(), canonical_results(&inputs).unwrap());
    assert_eq!(audit_record(&reread).unwrap().results_sha256, audit_record(&inputs).unwrap().results_sha256);
}
