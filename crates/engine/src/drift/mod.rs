//! Drift tests: one module per statistical test, each taking present values
//! (numeric, sorted) or category counts, and returning a [`TestOutcome`].
//!
//! Names, binning, thresholds and drift direction follow Evidently 0.7.23 and
//! scipy 1.17; the registry ([`stat`]) knows each test's defaults.

pub mod counts;
pub mod outcome;

pub use counts::Counts;
pub use outcome::{Samples, TestOutcome};
