//! The checks a timeline runs on every window, one file per check: Model
//! Monitor's data-quality checks, NannyML's univariate drift, realised model
//! quality, NannyML's CBPE estimate, Clarify's bias metrics and Model
//! Monitor's NDCG attribution drift. Each implements [`WindowCheck`].

pub(super) mod attribution_check;
pub(super) mod bias_check;
mod bias_config;
mod check_error;
pub(super) mod data_quality_check;
pub(super) mod drift_check;
pub(super) mod estimation_check;
pub(super) mod model_quality_check;
pub(super) mod window_check;

pub use attribution_check::{AttributionCheck, AttributionCheckConfig};
pub use bias_config::bias_config_for;
pub use check_error::CheckError;
pub use window_check::{Side, WindowCheck};
