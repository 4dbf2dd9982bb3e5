//! Tideline's engine: everything that computes, with no web or chart dependency.
//!
//! Bytes go in through [`io`] (CSV, TSV, JSON, JSON Lines, SageMaker data
//! capture and ground truth), become a typed, columnar [`table::Table`] whose
//! column types are inferred exactly as Deequ infers them ([`types`]), get
//! editable [`roles`], and are summarised ([`summary`]) and compared
//! ([`histogram`]). The same code runs natively (the `tideline` CLI) and in a
//! browser Web Worker (wasm32).
#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod bias;
pub mod category_counts;
pub mod cdf;
pub mod data_quality;
pub mod distinct_words;
pub mod drift;
pub mod estimation;
pub mod explain;
pub mod histogram;
pub mod io;
pub mod math;
pub mod model_quality;
pub mod pii;
pub mod progress;
pub mod roles;
pub mod scenario;
pub mod snapshot;
pub mod summary;
pub mod table;
pub mod thresholds;
pub mod timeline;
pub mod types;
