//! Numbers printed as Python's `str()` prints them: Clarify's report strings
//! (`"(40, 90]"`, `"(40.0, 90.5]"`, label values) come from it.

/// `str(float(x))`: shortest round-trip digits, `.0` on whole numbers,
/// scientific notation below 1e-4 and from 1e16, as Python's `repr`.
///
/// # Examples
/// ```
/// use tideline_engine::math::float_str;
/// assert_eq!(float_str(40.0), "40.0");
/// assert_eq!(float_str(0.5), "0.5");
/// assert_eq!(float_str(1e16), "1e+16");
/// assert_eq!(float_str(1.5e-5), "1.5e-05");
/// assert_eq!(float_str(f64::INFINITY), "inf");
/// ```
#[must_use]
pub fn float_str(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.into();
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0.0" } else { "0.0" }.into();
    }
    let sci = format!("{x:e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if !(-4..16).contains(&exp) {
        let sign = if exp < 0 { '-' } else { '+' };
        return format!("{mantissa}e{sign}{:02}", exp.abs());
    }
    let plain = format!("{x}");
    if plain.contains('.') {
        plain
    } else {
        format!("{plain}.0")
    }
}

/// `str(x)` of a number that pandas holds as `int64` when whole, else `float64`.
#[must_use]
pub fn number_str(x: f64, is_int: bool) -> String {
    if is_int && x.fract() == 0.0 && x.abs() < 9.0e15 {
        let whole = x as i64;
        whole.to_string()
    } else {
        float_str(x)
    }
}
