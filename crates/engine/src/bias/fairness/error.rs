//! What can stop a fairness analysis: inputs that do not describe groups.

/// Why fairness metrics could not be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FairnessError {
    /// No column has this name.
    #[error("no column named {0:?}")]
    UnknownColumn(String),
    /// An unprivileged group that is not among the facet's groups.
    #[error("facet {facet:?} has no group {group:?}")]
    UnknownGroup {
        /// The facet.
        facet: String,
        /// The group asked for.
        group: String,
    },
    /// Two groups with the same name.
    #[error("facet {facet:?} has the group {group:?} twice")]
    DuplicateGroup {
        /// The facet.
        facet: String,
        /// The repeated name.
        group: String,
    },
    /// A facet without any group.
    #[error("facet {0:?} has no group")]
    NoGroups(String),
    /// Crossing the columns gives more groups than can be reported.
    #[error("crossing {columns} gives {groups} groups, more than {limit}")]
    TooManyGroups {
        /// The crossed columns with their value counts (`sex (2) × zip (30000)`).
        columns: String,
        /// Groups the crossing would give, in words (exact, or "about 10^k").
        groups: String,
        /// The most allowed.
        limit: usize,
    },
    /// Per-row inputs of different lengths.
    #[error("{what} has {found} rows, expected {expected}")]
    LengthMismatch {
        /// Which input.
        what: &'static str,
        /// Rows expected.
        expected: usize,
        /// Rows found.
        found: usize,
    },
    /// A per-row group id outside the groups.
    #[error("row {row}: group id {id} is not below the {groups} groups")]
    GroupOutOfRange {
        /// 0-based row.
        row: usize,
        /// The id found.
        id: u32,
        /// Number of groups.
        groups: usize,
    },
}
