//! A local scan for personal data, run before any analysis or export (as
//! Amazon Macie does for S3, but on the device): email addresses, phone
//! numbers, payment cards (Luhn-checked), US SSNs, IBANs (mod-97), IP
//! addresses, dates of birth and person names (by header hints). Each column
//! gets the kinds found, counts, shares and masked samples; a column can be
//! masked in place. Detection is rule-based and deterministic, so the same
//! file gives the same report natively and in the browser; `corpus` builds a
//! labelled synthetic corpus on which precision and recall are measured.

mod birth_date;
mod card;
pub mod corpus;
mod detect;
mod email;
mod evaluate;
mod given_names;
mod hints;
mod iban;
mod ip;
mod kind;
mod mask;
mod mask_column;
mod person_name;
mod phone;
mod scan;
mod ssn;
mod text;

pub use detect::{detect, PiiMatch};
pub use evaluate::{evaluate, KindScore};
pub use hints::Hints;
pub use kind::PiiKind;
pub use mask::{mask, mask_cell};
pub use mask_column::mask_column;
pub use scan::{scan_column, scan_table, ColumnScan, PiiFinding, PiiReport};
