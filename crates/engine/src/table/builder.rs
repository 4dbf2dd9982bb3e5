//! Builds typed columns from raw cells in one pass, without keeping the text.
//!
//! A column starts as numbers and stays numbers while every cell reads as a
//! number or is missing (the common case costs one parse per cell). The first
//! other cell turns it into a dictionary of strings; numbers already read are
//! kept in their canonical form (`1.0` → `1`, the same category). At the end a
//! dictionary whose values are all `true`/`false` becomes booleans, all
//! datetimes becomes timestamps, and one with more distinct values than half
//! its present cells becomes text.

use hashbrown::HashMap;

use super::interner::Interner;
use super::{Column, ColumnData, Table, TextColumn, MISSING_CODE, MISSING_TIMESTAMP};
use crate::roles::Role;
use crate::types::{canonical_number, read_cell, scan_number, Cell, DeequCounts, Kind, MissingMarker};

#[derive(Debug)]
pub(super) enum State {
    Nulls(usize),
    Numbers(Vec<f64>),
    Strings { interner: Interner, codes: Vec<u32> },
}

/// Builds one column from cells.
#[derive(Debug)]
pub struct ColumnBuilder {
    pub(super) name: String,
    pub(super) state: State,
    pub(super) deequ: DeequCounts,
    /// Rows expected, to size the values once.
    capacity: usize,
    /// Cells such as `NA` or `NaN` read as missing.
    pub not_a_number_cells: u64,
    /// Infinite cells read as missing.
    pub infinite_cells: u64,
}

impl ColumnBuilder {
    /// An empty column; `backfill` missing rows are added first.
    #[must_use]
    pub fn new(name: String, backfill: usize) -> Self {
        Self {
            name,
            state: State::Nulls(backfill),
            deequ: DeequCounts::default(),
            capacity: 0,
            not_a_number_cells: 0,
            infinite_cells: 0,
        }
    }

    /// The column's name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Rows so far.
    #[must_use]
    pub fn len(&self) -> usize {
        match &self.state {
            State::Nulls(n) => *n,
            State::Numbers(v) => v.len(),
            State::Strings { codes, .. } => codes.len(),
        }
    }

    /// True when no row was added.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Reads one raw cell (classified as Deequ does, see [`read_cell`]).
    pub fn push(&mut self, text: &str, strict: bool) {
        self.push_cell(read_cell(text, strict));
    }

    /// Adds a cell already classified (a typed file's value, or a
    /// dictionary entry read once for all its rows).
    pub(crate) fn push_cell(&mut self, cell: Cell<'_>) {
        match cell {
            Cell::Missing(marker) => {
                match marker {
                    MissingMarker::Empty => {}
                    MissingMarker::NotANumber => self.not_a_number_cells += 1,
                    MissingMarker::Infinite => self.infinite_cells += 1,
                }
                self.push_null();
            }
            Cell::Number { value, fractional } => self.push_number(value, fractional),
            Cell::Boolean(b) => {
                self.deequ.boolean += 1;
                self.push_string_value(if b { "true" } else { "false" });
            }
            Cell::Text(t) => {
                self.deequ.string += 1;
                self.push_string_value(t);
            }
        }
    }

    /// Reads the number that `line` starts with when a delimiter (or the
    /// line's end) follows it and the column still holds numbers; returns the
    /// bytes it took, or `None` to read the field whole with [`Self::push`].
    /// The result is the same as `push` of the field.
    #[inline]
    pub fn push_number_prefix(&mut self, line: &[u8], delimiter: u8) -> Option<usize> {
        if matches!(self.state, State::Strings { .. }) {
            return None;
        }
        let (cell, used) = scan_number(line)?;
        if line.get(used).is_some_and(|&b| b != delimiter) {
            return None;
        }
        match cell {
            Cell::Number { value, fractional } => self.push_number(value, fractional),
            Cell::Missing(MissingMarker::Infinite) => {
                self.infinite_cells += 1;
                self.push_null();
            }
            _ => return None,
        }
        Some(used)
    }

    /// Adds a number read from text, counted as Deequ's Fractional or Integral.
    #[inline]
    pub(crate) fn push_number(&mut self, value: f64, fractional: bool) {
        if fractional {
            self.deequ.fractional += 1;
        } else {
            self.deequ.integral += 1;
        }
        self.push_number_value(value);
    }

    /// Adds numbers none of which is missing, counted as Deequ's Fractional
    /// or Integral (a typed file's column, at memory speed).
    pub(crate) fn extend_numbers(&mut self, values: impl ExactSizeIterator<Item = f64>, fractional: bool) {
        let n = values.len() as u64;
        if fractional {
            self.deequ.fractional += n;
        } else {
            self.deequ.integral += n;
        }
        if let State::Numbers(v) = &mut self.state {
            v.extend(values);
        } else {
            values.for_each(|x| self.push_number_value(x));
        }
    }

