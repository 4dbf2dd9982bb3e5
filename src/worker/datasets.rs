//! The worker's datasets: per side, the files read and their stacked table.

use std::cell::RefCell;

use tideline_engine::histogram::{compare, Histogram};
use tideline_engine::io::{load_bytes, LoadOptions};
use tideline_engine::roles::{set_role, split_columns, Role};
use tideline_engine::summary::{summarize, DatasetSummary};
use tideline_engine::table::{concat, rows_where, take_window, Table};
use tideline_engine::types::Kind;
use wasm_bindgen::JsCast;

use tideline_engine::pii::{mask_column, scan_table, PiiReport};
use tideline_report::{sha256_hex, InputFile, PiiSection};

use crate::protocol::{Demo, FileStatus, FocusInfo, Memory, PiiAction, Reply, Side};

#[derive(Default)]
struct FileEntry {
    status: FileStatus,
    table: Option<Table>,
    origin: Origin,
}

/// Where a file's bytes are, for the audit record's SHA-256.
#[derive(Default, Clone)]
pub(super) enum Origin {
    /// Derived, with nothing to hash.
    #[default]
    None,
    /// A file the user dropped, hashed when an export first needs it (so
    /// loading is not slowed by hashing).
    Handle(web_sys::File),
    /// Hashed: the SHA-256 in hex.
    Hashed(String),
}

#[derive(Default)]
struct SideData {
    files: Vec<FileEntry>,
    /// The stacked table when more than one file was read.
    stacked: Option<Table>,
    empty: Table,
}

impl SideData {
    fn table(&self) -> &Table {
        if let Some(t) = &self.stacked {
            return t;
        }
        self.files.iter().find_map(|f| f.table.as_ref()).unwrap_or(&self.empty)
    }

    fn restack(&mut self) {
        let tables: Vec<&Table> = self.files.iter().filter_map(|f| f.table.as_ref()).collect();
        self.stacked = if tables.len() > 1 {
            let owned: Vec<Table> = tables.into_iter().cloned().collect();
            Some(concat(&owned))
        } else {
            None
        };
    }

    fn tables_mut(&mut self) -> impl Iterator<Item = &mut Table> {
        self.files.iter_mut().filter_map(|f| f.table.as_mut()).chain(self.stacked.as_mut())
    }
}

/// One window of the current data, opened on its own in the analyses.
struct Focus {
    info: FocusInfo,
    table: Table,
}

/// Both sides' data.
#[derive(Default)]
pub(super) struct Datasets {
    sides: [SideData; 2],
    /// The window the analyses look at instead of the whole current data.
    focus: Option<Focus>,
    /// Columns masked or left out for personal data, applied to every file
    /// read later too, so no export carries them.
    pii_actions: Vec<(String, PiiAction)>,
    /// Bumped by every change of the data, so results computed on earlier
    /// data are known as such.
    version: u64,
    /// Each side's schema summary and personal-data scan for `version`: the
    /// Overview asks for them after every analysis, and on a million rows
    /// each costs a fraction of a second.
    cached: [RefCell<Cached>; 2],
}

/// A side's summary and scan, with the data version they describe.
#[derive(Default)]
struct Cached {
    version: u64,
    summary: Option<DatasetSummary>,
    pii: Option<PiiReport>,
}

/// Masks or drops `column` in `table`; the number of cells masked (or rows
/// dropped with the column), `None` when the table lacks it.
fn apply_pii(table: &mut Table, column: &str, action: PiiAction) -> Option<usize> {
    let index = table.columns.iter().position(|c| c.name == column)?;
    Some(match action {
        PiiAction::Mask => {
            let (masked, changed) = mask_column(&table.columns[index]);
            table.columns[index] = masked;
            changed
        }
        PiiAction::Exclude => {
            table.columns.remove(index);
            table.n_rows
        }
    })
}

impl Datasets {
    fn side(&self, side: Side) -> &SideData {
        &self.sides[side.index()]
    }

    fn side_mut(&mut self, side: Side) -> &mut SideData {
        &mut self.sides[side.index()]
    }

