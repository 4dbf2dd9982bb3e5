//! NannyML 0.13.1's univariate drift methods (`nannyml/drift/univariate/
//! methods.py`), so a monitoring timeline shows per-window drift equal to
//! NannyML's `UnivariateDriftCalculator`.
//!
//! A method is fitted once on the reference rows of a column
//! ([`fit_univariate`]) and then computed on any window of any table's column
//! of the same name ([`FittedUnivariate::calculate`]). Missing values are
//! dropped on both sides, as NannyML's `_remove_nans` does; an empty window
//! gives NaN. Categories are compared by canonical value (`1.0` equals `1`),
//! as pandas compares a float and an int column.
//!
//! - continuous `jensen_shannon`, `hellinger`: Doane bins of the reference
//!   (`np.histogram_bin_edges(reference, bins="doane")`), the window's mass
//!   outside them as one extra bin; JS in base 2 (`scipy`'s `jensenshannon`).
//! - `kolmogorov_smirnov`, `wasserstein`: exact (`ks_2samp`'s D,
//!   `wasserstein_distance`) below 10,000 present reference values, else
//!   NannyML's estimate on 10,000 equal-width reference bins.
//! - categorical `chi2` (`chi2_contingency`, Yates-corrected for two
//!   categories; alerts on `p < 0.05`), `jensen_shannon`, `hellinger`,
//!   `l_infinity`.
//!
//! Thresholds: [`UnivariateMethod::default_threshold`] and
//! [`UnivariateMethod::value_limits`] feed [`crate::thresholds::ThresholdRule`]
//! and [`crate::thresholds::Threshold::limited`] with the reference windows'
//! values, as NannyML's `Method.fit` does.

mod categories;
mod chi2;
mod equal_bins;
mod error;
mod fitted;
mod kolmogorov_smirnov;
mod method;
mod reference_cdf;
mod rows;
mod shares;
mod wasserstein;

pub use error::UnivariateError;
pub use fitted::{fit_univariate, FittedUnivariate, UnivariateValue};
pub use method::{UnivariateMethod, P_VALUE_ALERT_BELOW};
