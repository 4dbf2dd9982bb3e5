//! Numerics shared by several analyses, so that no analysis imports another
//! for a helper: the merged walk over two sorted samples, numpy's summation
//! order, the seeded generator behind permutation p-values, bootstraps and
//! scenarios, the chi-square and normal upper tails, double-double sums,
//! special functions (exact and limiting null distributions, Student's t,
//! Bessel K), the greatest common divisor and Python's float formatting.

pub(crate) mod distinct_values;
pub(crate) mod double_double;
pub(crate) mod gcd;
pub(crate) mod pairwise_sum;
mod python_format;
pub(crate) mod special;
pub(crate) mod splitmix64;
pub(crate) mod tails;

pub use python_format::{float_str, number_str};