    /// Adds a missing value.
    pub fn push_null(&mut self) {
        self.deequ.null += 1;
        self.push_missing_value();
    }

    /// Adds a missing value without counting it for Deequ.
    pub(crate) fn push_missing_value(&mut self) {
        match &mut self.state {
            State::Nulls(n) => *n += 1,
            State::Numbers(v) => v.push(f64::NAN),
            State::Strings { codes, .. } => codes.push(MISSING_CODE),
        }
    }

    /// Adds a number without counting it for Deequ (values already typed).
    pub(crate) fn push_number_value(&mut self, value: f64) {
        match &mut self.state {
            State::Numbers(v) => v.push(value),
            State::Nulls(n) => {
                let mut v = Vec::with_capacity((*n + 1).max(self.capacity));
                v.resize(*n, f64::NAN);
                v.push(value);
                self.state = State::Numbers(v);
            }
            State::Strings { interner, codes } => codes.push(interner.intern(&canonical_number(value))),
        }
    }

    /// Adds a string value without counting it for Deequ.
    pub(crate) fn push_string_value(&mut self, value: &str) {
        if !matches!(self.state, State::Strings { .. }) {
            self.switch_to_strings();
        }
        if let State::Strings { interner, codes } = &mut self.state {
            codes.push(interner.intern(value));
        }
    }

    /// Interns a text value (the column holds strings from now on) and
    /// returns its code, for [`Self::push_text_code`].
    pub(crate) fn intern_text(&mut self, value: &str) -> u32 {
        if !matches!(self.state, State::Strings { .. }) {
            self.switch_to_strings();
        }
        match &mut self.state {
            State::Strings { interner, .. } => interner.intern(value),
            _ => MISSING_CODE,
        }
    }

    /// Adds a text cell by the code [`Self::intern_text`] gave it: the same
    /// as pushing the text, without hashing it again.
    pub(crate) fn push_text_code(&mut self, code: u32) {
        self.deequ.string += 1;
        if let State::Strings { codes, .. } = &mut self.state {
            codes.push(code);
        }
    }

    /// Appends the rows of `other` (the same column, read from later rows),
    /// as if its cells had been pushed here one by one.
    pub fn append(&mut self, other: Self) {
        self.deequ.merge(&other.deequ);
        self.not_a_number_cells += other.not_a_number_cells;
        self.infinite_cells += other.infinite_cells;
        if matches!(other.state, State::Strings { .. }) {
            self.switch_to_strings();
        }
        match (&mut self.state, other.state) {
            (State::Nulls(n), State::Nulls(m)) => *n += m,
            (State::Numbers(v), State::Nulls(m)) => v.resize(v.len() + m, f64::NAN),
            (State::Strings { codes, .. }, State::Nulls(m)) => codes.resize(codes.len() + m, MISSING_CODE),
            (State::Nulls(n), State::Numbers(w)) => {
                let mut v = Vec::with_capacity((*n + w.len()).max(self.capacity));
                v.resize(*n, f64::NAN);
                v.extend_from_slice(&w);
                self.state = State::Numbers(v);
            }
            (State::Numbers(v), State::Numbers(w)) => v.extend_from_slice(&w),
            (State::Strings { interner, codes }, State::Numbers(w)) => codes.extend(w.iter().map(|&x| {
                if x.is_nan() {
                    MISSING_CODE
                } else {
                    interner.intern(&canonical_number(x))
                }
            })),
            (State::Strings { interner, codes }, State::Strings { interner: theirs, codes: their_codes }) => {
                let recode: Vec<u32> = theirs.values.iter().map(|value| interner.intern(value)).collect();
                codes.extend(their_codes.iter().map(|&c| recode.get(c as usize).copied().unwrap_or(MISSING_CODE)));
            }
            // `self` became strings above whenever `other` held strings.
            (State::Nulls(_) | State::Numbers(_), State::Strings { .. }) => {}
        }
    }

    /// A column like this one (name, size hint) with no rows, to read later rows into.
    #[cfg(any(test, not(target_arch = "wasm32")))]
    pub(crate) fn empty_like(&self, capacity: usize) -> Self {
        Self { capacity, ..Self::new(self.name.clone(), 0) }
    }

