//! One cell through every detector. Where two kinds claim overlapping text
//! the more specific wins (an IBAN's digits are not also a phone number, an
//! SSN is not a phone number, a card is not a phone number).

use std::ops::Range;

use super::{birth_date, card, email, hints::Hints, iban, ip, person_name, phone, ssn, PiiKind};

/// One piece of personal data in a cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PiiMatch {
    /// What it is.
    pub kind: PiiKind,
    /// Where it lies in the cell (byte offsets).
    pub span: Range<usize>,
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Every piece of personal data in `cell`, in the order of the text.
///
/// # Examples
/// ```
/// use tideline_engine::pii::{detect, Hints, PiiKind};
/// let found = detect("Ann (ann@example.org, +44 20 7946 0958)", Hints::default());
/// let kinds: Vec<PiiKind> = found.iter().map(|m| m.kind).collect();
/// assert_eq!(kinds, [PiiKind::Email, PiiKind::Phone]);
/// ```
#[must_use]
pub fn detect(cell: &str, hints: Hints) -> Vec<PiiMatch> {
    let mut found: Vec<PiiMatch> = Vec::new();
    let mut spans = Vec::new();
    // Most specific first: a later kind may not overlap an earlier one.
    let add = |found: &mut Vec<PiiMatch>, kind: PiiKind, spans: &mut Vec<Range<usize>>| {
        for span in spans.drain(..) {
            if !found.iter().any(|m| overlaps(&m.span, &span)) {
                found.push(PiiMatch { kind, span });
            }
        }
    };
    if cell.contains('@') {
        email::find(cell, &mut spans);
        add(&mut found, PiiKind::Email, &mut spans);
    }
    iban::find(cell, &mut spans);
    add(&mut found, PiiKind::Iban, &mut spans);
    card::find(cell, &mut spans);
    add(&mut found, PiiKind::CreditCard, &mut spans);
    ssn::find(cell, hints.ssn, &mut spans);
    add(&mut found, PiiKind::Ssn, &mut spans);
    birth_date::find(cell, hints.birth_date, &mut spans);
    add(&mut found, PiiKind::DateOfBirth, &mut spans);
    ip::find(cell, &mut spans);
    add(&mut found, PiiKind::IpAddress, &mut spans);
    phone::find(cell, hints.phone, &mut spans);
    add(&mut found, PiiKind::Phone, &mut spans);
    if hints.person_name && found.is_empty() {
        person_name::find(cell, hints.generic_name, &mut spans);
        add(&mut found, PiiKind::PersonName, &mut spans);
    }
    found.sort_by_key(|m| m.span.start);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(cell: &str, hints: Hints) -> Vec<PiiKind> {
        detect(cell, hints).into_iter().map(|m| m.kind).collect()
    }

    #[test]
    fn specific_kinds_win_overlaps() {
        assert_eq!(kinds("123-45-6789", Hints { phone: true, ..Hints::default() }), [PiiKind::Ssn]);
        assert_eq!(kinds("4111 1111 1111 1111", Hints { phone: true, ..Hints::default() }), [PiiKind::CreditCard]);
        assert_eq!(kinds("DE89 3704 0044 0532 0130 00", Hints::default()), [PiiKind::Iban]);
    }

    #[test]
    fn free_text_can_hold_several_kinds() {
        let cell = "Card 5555555555554444, SSN 078-05-1120, from 10.0.0.7, DOB 1970-01-31";
        assert_eq!(
            kinds(cell, Hints::default()),
            [PiiKind::CreditCard, PiiKind::Ssn, PiiKind::IpAddress, PiiKind::DateOfBirth]
        );
    }

    #[test]
    fn names_need_the_header() {
        assert!(kinds("Ann Lee", Hints::default()).is_empty());
        assert_eq!(kinds("Ann Lee", Hints { person_name: true, ..Hints::default() }), [PiiKind::PersonName]);
    }
}
