//! Padding table cells for the terminal.

/// `text` padded with spaces to `width` characters. `format!("{text:<w$}")`
/// panics ("Formatting argument out of range") from a width of 65,536, which
/// a long column name or value reaches.
pub fn pad_right(text: &str, width: usize) -> String {
    let n = text.chars().count();
    let mut out = String::with_capacity(text.len() + width.saturating_sub(n));
    out.push_str(text);
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(n)));
    out
}

#[cfg(test)]
mod tests {
    use super::pad_right;

    #[test]
    fn pads_to_any_width_without_panicking() {
        assert_eq!(pad_right("ab", 4), "ab  ");
        assert_eq!(pad_right("abc", 2), "abc");
        assert_eq!(pad_right("é", 3), "é  ");
        assert_eq!(pad_right("x", 70_000).len(), 70_000);
    }
}
