//! Axis tick text shared by the explainability charts.

use tideline_engine::summary::short_number;

/// `x` as a tick label on an axis `span` wide: rounding noise around zero
/// (`-2.2e-16`) reads as 0.
pub(crate) fn tick_label(x: f64, span: f64) -> String {
    if x.abs() <= span.abs() * 1e-9 {
        "0".to_owned()
    } else {
        short_number(x)
    }
}

#[cfg(test)]
mod tests {
    use super::tick_label;

    #[test]
    fn noise_around_zero_is_zero() {
        assert_eq!(tick_label(-2.220_446e-16, 2.0), "0");
        assert_ne!(tick_label(0.2, 2.0), "0");
    }
}
