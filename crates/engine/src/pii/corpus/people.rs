//! Names and domains the corpus builds people from.

use super::Draw;

pub(super) const FIRST: [&str; 24] = [
    "Ann",
    "Bo",
    "Carlos",
    "Dana",
    "Émile",
    "Fatima",
    "George",
    "Hiroshi",
    "Ines",
    "Jean-Luc",
    "Kwame",
    "Leila",
    "María José",
    "Noah",
    "Olga",
    "Priya",
    "Quentin",
    "Rosa",
    "Siobhán",
    "Tariq",
    "Uma",
    "Viktor",
    "Wen",
    "Zoë",
];
pub(super) const LAST: [&str; 24] = [
    "Lee",
    "O'Brien",
    "García",
    "Smith",
    "Nguyen",
    "Okafor",
    "Müller",
    "Rossi",
    "Kowalski",
    "Haddad",
    "Tanaka",
    "Johansson",
    "van Dijk",
    "da Silva",
    "Ivanova",
    "Patel",
    "Dubois",
    "Cohen",
    "Murphy",
    "Kim",
    "Schmidt",
    "Mendes",
    "Novak",
    "Al-Sayed",
];
const DOMAINS: [&str; 10] = [
    "example.com",
    "mail.example.org",
    "gmail.com",
    "outlook.co.uk",
    "uni-heidelberg.de",
    "yahoo.fr",
    "company.io",
    "hospital.nhs.uk",
    "proton.me",
    "post.example.net",
];

/// A name's letters as an email local part would write them.
fn ascii_lower(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            'á' | 'à' => Some('a'),
            'é' | 'É' | 'è' | 'ë' => Some('e'),
            'í' => Some('i'),
            'ó' | 'ö' => Some('o'),
            'ü' | 'ú' => Some('u'),
            c if c.is_ascii_alphabetic() => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

/// An email address made from a person's name.
pub(super) fn email(draw: &mut Draw) -> String {
    let first = ascii_lower(draw.pick(&FIRST));
    let last = ascii_lower(draw.pick(&LAST));
    let local = match draw.below(5) {
        0 => format!("{first}.{last}"),
        1 => format!("{first}_{last}{}", draw.below(100)),
        2 => format!("{}{last}", &first[..1]),
        3 => format!("{first}+news"),
        _ => format!("{last}.{first}{}", draw.below(10)),
    };
    format!("{local}@{}", draw.pick(&DOMAINS))
}

/// A person's name as a form or a passenger list writes it.
pub(super) fn name(draw: &mut Draw) -> String {
    let first = draw.pick(&FIRST);
    let last = draw.pick(&LAST);
    match draw.below(5) {
        0 => format!("{last}, {first}"),
        1 => format!("{last}, {} {first}", draw.pick(&["Mr.", "Mrs.", "Ms.", "Dr."])),
        2 => first.to_owned(),
        _ => format!("{first} {last}"),
    }
}
