//! Phone numbers in the forms people write them:
//! - international, `+` then 8–15 digits (E.164), grouped or not;
//! - North American, `(415) 555-2671`, `415-555-2671`, `415.555.2671`,
//!   `1-415-555-2671` (area and exchange start with 2–9);
//! - national with a trunk `0`, in groups: `020 7946 0958`, `01 23 45 67 89`.
//!
//! Seven to fifteen bare digits count only in a column whose header says
//! phone: elsewhere they are ids, amounts or dates far more often.

use std::ops::Range;

use super::text::{free_after, free_before};

/// A candidate: digits and groups between `start` and `end`.
struct Candidate {
    start: usize,
    end: usize,
    plus: bool,
    digits: String,
    groups: Vec<usize>,
    /// The separator bytes seen (space, dash, dot, parentheses).
    separators: Vec<u8>,
}

fn candidate(b: &[u8], start: usize) -> Candidate {
    let plus = b[start] == b'+';
    let mut c = Candidate { start, end: start, plus, digits: String::new(), groups: vec![0], separators: Vec::new() };
    let mut i = start + usize::from(plus);
    let mut pending_separators = 0;
    while i < b.len() {
        match b[i] {
            d @ b'0'..=b'9' => {
                if pending_separators > 0 && c.groups.last().is_some_and(|&g| g > 0) {
                    c.groups.push(0);
                }
                pending_separators = 0;
                c.digits.push(char::from(d));
                if let Some(g) = c.groups.last_mut() {
                    *g += 1;
                }
                i += 1;
                c.end = i;
            }
            s @ (b' ' | b'-' | b'.' | b'(' | b')') if pending_separators < 2 => {
                c.separators.push(s);
                pending_separators += 1;
                i += 1;
            }
            _ => break,
        }
    }
    c
}

fn north_american(c: &Candidate) -> bool {
    let (groups, digits) = match c.groups.as_slice() {
        [3, 3, 4] => (3, c.digits.as_str()),
        [1, 3, 3, 4] if c.digits.starts_with('1') => (3, &c.digits[1..]),
        _ => return false,
    };
    let b = digits.as_bytes();
    groups == 3 && (b'2'..=b'9').contains(&b[0]) && (b'2'..=b'9').contains(&b[3]) && !c.separators.contains(&b'/')
}

fn international(c: &Candidate) -> bool {
    c.plus && (8..=15).contains(&c.digits.len()) && !c.digits.starts_with('0')
}

fn national(c: &Candidate) -> bool {
    let spaced = c.separators.iter().all(|&s| matches!(s, b' ' | b'-' | b'(' | b')'));
    c.digits.starts_with('0')
        && !c.digits.starts_with("00")
        && (9..=12).contains(&c.digits.len())
        && c.groups.len() >= 2
        && c.groups.iter().all(|&g| g >= 2)
        && spaced
}

/// Pushes the span of every phone number in `cell`; `hinted` also accepts
/// 7–15 digits in any grouping.
pub(super) fn find(cell: &str, hinted: bool, out: &mut Vec<Range<usize>>) {
    let b = cell.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let opens = b[i] == b'+' || b[i] == b'(' || b[i].is_ascii_digit();
        let digit_next = b[i].is_ascii_digit() || b.get(i + 1).is_some_and(u8::is_ascii_digit);
        if !opens || !digit_next || !free_before(b, i) || (i > 0 && (b[i - 1].is_ascii_digit() || b[i - 1] == b'+')) {
            i += 1;
            continue;
        }
        let c = candidate(b, i);
        let ok = free_after(b, c.end)
            && (international(&c)
                || north_american(&c)
                || national(&c)
                || (hinted && (7..=15).contains(&c.digits.len())));
        if ok {
            out.push(c.start..c.end);
        }
        i = c.end.max(i + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pii::text::matched;

    fn found(cell: &str, hinted: bool) -> Vec<&str> {
        matched(cell, |out| find(cell, hinted, out))
    }

    #[test]
    fn written_forms_are_found() {
        for n in [
            "+44 20 7946 0958",
            "(415) 555-2671",
            "415.555.2671",
            "1-415-555-2671",
            "+14155552671",
            "020 7946 0958",
            "01 23 45 67 89",
        ] {
            assert_eq!(found(n, false), [n], "{n}");
        }
        assert_eq!(found("call +33 1 23 45 67 89 today", false), ["+33 1 23 45 67 89"]);
        assert_eq!(found("4155552671", true), ["4155552671"]);
    }

    #[test]
    fn dates_amounts_and_ids_are_not_phones() {
        for cell in [
            "2024-01-05",
            "4155552671",
            "1,234,567.89",
            "123-45-6789",
            "05.03.1984",
            "012-345",
            "555-2671",
            "10 000 000",
        ] {
            assert!(found(cell, false).is_empty(), "{cell}");
        }
    }
}
