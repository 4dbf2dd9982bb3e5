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

/// Powers of ten exactly representable in f64 (Clinger's fast path).
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// Deequ's numeric patterns and the value, in one pass; `None` when the text
/// is not a number.
///
/// The value is exact: with at most 19 significant digits, a mantissa up to
/// 2^53 and a power of ten up to 10^22, one IEEE multiply or divide of two
/// exact operands is correctly rounded (Clinger 1990); anything else goes to
/// the standard library's parser.
fn read_number(bytes: &[u8]) -> Option<Cell<'static>> {
    scan_number(bytes).and_then(|(cell, used)| (used == bytes.len()).then_some(cell))
}

/// The number that `bytes` starts with, and how many bytes it took: the
/// delimited reader parses a field in place and checks that a delimiter
/// follows, instead of finding the field's end first. `None` when no number
/// starts there, or it is cut short (`1.`, `1e`), which a whole field would
/// not match either.
#[must_use]
pub fn scan_number(bytes: &[u8]) -> Option<(Cell<'static>, usize)> {
    let (negative, unsigned) = match bytes {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        _ => (false, bytes),
    };
    let digits = unsigned.strip_prefix(b" ").unwrap_or(unsigned);
    let (mut mantissa, int_len) = accumulate(0, digits);
    if int_len == 0 {
        return None;
    }
    let mut rest = digits.get(int_len..).unwrap_or_default();
    let mut fraction_len = 0;
    let mut fractional = false;
    if let [b'.', after @ ..] = rest {
        let (m, n) = accumulate(mantissa, after);
        if n == 0 {
            return None;
        }
        mantissa = m;
        fraction_len = n;
        fractional = true;
        rest = after.get(n..).unwrap_or_default();
    }
    let mut exponent = 0_i32;
    if let [b'e' | b'E', after @ ..] = rest {
        let (exponent_negative, after) = match after {
            [b'-', tail @ ..] => (true, tail),
            [b'+', tail @ ..] => (false, tail),
            _ => (false, after),
        };
        let n = after.iter().take_while(|b| b.is_ascii_digit()).count();
        if n == 0 {
            return None;
        }
        for &d in after.get(..n).unwrap_or_default() {
            exponent = exponent.saturating_mul(10).saturating_add(i32::from(d - b'0'));
        }
        if exponent_negative {
            exponent = -exponent;
        }
        fractional = true;
        rest = after.get(n..).unwrap_or_default();
    }
    let used = bytes.len() - rest.len();
    // More than 19 digits may have overflowed the mantissa unless they are leading zeros.
    let written = int_len + fraction_len;
    let exact_mantissa = written <= 19 || significant_digits(digits, int_len, fraction_len) <= 19;
    let power = exponent.saturating_sub(i32::try_from(fraction_len).unwrap_or(i32::MAX));
    let magnitude = if exact_mantissa && (!fractional || (mantissa <= 1 << 53 && power.unsigned_abs() <= 22)) {
        let m = mantissa as f64;
        let scale = POW10.get(power.unsigned_abs() as usize).copied().unwrap_or(1.0);
        if power >= 0 {
            m * scale
        } else {
            m / scale
        }
    } else {
        parse_f64(digits.get(..used - (bytes.len() - digits.len())).unwrap_or_default())?
    };
    if !magnitude.is_finite() {
        return Some((Cell::Missing(MissingMarker::Infinite), used));
    }
    let value = if negative { -magnitude } else { magnitude };
    Some((Cell::Number { value, fractional }, used))
}

/// Folds the leading ASCII digits of `bytes` into `mantissa` (wrapping);
/// returns the mantissa and how many digits there were.
#[inline]
fn accumulate(mut mantissa: u64, bytes: &[u8]) -> (u64, usize) {
    let mut n = 0;
    // Eight digits at a time while they last (a 17-digit float takes two
    // steps, not sixteen); wrapping as the digit loop does, so equal mod 2^64.
    while let Some(eight) = bytes.get(n..n + 8).and_then(|b| <[u8; 8]>::try_from(b).ok()) {
        let word = u64::from_le_bytes(eight);
        if !eight_digits(word) {
            break;
        }
        mantissa = mantissa.wrapping_mul(100_000_000).wrapping_add(eight_digits_value(word));
        n += 8;
    }
    for &b in bytes.get(n..).unwrap_or_default() {
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            break;
        }
        mantissa = mantissa.wrapping_mul(10).wrapping_add(u64::from(d));
        n += 1;
    }
    (mantissa, n)
}

/// Whether the eight bytes of `word` (little-endian) are all ASCII digits.
#[inline]
fn eight_digits(word: u64) -> bool {
    let above = word.wrapping_add(0x4646_4646_4646_4646);
    let below = word.wrapping_sub(0x3030_3030_3030_3030);
    (above | below) & 0x8080_8080_8080_8080 == 0
}

/// The value of eight ASCII digits read little-endian (first digit most
/// significant), by pairing digits in three multiplies.
#[inline]
fn eight_digits_value(word: u64) -> u64 {
    const LOW_BYTES: u64 = 0x0000_00FF_0000_00FF;
    const PAIRS_HIGH: u64 = 100 + (1_000_000 << 32);
    const PAIRS_LOW: u64 = 1 + (10_000 << 32);
    let digits = word.wrapping_sub(0x3030_3030_3030_3030);
    let pairs = digits.wrapping_mul(10).wrapping_add(digits >> 8);
    (pairs & LOW_BYTES).wrapping_mul(PAIRS_HIGH).wrapping_add(((pairs >> 16) & LOW_BYTES).wrapping_mul(PAIRS_LOW)) >> 32
}

