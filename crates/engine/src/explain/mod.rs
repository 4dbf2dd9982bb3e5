//! Explainability: models read from their files (XGBoost JSON, LightGBM
//! text, linear JSON), SHAP attributions (TreeSHAP, Kernel SHAP as Clarify
//! runs it, linear SHAP), their global aggregates, and feature-attribution
//! drift (Model Monitor's NDCG rule) per window.
//!
//! Every model works on a [`FeatureMatrix`] (row-major `f64`, NaN for
//! missing) and in margin space ([`Model::margin_into`]); the [`Link`] turns
//! margins into predictions. Attributions explain margins, as XGBoost's
//! `pred_contribs` and shap's `TreeExplainer` do.

mod attributions;
mod link;
mod matrix;
mod model;
mod tree;

pub use attributions::Attributions;
pub use link::Link;
pub use matrix::FeatureMatrix;
pub use model::Model;
pub use tree::{Ensemble, Missing, Node, Test, Tree, LEAF};
