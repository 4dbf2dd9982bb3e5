//! "Mask this column": the column rebuilt with every match masked, so no
//! export carries the original values. The column keeps its name and role;
//! its type is read again from the masked cells (a masked card number is
//! text, no longer a number).

use super::{detect, mask_cell, Hints};
use crate::table::{Column, ColumnBuilder};

/// The column with every match of every kind masked, and how many cells
/// changed.
///
/// # Examples
/// ```
/// use tideline_engine::{pii::mask_column, table::TableBuilder};
/// let mut b = TableBuilder::new(vec!["contact".into()], false);
/// b.push_row(["ann@example.org"]);
/// b.push_row(["none given"]);
/// let table = b.finish();
/// let (masked, changed) = mask_column(&table.columns[0]);
/// assert_eq!(changed, 1);
/// assert_eq!(masked.data.category_key(0).as_deref(), Some("a**@example.org"));
/// assert_eq!(masked.data.category_key(1).as_deref(), Some("none given"));
/// ```
#[must_use]
pub fn mask_column(column: &Column) -> (Column, usize) {
    let hints = Hints::of(&column.name);
    let mut builder = ColumnBuilder::new(column.name.clone(), 0);
    let mut changed = 0;
    for i in 0..column.len() {
        let Some(cell) = column.data.category_key(i) else {
            builder.push_null();
            continue;
        };
        let matches = detect(&cell, hints);
        if matches.is_empty() {
            builder.push(&cell, false);
        } else {
            changed += 1;
            builder.push(&mask_cell(&cell, &matches), false);
        }
    }
    let mut masked = builder.finish();
    masked.role = column.role;
    (masked, changed)
}
