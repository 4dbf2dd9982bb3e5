//! A dataset's sketch-mode state: the mergeable profile of every column
//! (bounded text counts, a distinct-count sketch, moments and Deequ's KLL)
//! and the roles guessed from its first rows. `tideline profile` writes
//! it, `drift --baseline state.tl` reads it, `merge-states` merges several.

use serde::{Deserialize, Serialize};

use crate::data_quality::{DatasetProfile, FeatureProfile, Profiler};
use crate::roles::{guess_roles, Role};
use crate::table::Table;

/// Distinct text values per column counted exactly before the heavy-hitter
/// summary starts: far above any column that is tested as categorical
/// (more distinct values than this is free text), and about 1 MB per
/// column at most.
pub const DEFAULT_CATEGORY_CAPACITY: usize = 10_000;

/// The state of one dataset (one side of a comparison).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DatasetState {
    /// Every column's mergeable profile.
    pub profile: DatasetProfile,
    /// Each column's role, guessed from the first rows read.
    pub roles: Vec<(String, Role)>,
    /// The files behind it, in the order read.
    pub sources: Vec<String>,
}

impl DatasetState {
    /// The role of the column `name` (a feature when never guessed).
    #[must_use]
    pub fn role(&self, name: &str) -> Role {
        self.roles.iter().find(|(n, _)| n == name).map_or(Role::Feature, |(_, r)| *r)
    }

    /// Sets the role of `name`.
    pub fn set_role(&mut self, name: &str, role: Role) {
        match self.roles.iter_mut().find(|(n, _)| n == name) {
            Some(slot) => slot.1 = role,
            None => self.roles.push((name.to_owned(), role)),
        }
    }

    /// The profile of the column `name`.
    #[must_use]
    pub fn feature(&self, name: &str) -> Option<&FeatureProfile> {
        self.profile.feature(name)
    }

    /// Rows behind the state.
    #[must_use]
    pub fn rows(&self) -> u64 {
        self.profile.item_count
    }

    /// Merges another state in: the state of both datasets together.
    /// Roles already known stay; the other's fill in new columns.
    pub fn merge(&mut self, other: &Self) {
        self.profile.merge(&other.profile);
        for (name, role) in &other.roles {
            if !self.roles.iter().any(|(n, _)| n == name) {
                self.roles.push((name.clone(), *role));
            }
        }
        self.sources.extend(other.sources.iter().cloned());
    }
}

/// Builds a [`DatasetState`] from table chunks read one after another.
#[derive(Debug, Clone)]
pub struct StateBuilder {
    profiler: Profiler,
    roles: Vec<(String, Role)>,
    sources: Vec<String>,
}

impl Default for StateBuilder {
    fn default() -> Self {
        Self::new(DEFAULT_CATEGORY_CAPACITY)
    }
}

impl StateBuilder {
    /// A builder keeping `capacity` distinct text values per column exactly.
    #[must_use]
    pub fn new(capacity: usize) -> Self {
        Self { profiler: Profiler::sketch(capacity), roles: Vec::new(), sources: Vec::new() }
    }

    /// Records a source file's name.
    pub fn add_source(&mut self, name: impl Into<String>) {
        self.sources.push(name.into());
    }

    /// Adds one chunk of rows. Roles are guessed on the first chunk that
    /// holds a column (names and values), as a loaded table's are.
    pub fn add_table(&mut self, table: &Table) {
        if table.columns.iter().any(|c| !self.roles.iter().any(|(n, _)| *n == c.name)) {
            let mut guessed = table.clone();
            guess_roles(&mut guessed);
            for column in guessed.columns {
                if !self.roles.iter().any(|(n, _)| *n == column.name) {
                    self.roles.push((column.name, column.role));
                }
            }
        }
        self.profiler.add_table(table);
    }

    /// Rows added so far.
    #[must_use]
    pub fn rows(&self) -> u64 {
        self.profiler.rows()
    }

    /// The state of every chunk added.
    #[must_use]
    pub fn finish(self) -> DatasetState {
        DatasetState { profile: self.profiler.finish(), roles: self.roles, sources: self.sources }
    }
}
