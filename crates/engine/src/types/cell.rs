//! Reading one raw text cell: missing markers, Deequ's number and boolean
//! patterns, and the number's value.
//!
//! Missing markers follow pandas' default `na_values` (what analysts expect
//! from `read_csv`) plus the infinities: `""`, `NA`, `N/A`, `n/a`, `NaN`,
//! `nan`, `-NaN`, `-nan`, `NULL`, `null`, `None`, `<NA>`, `#N/A`, `#NA`,
//! `#N/A N/A`, `-1.#IND`, `1.#IND`, `-1.#QNAN`, `1.#QNAN`, `inf`, `Inf`,
//! `Infinity` (each with an optional sign). Deequ would call these String;
//! Tideline counts them as missing and says so in a load warning. With
//! `strict` only the empty cell is missing.

/// Why a cell was read as missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MissingMarker {
    /// An empty cell (or JSON `null`).
    Empty,
    /// A not-a-number marker such as `NA`, `NaN` or `null`.
    NotANumber,
    /// An infinity (`inf`, `-Infinity`) or a number too large for f64.
    Infinite,
}

/// One cell, classified.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<'a> {
    /// No value.
    Missing(MissingMarker),
    /// Matches Deequ's Integral (`fractional == false`) or Fractional pattern.
    Number {
        /// The parsed value (finite).
        value: f64,
        /// Deequ's Fractional (a fraction or an exponent was written).
        fractional: bool,
    },
    /// Exactly `true` or `false`.
    Boolean(bool),
    /// Anything else, as written.
    Text(&'a str),
}

const NOT_A_NUMBER: [&str; 18] = [
    "NA", "N/A", "n/a", "NaN", "nan", "-NaN", "-nan", "NAN", "NULL", "null", "None", "<NA>", "#N/A", "#NA", "#N/A N/A",
    "-1.#IND", "1.#IND", "1.#QNAN",
];
const INFINITE: [&str; 12] =
    ["inf", "-inf", "+inf", "Inf", "-Inf", "+Inf", "Infinity", "-Infinity", "+Infinity", "INF", "-INF", "+INF"];

/// Classifies a cell.
///
/// # Examples
/// ```
/// use tideline_engine::types::{read_cell, Cell, MissingMarker};
/// assert_eq!(read_cell("1.0", false), Cell::Number { value: 1.0, fractional: true });
/// assert_eq!(read_cell("- 5", false), Cell::Number { value: -5.0, fractional: false });
/// assert_eq!(read_cell(".5", false), Cell::Text(".5")); // Deequ: String
/// assert_eq!(read_cell("NaN", false), Cell::Missing(MissingMarker::NotANumber));
/// assert_eq!(read_cell("NaN", true), Cell::Text("NaN"));
/// ```
#[must_use]
pub fn read_cell(text: &str, strict: bool) -> Cell<'_> {
    let bytes = text.as_bytes();
    let Some(&first) = bytes.first() else {
        return Cell::Missing(MissingMarker::Empty);
    };
    if first.is_ascii_digit() || first == b'-' || first == b'+' || first == b' ' {
        if let Some(cell) = read_number(bytes) {
            return cell;
        }
    }
    match text {
        "true" => return Cell::Boolean(true),
        "false" => return Cell::Boolean(false),
        _ => {}
    }
    if !strict && bytes.len() <= 9 {
        if NOT_A_NUMBER.contains(&text) || text == "-1.#QNAN" {
            return Cell::Missing(MissingMarker::NotANumber);
        }
        if INFINITE.contains(&text) {
            return Cell::Missing(MissingMarker::Infinite);
        }
    }
    Cell::Text(text)
}

