//! Bias: SageMaker Clarify's pre- and post-training metrics with exactly
//! smclarify 0.5's numbers, Clarify's config and report files, bias drift,
//! and the fairness metrics Clarify lacks (AIF360, Fairlearn).
//!
//! Every metric but the flip test is a function of [`FacetCounts`]: one pass
//! over the rows counts them, so metrics, bootstrap intervals and live
//! threshold changes cost almost nothing after it.

mod confusion;
mod divide;

pub use confusion::{Confusion, FacetCounts};
pub use divide::divide;
