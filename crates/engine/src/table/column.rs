//! One column: its name, typed values, Deequ counts, kind and role.

use serde::{Deserialize, Serialize};

use crate::roles::Role;
use crate::types::{canonical_number, format_timestamp_millis, DeequCounts, DeequType, Kind};

/// Dictionary code of a missing categorical value.
pub const MISSING_CODE: u32 = u32::MAX;
/// Timestamp of a missing datetime value.
pub const MISSING_TIMESTAMP: i64 = i64::MIN;

/// A named, typed column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Column {
    /// Header name (deduplicated).
    pub name: String,
    /// The values.
    pub data: ColumnData,
    /// Deequ's per-class cell counts; `inferred_type` is decided from them.
    pub deequ: DeequCounts,
    /// Analysis kind (inferred or chosen by the user).
    pub kind: Kind,
    /// True when the user chose `kind`.
    pub kind_overridden: bool,
    /// Role (guessed or chosen by the user).
    pub role: Role,
}

impl Column {
    /// Deequ's inferred type, as Model Monitor writes it.
    #[must_use]
    pub fn inferred_type(&self) -> DeequType {
        self.deequ.decide()
    }

    /// Number of rows.
    #[must_use]
    pub fn len(&self) -> usize {
        self.data.len()
    }

    /// True when the column has no rows.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Free text: one UTF-8 buffer, `offsets[i]..offsets[i + 1]` is row i.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TextColumn {
    /// All values, concatenated.
    pub buffer: String,
    /// `n_rows + 1` offsets into `buffer`.
    pub offsets: Vec<usize>,
    /// Per row: true when the value is present.
    pub present: Vec<bool>,
}

impl TextColumn {
    /// Row i's text, `None` when missing or out of range.
    #[must_use]
    pub fn get(&self, i: usize) -> Option<&str> {
        if !*self.present.get(i)? {
            return None;
        }
        self.buffer.get(*self.offsets.get(i)?..*self.offsets.get(i + 1)?)
    }
}

/// Typed values of a column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ColumnData {
    /// Numbers; `NaN` marks a missing value.
    Numeric(Vec<f64>),
    /// Dictionary-coded categories; `MISSING_CODE` marks a missing value.
    Categorical {
        /// Distinct values in order of first appearance (numbers in canonical form).
        dictionary: Vec<String>,
        /// Per row, an index into `dictionary`.
        codes: Vec<u32>,
    },
    /// `Some(true)`, `Some(false)` or missing.
    Boolean(Vec<Option<bool>>),
    /// Free text.
    Text(TextColumn),
    /// Epoch milliseconds (UTC); `MISSING_TIMESTAMP` marks a missing value.
    Timestamp(Vec<i64>),
}

impl ColumnData {
    /// Number of rows.
    #[must_use]
    pub fn len(&self) -> usize {
        match self {
            Self::Numeric(v) => v.len(),
            Self::Categorical { codes, .. } => codes.len(),
            Self::Boolean(v) => v.len(),
            Self::Text(t) => t.present.len(),
            Self::Timestamp(v) => v.len(),
        }
    }

    /// True when there are no rows.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The storage name shown in schemas.
    #[must_use]
    pub fn storage_name(&self) -> &'static str {
        match self {
            Self::Numeric(_) => "numeric",
            Self::Categorical { .. } => "categorical",
            Self::Boolean(_) => "boolean",
            Self::Text(_) => "text",
            Self::Timestamp(_) => "timestamp",
        }
    }

    /// True when row i holds no value.
    #[must_use]
    pub fn is_missing(&self, i: usize) -> bool {
        match self {
            Self::Numeric(v) => v.get(i).is_none_or(|x| x.is_nan()),
            Self::Categorical { codes, .. } => codes.get(i).is_none_or(|&c| c == MISSING_CODE),
            Self::Boolean(v) => v.get(i).is_none_or(Option::is_none),
            Self::Text(t) => !t.present.get(i).copied().unwrap_or(false),
            Self::Timestamp(v) => v.get(i).is_none_or(|&t| t == MISSING_TIMESTAMP),
        }
    }

    /// Count of missing rows.
    #[must_use]
    pub fn missing_count(&self) -> usize {
        match self {
            Self::Numeric(v) => v.iter().filter(|x| x.is_nan()).count(),
            Self::Categorical { codes, .. } => codes.iter().filter(|&&c| c == MISSING_CODE).count(),
            Self::Boolean(v) => v.iter().filter(|x| x.is_none()).count(),
            Self::Text(t) => t.present.iter().filter(|p| !**p).count(),
            Self::Timestamp(v) => v.iter().filter(|&&t| t == MISSING_TIMESTAMP).count(),
        }
    }

    /// Row i as a category key: numbers in canonical form (`1.0` → `1`),
    /// booleans as `true`/`false`, timestamps in ISO form; `None` when missing.
    #[must_use]
    pub fn category_key(&self, i: usize) -> Option<String> {
        match self {
            Self::Numeric(v) => v.get(i).filter(|x| !x.is_nan()).map(|&x| canonical_number(x)),
            Self::Categorical { dictionary, codes } => codes.get(i).and_then(|&c| dictionary.get(c as usize)).cloned(),
            Self::Boolean(v) => v.get(i).copied().flatten().map(|b| b.to_string()),
            Self::Text(t) => t.get(i).map(str::to_owned),
            Self::Timestamp(v) => v.get(i).filter(|&&t| t != MISSING_TIMESTAMP).map(|&t| format_timestamp_millis(t)),
        }
    }

    /// Heap bytes held by the values.
    #[must_use]
    pub fn heap_bytes(&self) -> usize {
        match self {
            Self::Numeric(v) => v.len() * 8,
            Self::Categorical { dictionary, codes } => {
                codes.len() * 4 + dictionary.iter().map(|s| s.len() + 24).sum::<usize>()
            }
            Self::Boolean(v) => v.len(),
            Self::Text(t) => t.buffer.len() + t.offsets.len() * 8 + t.present.len(),
            Self::Timestamp(v) => v.len() * 8,
        }
    }
}
