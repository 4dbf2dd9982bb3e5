//! Byte-level helpers shared by the detectors. Every pattern the scan looks
//! for is ASCII, so spans found on bytes are valid `str` boundaries.

use std::ops::Range;

/// A run of digits split into groups by separators: `4111 1111 1111 1111`
/// is four groups of four.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct DigitRun {
    /// Where the run lies in the cell.
    pub span: Range<usize>,
    /// The digits alone.
    pub digits: String,
    /// The length of each group.
    pub groups: Vec<usize>,
    /// The separators between groups, in order.
    pub separators: Vec<u8>,
}

/// True when the byte can continue a word (so a match next to it is part of
/// something longer: an id, a hash, a longer number).
pub(super) fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// True when a match may start at `start`: nothing word-like before it, and
/// not the fraction of a decimal number (`3.1415…`).
pub(super) fn free_before(b: &[u8], start: usize) -> bool {
    if start == 0 {
        return true;
    }
    let prev = b[start - 1];
    if is_word(prev) {
        return false;
    }
    !(matches!(prev, b'.' | b',') && start >= 2 && b[start - 2].is_ascii_digit())
}

/// True when a match may end at `end`: nothing word-like after it, and not
/// followed by `.5` or `,5` (a longer number).
pub(super) fn free_after(b: &[u8], end: usize) -> bool {
    if end >= b.len() {
        return true;
    }
    let next = b[end];
    if is_word(next) {
        return false;
    }
    !(matches!(next, b'.' | b',' | b'-' | b'/' | b':') && end + 1 < b.len() && b[end + 1].is_ascii_digit())
}

/// Every maximal run of digits in `cell` whose groups are joined by one byte
/// of `separators`, free on both sides.
pub(super) fn digit_runs(cell: &str, separators: &[u8]) -> Vec<DigitRun> {
    let b = cell.as_bytes();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let start = i;
        let mut run = DigitRun { span: start..start, digits: String::new(), groups: vec![0], separators: Vec::new() };
        while i < b.len() {
            if b[i].is_ascii_digit() {
                run.digits.push(char::from(b[i]));
                if let Some(group) = run.groups.last_mut() {
                    *group += 1;
                }
                i += 1;
            } else if separators.contains(&b[i]) && i + 1 < b.len() && b[i + 1].is_ascii_digit() {
                run.separators.push(b[i]);
                run.groups.push(0);
                i += 1;
            } else {
                break;
            }
        }
        run.span = start..i;
        if free_before(b, start) && free_after(b, i) {
            runs.push(run);
        }
    }
    runs
}

/// True when every separator of the run is the same byte.
pub(super) fn one_separator(run: &DigitRun) -> bool {
    run.separators.windows(2).all(|w| w[0] == w[1])
}

/// The header, lower-cased, with every non-alphanumeric run made one `_`:
/// `Date of Birth` → `date_of_birth`.
pub(super) fn normalise_header(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    for c in header.trim().chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_matches('_').to_owned()
}

/// The texts a detector finds in `cell` (for tests).
#[cfg(test)]
pub(super) fn matched(cell: &str, find: impl Fn(&mut Vec<Range<usize>>)) -> Vec<&str> {
    let mut out = Vec::new();
    find(&mut out);
    out.into_iter().map(|r| &cell[r]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_keep_groups_and_refuse_longer_tokens() {
        let runs = digit_runs("card 4111-1111-1111-1111, ref A1234 and 3.14159", b" -");
        assert_eq!(runs.len(), 1, "{runs:?}");
        assert_eq!(runs[0].digits, "4111111111111111");
        assert_eq!(runs[0].groups, [4, 4, 4, 4]);
        assert_eq!(&"card 4111-1111-1111-1111, ref A1234 and 3.14159"[runs[0].span.clone()], "4111-1111-1111-1111");
    }

    #[test]
    fn headers_are_normalised() {
        assert_eq!(normalise_header(" Date of Birth "), "date_of_birth");
        assert_eq!(normalise_header("E-Mail"), "e_mail");
    }
}