    /// Adds a file (its table is `None` when it failed); true when it made a
    /// column of the other side a split marker, whose summary is then stale.
    pub(super) fn add_file(&mut self, side: Side, status: FileStatus, table: Option<Table>, origin: Origin) -> bool {
        self.version += 1;
        // A window cut from the data as it was would no longer match it.
        self.focus = None;
        let mut table = table;
        if let Some(t) = table.as_mut() {
            for (column, action) in &self.pii_actions {
                apply_pii(t, column, *action);
            }
        }
        let data = self.side_mut(side);
        let changed = table.is_some();
        data.files.push(FileEntry { status, table, origin });
        if !changed {
            return false;
        }
        data.restack();
        self.mark_split_columns()
    }

    /// Marks the columns that only tell the two sides apart (one value in
    /// each, a different one on each) as split markers, once both hold rows;
    /// true when there were any.
    fn mark_split_columns(&mut self) -> bool {
        let (baseline, current) = (self.table(Side::Baseline), self.table(Side::Current));
        if baseline.n_rows == 0 || current.n_rows == 0 {
            return false;
        }
        let names = split_columns(baseline, current);
        for name in &names {
            for side in Side::BOTH {
                for table in self.side_mut(side).tables_mut() {
                    set_role(table, name, Role::Split);
                }
            }
        }
        !names.is_empty()
    }

    /// Masks or drops `column` on both sides (every file, and every file read
    /// later); the number of cells it changed.
    ///
    /// # Errors
    /// When neither side has the column.
    pub(super) fn pii(&mut self, column: &str, action: PiiAction) -> Result<usize, String> {
        self.version += 1;
        self.focus = None;
        let mut changed = None;
        for data in &mut self.sides {
            for table in data.files.iter_mut().filter_map(|f| f.table.as_mut()) {
                if let Some(n) = apply_pii(table, column, action) {
                    *changed.get_or_insert(0) += n;
                }
            }
            data.restack();
        }
        let changed = changed.ok_or_else(|| format!("no column '{column}' in the loaded data"))?;
        self.pii_actions.push((column.to_owned(), action));
        Ok(changed)
    }

    /// Removes the file at `index`, if any.
    pub(super) fn remove_file(&mut self, side: Side, index: usize) {
        self.version += 1;
        // A window cut from the data as it was would no longer match it.
        self.focus = None;
        let data = self.side_mut(side);
        if index < data.files.len() {
            data.files.remove(index);
            data.restack();
        }
    }

    /// Replaces both sides with `demo` and sets its roles; returns (rows, bytes) read.
    pub(super) fn load_demo(&mut self, demo: Demo) -> (u64, u64) {
        self.load_pair(demo.files(), demo.roles())
    }

    /// Replaces both sides with a baseline file and a current file held in
    /// memory (a demo, a teaching scenario), then sets `roles` on both.
    pub(super) fn load_pair(&mut self, files: [(&str, &[u8]); 2], roles: &[(&str, Role)]) -> (u64, u64) {
        // New data on both sides: earlier choices were about other columns.
        self.pii_actions.clear();
        let (mut rows, mut bytes) = (0, 0);
        for (side, (name, content)) in Side::BOTH.into_iter().zip(files) {
            let started = js_sys::Date::now();
            let data = self.side_mut(side);
            *data = SideData::default();
            let result = load_bytes(name, content, LoadOptions::default());
            let millis = js_sys::Date::now() - started;
            let (status, table) = match result {
                Ok(loaded) => {
                    rows += loaded.table.n_rows as u64;
                    bytes += content.len() as u64;
                    let status = FileStatus {
                        name: name.to_owned(),
                        bytes: content.len() as u64,
                        rows: loaded.table.n_rows as u64,
                        format: loaded.format.as_str().to_owned(),
                        error: None,
                        warnings: loaded.warnings,
                        millis,
                    };
                    (status, Some(loaded.table))
                }
                Err(e) => {
                    (FileStatus { name: name.to_owned(), error: Some(e.to_string()), ..FileStatus::default() }, None)
                }
            };
            self.add_file(side, status, table, Origin::Hashed(sha256_hex(content)));
        }
        for &(column, role) in roles {
            self.set_role(column, role);
        }
        (rows, bytes)
    }

