//! Tests on category counts ([`Counts`](crate::category_counts::Counts)): Evidently 0.7.23's
//! categorical stattests (`chisquare`, `z`, `fisher_exact`, `g_test`, `TVD`).
//!
//! Every test looks only at the categories present on at least one side, as
//! Evidently's keys (the union of the values seen) do; a category seen only
//! in the current data has reference count 0. Cases where Evidently or scipy
//! raise an error (an empty side, unequal totals for `g_test`, …) give a NaN
//! statistic and a NaN p-value; each function documents its own.

mod chisquare;
mod fisher_exact;
mod g_test;
mod hypergeometric_sampler;
mod present;
mod tvd;
mod value_counts;
mod z_test;

pub use chisquare::chisquare;
pub use fisher_exact::fisher_exact;
pub use g_test::g_test;
pub(crate) use present::present_pairs;
pub use tvd::{tvd, TVD_PERMUTATIONS};
pub use value_counts::value_counts;
pub use z_test::z_test;
