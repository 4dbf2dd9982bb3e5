//! Text into HTML, and numbers into text, the same way in every section.

/// `text` with HTML's special characters escaped (for element content and
/// quoted attribute values alike).
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A statistic or metric: four significant decimals, `n/a` when not finite.
#[must_use]
pub fn num(value: f64) -> String {
    if !value.is_finite() {
        "n/a".to_owned()
    } else if value != 0.0 && (value.abs() < 1e-3 || value.abs() >= 1e6) {
        format!("{value:.3e}")
    } else {
        format!("{value:.4}")
    }
}

/// An optional number (`–` when absent).
#[must_use]
pub fn opt(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), num)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_formats_numbers() {
        assert_eq!(
            escape(r#"<script>alert("x&'y")</script>"#),
            "&lt;script&gt;alert(&quot;x&amp;&#39;y&quot;)&lt;/script&gt;"
        );
        assert_eq!(num(0.5), "0.5000");
        assert_eq!(num(2.5e-7), "2.500e-7");
        assert_eq!(num(f64::NAN), "n/a");
        assert_eq!(opt(None), "–");
    }
}