    /// Sets a column's kind on every table of both sides (a column is one
    /// thing in both datasets).
    pub(super) fn set_kind(&mut self, column: &str, kind: Kind) {
        self.version += 1;
        // A window cut from the data as it was would no longer match it.
        self.focus = None;
        for side in Side::BOTH {
            for table in self.side_mut(side).tables_mut() {
                if let Some(c) = table.column_mut(column) {
                    c.kind = kind;
                    c.kind_overridden = true;
                }
            }
        }
    }

    /// Sets a column's role on every table of both sides.
    pub(super) fn set_role(&mut self, column: &str, role: Role) {
        self.version += 1;
        // A window cut from the data as it was would no longer match it.
        self.focus = None;
        for side in Side::BOTH {
            for table in self.side_mut(side).tables_mut() {
                set_role(table, column, role);
            }
        }
    }

    /// Replaces both sides with the baseline rows where `column` equals each
    /// value; the column is then a split marker, left out of the analyses (it differs by construction).
    pub(super) fn split(&mut self, column: &str, baseline_value: &str, current_value: &str) -> Result<(), String> {
        let source = self.side(Side::Baseline);
        let (table, name, format, origin) = {
            let first = source.files.iter().find(|f| f.table.is_some());
            let status = first.map(|f| f.status.clone()).unwrap_or_default();
            let origin = first.map(|f| f.origin.clone()).unwrap_or_default();
            (source.table().clone(), status.name, status.format, origin)
        };
        let mut parts = Vec::new();
        for value in [baseline_value, current_value] {
            let mut part = rows_where(&table, column, value).map_err(|e| e.to_string())?;
            if part.n_rows == 0 {
                return Err(format!("no row of the baseline has {column} = {value}"));
            }
            set_role(&mut part, column, Role::Split);
            parts.push((value, part));
        }
        for (side, (value, part)) in Side::BOTH.into_iter().zip(parts) {
            let status = FileStatus {
                name: format!("{name} where {column} = {value}"),
                rows: part.n_rows as u64,
                format: format.clone(),
                ..FileStatus::default()
            };
            *self.side_mut(side) = SideData::default();
            self.add_file(side, status, Some(part), origin.clone());
        }
        Ok(())
    }

    /// The stacked table of a side.
    pub(super) fn table(&self, side: Side) -> &Table {
        self.side(side).table()
    }

    /// The table the analyses compare: the focused window for the current
    /// side when one is open, else the side's table.
    pub(super) fn analysed(&self, side: Side) -> &Table {
        match (&self.focus, side) {
            (Some(focus), Side::Current) => &focus.table,
            _ => self.table(side),
        }
    }

    /// Opens `rows` of the current data as the window `info`, or (`None`)
    /// goes back to the whole current data.
    pub(super) fn set_focus(&mut self, focus: Option<(FocusInfo, Vec<usize>)>) {
        self.focus = focus.map(|(info, rows)| {
            let current = self.table(Side::Current);
            let columns: Vec<&tideline_engine::table::Column> = current.columns.iter().collect();
            Focus { info, table: take_window(current, &columns, &rows) }
        });
    }

    /// The open window, if any.
    pub(super) fn focus(&self) -> Option<&FocusInfo> {
        self.focus.as_ref().map(|f| &f.info)
    }

    /// Histogram of a column on both sides.
    pub(super) fn compare(&self, column: &str, bins: usize) -> Option<Histogram> {
        compare(self.analysed(Side::Baseline).column(column), self.analysed(Side::Current).column(column), bins)
    }

    /// The data's version: it changes whenever the data does.
    pub(super) fn version(&self) -> u64 {
        self.version
    }

    /// The schema of a side's stacked table.
    pub(super) fn summary(&self, side: Side) -> DatasetSummary {
        if let Some(summary) = self.cached(side, |c| c.summary.clone()) {
            return summary;
        }
        let summary = summarize(self.table(side));
        self.cache(side, |c| c.summary = Some(summary.clone()));
        summary
    }

    /// The personal-data scan of a side's stacked table.
    fn pii_report(&self, side: Side) -> PiiReport {
        if let Some(report) = self.cached(side, |c| c.pii.clone()) {
            return report;
        }
        let report = scan_table(self.table(side));
        self.cache(side, |c| c.pii = Some(report.clone()));
        report
    }

