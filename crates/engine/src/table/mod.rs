//! The typed, columnar table every analysis reads.
//!
//! Storage follows the values: numbers as `f64` (missing is `NaN`: Tideline
//! reads `NaN` and infinities as missing, so `NaN` never is a value and serves
//! as the validity flag), categories as dictionary codes, booleans, free text
//! as one buffer with offsets, timestamps as epoch milliseconds. Each column
//! also keeps Deequ's cell counts (its `inferred_type`), its analysis kind and
//! its role.

mod builder;
mod builder_codec;
mod by_name;
mod column;
mod concat;
mod error;
mod interner;
mod lines;
mod select;
mod window;

pub(crate) use builder::infer_kind;
pub use builder::{ColumnBuilder, TableBuilder};
pub(crate) use builder_codec::{Decoder, Encoder};
pub use by_name::ColumnsByName;
pub use column::{Column, ColumnData, TextColumn, MISSING_CODE, MISSING_TIMESTAMP};
pub use concat::concat;
pub use error::TableError;
pub use lines::LinesReport;
pub use select::{rows_where, take_columns_rows, take_rows};
pub use window::take_window;

use serde::{Deserialize, Serialize};

/// A table: named, typed columns of equal length.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Table {
    /// Columns in file order.
    pub columns: Vec<Column>,
    /// Number of rows.
    pub n_rows: usize,
}

impl Table {
    /// The column with this name.
    #[must_use]
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }

    /// The column with this name, mutably.
    pub fn column_mut(&mut self, name: &str) -> Option<&mut Column> {
        self.columns.iter_mut().find(|c| c.name == name)
    }

    /// Bytes held by the typed columns (what memory should stay near).
    #[must_use]
    pub fn typed_bytes(&self) -> usize {
        self.columns.iter().map(|c| c.data.heap_bytes()).sum()
    }
}
