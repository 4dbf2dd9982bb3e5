//! The monitoring timeline: every enabled check run on every window of the
//! current data, judged against thresholds fixed by the user, by Model
//! Monitor constraints or by the reference's own chunk-to-chunk variability,
//! with Model Dashboard "M out of N" alert states ([`run_timeline`]).
//!
//! Each check ([`WindowCheck`]) is prepared once on the reference (a profile
//! and its constraints, fitted drift methods, a calibrated CBPE, baseline
//! bias metrics) and then observed on any set of rows of either table: the
//! whole reference (the baseline value), each reference chunk (for
//! variability thresholds) and each current window.

mod attribution_check;
mod bias_check;
mod bias_config;
mod check;
mod config;
mod data_quality_check;
mod drift_check;
mod error;
mod estimation_check;
mod model_guess;
mod model_quality_check;
mod run;
mod series;

pub use attribution_check::{AttributionCheck, AttributionCheckConfig};
pub use bias_config::bias_config_for;
pub use check::{Side, WindowCheck};
pub use config::{CheckKind, DriftConfig, ThresholdChoice, ThresholdChoices, TimelineConfig};
pub use error::MonitoringError;
pub use model_guess::guess_model_columns;
pub use run::{current_windows, run_timeline, TimelineRun};
pub use series::{Observation, SeriesSpec};
