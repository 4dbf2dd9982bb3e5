//! Special functions the numeric tests need and statrs does not provide (or
//! does not provide accurately enough in the far tails).

pub(crate) mod durbin_matrix;
pub(crate) mod kolmogorov_n;
pub(crate) mod ks_exact;
pub(crate) mod pelz_good;
pub(crate) mod scaling;
pub(crate) mod smirnov;
