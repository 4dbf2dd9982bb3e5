//! Dates of birth. A date alone says nothing (most dates in data are events),
//! so a date counts in a column whose header says birth, or after a keyword
//! in the cell ("DOB: 1984-03-05", "born 05/03/1984"). Forms: `yyyy-mm-dd`,
//! `yyyy/mm/dd`, `dd/mm/yyyy`, `mm/dd/yyyy`, `dd.mm.yyyy`, `dd-mm-yyyy`,
//! a real calendar day with a year from 1900 to 2030.

use std::ops::Range;

use super::text::{digit_runs, one_separator};
use crate::types::{civil_from_days, days_from_civil};

const KEYWORDS: [&str; 6] = ["dob", "d.o.b", "born", "birth", "geb.", "né"];

/// True when year-month-day is a real day from 1900 to 2030.
pub(super) fn real_day(year: i64, month: i64, day: i64) -> bool {
    (1900..=2030).contains(&year)
        && (1..=12).contains(&month)
        && (1..=31).contains(&day)
        && civil_from_days(days_from_civil(year, month, day)) == (year, month, day)
}

/// True when the digits, grouped as `groups`, read as a date.
fn is_date(digits: &str, groups: &[usize]) -> bool {
    let n = |r: Range<usize>| digits[r].parse::<i64>().unwrap_or(0);
    match groups {
        [4, 2, 2] => real_day(n(0..4), n(4..6), n(6..8)),
        [a @ (1 | 2), b @ (1 | 2), 4] => {
            let (first, second, year) = (n(0..*a), n(*a..a + b), n(a + b..a + b + 4));
            real_day(year, second, first) || real_day(year, first, second)
        }
        _ => false,
    }
}

/// True when a keyword ends within the 16 bytes before `start`.
fn keyword_before(cell: &str, start: usize) -> bool {
    let mut from = start.saturating_sub(16);
    while !cell.is_char_boundary(from) {
        from -= 1;
    }
    let before = cell[from..start].to_lowercase();
    KEYWORDS.iter().any(|k| before.contains(k))
}

/// Pushes the span of every date of birth in `cell`; `hinted` (the header
/// says birth) takes every date, and a whole cell holding a date and a time
/// (`1984-03-05T00:00:00`) as one.
pub(super) fn find(cell: &str, hinted: bool, out: &mut Vec<Range<usize>>) {
    let trimmed = cell.trim();
    if hinted {
        let date_part = trimmed.split(['T', ' ']).next().unwrap_or_default();
        let runs = digit_runs(date_part, b"-/.");
        if let [run] = runs.as_slice() {
            if run.span == (0..date_part.len()) && one_separator(run) && is_date(&run.digits, &run.groups) {
                let start = cell.len() - cell.trim_start().len();
                out.push(start..start + trimmed.len());
                return;
            }
        }
    }
    for run in digit_runs(cell, b"-/.") {
        if one_separator(&run) && is_date(&run.digits, &run.groups) && (hinted || keyword_before(cell, run.span.start))
        {
            out.push(run.span);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pii::text::matched;

    fn found(cell: &str, hinted: bool) -> Vec<&str> {
        matched(cell, |out| find(cell, hinted, out))
    }

    #[test]
    fn dates_after_keywords_or_in_birth_columns_are_found() {
        assert_eq!(found("DOB: 1984-03-05, seen 2024-01-02", false), ["1984-03-05"]);
        assert_eq!(found("born 31/12/1979", false), ["31/12/1979"]);
        assert_eq!(found("05.03.1984", true), ["05.03.1984"]);
        assert_eq!(found("1984-03-05T00:00:00Z", true), ["1984-03-05T00:00:00Z"]);
    }

    #[test]
    fn other_dates_and_impossible_days_are_not() {
        assert!(found("shipped 1984-03-05", false).is_empty());
        for cell in ["1984-02-30", "31/31/1984", "1850-01-01", "12-2024", "2024-1-5x"] {
            assert!(found(cell, true).is_empty(), "{cell}");
        }
    }
}
