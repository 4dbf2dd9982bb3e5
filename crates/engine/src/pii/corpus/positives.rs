//! Cells holding one kind of personal data, in the forms seen in exports.

use super::{people, Draw};
use crate::pii::PiiKind;

/// Free-text wrappers: where a value sits inside a note.
const NOTES: [&str; 5] =
    ["Customer wrote from {}.", "{} (confirmed by phone)", "Please update to {} asap", "old: n/a; new: {}", "{}"];
const NOTE_HEADERS: [&str; 4] = ["notes", "comment", "description", "message"];

fn in_note(draw: &mut Draw, value: &str) -> (&'static str, String) {
    (draw.pick(&NOTE_HEADERS), draw.pick(&NOTES).replace("{}", value))
}

fn phone(draw: &mut Draw) -> (&'static str, String) {
    let n = |draw: &mut Draw| draw.below(8) + 2;
    let value = match draw.below(7) {
        0 => format!("({}{}) {}{}-{}", n(draw), draw.digits(2), n(draw), draw.digits(2), draw.digits(4)),
        1 => format!("{}{}-{}{}-{}", n(draw), draw.digits(2), n(draw), draw.digits(2), draw.digits(4)),
        2 => format!("+1 {}{} {}{} {}", n(draw), draw.digits(2), n(draw), draw.digits(2), draw.digits(4)),
        3 => format!("+44 20 {} {}", draw.digits(4), draw.digits(4)),
        4 => format!("+33 {} {} {} {} {}", n(draw), draw.digits(2), draw.digits(2), draw.digits(2), draw.digits(2)),
        5 => format!("0{}{} {} {}", n(draw), draw.digits(1), draw.digits(4), draw.digits(4)),
        _ => format!("+49{}{}", n(draw), draw.digits(9)),
    };
    match draw.below(5) {
        0 => in_note(draw, &value),
        1 => ("phone", format!("{}{}{}", n(draw), draw.digits(2), draw.digits(7))),
        // Bare digits under a neutral header: the rules cannot tell them
        // from an id, so these are the misses the figures should show.
        2 if draw.chance(0.3) => ("contact", format!("{}{}{}", n(draw), draw.digits(2), draw.digits(7))),
        _ => (draw.pick(&["phone", "mobile", "contact", "tel"]), value),
    }
}

/// A number with a valid Luhn check digit after `prefix`, `len` digits long.
fn luhn_number(draw: &mut Draw, prefix: &str, len: usize) -> String {
    let mut digits = format!("{prefix}{}", draw.digits(len - prefix.len() - 1));
    for check in 0..10u8 {
        let candidate = format!("{digits}{}", char::from(b'0' + check));
        if crate::pii::card::luhn(&candidate) {
            digits = candidate;
            break;
        }
    }
    digits
}

fn card(draw: &mut Draw) -> (&'static str, String) {
    let (prefix, len) = *[
        ("4", 16),
        ("51", 16),
        ("55", 16),
        ("2221", 16),
        ("34", 15),
        ("37", 15),
        ("6011", 16),
        ("3530", 16),
        ("4", 13),
    ]
    .get(draw.below(9))
    .unwrap_or(&("4", 16));
    let digits = luhn_number(draw, prefix, len);
    let value = match (draw.below(3), len) {
        (0, _) | (_, 13) => digits,
        (_, 15) => format!("{} {} {}", &digits[..4], &digits[4..10], &digits[10..]),
        (k, _) => {
            let sep = if k == 1 { " " } else { "-" };
            digits.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(sep)
        }
    };
    if draw.chance(0.25) {
        in_note(draw, &value)
    } else {
        (draw.pick(&["card_number", "payment", "pan", "cc"]), value)
    }
}

fn ssn(draw: &mut Draw) -> (&'static str, String) {
    let area = loop {
        let a = draw.below(899) + 1;
        if a != 666 {
            break a;
        }
    };
    let (group, serial) = (draw.below(99) + 1, draw.below(9999) + 1);
    match draw.below(4) {
        0 => ("ssn", format!("{area:03}{group:02}{serial:04}")),
        1 => in_note(draw, &format!("SSN {area:03}-{group:02}-{serial:04}")),
        _ => (draw.pick(&["ssn", "tax_id", "id_number"]), format!("{area:03}-{group:02}-{serial:04}")),
    }
}

