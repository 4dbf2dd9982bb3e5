//! The window specification: `"1d"`, `"7d"`, `"6h"`, `"1w"`, `"1mo"`, `"10000rows"`.
//!
//! A time window is `count` consecutive calendar units in UTC. One unit
//! (`"1h"`, `"1d"`, `"1w"`, `"1mo"`) is calendar-aligned like pandas'
//! `to_period` (`"h"`, `"D"`, `"W"`, `"M"`): weeks start on Monday, as
//! pandas' `W` (`W-SUN`) periods do. Several units (`"6h"`, `"7d"`) form fixed
//! spans anchored at the calendar start of the first timestamp's unit one
//! level up: hours and minutes at UTC midnight, days at UTC midnight, weeks on
//! Monday, months on the 1st.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::error::TimelineError;

/// A calendar unit of time, in UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeUnit {
    /// One minute.
    Minute,
    /// One hour.
    Hour,
    /// One day.
    Day,
    /// One week, Monday to Sunday.
    Week,
    /// One calendar month.
    Month,
}

impl TimeUnit {
    /// The suffix used when writing a spec back (`"h"`, `"d"`, ...).
    #[must_use]
    pub fn suffix(self) -> &'static str {
        match self {
            Self::Minute => "min",
            Self::Hour => "h",
            Self::Day => "d",
            Self::Week => "w",
            Self::Month => "mo",
        }
    }
}

/// How rows are split into windows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WindowSpec {
    /// `count` consecutive calendar units per window.
    Time {
        /// Units per window (at least 1).
        count: u32,
        /// The unit.
        unit: TimeUnit,
    },
    /// A fixed number of rows per window (the last one may be shorter).
    Rows {
        /// Rows per window (at least 1).
        size: usize,
    },
}

impl WindowSpec {
    /// Parses `"1d"`, `"7d"`, `"6h"`, `"30min"`, `"1w"`, `"1mo"`, `"month"`,
    /// `"10000rows"` (case-insensitive, spaces allowed between number and unit).
    ///
    /// # Errors
    /// [`TimelineError::WindowSpec`] naming what is wrong.
    ///
    /// # Examples
    /// ```
    /// use tideline_engine::timeline::{TimeUnit, WindowSpec};
    /// assert_eq!(WindowSpec::parse("7d").ok(), Some(WindowSpec::Time { count: 7, unit: TimeUnit::Day }));
    /// assert_eq!(WindowSpec::parse("10000rows").ok(), Some(WindowSpec::Rows { size: 10_000 }));
    /// assert!(WindowSpec::parse("7x").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Self, TimelineError> {
        let fail = |reason| TimelineError::WindowSpec { spec: text.to_owned(), reason };
        let lower = text.trim().to_ascii_lowercase();
        let digits_end = lower.find(|c: char| !c.is_ascii_digit()).unwrap_or(lower.len());
        let (number, unit) = lower.split_at(digits_end);
        let unit = unit.trim();
        let count: u64 =
            if number.is_empty() { 1 } else { number.parse().map_err(|_| fail("the number is too large"))? };
        if count == 0 {
            return Err(fail("the number must be at least 1"));
        }
        if matches!(unit, "rows" | "row" | "r") {
            if number.is_empty() {
                return Err(fail("a row window needs a number of rows"));
            }
            let size = usize::try_from(count).map_err(|_| fail("the number is too large"))?;
            return Ok(Self::Rows { size });
        }
        let unit = match unit {
            "min" | "mins" | "minute" | "minutes" => TimeUnit::Minute,
            "h" | "hour" | "hours" => TimeUnit::Hour,
            "d" | "day" | "days" => TimeUnit::Day,
            "w" | "week" | "weeks" => TimeUnit::Week,
            "mo" | "month" | "months" => TimeUnit::Month,
            "m" => return Err(fail("\"m\" is ambiguous: write \"min\" for minutes or \"mo\" for months")),
            "" => return Err(fail("a unit is missing")),
            _ => return Err(fail("unknown unit")),
        };
        let count = u32::try_from(count).map_err(|_| fail("the number is too large"))?;
        Ok(Self::Time { count, unit })
    }
}

impl FromStr for WindowSpec {
    type Err = TimelineError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl fmt::Display for WindowSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Time { count, unit } => write!(f, "{count}{}", unit.suffix()),
            Self::Rows { size } => write!(f, "{size}rows"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_documented_forms() {
        let time = |count, unit| Some(WindowSpec::Time { count, unit });
        assert_eq!(WindowSpec::parse("1d").ok(), time(1, TimeUnit::Day));
        assert_eq!(WindowSpec::parse("7d").ok(), time(7, TimeUnit::Day));
        assert_eq!(WindowSpec::parse("1h").ok(), time(1, TimeUnit::Hour));
        assert_eq!(WindowSpec::parse("6H").ok(), time(6, TimeUnit::Hour));
        assert_eq!(WindowSpec::parse("1w").ok(), time(1, TimeUnit::Week));
        assert_eq!(WindowSpec::parse("1mo").ok(), time(1, TimeUnit::Month));
        assert_eq!(WindowSpec::parse("month").ok(), time(1, TimeUnit::Month));
        assert_eq!(WindowSpec::parse(" 30 min ").ok(), time(30, TimeUnit::Minute));
        assert_eq!(WindowSpec::parse("10000rows").ok(), Some(WindowSpec::Rows { size: 10_000 }));
    }

    #[test]
    fn rejects_bad_specs_with_a_reason() {
        for (text, reason) in [
            ("0d", "the number must be at least 1"),
            ("7", "a unit is missing"),
            ("7x", "unknown unit"),
            ("5m", "\"m\" is ambiguous: write \"min\" for minutes or \"mo\" for months"),
            ("rows", "a row window needs a number of rows"),
            ("99999999999999999999999d", "the number is too large"),
            ("", "a unit is missing"),
            ("-1d", "unknown unit"),
        ] {
            assert_eq!(
                WindowSpec::parse(text),
                Err(TimelineError::WindowSpec { spec: text.to_owned(), reason }),
                "{text}"
            );
        }
    }

    #[test]
    fn display_round_trips() {
        for text in ["1d", "7d", "6h", "30min", "1w", "2mo", "500rows"] {
            let spec = WindowSpec::parse(text).ok();
            assert_eq!(spec.map(|s| s.to_string()).as_deref(), Some(text));
        }
    }
}
