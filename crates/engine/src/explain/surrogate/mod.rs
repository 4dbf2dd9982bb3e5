//! A surrogate model for users who cannot export theirs: when the model
//! lives behind an endpoint and only its captured inputs and predictions
//! exist, a small gradient-boosted tree ensemble is fitted on the features →
//! the captured score or label, its fidelity is measured on held-back rows,
//! and TreeSHAP explains the surrogate in its place. Every output built on it
//! must say these are surrogate attributions.
//!
//! The booster is a compact histogram GBDT in the XGBoost mould (quantile
//! bins, second-order gains with L2 regularisation, depth-wise trees, a
//! learned direction for missing values), written here because no pure-Rust
//! GBDT crate builds for the browser without threads or OS randomness and
//! hands out its trees. It runs single-threaded and is deterministic under a
//! seed; its trees come out as an [`Ensemble`](super::Ensemble) whose splits
//! reproduce the training-time bins exactly.

mod binning;
mod boosting;
mod error;
mod fidelity;
mod fit;
mod grow;
mod histogram;
mod options;

pub use error::SurrogateError;
pub use fidelity::{agreement, r_squared, Fidelity, FidelityMetric};
pub use fit::{fit_surrogate, Surrogate, SurrogateProgress};
pub use options::{SurrogateOptions, SurrogateTarget};
