//! Arrow arrays (a Parquet row group, an Arrow IPC batch) into the typed
//! columns the CSV reader builds, so the same data gives the same numbers
//! from either file.
//!
//! A typed value counts as Deequ counts a typed Spark column: integers are
//! Integral, floats Fractional, booleans Boolean. Strings are read as CSV
//! cells are (`"12"` is Integral, `"NA"` missing), a dictionary's entries
//! once for all the rows that use them. Dates and timestamps (INT96
//! included) become the same epoch milliseconds a CSV's ISO text gives,
//! decimals and times their text. Struct fields are flattened to dotted
//! names; lists, maps, binary, durations and intervals are left out with a
//! warning that names the column.

use arrow_array::cast::AsArray;
use arrow_array::types::{
    ArrowDictionaryKeyType, Date32Type, Date64Type, Decimal128Type, Decimal256Type, Decimal32Type, Decimal64Type,
    Float16Type, Float32Type, Float64Type, Int16Type, Int32Type, Int64Type, Int8Type, Time32MillisecondType,
    Time32SecondType, Time64MicrosecondType, Time64NanosecondType, TimestampMicrosecondType, TimestampMillisecondType,
    TimestampNanosecondType, TimestampSecondType, UInt16Type, UInt32Type, UInt64Type, UInt8Type,
};
use arrow_array::{Array, ArrayRef, ArrowPrimitiveType, DictionaryArray, PrimitiveArray, RecordBatch};
use arrow_buffer::{ArrowNativeType, NullBuffer};
use arrow_schema::{DataType, Field, Schema, TimeUnit};

use super::csv::MAX_COLUMNS;
use super::error::{ErrorKind, IoError};
use super::names::unique_names;
use super::warning::Warnings;
use crate::table::{ColumnBuilder, Table, TableBuilder};
use crate::types::{format_timestamp_millis, read_cell, Cell, MissingMarker};

/// Which leaves of a schema are read, and under which names.
#[derive(Debug, Clone)]
pub(crate) struct Plan {
    /// Per column read: child indices from the batch's top level down.
    leaves: Vec<Vec<usize>>,
    /// Unique names, dotted for struct fields.
    names: Vec<String>,
}

impl Plan {
    /// The columns of `schema` Tideline reads; the others are reported.
    ///
    /// # Errors
    /// More columns than [`MAX_COLUMNS`], or none that can be read.
    pub(crate) fn new(schema: &Schema, file: &str, warnings: &mut Warnings) -> Result<Self, IoError> {
        let mut leaves = Vec::new();
        let mut raw = Vec::new();
        let mut skipped = Vec::new();
        for (i, field) in schema.fields().iter().enumerate() {
            visit(field, String::new(), vec![i], &mut leaves, &mut raw, &mut skipped);
        }
        if leaves.len() > MAX_COLUMNS {
            return Err(IoError::new(file, ErrorKind::TooManyColumns { found: leaves.len(), limit: MAX_COLUMNS }));
        }
        if leaves.is_empty() {
            let what = skipped.iter().take(3).map(|(n, t)| format!("{n} ({t})")).collect::<Vec<_>>().join(", ");
            let why = if what.is_empty() {
                "the file's schema has no columns".to_owned()
            } else {
                format!("none of its columns holds values Tideline analyses: {what}")
            };
            return Err(IoError::new(file, ErrorKind::Shape(why)));
        }
        for (name, what) in skipped {
            warnings.add(
                "column left out",
                file,
                None,
                Some(&name),
                format!("column {name} holds {what}, which Tideline does not analyse: it is left out"),
            );
        }
        Ok(Self { leaves, names: unique_names(raw, file, warnings) })
    }

    /// The top-level columns that hold a column read, in order.
    pub(crate) fn roots(&self) -> Vec<usize> {
        let mut roots: Vec<usize> = self.leaves.iter().filter_map(|p| p.first().copied()).collect();
        roots.dedup();
        roots
    }

