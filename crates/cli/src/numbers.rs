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

/// A value or threshold: a category name or a finite number (`NaN` made
/// the range `(118.5, nan]`, which no row falls in).
pub fn value(text: &str) -> Result<String, String> {
    match text.trim().parse::<f64>() {
        Ok(x) if !x.is_finite() => Err(format!("{text:?} is not a finite number, nor a value rows can hold")),
        _ if text.trim().is_empty() => Err("an empty value".to_owned()),
        _ => Ok(text.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::{finite, unit, value};

    #[test]
    fn values_are_categories_or_finite_numbers() {
        assert_eq!(value("female"), Ok("female".into()));
        assert_eq!(value("118.5"), Ok("118.5".into()));
        for bad in ["NaN", "inf", "-Infinity", " "] {
            assert!(value(bad).is_err(), "{bad}");
        }
    }

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
