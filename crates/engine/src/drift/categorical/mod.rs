//! Tests on category counts ([`Counts`](super::Counts)): Evidently 0.7.23's
//! categorical stattests (`chisquare`, `z`, `fisher_exact`, `g_test`, `TVD`),
//! scipy's `chi2_contingency` on the 2×k table, and Model Monitor's L∞.
//!
//! Every test looks only at the categories present on at least one side, as
//! Evidently's keys (the union of the values seen) do; a category seen only
//! in the current data has reference count 0. Cases where Evidently or scipy
//! raise an error (an empty side, unequal totals for `g_test`, …) give a NaN
//! statistic and a NaN p-value; each function documents its own.

mod chi2_homogeneity;
mod chisquare;
mod double_double;
mod fisher_exact;
mod g_test;
mod hypergeometric_sampler;
mod linf;
mod present;
mod tvd;
mod value_counts;
mod z_test;

pub use chi2_homogeneity::chi2_homogeneity;
pub use chisquare::chisquare;
pub use fisher_exact::fisher_exact;
pub use g_test::g_test;
pub use linf::linf;
pub use tvd::{tvd, TVD_PERMUTATIONS};
pub use value_counts::value_counts;
pub use z_test::z_test;