fn iban(draw: &mut Draw) -> (&'static str, String) {
    let (country, bban) = match draw.below(6) {
        0 => ("DE", draw.digits(18)),
        1 => ("GB", format!("{}{}", draw.pick(&["NWBK", "BARC", "LOYD", "MIDL"]), draw.digits(14))),
        2 => ("FR", draw.digits(23)),
        3 => ("NL", format!("{}{}", draw.pick(&["ABNA", "INGB", "RABO"]), draw.digits(10))),
        4 => ("ES", draw.digits(20)),
        _ => ("BE", draw.digits(12)),
    };
    // ISO 7064: check = 98 − (BBAN ‖ country ‖ "00" mod 97).
    let numeric: String = format!("{bban}{country}00")
        .chars()
        .map(|c| if c.is_ascii_digit() { c.to_string() } else { (u32::from(c) - u32::from('A') + 10).to_string() })
        .collect();
    let rest = numeric.bytes().fold(0u32, |r, d| (r * 10 + u32::from(d - b'0')) % 97);
    let compact = format!("{country}{:02}{bban}", 98 - rest);
    let value = if draw.chance(0.5) {
        compact.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
    } else {
        compact
    };
    if draw.chance(0.25) {
        in_note(draw, &value)
    } else {
        (draw.pick(&["iban", "account", "bank_account"]), value)
    }
}

fn ip(draw: &mut Draw) -> (&'static str, String) {
    let value = if draw.chance(0.75) {
        format!("{}.{}.{}.{}", draw.below(223) + 1, draw.below(256), draw.below(256), draw.below(255) + 1)
    } else if draw.chance(0.5) {
        (0..8).map(|_| format!("{:x}", draw.below(65536))).collect::<Vec<_>>().join(":")
    } else {
        format!("2001:db8::{:x}:{:x}", draw.below(65536), draw.below(65536))
    };
    match draw.below(3) {
        0 => ("request_log", format!("GET /api/v2/items 200 from {value} in 35 ms")),
        _ => (draw.pick(&["ip", "client_ip", "source_address", "remote_addr"]), value),
    }
}

fn birth_date(draw: &mut Draw) -> (&'static str, String) {
    let (y, m, d) = (1930 + draw.below(80), draw.below(12) + 1, draw.below(28) + 1);
    let value = match draw.below(4) {
        0 => format!("{y}-{m:02}-{d:02}"),
        1 => format!("{d:02}/{m:02}/{y}"),
        2 => format!("{m}/{d}/{y}"),
        _ => format!("{d:02}.{m:02}.{y}"),
    };
    match draw.below(4) {
        0 => (draw.pick(&NOTE_HEADERS), format!("{} {value}", draw.pick(&["DOB:", "born", "Date of birth", "d.o.b."]))),
        _ => (draw.pick(&["dob", "date_of_birth", "birthdate", "Birth Date"]), value),
    }
}

/// One cell of `kind` and its header.
pub(super) fn cell(draw: &mut Draw, kind: PiiKind) -> (&'static str, String) {
    match kind {
        PiiKind::Email => {
            let value = people::email(draw);
            if draw.chance(0.3) {
                in_note(draw, &value)
            } else {
                (draw.pick(&["email", "e-mail", "contact", "user"]), value)
            }
        }
        PiiKind::Phone => phone(draw),
        PiiKind::CreditCard => card(draw),
        PiiKind::Ssn => ssn(draw),
        PiiKind::Iban => iban(draw),
        PiiKind::IpAddress => ip(draw),
        PiiKind::DateOfBirth => birth_date(draw),
        PiiKind::PersonName => {
            (draw.pick(&["name", "customer_name", "full_name", "Passenger Name", "first_name"]), people::name(draw))
        }
    }
}