/// Digits after the leading zeros (of the integer part and, when it is zero,
/// of the fraction).
fn significant_digits(digits: &[u8], int_len: usize, fraction_len: usize) -> usize {
    let integer = digits.get(..int_len).unwrap_or_default();
    let leading = integer.iter().take_while(|&&b| b == b'0').count();
    if leading < int_len {
        return int_len - leading + fraction_len;
    }
    let fraction = digits.get(int_len + 1..int_len + 1 + fraction_len).unwrap_or_default();
    fraction_len - fraction.iter().take_while(|&&b| b == b'0').count()
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

    /// The fused parser equals the standard library's (correctly rounded) parser.
    #[test]
    fn values_equal_std_parse() {
        let cases = [
            "0.6329502188904286",
            "39811.0",
            "1e22",
            "1e23",
            "123456789012345678",
            "1234567890123456789012",
            "0.1",
            "2.2250738585072014e-308",
            "4.9e-324",
            "9007199254740993",
            "17976931348623157e292",
            "0.000001234",
            "-0.0",
            "3.14159265358979323846",
            "5e-22",
            "1.5e-23",
            "99999999999999999999e-5",
            "007.50",
        ];
        for text in cases {
            let expected: f64 = text.parse().unwrap();
            match read_cell(text, true) {
                Cell::Number { value, .. } => assert_eq!(value.to_bits(), expected.to_bits(), "{text}"),
                other => panic!("{text}: {other:?}"),
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn any_float_text_reads_back_exactly(x in proptest::num::f64::NORMAL | proptest::num::f64::SUBNORMAL | proptest::num::f64::ZERO, exp in proptest::bool::ANY) {
            let text = if exp { format!("{x:e}") } else { format!("{x}") };
            match read_cell(&text, true) {
                Cell::Number { value, .. } => proptest::prop_assert_eq!(value.to_bits(), text.parse::<f64>().unwrap().to_bits()),
                other => proptest::prop_assert!(false, "{}: {:?}", text, other),
            }
        }

        #[test]
        fn scanning_before_a_delimiter_equals_reading_the_field(x in proptest::num::f64::ANY, exp in proptest::bool::ANY, tail in "[,;|\t][0-9a-z]{0,3}") {
            let text = if exp { format!("{x:e}") } else { format!("{x}") };
            let field = read_cell(&text, true);
            let scanned = scan_number(format!("{text}{tail}").as_bytes());
            match field {
                Cell::Number { .. } | Cell::Missing(MissingMarker::Infinite) => {
                    proptest::prop_assert_eq!(scanned, Some((field, text.len())));
                }
                _ => proptest::prop_assert!(scanned.is_none_or(|(_, used)| used != text.len()), "{}: {:?}", text, scanned),
            }
        }

        #[test]
        fn decimal_texts_read_back_exactly(int in 0_u64..10_000_000, frac in 0_u64..10_000_000_000, zeros in 0_usize..6) {
            let text = format!("{int}.{}{frac}", "0".repeat(zeros));
            match read_cell(&text, true) {
                Cell::Number { value, .. } => proptest::prop_assert_eq!(value.to_bits(), text.parse::<f64>().unwrap().to_bits()),
                other => proptest::prop_assert!(false, "{}: {:?}", text, other),
            }
        }
    }

    #[test]
    fn eight_digits_at_once() {
        for text in ["00000000", "12345678", "99999999", "10000001"] {
            let word = u64::from_le_bytes(text.as_bytes().try_into().unwrap());
            assert!(eight_digits(word), "{text}");
            assert_eq!(eight_digits_value(word), text.parse::<u64>().unwrap(), "{text}");
        }
        for text in ["1234567/", "1234567:", "a2345678", "1234 678", "\u{0}2345678"] {
            let word = u64::from_le_bytes(text.as_bytes().get(..8).unwrap().try_into().unwrap());
            assert!(!eight_digits(word), "{text}");
        }
        // Over 19 digits the mantissa wraps as the digit-by-digit loop does.
        assert_eq!(accumulate(0, b"123456789012345678901234").0, {
            let mut m = 0_u64;
            for d in b"123456789012345678901234" {
                m = m.wrapping_mul(10).wrapping_add(u64::from(d - b'0'));
            }
            m
        });
    }

    #[test]
    fn a_number_then_a_delimiter_is_scanned_in_place() {
        assert_eq!(scan_number(b"12.5,x"), Some((Cell::Number { value: 12.5, fractional: true }, 4)));
        assert_eq!(scan_number(b"-3\tz"), Some((Cell::Number { value: -3.0, fractional: false }, 2)));
        assert_eq!(scan_number(b"1e400;"), Some((Cell::Missing(MissingMarker::Infinite), 5)));
        // Cut short: the whole field would not be a number either.
        assert_eq!(scan_number(b"1.,2"), None);
        assert_eq!(scan_number(b"1e,2"), None);
        assert_eq!(scan_number(b",2"), None);
        // A longer field: the caller sees no delimiter after the number.
        assert_eq!(scan_number(b"12ab,"), Some((Cell::Number { value: 12.0, fractional: false }, 2)));
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