    /// What the cache holds for `side` at this version.
    fn cached<T>(&self, side: Side, get: impl FnOnce(&Cached) -> Option<T>) -> Option<T> {
        let cached = self.cached[side.index()].borrow();
        (cached.version == self.version).then(|| get(&cached)).flatten()
    }

    /// Stores into the cache of `side` (emptied first when the data changed).
    fn cache(&self, side: Side, set: impl FnOnce(&mut Cached)) {
        let mut cached = self.cached[side.index()].borrow_mut();
        if cached.version != self.version {
            *cached = Cached { version: self.version, ..Cached::default() };
        }
        set(&mut cached);
    }

    /// True when either side holds rows.
    pub(super) fn any_rows(&self) -> bool {
        Side::BOTH.into_iter().any(|side| self.table(side).n_rows > 0)
    }

    /// Files read but not hashed yet: (side, position, handle).
    pub(super) fn unhashed(&self) -> Vec<(Side, usize, web_sys::File)> {
        Side::BOTH
            .into_iter()
            .flat_map(|side| {
                self.side(side).files.iter().enumerate().filter_map(move |(i, f)| match &f.origin {
                    Origin::Handle(file) if f.table.is_some() => Some((side, i, file.clone())),
                    _ => None,
                })
            })
            .collect()
    }

    /// Records the SHA-256 of `file`, at `index` of `side` unless it was
    /// removed while it was being hashed.
    pub(super) fn set_sha256(&mut self, side: Side, index: usize, file: &web_sys::File, hex: String) {
        if let Some(f) = self.side_mut(side).files.get_mut(index) {
            if matches!(&f.origin, Origin::Handle(held) if held == file) {
                f.origin = Origin::Hashed(hex);
            }
        }
    }

    /// The files behind the loaded tables, for the audit record (the hash
    /// is empty for a file not hashed yet, or derived in memory).
    pub(super) fn input_files(&self) -> Vec<InputFile> {
        Side::BOTH
            .into_iter()
            .flat_map(|side| {
                self.side(side).files.iter().filter(|f| f.table.is_some()).map(move |f| InputFile {
                    role: side.as_str().to_owned(),
                    name: f.status.name.clone(),
                    bytes: f.status.bytes,
                    sha256: match &f.origin {
                        Origin::Hashed(hex) => hex.clone(),
                        _ => String::new(),
                    },
                })
            })
            .collect()
    }

    /// Both sides' personal-data scans and the actions taken.
    pub(super) fn pii_section(&self) -> PiiSection {
        PiiSection {
            baseline: self.pii_report(Side::Baseline),
            current: self.pii_report(Side::Current),
            actions: self
                .pii_actions
                .iter()
                .map(|(c, a)| {
                    (
                        c.clone(),
                        match a {
                            PiiAction::Mask => "mask".to_owned(),
                            PiiAction::Exclude => "exclude".to_owned(),
                        },
                    )
                })
                .collect(),
        }
    }

    /// The side's files and schema, as a reply.
    pub(super) fn dataset_reply(&self, side: Side) -> Reply {
        self.dataset_reply_with(side, self.summary(side))
    }

    /// The side's files and `summary` of its schema, as a reply.
    pub(super) fn dataset_reply_with(&self, side: Side, summary: DatasetSummary) -> Reply {
        self.cache(side, |c| c.summary = Some(summary.clone()));
        let data = self.side(side);
        Reply::Dataset {
            side,
            files: data.files.iter().map(|f| f.status.clone()).collect(),
            summary,
            pii: self.pii_report(side),
            pii_actions: self.pii_actions.clone(),
            memory: self.memory(),
        }
    }

    fn memory(&self) -> Memory {
        let typed_bytes = self
            .sides
            .iter()
            .flat_map(|s| s.files.iter().filter_map(|f| f.table.as_ref()).chain(s.stacked.as_ref()))
            .map(Table::typed_bytes)
            .sum::<usize>() as u64;
        let wasm_bytes = wasm_bindgen::memory()
            .dyn_into::<js_sys::WebAssembly::Memory>()
            .map(|m| m.buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length())
            .unwrap_or(0);
        Memory { wasm_bytes: u64::from(wasm_bytes), typed_bytes }
    }
}
