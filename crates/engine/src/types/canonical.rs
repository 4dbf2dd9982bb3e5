//! Canonical text of a number, so that `1.0` and `1` are the same category.
//!
//! NannyML's car-loan reference stores `repaid` as `1.0`/`0.0` and its
//! analysis file as `1`/`0`; comparing raw text would invent drift. Every
//! category that reads as a number is keyed by this canonical form.

/// The canonical text of a finite number: integers without a fraction
/// (`1`, `-3`), others in Rust's shortest round-trip form (`0.25`).
///
/// # Examples
/// ```
/// use tideline_engine::types::canonical_number;
/// assert_eq!(canonical_number(1.0), "1");
/// assert_eq!(canonical_number(-0.0), "0");
/// assert_eq!(canonical_number(2.50), "2.5");
/// ```
#[must_use]
pub fn canonical_number(value: f64) -> String {
    // 2^53: beyond it, not every integer is representable, but the cast stays exact.
    if value.fract() == 0.0 && value.abs() < 9_007_199_254_740_992.0 {
        let whole = value as i64;
        whole.to_string()
    } else {
        format!("{value}")
    }
}