    /// The plan of the columns under `roots` (ascending) alone, its paths
    /// renumbered for a batch projected to those roots.
    pub(crate) fn restricted(&self, roots: &[usize]) -> Self {
        let mut out = Self { leaves: Vec::new(), names: Vec::new() };
        for (path, name) in self.leaves.iter().zip(&self.names) {
            let Some((&first, rest)) = path.split_first() else { continue };
            if let Ok(at) = roots.binary_search(&first) {
                out.leaves.push(std::iter::once(at).chain(rest.iter().copied()).collect());
                out.names.push(name.clone());
            }
        }
        out
    }

    /// The roots cut into at most `parts` runs of about equal leaf counts,
    /// each a part of the columns that can be decoded on its own.
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn split_roots(&self, parts: usize) -> Vec<Vec<usize>> {
        let roots = self.roots();
        let per = self.leaves.len().div_ceil(parts.max(1)).max(1);
        let mut out: Vec<Vec<usize>> = Vec::new();
        let mut in_part = 0;
        for root in roots {
            let leaves = self.leaves.iter().filter(|p| p.first() == Some(&root)).count();
            match out.last_mut() {
                Some(part) if in_part < per => part.push(root),
                _ => {
                    out.push(vec![root]);
                    in_part = 0;
                }
            }
            in_part += leaves;
        }
        out
    }
}

fn visit(
    field: &Field,
    prefix: String,
    path: Vec<usize>,
    leaves: &mut Vec<Vec<usize>>,
    names: &mut Vec<String>,
    skipped: &mut Vec<(String, String)>,
) {
    let name = if prefix.is_empty() { field.name().clone() } else { format!("{prefix}.{}", field.name()) };
    match field.data_type() {
        DataType::Struct(children) => {
            for (j, child) in children.iter().enumerate() {
                let mut child_path = path.clone();
                child_path.push(j);
                visit(child, name.clone(), child_path, leaves, names, skipped);
            }
        }
        t if readable(t) => {
            leaves.push(path);
            names.push(name);
        }
        t => skipped.push((name, describe(t))),
    }
}

/// Whether values of this type become a column.
fn readable(t: &DataType) -> bool {
    match t {
        // Dictionaries of text, numbers or booleans (pandas categoricals, Spark's encodings).
        DataType::Dictionary(_, values) => {
            values.is_numeric()
                || matches!(
                    values.as_ref(),
                    DataType::Boolean | DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View
                )
        }
        _ => {
            t.is_numeric()
                || matches!(
                    t,
                    DataType::Null
                        | DataType::Boolean
                        | DataType::Utf8
                        | DataType::LargeUtf8
                        | DataType::Utf8View
                        | DataType::Date32
                        | DataType::Date64
                        | DataType::Timestamp(..)
                        | DataType::Time32(_)
                        | DataType::Time64(_)
                )
        }
    }
}

/// A type left out, in words.
fn describe(t: &DataType) -> String {
    match t {
        DataType::List(_) | DataType::LargeList(_) | DataType::FixedSizeList(..) | DataType::ListView(_) => {
            "lists".into()
        }
        DataType::LargeListView(_) => "lists".into(),
        DataType::Map(..) => "maps".into(),
        DataType::Binary | DataType::LargeBinary | DataType::FixedSizeBinary(_) | DataType::BinaryView => {
            "binary data".into()
        }
        DataType::Duration(_) => "durations".into(),
        DataType::Interval(_) => "intervals".into(),
        other => format!("values of type {other}"),
    }
}

/// Columns being built from record batches.
#[derive(Debug)]
pub(crate) struct ArrowColumns {
    leaves: Vec<Vec<usize>>,
    table: TableBuilder,
    strict: bool,
}

impl ArrowColumns {
    /// Empty columns for `plan`.
    pub(crate) fn new(plan: &Plan, strict: bool) -> Self {
        Self { leaves: plan.leaves.clone(), table: TableBuilder::new(plan.names.clone(), strict), strict }
    }

    /// Empty columns for `plan`, sized for `rows` rows (a row group's, from
    /// its metadata: a hint, more still fit).
    pub(crate) fn with_capacity(plan: &Plan, strict: bool, rows: usize) -> Self {
        let table = TableBuilder::new(plan.names.clone(), strict).with_capacity(rows.min(1 << 24));
        Self { leaves: plan.leaves.clone(), table, strict }
    }

