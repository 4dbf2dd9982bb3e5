//! Dates and datetimes written as ISO 8601 (`2018-01-01`, `2014-05-09 22:27:20`,
//! `2022-04-18T00:21:48Z`, `2018-10-30 18:08:43.152`, `...+02:00`) or with
//! slashes (`2018/01/31`). Values are milliseconds since the Unix epoch, UTC;
//! a time without an offset is taken as UTC (SageMaker's `inferenceTime` is UTC).

/// Parses a datetime to epoch milliseconds; `None` when the text is not one.
///
/// # Examples
/// ```
/// use tideline_engine::types::parse_datetime_millis;
/// assert_eq!(parse_datetime_millis("1970-01-02"), Some(86_400_000));
/// assert_eq!(parse_datetime_millis("2022-04-18T00:21:48Z"), Some(1_650_241_308_000));
/// assert_eq!(parse_datetime_millis("1970-01-01 01:00:00+01:00"), Some(0));
/// assert_eq!(parse_datetime_millis("2022-02-30"), None);
/// ```
#[must_use]
pub fn parse_datetime_millis(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    if b.len() < 10 || b.len() > 35 {
        return None;
    }
    let year = digits(b, 0, 4)?;
    let sep = *b.get(4)?;
    if (sep != b'-' && sep != b'/') || *b.get(7)? != sep {
        return None;
    }
    let month = digits(b, 5, 2)?;
    let day = digits(b, 8, 2)?;
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    let mut millis = days_from_civil(year, month, day) * 86_400_000;
    let mut i = 10;
    if i == b.len() {
        return Some(millis);
    }
    if !matches!(b.get(i), Some(b'T' | b' ')) {
        return None;
    }
    i += 1;
    let hour = digits(b, i, 2)?;
    if *b.get(i + 2)? != b':' {
        return None;
    }
    let minute = digits(b, i + 3, 2)?;
    i += 5;
    let mut second = 0;
    if b.get(i) == Some(&b':') {
        second = digits(b, i + 1, 2)?;
        i += 3;
    }
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    millis += (hour * 3600 + minute * 60 + second) * 1000;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        let mut fraction_millis = 0;
        while let Some(&d) = b.get(i).filter(|d| d.is_ascii_digit()) {
            if i - start < 3 {
                fraction_millis = fraction_millis * 10 + i64::from(d - b'0');
            }
            i += 1;
        }
        let n = i - start;
        if n == 0 {
            return None;
        }
        for _ in n..3 {
            fraction_millis *= 10;
        }
        millis += fraction_millis;
    }
    match b.get(i) {
        None => Some(millis),
        Some(b'Z') if i + 1 == b.len() => Some(millis),
        Some(&sign @ (b'+' | b'-')) => {
            let off_hour = digits(b, i + 1, 2)?;
            let rest = b.get(i + 3..)?;
            let off_minute = match rest {
                [] => 0,
                [b':', ..] if rest.len() == 3 => digits(b, i + 4, 2)?,
                _ if rest.len() == 2 => digits(b, i + 3, 2)?,
                _ => return None,
            };
            let offset = (off_hour * 60 + off_minute) * 60_000;
            Some(if sign == b'+' { millis - offset } else { millis + offset })
        }
        _ => None,
    }
}

/// Formats epoch milliseconds as `YYYY-MM-DDTHH:MM:SS[.mmm]Z`.
///
/// # Examples
/// ```
/// use tideline_engine::types::format_timestamp_millis;
/// assert_eq!(format_timestamp_millis(1_650_241_308_000), "2022-04-18T00:21:48Z");
/// assert_eq!(format_timestamp_millis(-1), "1969-12-31T23:59:59.999Z");
/// ```
#[must_use]
pub fn format_timestamp_millis(millis: i64) -> String {
    let days = millis.div_euclid(86_400_000);
    let in_day = millis.rem_euclid(86_400_000);
    let (year, month, day) = civil_from_days(days);
    let (h, m, s, ms) = (in_day / 3_600_000, in_day / 60_000 % 60, in_day / 1000 % 60, in_day % 1000);
    if ms == 0 {
        format!("{year:04}-{month:02}-{day:02}T{h:02}:{m:02}:{s:02}Z")
    } else {
        format!("{year:04}-{month:02}-{day:02}T{h:02}:{m:02}:{s:02}.{ms:03}Z")
    }
}

fn digits(b: &[u8], start: usize, n: usize) -> Option<i64> {
    let slice = b.get(start..start + n)?;
    slice.iter().try_fold(0_i64, |acc, &d| d.is_ascii_digit().then(|| acc * 10 + i64::from(d - b'0')))
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Howard Hinnant's `days_from_civil`.
pub(crate) fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Howard Hinnant's `civil_from_days`.
pub(crate) fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for text in ["2018-01-01T00:00:00Z", "2018-10-30T18:08:43.152Z", "1900-02-28T23:59:59Z", "2400-02-29T12:00:00Z"]
        {
            let millis = parse_datetime_millis(text).unwrap();
            assert_eq!(format_timestamp_millis(millis), text);
        }
    }

    #[test]
    fn forms() {
        let base = parse_datetime_millis("2014-05-09T22:27:20Z").unwrap();
        assert_eq!(parse_datetime_millis("2014-05-09 22:27:20"), Some(base));
        assert_eq!(parse_datetime_millis("2014-05-09 22:27:20.000"), Some(base));
        assert_eq!(parse_datetime_millis("2014-05-09 22:27"), Some(base - 20_000));
        assert_eq!(parse_datetime_millis("2014/05/09"), parse_datetime_millis("2014-05-09"));
        assert_eq!(parse_datetime_millis("2014-05-10T00:27:20+0200"), Some(base));
        for bad in
            ["2014-13-01", "2014-05-09X", "2014-05-09 25:00", "20140509", "2014-05-09 22:27:20+02:0", "2014-05/09"]
        {
            assert_eq!(parse_datetime_millis(bad), None, "{bad}");
        }
    }
}
