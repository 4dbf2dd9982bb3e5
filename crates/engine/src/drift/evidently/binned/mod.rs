//! Evidently 0.7.23's distances on binned data (its "both" tests, for
//! numeric and categorical columns): `psi`, `jensenshannon`, `kl_div`,
//! `hellinger`.
//!
//! Each distance takes [`Counts`](crate::category_counts::Counts) where every entry is a bin
//! (for a categorical column, a category; an entry empty on both sides counts
//! as an empty bin, which changes `psi` and `kl_div` through the epsilon rule,
//! so categorical counts should hold only categories that occur). A numeric
//! column is binned by [`numeric_bins()`] first, except for `hellinger`, which
//! Evidently bins differently: use [`hellinger_numeric`].
//!
//! Shares are bin counts over the side's total. `psi` and `kl_div` replace
//! empty bins' shares by Evidently's epsilon (its `feel_zeroes`);
//! `jensenshannon` and `hellinger` do not. Logarithms are natural.

mod hellinger;
mod jensen_shannon;
mod kl_div;
mod numeric_bins;
mod psi;
mod shares;
pub(crate) mod sturges;

pub(crate) use hellinger::distance_from_affinity;
pub use hellinger::{hellinger, hellinger_numeric};
pub(crate) use jensen_shannon::divergence_sum as jensen_shannon_divergence_sum;
pub use jensen_shannon::jensen_shannon;
pub use kl_div::kl_div;
pub(crate) use numeric_bins::bin_labels;
pub use numeric_bins::numeric_bins;
pub use psi::psi;
pub(crate) use psi::psi_of_shares;
pub(crate) use shares::shares;
pub(crate) use sturges::linspace;
