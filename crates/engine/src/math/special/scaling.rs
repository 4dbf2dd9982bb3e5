//! Power-of-two rescaling for products that would overflow or underflow.

/// 2^128: the step by which long products are rescaled.
pub(crate) const TWO_POW_128: f64 = 3.402_823_669_209_385e38;

/// 2^-128.
pub(crate) const TWO_POW_MINUS_128: f64 = 2.938_735_877_055_719e-39;

/// `x * 2^exponent` without overflowing or underflowing the factor itself.
pub(crate) fn ldexp(mut x: f64, mut exponent: i64) -> f64 {
    while exponent > 0 && x != 0.0 && x.is_finite() {
        let step = exponent.min(1000);
        x *= f64::powi(2.0, step as i32);
        exponent -= step;
    }
    while exponent < 0 && x != 0.0 && x.is_finite() {
        let step = (-exponent).min(1000);
        x *= f64::powi(2.0, -(step as i32));
        exponent += step;
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constants_are_powers_of_two() {
        assert_eq!(TWO_POW_128, f64::powi(2.0, 128));
        assert_eq!(TWO_POW_MINUS_128, f64::powi(2.0, -128));
        assert_eq!(ldexp(TWO_POW_128, -1128), f64::powi(2.0, -1000));
    }
}
