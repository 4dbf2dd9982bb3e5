//! Person names, in a column whose header names people (`name`,
//! `first_name`, `customer_name` …): a cell of one to eight words, each
//! capitalised, made of letters, hyphens and apostrophes, with titles,
//! initials, `Last, First` commas and parenthesised maiden names allowed
//! (Titanic's `Braund, Mr. Owen Harris`). Names are not looked for in free
//! text: without a model of names that would flag every capitalised word.
//! Under a header that is only `name`, a cell also needs a title, the
//! `Last, First` form or a common given name (`given_names`).

use std::ops::Range;

use super::given_names::is_given_name;

const TITLES: [&str; 14] =
    ["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "lady", "rev", "master", "madame", "mme", "herr"];

/// True when the cell shows it names a person, not a product or a place.
fn person_evidence(words: &[&str]) -> bool {
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphabetic()).to_owned();
    words.first().is_some_and(|w| w.ends_with(',') && words.len() > 1)
        || words.iter().any(|w| TITLES.contains(&bare(w).to_lowercase().as_str()))
        || words.iter().any(|w| w.split('-').any(|part| is_given_name(&bare(part))))
}

/// Lower-case name particles (`Ludwig van Beethoven`, `Maria da Silva`).
const PARTICLES: [&str; 16] =
    ["van", "von", "der", "den", "de", "da", "das", "dos", "del", "della", "di", "du", "la", "le", "bin", "al"];

/// How a word of a name reads.
#[derive(PartialEq, Eq)]
enum Word {
    /// Capitalised letters (`O'Brien`, `Jean-Luc`, `Mr.`), a particle or punctuation.
    Fits,
    /// Letters, not capitalised (`Van der hoef` as Titanic spells it).
    Lower,
    /// Digits, symbols: not a name.
    Other,
}

fn word(word: &str) -> Word {
    let word = word.trim_matches(|c| matches!(c, '(' | ')' | '"' | ','));
    if word.is_empty() || PARTICLES.contains(&word) {
        return Word::Fits;
    }
    if !word.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.')) {
        return Word::Other;
    }
    if word.chars().next().is_some_and(char::is_uppercase) {
        Word::Fits
    } else {
        Word::Lower
    }
}

/// True when the words read as a name: capitalised, with one lower-case
/// word allowed after a capitalised first one (a spelling slip).
fn words_ok(words: &[&str]) -> bool {
    let kinds: Vec<Word> = words.iter().map(|w| word(w)).collect();
    let lower = kinds.iter().filter(|k| **k == Word::Lower).count();
    !kinds.contains(&Word::Other)
        && kinds.first() == Some(&Word::Fits)
        && (lower == 0 || (lower == 1 && words.len() >= 3))
}

/// Placeholders that look like names but stand for none.
const PLACEHOLDERS: [&str; 8] = ["unknown", "none", "null", "nan", "anonymous", "redacted", "withheld", "test"];

/// Pushes the whole cell when it reads as a person's name; `generic` (the
/// header is only `name`) asks for evidence too.
pub(super) fn find(cell: &str, generic: bool, out: &mut Vec<Range<usize>>) {
    let trimmed = cell.trim();
    if PLACEHOLDERS.contains(&trimmed.to_lowercase().as_str()) {
        return;
    }
    let words: Vec<&str> = trimmed.split_whitespace().collect();
    let letters = trimmed.chars().filter(|c| c.is_alphabetic()).count();
    if (1..=8).contains(&words.len())
        && letters >= 2
        && trimmed.len() <= 100
        && words_ok(&words)
        && (!generic || person_evidence(&words))
    {
        let start = cell.len() - cell.trim_start().len();
        out.push(start..start + trimmed.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(cell: &str) -> bool {
        let mut out = Vec::new();
        find(cell, false, &mut out);
        !out.is_empty()
    }

    fn found_generic(cell: &str) -> bool {
        let mut out = Vec::new();
        find(cell, true, &mut out);
        !out.is_empty()
    }

    #[test]
    fn a_bare_name_header_needs_evidence_of_a_person() {
        for cell in ["Braund, Mr. Owen Harris", "Lee, Ann", "Dr. Kowalski", "Maria Rossi", "Anne-Marie Dubois"] {
            assert!(found_generic(cell), "{cell}");
        }
        for cell in ["Blue Widget", "Deluxe Coffee Maker", "San Francisco", "Oak Table"] {
            assert!(!found_generic(cell), "{cell}");
        }
    }

    #[test]
    fn names_as_people_write_them_are_found() {
        for cell in [
            "Ann Lee",
            "Lee, Ann",
            "Braund, Mr. Owen Harris",
            "Cumings, Mrs. John Bradley (Florence Briggs Thayer)",
            "María José García",
            "O'Brien",
            "Jean-Luc Picard",
            "Ludwig van Beethoven",
        ] {
            assert!(found(cell), "{cell}");
        }
    }

    #[test]
    fn codes_numbers_and_sentences_are_not() {
        for cell in ["A1234", "n/a", "Unknown", "NULL", "the quick brown fox", "42", "X", "Unknown customer #12"] {
            assert!(!found(cell), "{cell}");
        }
    }
}
