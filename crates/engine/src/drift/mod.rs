//! Drift tests: one module per statistical test, each taking present values
//! (numeric, sorted) or category counts, and returning a [`TestOutcome`].
//!
//! Names, binning, thresholds and drift direction follow Evidently 0.7.23 and
//! scipy 1.17; the registry ([`stat`]) knows each test's defaults, the
//! presets ([`preset`]) choose a test per column, and [`report`] runs them
//! over two tables with multiple-testing control ([`correction`]).
//!
//! One folder per library reproduced: [`evidently`] holds Evidently 0.7.23's
//! stattests (numeric, categorical, binned), [`nannyml`] NannyML 0.13.1's
//! per-window univariate methods, fitted on a reference and computed on each
//! window of a monitoring timeline. The tests of no single library sit here:
//! scipy's `chi2_contingency` ([`chi2_contingency`]), Model Monitor's L∞
//! ([`linf()`]) and the deciles PSI of credit-risk practice ([`psi_quantile()`]).

mod chi2_contingency_scipy;
pub mod column;
pub mod correction;
pub mod effect;
pub mod evidently;
mod linf;
pub mod nan_as_null;
pub mod nannyml;
pub mod outcome;
pub mod preset;
mod psi_quantile;
pub mod report;
pub mod run;
pub mod sketched;
mod skip_reason;
pub mod stat;
pub mod text;
pub mod values;
pub mod weighted;

pub use crate::category_counts::Counts;
pub use chi2_contingency_scipy::chi2_contingency;
pub use correction::Correction;
pub use linf::linf;
pub use outcome::{Samples, TestOutcome};
pub use preset::Preset;
pub use psi_quantile::psi_quantile;
pub use report::{
    assemble_drift, drift_pairs, judge_pair, run_drift, ColumnDrift, DriftOptions, DriftPair, DriftReport,
    SkippedColumn,
};
pub use stat::Stat;
