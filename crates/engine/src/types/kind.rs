//! The analysis kind of a column: how drift, profiles and charts treat it.
//!
//! Inferred with Evidently's rule (`infer_column_type`, spec peers §1), made
//! independent of how a number is written: numbers are numerical, except
//! whole-valued numbers with at most 10 distinct values (`1.0` counts as whole,
//! so a 0/1 label written `1.0` in one file and `1` in the other gets the same
//! kind), which are categorical; booleans are categorical; strings are text
//! when more than half of the present values are distinct (and there are more
//! than 20 distinct values), else categorical;
//! parsed datetimes are datetime. The user can override it.

use serde::{Deserialize, Serialize};

/// How analyses treat a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Continuous values: quantile sketches, KS, Wasserstein.
    Numerical,
    /// A small set of values: frequencies, chi-square, L∞.
    Categorical,
    /// Free text (mostly distinct strings): not tested for drift by default.
    Text,
    /// Dates and times: used for windows, not tested.
    Datetime,
}

impl Kind {
    /// Every kind, in the order the UI lists them.
    pub const ALL: [Self; 4] = [Self::Numerical, Self::Categorical, Self::Text, Self::Datetime];

    /// The lowercase name used in JSON and the UI.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Numerical => "numerical",
            Self::Categorical => "categorical",
            Self::Text => "text",
            Self::Datetime => "datetime",
        }
    }

    /// Parses the lowercase name.
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// Evidently's cut: whole numbers with at most this many distinct values are categorical.
pub const MAX_CATEGORICAL_WHOLE_NUMBERS: usize = 10;