    /// Rows read so far.
    pub(crate) fn rows(&self) -> usize {
        self.table.n_rows()
    }

    /// Appends a batch's rows.
    ///
    /// # Errors
    /// A batch whose columns do not follow the plan's schema.
    pub(crate) fn push(&mut self, batch: &RecordBatch, file: &str) -> Result<(), IoError> {
        let strict = self.strict;
        for (index, path) in self.leaves.iter().enumerate() {
            let (array, nulls) = leaf(batch, path).ok_or_else(|| {
                IoError::new(file, ErrorKind::Shape("a record batch does not follow the file's schema".into()))
            })?;
            let Some(column) = self.table.column_mut(index) else { continue };
            push_array(column, array.as_ref(), nulls.as_ref(), strict);
        }
        self.table.add_rows(batch.num_rows());
        Ok(())
    }

    /// The columns of several parts of the same rows, side by side, in order.
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn side_by_side(parts: Vec<Self>) -> Option<Self> {
        let rows = parts.first()?.rows();
        let strict = parts.first()?.strict;
        let mut leaves = Vec::new();
        let mut columns = Vec::new();
        for part in parts {
            leaves.extend(part.leaves);
            columns.extend(part.table.into_columns());
        }
        Some(Self { leaves, table: TableBuilder::from_columns(columns, rows, strict), strict })
    }

    /// Appends the rows of `later` (the same plan, read from later rows).
    pub(crate) fn append(&mut self, later: Self) {
        let rows = later.rows();
        for (index, column) in later.table.into_columns().into_iter().enumerate() {
            self.table.append_column(index, column);
        }
        self.table.add_rows(rows);
    }

    /// The table, after reporting cells read as missing by a marker.
    /// The rows pushed since the last call, as a table (streaming).
    pub(crate) fn take_table(&mut self) -> Table {
        self.table.take_table()
    }

    pub(crate) fn finish(self, file: &str, warnings: &mut Warnings) -> Table {
        super::warning::marker_warnings(&self.table, file, warnings);
        self.table.finish()
    }
}

/// The array at `path` in `batch`, with the nulls of the structs above it.
fn leaf(batch: &RecordBatch, path: &[usize]) -> Option<(ArrayRef, Option<NullBuffer>)> {
    let (&first, rest) = path.split_first()?;
    let mut array = batch.columns().get(first)?.clone();
    let mut nulls: Option<NullBuffer> = None;
    for &child in rest {
        let parent = array.as_struct_opt()?;
        nulls = NullBuffer::union(nulls.as_ref(), parent.nulls());
        array = parent.columns().get(child)?.clone();
    }
    Some((array, nulls))
}

