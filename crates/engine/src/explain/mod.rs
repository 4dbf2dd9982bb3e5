//! Explainability: models read from their files (XGBoost JSON, LightGBM
//! text, linear JSON), SHAP attributions (TreeSHAP, Kernel SHAP as Clarify
//! runs it, linear SHAP), their global aggregates, and feature-attribution
//! drift (Model Monitor's NDCG rule) per window.
//!
//! Every model works on a [`FeatureMatrix`] (row-major `f64`, NaN for
//! missing) and in margin space ([`Model::margin_into`]); the [`Link`] turns
//! margins into predictions. Attributions explain margins, as XGBoost's
//! `pred_contribs` and shap's `TreeExplainer` do.

mod aggregate;
mod analysis_json;
mod attribution_drift;
mod attribution_error;
mod attribution_timeline;
mod attributions;
mod explain_config;
mod explain_config_error;
mod explain_error;
mod explain_table;
mod explainer;
mod features;
mod kernel_baseline;
mod kernel_coalitions;
mod kernel_shap;
mod kmeans;
mod lightgbm;
mod linear;
mod linear_shap;
mod link;
mod loaded_model;
mod local_shap_csv;
mod matrix;
mod model;
mod model_error;
mod ndcg;
#[cfg(not(target_arch = "wasm32"))]
mod parallel_rows;
mod shap_error;
mod surrogate;
mod tree;
mod tree_check;
mod tree_shap;
mod xgboost;

pub use aggregate::{aggregate, AggMethod, GlobalAttributions};
pub use analysis_json::{analysis_json, label_names, read_global_shap, LabelAttributions, SHAP_METHODS};
pub use attribution_drift::{
    attribution_violations, check_attribution_drift, AttributionDriftCheck, AttributionViolation,
    AttributionViolations, ATTRIBUTION_DRIFT_CHECK, DEFAULT_NDCG_THRESHOLD,
};
pub use attribution_error::AttributionError;
pub use attribution_timeline::{attribution_window, by_label, AttributionWindow};
pub use attributions::Attributions;
pub use explain_config::{ExplainConfig, ExplainMethod, DEFAULT_MAX_BACKGROUND, DEFAULT_NUM_CLUSTERS};
pub use explain_config_error::ExplainConfigError;
pub use explain_error::ExplainError;
pub use explain_table::{explain_table, ExplainOutcome};
pub use explainer::{concat_attributions, Explainer};
pub use features::{check_features, feature_matrix, FeatureMapping};
pub use kernel_baseline::Baseline;
pub use kernel_coalitions::{plan as kernel_coalitions, sample_budget, Coalitions};
pub use kernel_shap::{KernelShap, KernelShapConfig};
pub use kmeans::kmeans_baseline;
pub use lightgbm::read_lightgbm_text;
pub use linear::{LinearModel, LinearModelError};
pub use linear_shap::linear_shap;
pub use link::Link;
pub use loaded_model::{load_model, LoadedModel, ModelFormat, ModelSummary};
pub use local_shap_csv::{local_shap_csv, read_local_shap_csv};
pub use matrix::FeatureMatrix;
pub use model::Model;
pub use model_error::ModelError;
pub use ndcg::{ndcg, NdcgError};
#[cfg(not(target_arch = "wasm32"))]
pub use parallel_rows::explain_rows_parallel;
pub use shap_error::ShapError;
pub use surrogate::{
    agreement, fit_surrogate, r_squared, Fidelity, FidelityMetric, Surrogate, SurrogateError, SurrogateOptions,
    SurrogateProgress, SurrogateTarget,
};
pub use tree::{Ensemble, Missing, Node, Test, Tree, LEAF};
pub use tree_shap::{InterventionalShap, PathDependentShap, TreeShapError, TABLE_SLOTS};
pub use xgboost::read_xgboost_json;
