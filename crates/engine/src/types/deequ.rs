//! Deequ's `DataType` analyzer, as Model Monitor's `inferred_type`.
//!
//! Every non-null cell is classified by Deequ's regular expressions, tried in
//! this order (see `deequ/analyzers/DataType.scala`):
//! - Fractional `^(-|\+)? ?\d+((\.\d+)|((?:\.\d+)?[Ee][-+]?\d+))$`
//! - Integral `^(-|\+)? ?\d+$`
//! - Boolean `^(true|false)$`
//! - otherwise String.
//!
//! The column's type is then decided from the counts (spec §2.2): all null →
//! Unknown; any String, or Boolean mixed with numbers → String; any Boolean →
//! Boolean; any Fractional → Fractional; else Integral.

use serde::{Deserialize, Serialize};

/// A column's type as Deequ (and so SageMaker Model Monitor) infers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DeequType {
    /// Every value is null.
    Unknown,
    /// Whole numbers only.
    Integral,
    /// Numbers, at least one with a fraction or exponent.
    Fractional,
    /// Only `true` / `false`.
    Boolean,
    /// Anything else.
    String,
}

impl DeequType {
    /// The name Model Monitor writes in `statistics.json`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Unknown => "Unknown",
            Self::Integral => "Integral",
            Self::Fractional => "Fractional",
            Self::Boolean => "Boolean",
            Self::String => "String",
        }
    }
}

/// How many cells of a column fell in each Deequ class.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeequCounts {
    /// Null cells (empty, or one of the missing markers).
    pub null: u64,
    /// Cells matching the Integral regex.
    pub integral: u64,
    /// Cells matching the Fractional regex.
    pub fractional: u64,
    /// Cells equal to `true` or `false`.
    pub boolean: u64,
    /// Every other cell.
    pub string: u64,
}

impl DeequCounts {
    /// Deequ's decision rule over the counts.
    ///
    /// # Examples
    /// ```
    /// use tideline_engine::types::{DeequCounts, DeequType};
    /// let c = DeequCounts { integral: 3, fractional: 1, ..DeequCounts::default() };
    /// assert_eq!(c.decide(), DeequType::Fractional);
    /// let c = DeequCounts { integral: 3, boolean: 1, ..DeequCounts::default() };
    /// assert_eq!(c.decide(), DeequType::String);
    /// ```
    #[must_use]
    pub fn decide(&self) -> DeequType {
        let numbers = self.integral + self.fractional;
        if numbers + self.boolean + self.string == 0 {
            DeequType::Unknown
        } else if self.string > 0 || (self.boolean > 0 && numbers > 0) {
            DeequType::String
        } else if self.boolean > 0 {
            DeequType::Boolean
        } else if self.fractional > 0 {
            DeequType::Fractional
        } else {
            DeequType::Integral
        }
    }

    /// Adds another chunk's counts (profiles of chunks merge into the whole's).
    pub fn merge(&mut self, other: &Self) {
        // Saturating: merged states of hand-made files must not overflow.
        self.null = self.null.saturating_add(other.null);
        self.integral = self.integral.saturating_add(other.integral);
        self.fractional = self.fractional.saturating_add(other.fractional);
        self.boolean = self.boolean.saturating_add(other.boolean);
        self.string = self.string.saturating_add(other.string);
    }

    /// Cells that were not null.
    #[must_use]
    pub fn present(&self) -> u64 {
        self.integral + self.fractional + self.boolean + self.string
    }
}
