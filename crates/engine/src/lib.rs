//! Tideline's engine: everything that computes, with no web or chart
//! dependency (the `engine-deps` step of `cargo xtask test` checks it). The
//! same code runs natively (the `tideline` CLI) and in the browser's Web
//! Workers (wasm32), and it never panics on user data. ARCHITECTURE.md at the
//! repository root maps every module to the library it reproduces.
//!
//! # From bytes to a table
//!
//! - [`io`]: readers fed chunk by chunk (CSV/TSV, JSON arrays, JSON Lines,
//!   SageMaker data capture and ground truth), with the format, delimiter and
//!   header sniffed.
//! - [`table`]: the typed, columnar table every analysis reads.
//! - [`types`]: Deequ's `inferred_type`, the analysis kind, and how one cell
//!   is read (missing markers, numbers, booleans, datetimes).
//! - [`roles`]: column roles (label, prediction, score, timestamp, join id,
//!   facet), guessed from names and values, always editable.
//! - [`guess`]: first guesses built from the roles (the model's columns, a
//!   Clarify bias config, a monitoring timeline), so every view shows a
//!   result as soon as files are loaded.
//! - [`summary`]: the schema view, per column. [`histogram`] and [`cdf`]:
//!   baseline against current for the column charts. [`category_counts`]:
//!   both sides' counts over the union of their categories.
//!   [`distinct_words`]: exact distinct counts of 64-bit words.
//! - [`snapshot`]: a platform-independent picture of a table, so that native
//!   and wasm loads can be compared.
//!
//! # Analyses, one module per SageMaker or peer concept
//!
//! - [`data_quality`]: Model Monitor's data-quality monitor: `statistics.json`
//!   (Deequ's KLL sketch, item for item), suggested constraints and the six
//!   checks, one file each.
//! - [`model_quality`]: Model Monitor's model-quality metrics and files,
//!   equal to scikit-learn's.
//! - [`drift`]: the drift tests, with one folder per library (Evidently
//!   0.7.23's stattests, NannyML 0.13.1's univariate methods), the registry,
//!   the presets and the drift report.
//! - [`bias`]: Clarify's bias metrics (smclarify 0.5), bias drift, and the
//!   AIF360 and Fairlearn metrics Clarify lacks.
//! - [`explain`]: models read from their files, SHAP (TreeSHAP, Kernel SHAP,
//!   linear), Clarify's explanation files and NDCG attribution drift.
//! - [`estimation`]: NannyML's CBPE, performance estimated without labels.
//! - [`timeline`]: monitoring over time: windows, reference chunks, every
//!   check per window and Model Dashboard alerts.
//! - [`pii`]: the local personal-data scan and masking.
//! - [`scenario`]: teaching scenarios that make one kind of drift on purpose.
//!
//! # Shared pieces
//!
//! - [`math`]: numerics several analyses use (numpy's summation order,
//!   SplitMix64, distribution tails, special functions, Python's float
//!   formatting), so that no analysis imports another for a helper.
//! - [`thresholds`]: fixed or reference-derived bounds for a check's value
//!   (NannyML's `thresholds.py`).
//! - [`progress`]: progress reports and cancellation for long work.
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
pub mod guess;
pub mod histogram;
pub mod io;
pub mod math;
pub mod model_quality;
pub mod pii;
pub mod progress;
pub mod roles;
pub mod scenario;
pub mod sketch;
pub mod snapshot;
pub mod summary;
pub mod table;
pub mod thresholds;
pub mod timeline;
pub mod types;
