//! UTC calendar arithmetic on epoch milliseconds: where a time window starts.

use super::window_spec::TimeUnit;
use crate::types::{civil_from_days, days_from_civil};

const MINUTE_MS: i64 = 60_000;
const HOUR_MS: i64 = 3_600_000;
const DAY_MS: i64 = 86_400_000;

/// Where `count`-unit windows are anchored for a first timestamp `t`:
/// UTC midnight for minutes, hours and days, Monday for weeks, the 1st for months.
pub(crate) fn anchor(t: i64, unit: TimeUnit) -> i64 {
    let days = t.div_euclid(DAY_MS);
    let day = match unit {
        TimeUnit::Minute | TimeUnit::Hour | TimeUnit::Day => days,
        // 1970-01-01 was a Thursday: three days after a Monday.
        TimeUnit::Week => days - (days + 3).rem_euclid(7),
        TimeUnit::Month => {
            let (year, month, _) = civil_from_days(days);
            days_from_civil(year, month, 1)
        }
    };
    day.saturating_mul(DAY_MS)
}

/// Index of the window holding `t`, counted from the window starting at `anchor`.
pub(crate) fn window_index(t: i64, anchor: i64, count: u32, unit: TimeUnit) -> u64 {
    let count = i64::from(count.max(1));
    let index = match fixed_unit_ms(unit) {
        Some(unit_ms) => (i128::from(t) - i128::from(anchor)) / (i128::from(unit_ms) * i128::from(count)),
        None => i128::from((month_number(t) - month_number(anchor)).div_euclid(count)),
    };
    u64::try_from(index.max(0)).unwrap_or(u64::MAX)
}

/// Start of window `index` (saturating at the ends of the i64 range).
pub(crate) fn window_start(anchor: i64, index: u64, count: u32, unit: TimeUnit) -> i64 {
    let steps = i128::from(index) * i128::from(count);
    let start = match fixed_unit_ms(unit) {
        Some(unit_ms) => i128::from(anchor) + steps * i128::from(unit_ms),
        None => {
            let months = i128::from(month_number(anchor)) + steps;
            let year = months.div_euclid(12);
            let month = months.rem_euclid(12) + 1;
            match (i64::try_from(year), i64::try_from(month)) {
                (Ok(y), Ok(m)) => i128::from(days_from_civil(y, m, 1)) * i128::from(DAY_MS),
                _ => i128::from(i64::MAX),
            }
        }
    };
    i64::try_from(start).unwrap_or(if start < 0 { i64::MIN } else { i64::MAX })
}

fn fixed_unit_ms(unit: TimeUnit) -> Option<i64> {
    match unit {
        TimeUnit::Minute => Some(MINUTE_MS),
        TimeUnit::Hour => Some(HOUR_MS),
        TimeUnit::Day => Some(DAY_MS),
        TimeUnit::Week => Some(7 * DAY_MS),
        TimeUnit::Month => None,
    }
}

/// Months since year 0: `year * 12 + month - 1`.
fn month_number(t: i64) -> i64 {
    let (year, month, _) = civil_from_days(t.div_euclid(DAY_MS));
    year * 12 + month - 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::{format_timestamp_millis, parse_datetime_millis};

    fn at(text: &str) -> i64 {
        parse_datetime_millis(text).unwrap()
    }

    #[test]
    fn weeks_start_on_monday_and_months_on_the_first() {
        // 2024-03-14 was a Thursday.
        let t = at("2024-03-14T15:30:00Z");
        assert_eq!(format_timestamp_millis(anchor(t, TimeUnit::Week)), "2024-03-11T00:00:00Z");
        assert_eq!(format_timestamp_millis(anchor(t, TimeUnit::Month)), "2024-03-01T00:00:00Z");
        assert_eq!(format_timestamp_millis(anchor(t, TimeUnit::Hour)), "2024-03-14T00:00:00Z");
        assert_eq!(format_timestamp_millis(anchor(at("1969-12-31T23:00:00Z"), TimeUnit::Week)), "1969-12-29T00:00:00Z");
    }

    #[test]
    fn month_windows_cross_years() {
        let a = anchor(at("2023-11-20T00:00:00Z"), TimeUnit::Month);
        assert_eq!(window_index(at("2024-02-01T00:00:00Z"), a, 1, TimeUnit::Month), 3);
        assert_eq!(window_index(at("2024-02-01T00:00:00Z"), a, 2, TimeUnit::Month), 1);
        assert_eq!(format_timestamp_millis(window_start(a, 1, 2, TimeUnit::Month)), "2024-01-01T00:00:00Z");
        assert_eq!(format_timestamp_millis(window_start(a, 3, 1, TimeUnit::Month)), "2024-02-01T00:00:00Z");
    }

    #[test]
    fn six_hour_windows_start_at_midnight() {
        let a = anchor(at("2024-03-14T15:30:00Z"), TimeUnit::Hour);
        assert_eq!(window_index(at("2024-03-14T15:30:00Z"), a, 6, TimeUnit::Hour), 2);
        assert_eq!(format_timestamp_millis(window_start(a, 2, 6, TimeUnit::Hour)), "2024-03-14T12:00:00Z");
    }
}
