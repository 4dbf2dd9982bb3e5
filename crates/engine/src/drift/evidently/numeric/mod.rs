//! Drift tests on numeric columns, each equal to the scipy call Evidently
//! 0.7.23 makes (each function names its call).
//!
//! Every function takes [`Samples`](crate::drift::Samples) (present values,
//! sorted ascending) and runs in O(n) or O(n log n) on them, except
//! [`empirical_mmd`], which is quadratic and bounded by subsampling each
//! side to [`MMD_MAX_PER_SIDE`] values.
//!
//! Degenerate inputs follow scipy where scipy returns a value, and give NaN
//! where scipy (or Evidently) raises: an empty side for every test, fewer
//! than two values per side for Cramér-von Mises and MMD, fewer than five
//! for Epps-Singleton, a single distinct value for Anderson-Darling, and a
//! zero interquartile range for Epps-Singleton.

mod anderson;
mod cramer_von_mises;
mod energy;
mod epps_singleton;
pub(crate) mod ks;
mod mann_whitney;
mod mmd;
mod ranks;
mod t_test;
pub(crate) mod wasserstein;

pub use anderson::anderson;
pub use cramer_von_mises::cramer_von_mises;
pub use energy::energy;
pub use epps_singleton::epps_singleton;
pub use ks::ks;
pub use mann_whitney::mann_whitney;
pub use mmd::{empirical_mmd, MAX_PER_SIDE as MMD_MAX_PER_SIDE};
pub use t_test::t_test;
pub(crate) use wasserstein::cdf_distance_integral;
pub use wasserstein::wasserstein_normed;
