//! Monitoring over time: split data into windows ([`WindowSpec`], [`split`]),
//! chunk the reference as NannyML does ([`Chunker`]), bound each check's value
//! ([`ThresholdRule`]), raise Model Dashboard "M out of N" alerts
//! ([`AlertRule`]) and collect it all in a [`Timeline`].

mod alerts;
mod calendar;
mod chunking;
mod error;
mod result;
mod thresholds;
mod window_spec;
mod windows;

pub use alerts::{AlertRule, AlertState, MAX_EVALUATION_PERIOD};
pub use chunking::{Chunker, Incomplete, DEFAULT_CHUNK_COUNT};
pub use error::TimelineError;
pub use result::{CheckCell, CheckTimeline, Timeline, WindowSummary};
pub use thresholds::{CheckStatus, Threshold, ThresholdRule};
pub use window_spec::{TimeUnit, WindowSpec};
pub use windows::{split, timestamps, Window, Windows, MAX_WINDOWS};