/// Pushes every row of `array` (missing where `outer` says so too).
fn push_array(column: &mut ColumnBuilder, array: &dyn Array, outer: Option<&NullBuffer>, strict: bool) {
    let nulls = NullBuffer::union(outer, array.logical_nulls().as_ref());
    let valid = |i: usize| nulls.as_ref().is_none_or(|n| n.is_valid(i));
    let n = array.len();
    macro_rules! each {
        ($values:expr, |$v:ident| $push:expr) => {{
            let values = $values;
            for i in 0..n {
                if valid(i) {
                    let $v = values.value(i);
                    $push;
                } else {
                    column.push_null();
                }
            }
        }};
    }
    match array.data_type() {
        DataType::Null => (0..n).for_each(|_| column.push_null()),
        DataType::Boolean => each!(array.as_boolean(), |v| column.push_cell(Cell::Boolean(v))),
        DataType::Int8 => integers::<Int8Type>(column, array, &valid),
        DataType::Int16 => integers::<Int16Type>(column, array, &valid),
        DataType::Int32 => integers::<Int32Type>(column, array, &valid),
        DataType::Int64 => integers::<Int64Type>(column, array, &valid),
        DataType::UInt8 => integers::<UInt8Type>(column, array, &valid),
        DataType::UInt16 => integers::<UInt16Type>(column, array, &valid),
        DataType::UInt32 => integers::<UInt32Type>(column, array, &valid),
        DataType::UInt64 => integers::<UInt64Type>(column, array, &valid),
        DataType::Float16 => each!(array.as_primitive::<Float16Type>(), |v| push_float(column, v.to_f64())),
        DataType::Float32 => each!(array.as_primitive::<Float32Type>(), |v| push_float(column, f64::from(v))),
        DataType::Float64 => {
            let values = array.as_primitive::<Float64Type>().values();
            // The common case at memory speed: no null, nothing infinite or NaN.
            if nulls.is_none() && values.iter().all(|v| v.is_finite()) {
                column.extend_numbers(values.iter().copied(), true);
            } else {
                each!(array.as_primitive::<Float64Type>(), |v| push_float(column, v));
            }
        }
        DataType::Utf8 => each!(array.as_string::<i32>(), |v| column.push(v, strict)),
        DataType::LargeUtf8 => each!(array.as_string::<i64>(), |v| column.push(v, strict)),
        DataType::Utf8View => each!(array.as_string_view(), |v| column.push(v, strict)),
        DataType::Decimal32(..) => decimals::<Decimal32Type>(column, array, &valid, strict),
        DataType::Decimal64(..) => decimals::<Decimal64Type>(column, array, &valid, strict),
        DataType::Decimal128(..) => decimals::<Decimal128Type>(column, array, &valid, strict),
        DataType::Decimal256(..) => decimals::<Decimal256Type>(column, array, &valid, strict),
        DataType::Date32 => each!(array.as_primitive::<Date32Type>(), |v| push_millis(
            column,
            i64::from(v).checked_mul(86_400_000),
            strict
        )),
        DataType::Date64 => each!(array.as_primitive::<Date64Type>(), |v| push_millis(column, Some(v), strict)),
        DataType::Timestamp(unit, _) => {
            // Arrow timestamps are UTC instants whatever the zone: the
            // epoch milliseconds a CSV's `...Z` text gives.
            match unit {
                TimeUnit::Second => each!(array.as_primitive::<TimestampSecondType>(), |v| push_millis(
                    column,
                    v.checked_mul(1000),
                    strict
                )),
                TimeUnit::Millisecond => {
                    each!(array.as_primitive::<TimestampMillisecondType>(), |v| push_millis(column, Some(v), strict))
                }
                TimeUnit::Microsecond => each!(array.as_primitive::<TimestampMicrosecondType>(), |v| push_millis(
                    column,
                    Some(v.div_euclid(1000)),
                    strict
                )),
                TimeUnit::Nanosecond => each!(array.as_primitive::<TimestampNanosecondType>(), |v| push_millis(
                    column,
                    Some(v.div_euclid(1_000_000)),
                    strict
                )),
            }
        }
        DataType::Time32(TimeUnit::Second) => {
            each!(array.as_primitive::<Time32SecondType>(), |v| push_time(column, i64::from(v) * 1_000_000_000, strict))
        }
        DataType::Time32(_) => each!(array.as_primitive::<Time32MillisecondType>(), |v| push_time(
            column,
            i64::from(v) * 1_000_000,
            strict
        )),
        DataType::Time64(TimeUnit::Microsecond) => {
            each!(array.as_primitive::<Time64MicrosecondType>(), |v| push_time(column, v.saturating_mul(1000), strict))
        }
        DataType::Time64(_) => each!(array.as_primitive::<Time64NanosecondType>(), |v| push_time(column, v, strict)),
        DataType::Dictionary(key, _) => match key.as_ref() {
            DataType::Int8 => dictionary::<Int8Type>(column, array, &valid, strict),
            DataType::Int16 => dictionary::<Int16Type>(column, array, &valid, strict),
            DataType::Int32 => dictionary::<Int32Type>(column, array, &valid, strict),
            DataType::Int64 => dictionary::<Int64Type>(column, array, &valid, strict),
            DataType::UInt8 => dictionary::<UInt8Type>(column, array, &valid, strict),
            DataType::UInt16 => dictionary::<UInt16Type>(column, array, &valid, strict),
            DataType::UInt32 => dictionary::<UInt32Type>(column, array, &valid, strict),
            _ => dictionary::<UInt64Type>(column, array, &valid, strict),
        },
        // The plan reads no other type.
        _ => (0..n).for_each(|_| column.push_null()),
    }
}

