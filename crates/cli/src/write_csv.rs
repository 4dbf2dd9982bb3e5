//! Writes a table as CSV (RFC 4180 quoting; numbers in canonical form,
//! missing cells empty), streaming row by row.

use std::io::Write;
use std::path::Path;

use tideline_engine::table::Table;

use crate::output::Outputs;

/// A field quoted when it holds the delimiter, a quote or a line break.
fn field(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\"")).into()
    } else {
        text.into()
    }
}

/// Stages `table` as CSV for `path`.
pub fn write_csv(outputs: &mut Outputs, path: &Path, table: &Table) -> Result<(), String> {
    outputs.stream(path, |out| csv_rows(out, table))
}

fn csv_rows(out: &mut dyn Write, table: &Table) -> std::io::Result<()> {
    let header: Vec<_> = table.columns.iter().map(|c| field(&c.name).into_owned()).collect();
    writeln!(out, "{}", header.join(","))?;
    let mut line = String::new();
    for row in 0..table.n_rows {
        line.clear();
        for (i, column) in table.columns.iter().enumerate() {
            if i > 0 {
                line.push(',');
            }
            if let Some(text) = column.data.category_key(row) {
                line.push_str(&field(&text));
            }
        }
        line.push('\n');
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}
