//! Masking: what the scan shows as samples, and what "mask this column"
//! writes in place of each match. A mask keeps the shape (separators,
//! length) and only as much as helps recognise the kind: an email's first
//! letter and domain, a card's last four digits, a birth date's year.

use super::{PiiKind, PiiMatch};

/// Replaces every alphanumeric character with `*` except the `keep_start`
/// first and `keep_end` last ones.
fn star(text: &str, keep_start: usize, keep_end: usize) -> String {
    let total = text.chars().filter(|c| c.is_alphanumeric()).count();
    let mut seen = 0;
    text.chars()
        .map(|c| {
            if !c.is_alphanumeric() {
                return c;
            }
            seen += 1;
            if seen <= keep_start || seen > total.saturating_sub(keep_end) {
                c
            } else {
                '*'
            }
        })
        .collect()
}

/// The masked form of `text`, a match of `kind`.
///
/// # Examples
/// ```
/// use tideline_engine::pii::{mask, PiiKind};
/// assert_eq!(mask(PiiKind::Email, "ann.lee@example.org"), "a******@example.org");
/// assert_eq!(mask(PiiKind::CreditCard, "4111 1111 1111 1111"), "**** **** **** 1111");
/// assert_eq!(mask(PiiKind::Ssn, "078-05-1120"), "***-**-1120");
/// assert_eq!(mask(PiiKind::DateOfBirth, "1984-03-05"), "1984-**-**");
/// ```
#[must_use]
pub fn mask(kind: PiiKind, text: &str) -> String {
    match kind {
        PiiKind::Email => match text.split_once('@') {
            Some((local, domain)) => {
                let first: String = local.chars().take(1).collect();
                format!("{first}{}@{domain}", "*".repeat(local.chars().count().saturating_sub(1)))
            }
            None => star(text, 0, 0),
        },
        PiiKind::CreditCard | PiiKind::Ssn => star(text, 0, 4),
        PiiKind::Phone => star(text, 0, 2),
        PiiKind::Iban => star(text, 2, 4),
        PiiKind::IpAddress => match text.split_once('.') {
            // IPv4 keeps its first octet; IPv6 its first group.
            Some((first, rest)) if !text.contains(':') => format!("{first}.{}", star(rest, 0, 0)),
            _ => {
                let (first, rest) = text.split_once(':').unwrap_or((text, ""));
                format!("{first}:{}", star(rest, 0, 0))
            }
        },
        PiiKind::DateOfBirth => {
            let year_first = text.chars().take_while(char::is_ascii_digit).count() == 4;
            if year_first {
                star(text, 4, 0)
            } else {
                star(text, 0, 4)
            }
        }
        PiiKind::PersonName => text
            .split(' ')
            .map(|w| {
                let mut chars = w.chars();
                chars.next().map_or_else(String::new, |f| {
                    let rest: String = chars.map(|c| if c.is_alphabetic() { '*' } else { c }).collect();
                    format!("{f}{rest}")
                })
            })
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// `cell` with every match masked.
#[must_use]
pub fn mask_cell(cell: &str, matches: &[PiiMatch]) -> String {
    let mut out = String::with_capacity(cell.len());
    let mut at = 0;
    for m in matches {
        out.push_str(&cell[at..m.span.start]);
        out.push_str(&mask(m.kind, &cell[m.span.clone()]));
        at = m.span.end;
    }
    out.push_str(&cell[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pii::{detect, Hints};

    #[test]
    fn masks_keep_shape_and_hide_the_rest() {
        assert_eq!(mask(PiiKind::Phone, "+44 20 7946 0958"), "+** ** **** **58");
        assert_eq!(mask(PiiKind::Iban, "GB29 NWBK 6016 1331 9268 19"), "GB** **** **** **** **68 19");
        assert_eq!(mask(PiiKind::IpAddress, "192.168.0.17"), "192.***.*.**");
        assert_eq!(mask(PiiKind::PersonName, "Lee, Ann"), "L**, A**");
    }

    #[test]
    fn a_cell_is_masked_where_it_matches_only() {
        let cell = "mail ann@example.org or call (415) 555-2671";
        assert_eq!(mask_cell(cell, &detect(cell, Hints::default())), "mail a**@example.org or call (***) ***-**71");
    }
}
