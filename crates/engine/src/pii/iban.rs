//! IBANs (ISO 13616): a country code, two check digits and the national
//! account number, bare or in groups of four, with the length the IBAN
//! registry gives the country and a valid mod-97 check.

use std::ops::Range;

use super::text::{free_after, free_before};

/// The IBAN length of each registry country (SWIFT IBAN registry).
const LENGTHS: [(&str, usize); 60] = [
    ("AD", 24),
    ("AE", 23),
    ("AL", 28),
    ("AT", 20),
    ("AZ", 28),
    ("BA", 20),
    ("BE", 16),
    ("BG", 22),
    ("BH", 22),
    ("BR", 29),
    ("CH", 21),
    ("CR", 22),
    ("CY", 28),
    ("CZ", 24),
    ("DE", 22),
    ("DK", 18),
    ("DO", 28),
    ("EE", 20),
    ("EG", 29),
    ("ES", 24),
    ("FI", 18),
    ("FO", 18),
    ("FR", 27),
    ("GB", 22),
    ("GE", 22),
    ("GI", 23),
    ("GL", 18),
    ("GR", 27),
    ("GT", 28),
    ("HR", 21),
    ("HU", 28),
    ("IE", 22),
    ("IL", 23),
    ("IS", 26),
    ("IT", 27),
    ("JO", 30),
    ("KW", 30),
    ("KZ", 20),
    ("LB", 28),
    ("LI", 21),
    ("LT", 20),
    ("LU", 20),
    ("LV", 21),
    ("MC", 27),
    ("MD", 24),
    ("ME", 22),
    ("MK", 19),
    ("MT", 31),
    ("MU", 30),
    ("NL", 18),
    ("NO", 15),
    ("PK", 24),
    ("PL", 28),
    ("PS", 29),
    ("PT", 25),
    ("QA", 29),
    ("RO", 24),
    ("RS", 22),
    ("SA", 24),
    ("SE", 24),
];
const MORE_LENGTHS: [(&str, usize); 11] = [
    ("SI", 19),
    ("SK", 24),
    ("SM", 27),
    ("TN", 24),
    ("TR", 26),
    ("UA", 29),
    ("VA", 22),
    ("VG", 24),
    ("XK", 20),
    ("LC", 32),
    ("SC", 31),
];

fn length_of(country: &str) -> Option<usize> {
    LENGTHS.iter().chain(&MORE_LENGTHS).find(|(c, _)| *c == country).map(|&(_, n)| n)
}

/// True when the compact IBAN (no spaces, upper case) passes ISO 7064 mod 97-10.
pub(super) fn check_ok(iban: &str) -> bool {
    let b = iban.as_bytes();
    let mut rest = 0u32;
    for &c in b[4..].iter().chain(&b[..4]) {
        let value = match c {
            b'0'..=b'9' => u32::from(c - b'0'),
            b'A'..=b'Z' => u32::from(c - b'A') + 10,
            _ => return false,
        };
        rest = if value >= 10 { (rest * 100 + value) % 97 } else { (rest * 10 + value) % 97 };
    }
    rest == 1
}

/// Pushes the span of every IBAN in `cell`.
pub(super) fn find(cell: &str, out: &mut Vec<Range<usize>>) {
    let b = cell.as_bytes();
    let mut i = 0;
    while i + 4 <= b.len() {
        let starts = b[i].is_ascii_uppercase()
            && b[i + 1].is_ascii_uppercase()
            && b[i + 2].is_ascii_digit()
            && b[i + 3].is_ascii_digit()
            && free_before(b, i);
        let Some(want) = starts.then(|| length_of(&cell[i..i + 2])).flatten() else {
            i += 1;
            continue;
        };
        // Collect `want` alphanumerics, allowing one space between groups.
        let mut compact = String::with_capacity(want);
        let mut end = i;
        while end < b.len() && compact.len() < want {
            if b[end].is_ascii_alphanumeric() {
                compact.push(char::from(b[end].to_ascii_uppercase()));
                end += 1;
            } else if b[end] == b' '
                && end + 1 < b.len()
                && b[end + 1].is_ascii_alphanumeric()
                && compact.len().is_multiple_of(4)
            {
                end += 1;
            } else {
                break;
            }
        }
        if compact.len() == want && free_after(b, end) && check_ok(&compact) {
            out.push(i..end);
            i = end;
        } else {
            i += 1;
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
    fn registry_examples_are_found() {
        // The IBAN registry's examples.
        assert_eq!(found("GB29 NWBK 6016 1331 9268 19"), ["GB29 NWBK 6016 1331 9268 19"]);
        assert_eq!(found("pay DE89370400440532013000 now"), ["DE89370400440532013000"]);
        assert_eq!(found("FR1420041010050500013M02606"), ["FR1420041010050500013M02606"]);
    }

    #[test]
    fn a_wrong_check_or_length_is_not_an_iban() {
        for cell in [
            "GB28 NWBK 6016 1331 9268 19",
            "DE8937040044053201300",
            "XX89370400440532013000",
            "DE89370400440532013000X",
        ] {
            assert!(found(cell).is_empty(), "{cell}");
        }
    }
}
