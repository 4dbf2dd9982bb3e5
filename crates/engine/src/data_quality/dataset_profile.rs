//! A dataset's mergeable profile and the [`Profiler`] that builds it part by
//! part, so a file larger than memory is profiled one table chunk at a time.
//!
//! Columns are matched by name; a column absent from a part counts as null
//! for that part's rows (as [`crate::table::concat`] stacks tables). Feeding
//! chunks to one profiler gives the same sketch as profiling the whole table
//! (values reach the sketch in the same order); [`DatasetProfile::merge`]
//! combines profiles built separately (the sketch then merges as Deequ's,
//! within KLL's rank error).

use super::FeatureProfile;
use crate::table::Table;

/// Profiles of every column of a dataset.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct DatasetProfile {
    /// Rows seen.
    pub item_count: u64,
    /// One profile per column, in order of first appearance.
    pub features: Vec<FeatureProfile>,
}

impl DatasetProfile {
    /// The profile of the column named `name`.
    #[must_use]
    pub fn feature(&self, name: &str) -> Option<&FeatureProfile> {
        self.features.iter().find(|f| f.name == name)
    }

    /// Merges the profile of another part of the dataset.
    pub fn merge(&mut self, other: &Self) {
        for feature in &mut self.features {
            if other.feature(&feature.name).is_none() {
                feature.add_missing(other.item_count);
            }
        }
        for theirs in &other.features {
            match self.features.iter_mut().find(|f| f.name == theirs.name) {
                Some(mine) => mine.merge(theirs),
                None => {
                    let mut added = theirs.empty_like(theirs.name.clone());
                    added.add_missing(self.item_count);
                    added.merge(theirs);
                    self.features.push(added);
                }
            }
        }
        self.item_count = self.item_count.saturating_add(other.item_count);
    }
}

/// Builds a [`DatasetProfile`] from table chunks.
///
/// # Examples
/// ```
/// use tideline_engine::io::{load_bytes, LoadOptions};
/// use tideline_engine::data_quality::Profiler;
/// let a = load_bytes("a.csv", b"x,y\n1,a\n2,b\n", LoadOptions::default()).unwrap().table;
/// let b = load_bytes("b.csv", b"x\n3\n", LoadOptions::default()).unwrap().table;
/// let mut profiler = Profiler::default();
/// profiler.add_table(&a);
/// profiler.add_table(&b);
/// let profile = profiler.finish();
/// assert_eq!(profile.item_count, 3);
/// assert_eq!(profile.feature("x").unwrap().numeric.mean(), 2.0);
/// assert_eq!(profile.feature("y").unwrap().num_missing(), 1);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Profiler {
    profile: DatasetProfile,
    /// In sketch mode, distinct text values kept exactly per column.
    sketch_capacity: Option<usize>,
}

impl Profiler {
    /// A profiler in sketch mode: memory bounded per column whatever the
    /// rows and distinct values (see [`FeatureProfile::sketch`]).
    #[must_use]
    pub fn sketch(capacity: usize) -> Self {
        Self { profile: DatasetProfile::default(), sketch_capacity: Some(capacity) }
    }

    /// Rows added so far.
    #[must_use]
    pub fn rows(&self) -> u64 {
        self.profile.item_count
    }

    /// Adds one chunk of rows.
    pub fn add_table(&mut self, table: &Table) {
        let rows = table.n_rows as u64;
        for feature in &mut self.profile.features {
            if table.column(&feature.name).is_none() {
                feature.add_missing(rows);
            }
        }
        for column in &table.columns {
            match self.profile.features.iter_mut().find(|f| f.name == column.name) {
                Some(feature) => feature.add_column(column),
                None => {
                    let mut feature = match self.sketch_capacity {
                        Some(capacity) => FeatureProfile::sketch(column.name.clone(), capacity),
                        None => FeatureProfile::new(column.name.clone()),
                    };
                    feature.add_missing(self.profile.item_count);
                    feature.add_column(column);
                    self.profile.features.push(feature);
                }
            }
        }
        self.profile.item_count += rows;
    }

    /// The profile of every chunk added.
    #[must_use]
    pub fn finish(self) -> DatasetProfile {
        self.profile
    }
}

/// The profile of a whole table (columns profiled in parallel natively).
#[must_use]
pub fn profile_table(table: &Table) -> DatasetProfile {
    DatasetProfile { item_count: table.n_rows as u64, features: profile_columns(table) }
}

#[cfg(target_arch = "wasm32")]
fn profile_columns(table: &Table) -> Vec<FeatureProfile> {
    table.columns.iter().map(FeatureProfile::of_column).collect()
}

/// Columns are independent: split them over the available cores.
#[cfg(not(target_arch = "wasm32"))]
fn profile_columns(table: &Table) -> Vec<FeatureProfile> {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    if threads < 2 || table.columns.len() < 2 || table.n_rows < 100_000 {
        return table.columns.iter().map(FeatureProfile::of_column).collect();
    }
    let per_thread = table.columns.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = table
            .columns
            .chunks(per_thread)
            .map(|part| scope.spawn(move || part.iter().map(FeatureProfile::of_column).collect::<Vec<_>>()))
            .collect();
        let mut out = Vec::with_capacity(table.columns.len());
        for (handle, part) in handles.into_iter().zip(table.columns.chunks(per_thread)) {
            // A panicked worker is recomputed here rather than lost.
            out.extend(handle.join().unwrap_or_else(|_| part.iter().map(FeatureProfile::of_column).collect()));
        }
        out
    })
}
