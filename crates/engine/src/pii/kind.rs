//! The kinds of personal data the local scan looks for.

use serde::{Deserialize, Serialize};

/// A kind of personal data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PiiKind {
    /// `name@example.com`.
    Email,
    /// International (`+44 20 7946 0958`), North American (`(415) 555-2671`)
    /// or national with a trunk prefix (`020 7946 0958`).
    Phone,
    /// A payment card number: 13–19 digits, a known issuer prefix, Luhn-valid.
    CreditCard,
    /// A US Social Security number, `123-45-6789` (valid area, group, serial).
    Ssn,
    /// An IBAN with its country's length and a valid mod-97 check.
    Iban,
    /// An IPv4 or IPv6 address.
    IpAddress,
    /// A calendar date in a birth-date column or after "DOB", "born" ….
    DateOfBirth,
    /// A person's name, in a column whose header says so.
    PersonName,
}

impl PiiKind {
    /// Every kind, in the order reports list them.
    pub const ALL: [Self; 8] = [
        Self::Email,
        Self::Phone,
        Self::CreditCard,
        Self::Ssn,
        Self::Iban,
        Self::IpAddress,
        Self::DateOfBirth,
        Self::PersonName,
    ];

    /// The snake_case name used in JSON and on the command line.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Email => "email",
            Self::Phone => "phone",
            Self::CreditCard => "credit_card",
            Self::Ssn => "ssn",
            Self::Iban => "iban",
            Self::IpAddress => "ip_address",
            Self::DateOfBirth => "date_of_birth",
            Self::PersonName => "person_name",
        }
    }

    /// A label for people.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Email => "email address",
            Self::Phone => "phone number",
            Self::CreditCard => "credit-card number",
            Self::Ssn => "US SSN",
            Self::Iban => "IBAN",
            Self::IpAddress => "IP address",
            Self::DateOfBirth => "date of birth",
            Self::PersonName => "person name",
        }
    }
}
