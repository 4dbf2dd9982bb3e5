//! Clarify's division: 0/0 is 0 and x/0 is ±∞, so a metric stays defined
//! when a group has no positive (or no negative) predictions.

/// `a / b`, with `0 / 0 = 0` and `a / 0 = ±∞` by the sign of `a`.
///
/// # Examples
/// ```
/// use tideline_engine::bias::divide;
/// assert_eq!(divide(0.0, 0.0), 0.0);
/// assert_eq!(divide(3.0, 0.0), f64::INFINITY);
/// assert_eq!(divide(-3.0, 0.0), f64::NEG_INFINITY);
/// assert_eq!(divide(3.0, 4.0), 0.75);
/// ```
#[must_use]
pub fn divide(a: f64, b: f64) -> f64 {
    if b == 0.0 {
        if a == 0.0 {
            0.0
        } else if a < 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        }
    } else {
        a / b
    }
}
