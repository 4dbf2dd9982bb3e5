//! Monitoring over time: split data into windows ([`WindowSpec`], [`split`]),
//! chunk the reference as NannyML does ([`Chunker`]), run every enabled
//! check on every window ([`run_timeline`], the checks in [`checks`]), bound
//! each check's value ([`ThresholdRule`]), raise Model Dashboard "M out of N"
//! alerts ([`AlertRule`]) and collect it all in a [`Timeline`].
//!
//! Thresholds are fixed by the user, by Model Monitor constraints or by the
//! reference's own chunk-to-chunk variability. Each check ([`WindowCheck`])
//! is prepared once on the reference (a profile and its constraints, fitted
//! drift methods, a calibrated CBPE, baseline bias metrics) and then observed
//! on any set of rows of either table: the whole reference (the baseline
//! value), each reference chunk (for variability thresholds) and each
//! current window.

mod alerts;
mod build_error;
mod calendar;
pub mod checks;
mod chunking;
mod config;
mod error;
mod result;
mod run;
mod series;
mod window_spec;
mod windows;

pub use crate::thresholds::{CheckStatus, Threshold, ThresholdRule};
pub use alerts::{AlertRule, AlertState, MAX_EVALUATION_PERIOD};
pub use build_error::TimelineBuildError;
pub use checks::{bias_config_for, AttributionCheck, AttributionCheckConfig, CheckError, Side, WindowCheck};
pub use chunking::{Chunker, Incomplete, DEFAULT_CHUNK_COUNT};
pub use config::{CheckKind, DriftConfig, ThresholdChoice, ThresholdChoices, TimelineConfig};
pub use error::TimelineError;
pub use result::{CheckCell, CheckTimeline, Timeline, WindowSummary};
pub use run::{current_windows, run_timeline, TimelineRun};
pub use series::{Observation, SeriesSpec};
pub use window_spec::{TimeUnit, WindowSpec};
pub use windows::{split, timestamps, Window, Windows, MAX_WINDOWS};
