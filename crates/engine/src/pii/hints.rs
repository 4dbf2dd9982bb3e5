//! What a column's header says about its contents. A header hint lets a
//! detector accept forms too ambiguous to flag anywhere else: ten bare
//! digits in a `phone` column, nine in an `ssn` column, any date in a
//! `date_of_birth` column, and names only where the header names people.

use super::text::normalise_header;

/// The kinds a header points at.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Hints {
    /// `phone`, `mobile`, `tel`, `fax` ….
    pub phone: bool,
    /// `ssn`, `social_security_number` ….
    pub ssn: bool,
    /// `dob`, `date_of_birth`, `birthday` ….
    pub birth_date: bool,
    /// `name`, `first_name`, `customer_name`, `surname` ….
    pub person_name: bool,
    /// The header is only `name` (or `names`, `nom`, `nombre`): products,
    /// companies and places have names too, so a cell needs more evidence.
    pub generic_name: bool,
}

const PHONE: [&str; 9] = ["phone", "telephone", "tel", "mobile", "cell", "fax", "msisdn", "phonenumber", "telefon"];
const SSN: [&str; 4] = ["ssn", "social_security", "social_security_number", "socialsecuritynumber"];
const BIRTH: [&str; 10] = [
    "dob",
    "birth",
    "birthdate",
    "birthday",
    "date_of_birth",
    "dateofbirth",
    "birth_date",
    "born",
    "geburtsdatum",
    "bday",
];
const NAME_WORDS: [&str; 22] = [
    "name",
    "names",
    "fullname",
    "firstname",
    "lastname",
    "givenname",
    "familyname",
    "surname",
    "forename",
    "middlename",
    "maidenname",
    "cardholder",
    "person",
    "nom",
    "prenom",
    "vorname",
    "nachname",
    "nombre",
    "apellido",
    "holder",
    "patient",
    "passenger",
];
/// Words before `_name` that mean a thing, not a person.
const THING_NAMES: [&str; 24] = [
    "file", "host", "user", "column", "feature", "model", "product", "item", "company", "brand", "city", "street",
    "country", "state", "domain", "table", "field", "job", "event", "endpoint", "bucket", "service", "app", "device",
];

impl Hints {
    /// The hints of one header.
    ///
    /// # Examples
    /// ```
    /// use tideline_engine::pii::Hints;
    /// assert!(Hints::of("Customer Name").person_name);
    /// assert!(!Hints::of("product_name").person_name);
    /// assert!(Hints::of("Mobile Phone").phone);
    /// assert!(Hints::of("DOB").birth_date);
    /// ```
    #[must_use]
    pub fn of(header: &str) -> Self {
        let name = normalise_header(header);
        let words: Vec<&str> = name.split('_').collect();
        let has = |list: &[&str]| list.contains(&name.as_str()) || words.iter().any(|w| list.contains(w));
        let joined = words.concat();
        let person_name = if THING_NAMES.iter().any(|t| words.first() == Some(t)) {
            false
        } else {
            NAME_WORDS.contains(&joined.as_str()) || words.iter().any(|w| NAME_WORDS.contains(w))
        };
        Self {
            phone: has(&PHONE),
            ssn: has(&SSN) || joined.contains("socialsecurity"),
            birth_date: has(&BIRTH) || joined.contains("dateofbirth") || joined.contains("birthdate"),
            person_name,
            generic_name: person_name && ["name", "names", "nom", "nombre"].contains(&name.as_str()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_point_at_their_kinds() {
        for h in ["Name", "first_name", "LastName", "customer_name", "Cardholder", "patient_name"] {
            assert!(Hints::of(h).person_name, "{h}");
        }
        for h in ["filename", "host_name", "username", "product_name", "feature_names", "age", "city"] {
            assert!(!Hints::of(h).person_name, "{h}");
        }
        assert!(Hints::of("Date of Birth").birth_date);
        assert!(!Hints::of("created_at").birth_date);
        assert!(Hints::of("SSN").ssn);
        assert!(Hints::of("contact_phone").phone);
        assert!(!Hints::of("telemetry").phone);
    }
}
