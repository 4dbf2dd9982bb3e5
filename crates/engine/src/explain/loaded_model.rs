//! A model file of any format Tideline reads, recognised by its content
//! rather than its name: XGBoost JSON (`save_model("model.json")`),
//! LightGBM text (`save_model`), the documented linear JSON, or a surrogate
//! fitted in place of a model that cannot be exported. Every front end (CLI,
//! browser worker) loads through [`load_model`] and describes the model with
//! [`LoadedModel::summary`].

use serde::{Deserialize, Serialize};

use super::lightgbm::read_lightgbm_text;
use super::linear::LinearModel;
use super::link::Link;
use super::model::Model;
use super::model_error::ModelError;
use super::surrogate::{Fidelity, Surrogate};
use super::tree::Ensemble;
use super::xgboost::read_xgboost_json;

/// Where a tree ensemble came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModelFormat {
    /// An XGBoost JSON model.
    Xgboost,
    /// A LightGBM text model.
    Lightgbm,
    /// A surrogate fitted by Tideline on captured inputs and outputs.
    Surrogate,
}

/// A model ready to predict and explain.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadedModel {
    /// A tree ensemble (XGBoost, LightGBM or a surrogate).
    Trees {
        /// The trees.
        ensemble: Ensemble,
        /// The file format, or `Surrogate`.
        format: ModelFormat,
        /// The surrogate's fidelity (only for surrogates).
        fidelity: Option<Fidelity>,
    },
    /// A linear or logistic model.
    Linear(LinearModel),
}

/// What the UI and the CLI show about a model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelSummary {
    /// `xgboost`, `lightgbm`, `surrogate` or `linear`.
    pub kind: String,
    /// The objective as the file names it (`linear:<link>` for linear models).
    pub objective: String,
    /// Trees (0 for linear models).
    pub n_trees: usize,
    /// Split levels of the deepest tree (0 for linear models).
    pub max_depth: usize,
    /// Leaves over all trees (0 for linear models).
    pub n_leaves: usize,
    /// Features the model reads.
    pub n_features: usize,
    /// Their names, in the model's order.
    pub features: Vec<String>,
    /// Outputs per row (classes for multiclass, else 1).
    pub n_outputs: usize,
    /// Margins to predictions.
    pub link: Link,
    /// The surrogate's fidelity, when the model is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub surrogate_fidelity: Option<Fidelity>,
}

/// How many leading bytes the format sniffing looks at.
const SNIFF_BYTES: usize = 4096;

/// Reads `bytes` as whichever model format they hold. `file_name` only
/// names the file in errors.
///
/// # Errors
/// Bytes that are not UTF-8 or not any of the formats (the message names
/// the file and the formats read), or the reader's own error for the
/// format recognised (truncated, malformed, unknown objective, …).
pub fn load_model(file_name: &str, bytes: &[u8]) -> Result<LoadedModel, ModelError> {
    let not_a_model = |what: &str| {
        ModelError::Unsupported(format!(
            "{file_name:?} is {what}; Tideline reads XGBoost JSON (save_model(\"model.json\")), LightGBM text \
             (save_model) and linear JSON ({{\"type\": \"linear\", …}}) models"
        ))
    };
    let text = std::str::from_utf8(bytes)
        .map_err(|_| not_a_model("not text (a binary model such as XGBoost's .ubj or a pickle? save it as JSON)"))?;
    let body = text.trim_start_matches('\u{feff}').trim_start();
    let head = body.get(..SNIFF_BYTES.min(body.len())).unwrap_or(body);
    if body.is_empty() {
        return Err(not_a_model("empty"));
    }
    if body.starts_with('{') {
        if head.contains("\"learner\"") {
            let ensemble = read_xgboost_json(body)?;
            return Ok(LoadedModel::Trees { ensemble, format: ModelFormat::Xgboost, fidelity: None });
        }
        if head.contains("\"type\"") && head.contains("\"linear\"") {
            // Parse once as plain JSON first so a truncated file says so.
            serde_json::from_str::<serde_json::Value>(body).map_err(|e| ModelError::json("linear JSON", &e))?;
            return LinearModel::from_json(body)
                .map(LoadedModel::Linear)
                .map_err(|e| ModelError::Unsupported(format!("{file_name:?}: {e}")));
        }
        return Err(not_a_model("JSON without an XGBoost \"learner\" or a linear \"type\""));
    }
    if body.starts_with("tree\n") || body.starts_with("tree\r\n") || head.contains("\nversion=v") {
        let ensemble = read_lightgbm_text(body)?;
        return Ok(LoadedModel::Trees { ensemble, format: ModelFormat::Lightgbm, fidelity: None });
    }
    Err(not_a_model("neither JSON nor LightGBM text"))
}

