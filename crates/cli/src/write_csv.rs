//! Writes a table as CSV (RFC 4180 quoting; numbers in canonical form,
//! missing cells empty), streaming row by row.

use std::io::Write;
use std::path::Path;

use tideline_engine::table::Table;

/// A field quoted when it holds the delimiter, a quote or a line break.
fn field(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\"")).into()
    } else {
        text.into()
    }
}

/// Writes `table` to `path`.
pub fn write_csv(path: &Path, table: &Table) -> Result<(), String> {
    let fail = |e: std::io::Error| format!("cannot write {}: {e}", path.display());
    let file = std::fs::File::create(path).map_err(fail)?;
    let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
    let header: Vec<_> = table.columns.iter().map(|c| field(&c.name).into_owned()).collect();
    writeln!(out, "{}", header.join(",")).map_err(fail)?;
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
        out.write_all(line.as_bytes()).map_err(fail)?;
    }
    out.flush().map_err(fail)
}
