//! Drift tests on numeric columns, each equal to the scipy call Evidently
//! 0.7.23 makes (see each function for the exact call).
//!
//! Every function takes [`Samples`](crate::drift::Samples) (present values,
//! sorted ascending) and runs in O(n) or O(n log n) on them, except
//! [`empirical_mmd`], which is quadratic and bounded by subsampling.

mod distinct;
mod energy;
mod ks;
mod pairwise_sum;
mod special;
mod wasserstein;

pub use energy::energy;
pub use ks::ks;
pub use wasserstein::wasserstein_normed;
