//! Drift tests: one module per statistical test, each taking present values
//! (numeric, sorted) or category counts, and returning a [`TestOutcome`].
//!
//! Names, binning, thresholds and drift direction follow Evidently 0.7.23 and
//! scipy 1.17; the registry ([`stat`]) knows each test's defaults, the
//! presets ([`preset`]) choose a test per column, and [`report`] runs them
//! over two tables with multiple-testing control ([`correction`]).
//! [`univariate`] holds NannyML 0.13.1's per-window drift methods, fitted on a
//! reference and computed on each window of a monitoring timeline.

pub mod binned;
pub mod categorical;
pub mod column;
pub mod correction;
pub mod counts;
pub mod effect;
pub mod math;
pub mod nan_as_null;
pub mod numeric;
pub mod outcome;
pub mod preset;
pub mod report;
pub mod run;
pub mod stat;
pub mod univariate;
pub mod values;

pub use correction::Correction;
pub use counts::Counts;
pub use outcome::{Samples, TestOutcome};
pub use preset::Preset;
pub use report::{
    assemble_drift, drift_pairs, judge_pair, run_drift, ColumnDrift, DriftOptions, DriftPair, DriftReport,
    SkippedColumn,
};
pub use stat::Stat;
