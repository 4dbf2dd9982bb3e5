//! TreeSHAP for tree ensembles ([`Ensemble`](super::Ensemble)): exact
//! Shapley values of the margin, path-dependent (training covers stand in
//! for the data, as XGBoost's `pred_contribs` and shap's default without
//! data) and interventional (a background sample). Both explain row ranges,
//! so workers can split a matrix, and report progress with a cancel; call
//! `explain_rows(x, 0..x.n_rows, …)` for every row.

mod interventional;
mod path_dependent;
mod paths;
mod rows;
mod tree_shap_error;

pub use interventional::InterventionalShap;
pub use path_dependent::{PathDependentShap, TABLE_SLOTS};
pub use tree_shap_error::TreeShapError;
