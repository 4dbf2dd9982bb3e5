//! A compact, platform-independent picture of a table: per column its types,
//! missing count, first values and a checksum of every value. Native and wasm
//! builds must produce the same snapshot from the same bytes; tests compare them.

use serde::{Deserialize, Serialize};

use crate::table::Table;

/// Values shown per column.
pub const HEAD: usize = 3;

/// One column's picture.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnSnapshot {
    /// Name.
    pub name: String,
    /// Deequ type.
    pub inferred_type: String,
    /// Analysis kind.
    pub kind: String,
    /// Storage.
    pub storage: String,
    /// Role.
    pub role: String,
    /// Missing rows.
    pub missing: usize,
    /// The first values as category keys (`null` when missing).
    pub head: Vec<Option<String>>,
    /// FNV-1a 64 of every value's category key, in hex.
    pub checksum: String,
}

/// A table's picture.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableSnapshot {
    /// Rows.
    pub rows: usize,
    /// Columns in order.
    pub columns: Vec<ColumnSnapshot>,
}

/// Takes the snapshot.
///
/// # Examples
/// ```
/// use tideline_engine::{io::{load_bytes, LoadOptions}, snapshot::snapshot};
/// let t = load_bytes("t.csv", b"a\n1.0\n\n2\n", LoadOptions::default()).unwrap().table;
/// let s = snapshot(&t);
/// // Blank lines are skipped (as pandas' `skip_blank_lines` does).
/// assert_eq!(s.columns[0].head, vec![Some("1".to_owned()), Some("2".to_owned())]);
/// ```
#[must_use]
pub fn snapshot(table: &Table) -> TableSnapshot {
    let columns = table
        .columns
        .iter()
        .map(|c| {
            let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
            let mut feed = |bytes: &[u8]| {
                for &b in bytes {
                    hash ^= u64::from(b);
                    hash = hash.wrapping_mul(0x0100_0000_01b3);
                }
            };
            for i in 0..c.len() {
                match c.data.category_key(i) {
                    Some(k) => feed(k.as_bytes()),
                    None => feed(&[0x1e]),
                }
                feed(&[0x1f]);
            }
            ColumnSnapshot {
                name: c.name.clone(),
                inferred_type: c.inferred_type().as_str().to_owned(),
                kind: c.kind.as_str().to_owned(),
                storage: c.data.storage_name().to_owned(),
                role: c.role.as_str().to_owned(),
                missing: c.data.missing_count(),
                head: (0..c.len().min(HEAD)).map(|i| c.data.category_key(i)).collect(),
                checksum: format!("{hash:016x}"),
            }
        })
        .collect();
    TableSnapshot { rows: table.n_rows, columns }
}
