//! Why attributions could not be written, read back or compared: label
//! headers that do not fit the model's outputs, an `analysis.json` or
//! `explanations_shap/out.csv` that does not hold what Clarify writes, or
//! attribution drift that cannot be measured. Each message says where.

use thiserror::Error;

use super::analysis_json::SHAP_METHODS;
use super::ndcg::NdcgError;
use super::shap_error::ShapError;
use crate::io::IoError;

/// Attributions that cannot be labelled, read or compared.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum AttributionError {
    /// Label headers whose count is not the model's output count.
    #[error("{headers} label headers for {outputs} model output(s)")]
    LabelHeaders {
        /// Headers given.
        headers: usize,
        /// The model's outputs.
        outputs: usize,
    },
    /// An `analysis.json` that is not JSON.
    #[error("analysis.json: {0}")]
    AnalysisJson(String),
    /// An `analysis.json` without the `explanations` object.
    #[error("analysis.json has no \"explanations\" object")]
    NoExplanations,
    /// An `analysis.json` with none of the SHAP methods Tideline reads.
    #[error("analysis.json has no {} explanations", SHAP_METHODS.join(", "))]
    NoShapMethod,
    /// An `analysis.json` with several SHAP methods, and none named.
    #[error("analysis.json has {} explanations; name one", .methods.join(" and "))]
    SeveralShapMethods {
        /// The methods found, in file order.
        methods: Vec<String>,
    },
    /// The method asked for is not in the `analysis.json`.
    #[error("analysis.json has no explanations.{method} object")]
    NoMethod {
        /// The method asked for.
        method: String,
    },
    /// A label without `global_shap_values`.
    #[error("analysis.json: explanations.{method}.{label} has no global_shap_values")]
    NoGlobalValues {
        /// The method.
        method: String,
        /// The label.
        label: String,
    },
    /// A global SHAP value that is not a number.
    #[error("analysis.json: explanations.{method}.{label}.global_shap_values.{feature} is {value}, not a number")]
    NotANumber {
        /// The method.
        method: String,
        /// The label.
        label: String,
        /// The feature.
        feature: String,
        /// The value found, as JSON.
        value: String,
    },
    /// An `out.csv` that cannot be read.
    #[error(transparent)]
    Read(#[from] IoError),
    /// An `out.csv` without a header or without rows.
    #[error("{file}: no local SHAP values (a header and at least one row are needed)")]
    NoLocalValues {
        /// The file.
        file: String,
    },
    /// An `out.csv` column that holds something else than numbers.
    #[error("{file}: column '{column}' is not numbers; explanations_shap/out.csv holds SHAP values only")]
    LocalNotNumbers {
        /// The file.
        file: String,
        /// The column.
        column: String,
    },
    /// An empty cell in an `out.csv`.
    #[error("{file}: line {line}, column '{column}': no SHAP value")]
    LocalMissing {
        /// The file.
        file: String,
        /// 1-based line of the file (the header is line 1).
        line: usize,
        /// The column.
        column: String,
    },
    /// Two labels of an `out.csv` that name different features.
    #[error("{file}: labels '{first}' and '{other}' name different features")]
    LocalLabelsDiffer {
        /// The file.
        file: String,
        /// The first label.
        first: String,
        /// The label that differs.
        other: String,
    },
    /// A current label the baseline does not have.
    #[error("label \"{label}\" is not in the baseline")]
    LabelNotInBaseline {
        /// The label.
        label: String,
    },
    /// A label whose attributions NDCG cannot compare.
    #[error("label \"{label}\": {source}")]
    Ndcg {
        /// The label.
        label: String,
        /// Why not.
        source: NdcgError,
    },
    /// Global attributions that cannot be formed (no rows).
    #[error(transparent)]
    Shap(#[from] ShapError),
    /// A window whose attributions cannot be judged.
    #[error("window {start}..{end}: {source}")]
    Window {
        /// The window's start, as the caller names it.
        start: String,
        /// The window's end, as the caller names it.
        end: String,
        /// Why not.
        source: Box<AttributionError>,
    },
}
