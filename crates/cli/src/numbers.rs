//! Number flags checked where they are read: `--threshold NaN` compared
//! false with everything and silently turned every check off, and a
//! probability of 2 gave a recall of 0. Used as clap value parsers.

/// A finite number (not NaN, not ±infinity).
pub fn finite(text: &str) -> Result<f64, String> {
    let x: f64 = text.trim().parse().map_err(|_| format!("{text:?} is not a number"))?;
    if x.is_finite() {
        Ok(x)
    } else {
        Err(format!("{text:?} is not a finite number"))
    }
}

/// A finite number from 0 to 1 (a probability, a share, an NDCG).
pub fn unit(text: &str) -> Result<f64, String> {
    let x = finite(text)?;
    if (0.0..=1.0).contains(&x) {
        Ok(x)
    } else {
        Err(format!("{text} is outside 0 to 1"))
    }
}

#[cfg(test)]
mod tests {
    use super::{finite, unit};

    #[test]
    fn nan_infinity_and_out_of_range_are_refused() {
        assert_eq!(finite("0.05"), Ok(0.05));
        assert_eq!(finite(" 12 "), Ok(12.0));
        for bad in ["NaN", "nan", "inf", "-inf", "x", ""] {
            assert!(finite(bad).is_err(), "{bad}");
        }
        assert_eq!(unit("1"), Ok(1.0));
        assert!(unit("2").is_err() && unit("-0.1").is_err() && unit("NaN").is_err());
    }
}
