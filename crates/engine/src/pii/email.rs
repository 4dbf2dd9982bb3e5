//! Email addresses: a local part, `@`, and a domain of dot-separated labels
//! ending in an alphabetic top-level domain (RFC 5321's common form; quoted
//! local parts and IP-literal domains are left out as too rare to matter).

use std::ops::Range;

fn is_local(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-' | b'\'')
}

fn is_domain(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-')
}

fn valid_local(local: &[u8]) -> bool {
    (1..=64).contains(&local.len()) && !local.starts_with(b".") && !local.windows(2).any(|w| w == b"..")
}

fn valid_domain(domain: &[u8]) -> bool {
    let labels: Vec<&[u8]> = domain.split(|&b| b == b'.').collect();
    let Some(tld) = labels.last() else { return false };
    labels.len() >= 2
        && domain.len() <= 253
        && labels.iter().all(|l| (1..=63).contains(&l.len()) && !l.starts_with(b"-") && !l.ends_with(b"-"))
        && tld.len() >= 2
        && tld.iter().all(u8::is_ascii_alphabetic)
}

/// Pushes the span of every email address in `cell`.
pub(super) fn find(cell: &str, out: &mut Vec<Range<usize>>) {
    let b = cell.as_bytes();
    let mut from = 0;
    while let Some(at) = memchr::memchr(b'@', &b[from..]).map(|i| i + from) {
        let mut start = at;
        while start > from && is_local(b[start - 1]) {
            start -= 1;
        }
        while start < at && matches!(b[start], b'.' | b'\'' | b'-') {
            start += 1;
        }
        let mut end = at + 1;
        while end < b.len() && is_domain(b[end]) {
            end += 1;
        }
        // A sentence's full stop or a dash after the address is not part of it.
        while end > at + 1 && matches!(b[end - 1], b'.' | b'-') {
            end -= 1;
        }
        if valid_local(&b[start..at]) && valid_domain(&b[at + 1..end]) {
            out.push(start..end);
            from = end;
        } else {
            from = at + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pii::text::matched;

    fn found(cell: &str) -> Vec<&str> {
        matched(cell, |out| find(cell, out))
    }

    #[test]
    fn addresses_in_text_are_found_without_trailing_punctuation() {
        assert_eq!(found("Write to ann.lee+tag@mail.example.co.uk."), ["ann.lee+tag@mail.example.co.uk"]);
        assert_eq!(found("a@b.io, c_d@e-f.org"), ["a@b.io", "c_d@e-f.org"]);
    }

    #[test]
    fn near_misses_are_not_addresses() {
        for cell in ["@handle", "user@localhost", "x@1.2.3.4", "a..b@c.com", "me@.com", "price @ 3.50", "a@b.c"] {
            assert!(found(cell).is_empty(), "{cell}");
        }
    }
}