fn integers<T>(column: &mut ColumnBuilder, array: &dyn Array, valid: &dyn Fn(usize) -> bool)
where
    T: ArrowPrimitiveType,
    T::Native: AsF64,
{
    let values = array.as_primitive::<T>().values();
    // No missing row (the structs' nulls included): at memory speed.
    if (0..values.len()).all(valid) {
        column.extend_numbers(values.iter().map(|v| v.as_f64()), false);
        return;
    }
    for (i, v) in values.iter().enumerate() {
        if valid(i) {
            column.push_number(v.as_f64(), false);
        } else {
            column.push_null();
        }
    }
}

fn decimals<T>(column: &mut ColumnBuilder, array: &dyn Array, valid: &dyn Fn(usize) -> bool, strict: bool)
where
    T: arrow_array::types::DecimalType,
{
    let values: &PrimitiveArray<T> = array.as_primitive::<T>();
    for i in 0..values.len() {
        if valid(i) {
            column.push(&values.value_as_string(i), strict);
        } else {
            column.push_null();
        }
    }
}

/// A float as a CSV cell of it reads: `NaN` and infinities are missing.
fn push_float(column: &mut ColumnBuilder, v: f64) {
    if v.is_nan() {
        column.push_cell(Cell::Missing(MissingMarker::NotANumber));
    } else if v.is_infinite() {
        column.push_cell(Cell::Missing(MissingMarker::Infinite));
    } else {
        column.push_number(v, true);
    }
}

/// An instant as its ISO text, read as a CSV cell (a date out of range is missing).
fn push_millis(column: &mut ColumnBuilder, millis: Option<i64>, strict: bool) {
    match millis {
        Some(ms) if (-62_135_596_800_000..253_402_300_800_000).contains(&ms) => {
            column.push(&format_timestamp_millis(ms), strict);
        }
        _ => column.push_null(),
    }
}

/// A time of day (nanoseconds since midnight) as `HH:MM:SS[.fffffffff]`.
fn push_time(column: &mut ColumnBuilder, nanos: i64, strict: bool) {
    let (secs, frac) = (nanos.div_euclid(1_000_000_000), nanos.rem_euclid(1_000_000_000));
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    let text = if frac == 0 {
        format!("{h:02}:{m:02}:{s:02}")
    } else {
        let digits = format!("{frac:09}");
        format!("{h:02}:{m:02}:{s:02}.{}", digits.trim_end_matches('0'))
    };
    column.push(&text, strict);
}

/// A dictionary's entries are read once; each row then takes its entry's cell.
fn dictionary<K: ArrowDictionaryKeyType>(
    column: &mut ColumnBuilder,
    array: &dyn Array,
    valid: &dyn Fn(usize) -> bool,
    strict: bool,
) {
    let Some(dict) = array.as_any().downcast_ref::<DictionaryArray<K>>() else {
        (0..array.len()).for_each(|_| column.push_null());
        return;
    };
    let cells = entry_cells(dict.values().as_ref(), strict);
    // A text entry's code in the column, interned at its first use (so the
    // categories keep the order a CSV gives, and an unused entry adds none).
    let mut codes: Vec<Option<u32>> = vec![None; cells.len()];
    for (i, key) in dict.keys().values().iter().enumerate() {
        let entry = key.as_usize();
        let cell = if valid(i) { cells.get(entry).and_then(Option::as_ref) } else { None };
        match cell {
            Some(OwnedCell::Text(text)) => {
                let code = match codes.get(entry).copied().flatten() {
                    Some(code) => code,
                    None => {
                        let code = column.intern_text(text);
                        if let Some(slot) = codes.get_mut(entry) {
                            *slot = Some(code);
                        }
                        code
                    }
                };
                column.push_text_code(code);
            }
            Some(cell) => column.push_cell(cell.as_cell()),
            None => column.push_null(),
        }
    }
}