    fn switch_to_strings(&mut self) {
        let mut interner = Interner::new();
        let codes = match &self.state {
            State::Nulls(n) => {
                let mut codes = Vec::with_capacity((*n + 1).max(self.capacity));
                codes.resize(*n, MISSING_CODE);
                codes
            }
            State::Numbers(v) => v
                .iter()
                .map(|&x| if x.is_nan() { MISSING_CODE } else { interner.intern(&canonical_number(x)) })
                .collect(),
            State::Strings { .. } => return,
        };
        self.state = State::Strings { interner, codes };
    }

    /// The finished column, with its kind inferred and role unset.
    #[must_use]
    pub fn finish(self) -> Column {
        let data = match self.state {
            State::Nulls(n) => ColumnData::Categorical { dictionary: Vec::new(), codes: vec![MISSING_CODE; n] },
            State::Numbers(v) => ColumnData::Numeric(v),
            State::Strings { interner, codes } => strings_to_data(interner, codes),
        };
        let kind = infer_kind(&data);
        Column { name: self.name, data, deequ: self.deequ, kind, kind_overridden: false, role: Role::Feature }
    }
}

/// A string column needs more distinct values than this to be text: on small
/// tables Evidently's "more than half distinct" alone would call `Paris, Lyon,
/// Paris` free text.
const MIN_TEXT_DISTINCT: usize = 20;

fn strings_to_data(interner: Interner, codes: Vec<u32>) -> ColumnData {
    let Interner { values, datetimes, .. } = interner;
    if !values.is_empty() && values.iter().all(|v| v == "true" || v == "false") {
        let bools = codes.iter().map(|&c| values.get(c as usize).map(|v| v == "true")).collect();
        return ColumnData::Boolean(bools);
    }
    if let Some(datetimes) = datetimes.filter(|d| !d.is_empty()) {
        let millis = codes.iter().map(|&c| datetimes.get(c as usize).copied().unwrap_or(MISSING_TIMESTAMP)).collect();
        return ColumnData::Timestamp(millis);
    }
    let present = codes.iter().filter(|&&c| c != MISSING_CODE).count();
    if values.len() * 2 > present && values.len() > MIN_TEXT_DISTINCT {
        let mut text = TextColumn {
            buffer: String::new(),
            offsets: Vec::with_capacity(codes.len() + 1),
            present: Vec::with_capacity(codes.len()),
        };
        text.offsets.push(0);
        for &c in &codes {
            let value = values.get(c as usize);
            if let Some(v) = value {
                text.buffer.push_str(v);
            }
            text.present.push(value.is_some());
            text.offsets.push(text.buffer.len());
        }
        return ColumnData::Text(text);
    }
    ColumnData::Categorical { dictionary: values, codes }
}

/// The analysis kind a column's values call for (see [`Kind`]).
#[must_use]
pub fn infer_kind(data: &ColumnData) -> Kind {
    match data {
        ColumnData::Numeric(values) => {
            let mut distinct: Vec<f64> = Vec::with_capacity(crate::types::MAX_CATEGORICAL_WHOLE_NUMBERS + 1);
            for &x in values.iter().filter(|x| !x.is_nan()) {
                if x.fract() != 0.0 {
                    return Kind::Numerical;
                }
                if !distinct.contains(&x) {
                    distinct.push(x);
                    if distinct.len() > crate::types::MAX_CATEGORICAL_WHOLE_NUMBERS {
                        return Kind::Numerical;
                    }
                }
            }
            if distinct.is_empty() {
                Kind::Numerical
            } else {
                Kind::Categorical
            }
        }
        ColumnData::Categorical { .. } | ColumnData::Boolean(_) => Kind::Categorical,
        ColumnData::Text(_) => Kind::Text,
        ColumnData::Timestamp(_) => Kind::Datetime,
    }
}

/// Builds a table row by row, positionally (CSV) or by name (JSON).
#[derive(Debug)]
pub struct TableBuilder {
    pub(super) columns: Vec<ColumnBuilder>,
    by_name: HashMap<String, usize>,
    pub(super) n_rows: usize,
    pub(super) strict: bool,
}

impl TableBuilder {
    /// A builder with these (already unique) column names.
    #[must_use]
    pub fn new(names: Vec<String>, strict: bool) -> Self {
        let by_name = names.iter().enumerate().map(|(i, n)| (n.clone(), i)).collect();
        let columns = names.into_iter().map(|n| ColumnBuilder::new(n, 0)).collect();
        Self { columns, by_name, n_rows: 0, strict }
    }

    /// Sizes every column for `rows` rows up front (a hint: more still fit).
    #[must_use]
    pub fn with_capacity(mut self, rows: usize) -> Self {
        for column in &mut self.columns {
            column.capacity = rows;
        }
        self
    }

