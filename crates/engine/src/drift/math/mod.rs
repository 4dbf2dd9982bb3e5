//! Numerical helpers shared by the drift tests (numeric, categorical and
//! binned) and the column preparation ([`super::values`]): the merged walk
//! over two sorted samples, numpy's summation order, the seeded generator
//! behind permutation p-values, and the chi-square and normal upper tails.

pub(crate) mod distinct_values;
pub(crate) mod pairwise_sum;
pub(crate) mod splitmix64;
pub(crate) mod tails;
