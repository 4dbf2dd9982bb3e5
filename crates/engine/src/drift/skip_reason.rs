//! Why a column pair is left out of a drift report before any test runs
//! (the report lists it under `skipped` with this text).

use crate::roles::Role;
use crate::types::Kind;

/// Why a column is not tested for drift.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub(crate) enum SkipReason {
    /// The baseline's column is not in the current data.
    #[error("not in the current data")]
    NotInCurrent,
    /// The current data's column is not in the baseline.
    #[error("not in the baseline")]
    NotInBaseline,
    /// The column's role keeps it out of every check ([`Role::not_checked`]).
    #[error("not checked: role {} ({})", .0.as_str(), .0.not_checked().unwrap_or_default())]
    NotChecked(Role),
    /// The column is free text ([`Kind::Text`]).
    #[error("free text: not tested for drift")]
    FreeText,
    /// The column holds datetimes ([`Kind::Datetime`]).
    #[error("a datetime: used for windows, not tested")]
    Datetime,
}

impl SkipReason {
    /// The reason a baseline column with this role and kind is left out,
    /// if any (a missing current column is told apart by the caller).
    #[must_use]
    pub(crate) fn of(role: Role, kind: Kind) -> Option<Self> {
        match (role, kind) {
            (role, _) if role.not_checked().is_some() => Some(Self::NotChecked(role)),
            (_, Kind::Text) => Some(Self::FreeText),
            (_, Kind::Datetime) => Some(Self::Datetime),
            (_, Kind::Numerical | Kind::Categorical) => None,
        }
    }
}
