//! Which dataset a message is about: shared by every channel.

use serde::{Deserialize, Serialize};

/// Which dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// The reference data (training, or an earlier period).
    Baseline,
    /// The data to compare with it (production).
    Current,
}

impl Side {
    /// Both sides, baseline first.
    pub const BOTH: [Self; 2] = [Self::Baseline, Self::Current];

    /// Lowercase name, used in `data-testid`s.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Baseline => "baseline",
            Self::Current => "current",
        }
    }

    /// Capitalised name, as a heading says it.
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Self::Baseline => "Baseline",
            Self::Current => "Current",
        }
    }

    /// The side across from this one.
    #[must_use]
    pub fn other(self) -> Self {
        match self {
            Self::Baseline => Self::Current,
            Self::Current => Self::Baseline,
        }
    }

    /// Index into per-side arrays.
    #[must_use]
    pub fn index(self) -> usize {
        match self {
            Self::Baseline => 0,
            Self::Current => 1,
        }
    }
}