/// Deequ's numeric patterns as a scanner; `None` when the text is not a number.
fn read_number(bytes: &[u8]) -> Option<Cell<'static>> {
    let mut i = 0;
    let negative = match bytes.first() {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    if bytes.get(i) == Some(&b' ') {
        i += 1;
    }
    let digits_start = i;
    let mut whole: u64 = 0;
    while let Some(&b) = bytes.get(i) {
        if !b.is_ascii_digit() {
            break;
        }
        whole = whole.wrapping_mul(10).wrapping_add(u64::from(b - b'0'));
        i += 1;
    }
    let n_digits = i - digits_start;
    if n_digits == 0 {
        return None;
    }
    if i == bytes.len() {
        // Integral. Up to 15 digits the integer is exact in f64.
        #[allow(clippy::cast_precision_loss)]
        let magnitude = if n_digits <= 15 { whole as f64 } else { parse_f64(bytes.get(digits_start..)?)? };
        let value = if negative { -magnitude } else { magnitude };
        return Some(Cell::Number { value, fractional: false });
    }
    let mut has_fraction = false;
    if bytes.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return None;
        }
        has_fraction = true;
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(bytes.get(i), Some(b'-' | b'+')) {
            i += 1;
        }
        let start = i;
        while bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return None;
        }
    } else if !has_fraction {
        return None;
    }
    if i != bytes.len() {
        return None;
    }
    let magnitude = parse_f64(bytes.get(digits_start..)?)?;
    if !magnitude.is_finite() {
        return Some(Cell::Missing(MissingMarker::Infinite));
    }
    let value = if negative { -magnitude } else { magnitude };
    Some(Cell::Number { value, fractional: true })
}

fn parse_f64(bytes: &[u8]) -> Option<f64> {
    // The scanner only passed ASCII digits, '.', 'e', 'E', '+', '-'.
    std::str::from_utf8(bytes).ok()?.parse::<f64>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str) -> &'static str {
        match read_cell(text, true) {
            Cell::Missing(_) => "null",
            Cell::Number { fractional: false, .. } => "Integral",
            Cell::Number { fractional: true, .. } => "Fractional",
            Cell::Boolean(_) => "Boolean",
            Cell::Text(_) => "String",
        }
    }

    /// Each case is what Deequ's regexes (DataType.scala) say of the text;
    /// checked with java.util.regex semantics (`\d` = [0-9]).
    #[test]
    fn deequ_patterns() {
        let cases = [
            ("0", "Integral"),
            ("-12", "Integral"),
            ("+7", "Integral"),
            ("- 7", "Integral"),
            (" 7", "Integral"),
            ("007", "Integral"),
            ("1.0", "Fractional"),
            ("-1.5", "Fractional"),
            ("1e5", "Fractional"),
            ("1E-5", "Fractional"),
            ("1.5e+3", "Fractional"),
            ("+ 2.25", "Fractional"),
            (".5", "String"),
            ("5.", "String"),
            ("1.e5", "String"),
            ("1e", "String"),
            ("--1", "String"),
            ("  1", "String"),
            ("1 ", "String"),
            ("1,000", "String"),
            ("0x10", "String"),
            ("١٢", "String"),
            ("true", "Boolean"),
            ("false", "Boolean"),
            ("True", "String"),
            ("FALSE", "String"),
            ("", "null"),
        ];
        for (text, expected) in cases {
            assert_eq!(kind(text), expected, "cell {text:?}");
        }
    }

    #[test]
    fn values() {
        assert_eq!(read_cell("- 5", true), Cell::Number { value: -5.0, fractional: false });
        assert_eq!(
            read_cell("12345678901234567", true),
            Cell::Number { value: 12_345_678_901_234_567.0, fractional: false }
        );
        assert_eq!(read_cell("2.5e-3", true), Cell::Number { value: 0.0025, fractional: true });
        assert_eq!(read_cell("1e400", true), Cell::Missing(MissingMarker::Infinite));
    }

    #[test]
    fn missing_markers() {
        for text in ["NA", "N/A", "NaN", "nan", "null", "NULL", "None", "#N/A", "-1.#QNAN"] {
            assert_eq!(read_cell(text, false), Cell::Missing(MissingMarker::NotANumber), "{text}");
        }
        for text in ["inf", "-inf", "Infinity", "-Infinity", "+Inf"] {
            assert_eq!(read_cell(text, false), Cell::Missing(MissingMarker::Infinite), "{text}");
        }
        // "none" is a real category in the German credit data.
        assert_eq!(read_cell("none", false), Cell::Text("none"));
    }
}
