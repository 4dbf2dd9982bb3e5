//! Column types: Deequ's `inferred_type`, Tideline's analysis kind, and how
//! one raw text cell is read (missing markers, numbers, booleans, datetimes).

mod canonical;
mod cell;
mod datetime;
mod deequ;
mod kind;

pub use canonical::canonical_number;
pub use cell::{read_cell, scan_number, Cell, MissingMarker};
pub(crate) use datetime::{civil_from_days, days_from_civil};
pub use datetime::{format_timestamp_millis, parse_datetime_millis};
pub use deequ::{DeequCounts, DeequType};
pub use kind::{Kind, MAX_CATEGORICAL_WHOLE_NUMBERS};
