//! Loading a benchmark file into a table (shared by the examples through
//! `#[path]`; a folder without `main.rs` is not an example of its own).

use tideline_engine::io::{load_reader, LoadOptions};
use tideline_engine::progress::NoProgress;
use tideline_engine::table::Table;

/// The file at `path`, read with the default options.
pub fn load(path: &str) -> Result<Table, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
    let bytes = file.metadata().map_err(|e| e.to_string())?.len();
    Ok(load_reader(path, file, Some(bytes), LoadOptions::default(), &mut NoProgress).map_err(|e| e.to_string())?.table)
}
