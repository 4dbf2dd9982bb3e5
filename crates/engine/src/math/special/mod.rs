//! Special functions the numeric tests need and statrs does not provide (or
//! does not provide accurately enough in the far tails).

pub(crate) mod bessel_k;
pub(crate) mod cvm_exact;
pub(crate) mod cvm_limit;
pub(crate) mod durbin_matrix;
pub(crate) mod incomplete_beta;
pub(crate) mod kolmogorov_n;
pub(crate) mod ks_exact;
pub(crate) mod mann_whitney_exact;
pub(crate) mod pelz_good;
pub(crate) mod quadratic_fit;
pub(crate) mod scaling;
pub(crate) mod smirnov;
pub(crate) mod student_t;
pub(crate) mod symmetric_eigen;
