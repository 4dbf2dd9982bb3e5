//! Columns found by name in constant time. [`Table::column`] searches the
//! list, which is fine for one lookup; looking up every column of one
//! table in another that way made drift quadratic in the column count
//! (100,000 columns took 67 s, most of it comparing names).

use hashbrown::HashMap;

use super::{Column, Table};

/// A table's columns by name (the first of a repeated name, as
/// [`Table::column`] finds it).
#[derive(Debug)]
pub struct ColumnsByName<'a> {
    map: HashMap<&'a str, &'a Column>,
}

impl<'a> ColumnsByName<'a> {
    /// Indexes `table`'s columns.
    #[must_use]
    pub fn new(table: &'a Table) -> Self {
        let mut map = HashMap::with_capacity(table.columns.len());
        for column in &table.columns {
            map.entry(column.name.as_str()).or_insert(column);
        }
        Self { map }
    }

    /// The column called `name`.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&'a Column> {
        self.map.get(name).copied()
    }

    /// Whether a column is called `name`.
    #[must_use]
    pub fn contains(&self, name: &str) -> bool {
        self.map.contains_key(name)
    }
}