impl LoadedModel {
    /// A fitted surrogate as a model, its fidelity kept for every output.
    #[must_use]
    pub fn from_surrogate(surrogate: Surrogate) -> Self {
        Self::Trees { ensemble: surrogate.model, format: ModelFormat::Surrogate, fidelity: Some(surrogate.fidelity) }
    }

    /// The model as the [`Model`] trait (predictions, margins).
    #[must_use]
    pub fn as_model(&self) -> &dyn Model {
        match self {
            Self::Trees { ensemble, .. } => ensemble,
            Self::Linear(linear) => linear,
        }
    }

    /// Feature names, in the model's order.
    #[must_use]
    pub fn feature_names(&self) -> &[String] {
        self.as_model().features()
    }

    /// True for surrogates: their attributions explain the surrogate, not
    /// the captured model, and are labelled so.
    #[must_use]
    pub fn is_surrogate(&self) -> bool {
        matches!(self, Self::Trees { format: ModelFormat::Surrogate, .. })
    }

    /// The model's kind, size and features.
    #[must_use]
    pub fn summary(&self) -> ModelSummary {
        let model = self.as_model();
        let (kind, objective, n_trees, max_depth, n_leaves, fidelity) = match self {
            Self::Trees { ensemble, format, fidelity } => {
                let kind = match format {
                    ModelFormat::Xgboost => "xgboost",
                    ModelFormat::Lightgbm => "lightgbm",
                    ModelFormat::Surrogate => "surrogate",
                };
                (
                    kind,
                    ensemble.objective.clone(),
                    ensemble.trees.len(),
                    ensemble.trees.iter().map(super::tree::Tree::depth).max().unwrap_or(0),
                    ensemble.trees.iter().map(super::tree::Tree::n_leaves).sum(),
                    fidelity.clone(),
                )
            }
            Self::Linear(linear) => {
                let link = match linear.link() {
                    Link::Identity => "identity",
                    Link::Logistic => "logistic",
                    Link::Softmax => "softmax",
                };
                ("linear", format!("linear:{link}"), 0, 0, 0, None)
            }
        };
        ModelSummary {
            kind: kind.into(),
            objective,
            n_trees,
            max_depth,
            n_leaves,
            n_features: model.features().len(),
            features: model.features().to_vec(),
            n_outputs: model.n_outputs(),
            link: model.link(),
            surrogate_fidelity: fidelity,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINEAR: &str = r#"{"type":"linear","link":"logistic","intercept":0.5,"coefficients":{"a":1,"b":-2}}"#;

    #[test]
    fn linear_json_is_recognised_and_summarised() {
        let model = load_model("m.json", LINEAR.as_bytes()).unwrap();
        let s = model.summary();
        assert_eq!(
            (s.kind.as_str(), s.objective.as_str(), s.n_features, s.n_outputs),
            ("linear", "linear:logistic", 2, 1)
        );
        assert_eq!(model.feature_names(), ["a", "b"]);
        assert!(!model.is_surrogate());
    }

    #[test]
    fn other_files_are_refused_with_their_name() {
        for (bytes, what) in [
            (&b"{\"foo\": 1}"[..], "JSON without"),
            (b"a,b\n1,2\n", "neither JSON nor LightGBM"),
            (b"\xff\xfe\x00", "not text"),
            (b"  ", "empty"),
        ] {
            let err = load_model("model.bin", bytes).unwrap_err().to_string();
            assert!(err.starts_with("\"model.bin\" is ") && err.contains(what), "{err}");
        }
        let truncated = &LINEAR[..40];
        let err = load_model("m.json", truncated.as_bytes()).unwrap_err();
        assert!(matches!(err, ModelError::Truncated { format: "linear JSON", .. }), "{err}");
    }
}
