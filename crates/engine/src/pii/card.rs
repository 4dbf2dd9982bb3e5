//! Payment card numbers: 13–19 digits, bare or in groups joined by spaces or
//! dashes, with an issuer prefix in use (Visa, Mastercard, American Express,
//! Discover, JCB, Diners Club, UnionPay, Maestro) and a valid Luhn check
//! digit. The prefix rule keeps ISBNs and long ids that pass Luhn by chance
//! (one in ten) out.

use std::ops::Range;

use super::text::{digit_runs, one_separator};

/// True when the digits pass the Luhn (mod 10) check.
pub(super) fn luhn(digits: &str) -> bool {
    let mut sum = 0;
    for (i, b) in digits.bytes().rev().enumerate() {
        let mut d = u32::from(b - b'0');
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    sum % 10 == 0
}

fn prefix(digits: &str, len: usize) -> u32 {
    digits.get(..len).and_then(|p| p.parse().ok()).unwrap_or(0)
}

/// True when the number's prefix and length are an issuer's.
fn known_issuer(digits: &str) -> bool {
    let n = digits.len();
    let (p1, p2, p3, p4, p6) =
        (prefix(digits, 1), prefix(digits, 2), prefix(digits, 3), prefix(digits, 4), prefix(digits, 6));
    let visa = p1 == 4 && matches!(n, 13 | 16 | 19);
    let mastercard = n == 16 && ((51..=55).contains(&p2) || (2221..=2720).contains(&p4));
    let amex = n == 15 && matches!(p2, 34 | 37);
    let discover = (16..=19).contains(&n)
        && (p4 == 6011 || p2 == 65 || (644..=649).contains(&p3) || (622_126..=622_925).contains(&p6));
    let jcb = (16..=19).contains(&n) && (3528..=3589).contains(&p4);
    let diners = (14..=19).contains(&n) && ((300..=305).contains(&p3) || matches!(p2, 36 | 38 | 39) || p4 == 3095);
    let unionpay = (16..=19).contains(&n) && p2 == 62;
    let maestro = (12..=19).contains(&n) && matches!(p4, 5018 | 5020 | 5038 | 5893 | 6304 | 6759 | 6761 | 6762 | 6763);
    visa || mastercard || amex || discover || jcb || diners || unionpay || maestro
}

/// True when `digits` (digits only) is a card number.
pub(super) fn is_card_number(digits: &str) -> bool {
    (13..=19).contains(&digits.len()) && known_issuer(digits) && luhn(digits)
}

/// Pushes the span of every card number in `cell`.
pub(super) fn find(cell: &str, out: &mut Vec<Range<usize>>) {
    for run in digit_runs(cell, b" -") {
        // Groups of at least three digits (4-4-4-4, 4-6-5), one kind of separator.
        let grouped = run.groups.len() == 1 || (one_separator(&run) && run.groups.iter().all(|&g| g >= 3));
        if grouped && is_card_number(&run.digits) {
            out.push(run.span);
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
    fn test_numbers_of_the_networks_are_found() {
        // The networks' published test numbers.
        for n in
            ["4111 1111 1111 1111", "5555-5555-5555-4444", "378282246310005", "6011111111111117", "3530111333300000"]
        {
            assert_eq!(found(n), [n], "{n}");
        }
        assert_eq!(found("paid with 4012888888881881 today"), ["4012888888881881"]);
    }

    #[test]
    fn luhn_failures_isbns_and_mixed_groups_are_not_cards() {
        for cell in [
            "4111 1111 1111 1112",
            "978-3-16-148410-0",
            "1234567812345670",
            "4111 11 11 1111 1111",
            "41111111111111110",
        ] {
            assert!(found(cell).is_empty(), "{cell}");
        }
    }
}
