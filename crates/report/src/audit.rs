//! The audit record: which tool made an export, from which files (by
//! SHA-256), with which settings, when, and a SHA-256 of the results, so a
//! reviewer can show that a report came from given files.
//!
//! The results' hash is over a canonical JSON text of the results: the
//! [`ReportInputs`] without `meta`, `files`, `settings` and `model_card`,
//! serialized by serde_json with every object's keys sorted (recursively),
//! no whitespace, numbers as serde_json writes them (shortest round-trip
//! form). Anyone holding the results can recompute it; the time and the
//! files are recorded beside it, not inside it.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::hash::sha256_hex;
use crate::inputs::{InputFile, ReportInputs};

/// The tool's name in the record.
pub const TOOL: &str = "tideline";

/// One export's provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditRecord {
    /// Always `tideline`.
    pub tool: String,
    /// Tideline's version.
    pub tool_version: String,
    /// When the export was made (RFC 3339, UTC).
    pub generated_at: String,
    /// Every input file, with its size and SHA-256.
    pub inputs: Vec<InputFile>,
    /// Every setting that shaped the results.
    pub settings: Value,
    /// SHA-256 of the canonical JSON of the results (see the module's docs).
    pub results_sha256: String,
}

/// The results part of `inputs` as canonical JSON text.
///
/// # Errors
/// When the results cannot be serialized (a non-finite number in a place
/// serde_json refuses).
pub fn canonical_results(inputs: &ReportInputs) -> Result<String, String> {
    let mut value = serde_json::to_value(inputs).map_err(|e| format!("the results cannot be written as JSON: {e}"))?;
    if let Value::Object(map) = &mut value {
        for key in ["meta", "files", "settings", "model_card"] {
            map.remove(key);
        }
    }
    Ok(canonical(&value))
}

/// `value` as JSON text with every object's keys sorted.
fn canonical(value: &Value) -> String {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            let fields: Vec<String> =
                keys.into_iter().map(|k| format!("{}:{}", Value::String(k.clone()), canonical(&map[k]))).collect();
            format!("{{{}}}", fields.join(","))
        }
        Value::Array(items) => format!("[{}]", items.iter().map(canonical).collect::<Vec<_>>().join(",")),
        other => other.to_string(),
    }
}

/// The audit record of an export of `inputs`.
///
/// # Errors
/// As [`canonical_results`].
pub fn audit_record(inputs: &ReportInputs) -> Result<AuditRecord, String> {
    Ok(AuditRecord {
        tool: TOOL.to_owned(),
        tool_version: inputs.meta.tool_version.clone(),
        generated_at: inputs.meta.generated_at.clone(),
        inputs: inputs.files.clone(),
        settings: inputs.settings.clone(),
        results_sha256: sha256_hex(canonical_results(inputs)?.as_bytes()),
    })
}

/// Checks that `record` describes `inputs`: same files and hashes, same
/// results hash.
///
/// # Errors
/// The first difference, in words.
pub fn verify(record: &AuditRecord, inputs: &ReportInputs) -> Result<(), String> {
    if record.inputs != inputs.files {
        return Err("the input files or their SHA-256 differ from the record's".to_owned());
    }
    let hash = sha256_hex(canonical_results(inputs)?.as_bytes());
    if hash != record.results_sha256 {
        return Err(format!("the results hash to {hash}, the record says {}", record.results_sha256));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_json_sorts_keys_at_every_depth() {
        let a: Value = serde_json::from_str(r#"{"b":1,"a":{"y":[{"q":1,"p":2}],"x":"é"}}"#).unwrap();
        let b: Value = serde_json::from_str(r#"{"a":{"x":"é","y":[{"p":2,"q":1}]},"b":1}"#).unwrap();
        assert_eq!(canonical(&a), r#"{"a":{"x":"é","y":[{"p":2,"q":1}]},"b":1}"#);
        assert_eq!(canonical(&a), canonical(&b));
    }
}