    /// Rows so far.
    #[must_use]
    pub fn n_rows(&self) -> usize {
        self.n_rows
    }

    /// Number of columns.
    #[must_use]
    pub fn n_columns(&self) -> usize {
        self.columns.len()
    }

    /// The columns' names, in order.
    #[must_use]
    pub fn column_names(&self) -> Vec<String> {
        self.columns.iter().map(|c| c.name().to_owned()).collect()
    }

    /// The columns being built, to be appended to another builder's.
    pub(crate) fn into_columns(self) -> Vec<ColumnBuilder> {
        self.columns
    }

    /// Appends rows read elsewhere to column `index` (then [`Self::add_rows`]).
    pub(crate) fn append_column(&mut self, index: usize, part: ColumnBuilder) {
        if let Some(column) = self.columns.get_mut(index) {
            column.append(part);
        }
    }

    /// Counts `rows` rows appended column by column.
    pub(crate) fn add_rows(&mut self, rows: usize) {
        self.n_rows += rows;
    }

    /// Appends a row of positional cells; short rows are padded with missing
    /// values and cells beyond the last column are ignored. Returns how many
    /// cells the row had.
    pub fn push_row<'a>(&mut self, cells: impl IntoIterator<Item = &'a str>) -> usize {
        let mut n = 0;
        for cell in cells {
            if let Some(column) = self.columns.get_mut(n) {
                column.push(cell, self.strict);
            }
            n += 1;
        }
        for column in self.columns.iter_mut().skip(n) {
            column.push_null();
        }
        self.n_rows += 1;
        n
    }

    /// The index of the column named `name`, added (missing so far) when new.
    pub fn column_index(&mut self, name: &str) -> usize {
        if let Some(&i) = self.by_name.get(name) {
            return i;
        }
        let i = self.columns.len();
        self.columns.push(ColumnBuilder::new(name.to_owned(), self.n_rows));
        self.by_name.insert(name.to_owned(), i);
        i
    }

    /// Appends a row of named cells (`None` is a JSON null). A name given
    /// twice keeps its first cell; columns absent from the row get a missing value.
    pub fn push_named_row<'a>(&mut self, cells: impl IntoIterator<Item = (&'a str, Option<&'a str>)>) {
        let row = self.n_rows;
        for (name, cell) in cells {
            let i = self.column_index(name);
            let Some(column) = self.columns.get_mut(i) else { continue };
            if column.len() > row {
                continue;
            }
            match cell {
                Some(text) => column.push(text, self.strict),
                None => column.push_null(),
            }
        }
        self.n_rows += 1;
        for column in &mut self.columns {
            if column.len() < self.n_rows {
                column.push_null();
            }
        }
    }

    /// A builder over columns built elsewhere, all `n_rows` long.
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn from_columns(columns: Vec<ColumnBuilder>, n_rows: usize, strict: bool) -> Self {
        let by_name = columns.iter().enumerate().map(|(i, c)| (c.name.clone(), i)).collect();
        Self { columns, by_name, n_rows, strict }
    }

    /// Column `index`, to push cells into (then [`Self::add_rows`]).
    pub(crate) fn column_mut(&mut self, index: usize) -> Option<&mut ColumnBuilder> {
        self.columns.get_mut(index)
    }

    /// Missing-marker counts per column: (name, NA-like cells, infinite cells).
    #[must_use]
    pub fn marker_counts(&self) -> Vec<(&str, u64, u64)> {
        self.columns
            .iter()
            .filter(|c| c.not_a_number_cells + c.infinite_cells > 0)
            .map(|c| (c.name(), c.not_a_number_cells, c.infinite_cells))
            .collect()
    }

    /// The finished table.
    #[must_use]
    pub fn finish(self) -> Table {
        let n_rows = self.n_rows;
        Table { columns: self.columns.into_iter().map(ColumnBuilder::finish).collect(), n_rows }
    }

    /// The rows built so far as a table, leaving the builder empty with
    /// the same columns (streaming: each chunk of rows is analysed, then
    /// dropped). Counts of cells read as missing carry on, so warnings at
    /// the end cover the whole file.
    pub fn take_table(&mut self) -> Table {
        let n_rows = std::mem::take(&mut self.n_rows);
        let columns = self
            .columns
            .iter_mut()
            .map(|c| {
                let mut fresh = ColumnBuilder::new(c.name.clone(), 0);
                fresh.capacity = n_rows;
                fresh.not_a_number_cells = c.not_a_number_cells;
                fresh.infinite_cells = c.infinite_cells;
                std::mem::replace(c, fresh).finish()
            })
            .collect();
        Table { columns, n_rows }
    }
}