/// Each dictionary entry's cell (`None` when the entry is null).
fn entry_cells(values: &dyn Array, strict: bool) -> Vec<Option<OwnedCell>> {
    let n = values.len();
    let float = |v: f64| {
        if v.is_nan() {
            OwnedCell::Missing(MissingMarker::NotANumber)
        } else if v.is_infinite() {
            OwnedCell::Missing(MissingMarker::Infinite)
        } else {
            OwnedCell::Number { value: v, fractional: true }
        }
    };
    let text = |t: &str| OwnedCell::from(read_cell(t, strict));
    let cells: Vec<OwnedCell> = match values.data_type() {
        DataType::Boolean => (0..n).map(|j| OwnedCell::Boolean(values.as_boolean().value(j))).collect(),
        DataType::Utf8 => (0..n).map(|j| text(values.as_string::<i32>().value(j))).collect(),
        DataType::LargeUtf8 => (0..n).map(|j| text(values.as_string::<i64>().value(j))).collect(),
        DataType::Utf8View => (0..n).map(|j| text(values.as_string_view().value(j))).collect(),
        DataType::Float16 => values.as_primitive::<Float16Type>().values().iter().map(|v| float(v.to_f64())).collect(),
        DataType::Float32 => {
            values.as_primitive::<Float32Type>().values().iter().map(|&v| float(f64::from(v))).collect()
        }
        DataType::Float64 => values.as_primitive::<Float64Type>().values().iter().map(|&v| float(v)).collect(),
        DataType::Int8 => whole::<Int8Type>(values),
        DataType::Int16 => whole::<Int16Type>(values),
        DataType::Int32 => whole::<Int32Type>(values),
        DataType::Int64 => whole::<Int64Type>(values),
        DataType::UInt8 => whole::<UInt8Type>(values),
        DataType::UInt16 => whole::<UInt16Type>(values),
        DataType::UInt32 => whole::<UInt32Type>(values),
        DataType::UInt64 => whole::<UInt64Type>(values),
        _ => Vec::new(),
    };
    cells.into_iter().enumerate().map(|(j, c)| values.is_valid(j).then_some(c)).collect()
}

fn whole<T>(values: &dyn Array) -> Vec<OwnedCell>
where
    T: ArrowPrimitiveType,
    T::Native: AsF64,
{
    values
        .as_primitive::<T>()
        .values()
        .iter()
        .map(|v| OwnedCell::Number { value: v.as_f64(), fractional: false })
        .collect()
}

/// A classified cell that outlives the array it came from.
#[derive(Debug, Clone)]
pub(crate) enum OwnedCell {
    Missing(MissingMarker),
    Number { value: f64, fractional: bool },
    Boolean(bool),
    Text(String),
}

impl From<Cell<'_>> for OwnedCell {
    fn from(cell: Cell<'_>) -> Self {
        match cell {
            Cell::Missing(m) => Self::Missing(m),
            Cell::Number { value, fractional } => Self::Number { value, fractional },
            Cell::Boolean(b) => Self::Boolean(b),
            Cell::Text(t) => Self::Text(t.to_owned()),
        }
    }
}

impl OwnedCell {
    fn as_cell(&self) -> Cell<'_> {
        match self {
            Self::Missing(m) => Cell::Missing(*m),
            Self::Number { value, fractional } => Cell::Number { value: *value, fractional: *fractional },
            Self::Boolean(b) => Cell::Boolean(*b),
            Self::Text(t) => Cell::Text(t),
        }
    }
}

/// Integer widths as `f64` (above 2^53 rounded, as a CSV's digits are).
trait AsF64: Copy {
    fn as_f64(self) -> f64;
}

macro_rules! as_f64 {
    ($($t:ty),*) => {$(impl AsF64 for $t { #[inline] fn as_f64(self) -> f64 { self as f64 } })*};
}
as_f64!(i8, i16, i32, i64, u8, u16, u32, u64);
