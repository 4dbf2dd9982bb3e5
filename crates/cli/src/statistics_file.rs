//! A `statistics.json` given where data may also go (`drift --baseline`,
//! `suggest-baseline --data`). A file that claims to be one (a JSON object
//! with `dataset` or `features`) must parse as one: a corrupt profile was
//! silently re-read as a data table and gave "0 of 0 columns drifted".

use std::path::Path;

use tideline_engine::data_quality::Statistics;

/// Whether `text` is a JSON object with the keys of a Model Monitor file.
fn claims_profile(text: &str) -> bool {
    if !text.trim_start().starts_with('{') {
        return false;
    }
    // JSON Lines data fails here after its first line, which is cheap.
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(serde_json::Value::Object(map)) => map.contains_key("dataset") || map.contains_key("features"),
        Ok(_) => false,
        // A broken file named as a profile is one.
        Err(e) => !e.is_syntax() || text.contains("\"dataset\""),
    }
}

/// The file as a `statistics.json`, when it claims to be one.
///
/// # Errors
/// A file that claims to be a profile and is not a valid one with at least
/// one feature (a message naming the file).
pub fn read_statistics(path: &Path) -> Result<Option<Statistics>, String> {
    if !path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) {
        return Ok(None);
    }
    let Ok(text) = crate::files::read_text(path) else { return Ok(None) };
    if !claims_profile(&text) {
        return Ok(None);
    }
    let statistics = Statistics::from_json(&text).map_err(|e| format!("{e}: {}", path.display()))?;
    if statistics.features.is_empty() {
        return Err(format!("{} is a statistics.json that describes no column", path.display()));
    }
    Ok(Some(statistics))
}
