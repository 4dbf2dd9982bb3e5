//! What an explanation run asks for: the SHAP method and Clarify's `shap`
//! settings (sagemaker spec §6–7). The same JSON travels from the page to
//! its workers and is built from the CLI's flags; unset fields take the
//! defaults below, unknown fields are refused.

use serde::{Deserialize, Serialize};

use super::aggregate::AggMethod;
use super::explain_config_error::ExplainConfigError;
use super::loaded_model::LoadedModel;

/// The SHAP algorithm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExplainMethod {
    /// Path-dependent TreeSHAP (XGBoost's `pred_contribs`); trees only.
    Tree,
    /// Interventional TreeSHAP against a background sample; trees only.
    TreeInterventional,
    /// Kernel SHAP as Clarify runs it; any model.
    Kernel,
    /// Exact linear SHAP (interventional); linear models only.
    Linear,
}

impl ExplainMethod {
    /// The name on the command line and in JSON.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Tree => "tree",
            Self::TreeInterventional => "tree-interventional",
            Self::Kernel => "kernel",
            Self::Linear => "linear",
        }
    }

    /// The method named `name` (`tree`, `tree-interventional`, `kernel`, `linear`).
    ///
    /// # Errors
    /// Any other name; the message lists the four.
    pub fn parse(name: &str) -> Result<Self, ExplainConfigError> {
        [Self::Tree, Self::TreeInterventional, Self::Kernel, Self::Linear]
            .into_iter()
            .find(|m| m.name() == name)
            .ok_or_else(|| ExplainConfigError::UnknownMethod { name: name.to_owned() })
    }

    /// The key under `explanations` in `analysis.json`: `tree_shap`,
    /// `kernel_shap` or `linear_shap`.
    #[must_use]
    pub fn analysis_key(self) -> &'static str {
        match self {
            Self::Tree | Self::TreeInterventional => "tree_shap",
            Self::Kernel => "kernel_shap",
            Self::Linear => "linear_shap",
        }
    }

    /// Whether the method needs background (baseline) rows.
    #[must_use]
    pub fn needs_background(self) -> bool {
        !matches!(self, Self::Tree)
    }
}

/// Kernel SHAP's baseline size when Clarify clusters the data itself: the
/// docs say "an optimal number of clusters between 1 and 12" without the
/// criterion, so Tideline uses 10 (shap's suggested k-means summary size).
pub const DEFAULT_NUM_CLUSTERS: usize = 10;

/// Most background rows used as they are (shap's `maskers.Independent`
/// `max_samples=100`); more are reduced to a seeded sample of this size.
pub const DEFAULT_MAX_BACKGROUND: usize = 100;

/// The settings of one explanation run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ExplainConfig {
    /// The method; `None` picks `tree` for tree ensembles and `linear` for
    /// linear models.
    pub method: Option<ExplainMethod>,
    /// Kernel SHAP only: summarise the background by k-means into this many
    /// weighted centres (Clarify's `num_clusters`). When the data itself is
    /// the background (no baseline given), `None` means
    /// [`DEFAULT_NUM_CLUSTERS`]; with a baseline given, `None` uses its rows.
    pub num_clusters: Option<usize>,
    /// Kernel SHAP only: coalitions per row (Clarify's `num_samples`); `None`
    /// is Clarify's default min(2M + 2048, 2^M − 2).
    pub num_samples: Option<usize>,
    /// Seed of every random choice (coalitions, k-means starts, background
    /// sample); 0 by default. The same seed gives the same values.
    pub seed: u64,
    /// Global aggregate (Clarify's `agg_method`); `mean_abs` by default.
    pub agg: AggMethod,
    /// Kernel SHAP only: explain the log-odds of the predicted probabilities
    /// (Clarify's `use_logit`); false by default. Tree and linear SHAP
    /// already explain margins (log-odds for logistic models).
    pub use_logit: bool,
    /// Most background rows used as they are (default
    /// [`DEFAULT_MAX_BACKGROUND`]); a larger background is reduced to a
    /// seeded sample of this many rows.
    pub max_background: usize,
}

impl Default for ExplainConfig {
    fn default() -> Self {
        Self {
            method: None,
            num_clusters: None,
            num_samples: None,
            seed: 0,
            agg: AggMethod::MeanAbs,
            use_logit: false,
            max_background: DEFAULT_MAX_BACKGROUND,
        }
    }
}

impl ExplainConfig {
    /// The method used for `model`: the configured one, else `tree` for
    /// tree ensembles and `linear` for linear models.
    #[must_use]
    pub fn method_for(&self, model: &LoadedModel) -> ExplainMethod {
        self.method.unwrap_or(match model {
            LoadedModel::Trees { .. } => ExplainMethod::Tree,
            LoadedModel::Linear(_) => ExplainMethod::Linear,
        })
    }

    /// Checks the settings against each other and against `model`, and
    /// returns the method used.
    ///
    /// # Errors
    /// A method the model cannot take (linear SHAP of trees, TreeSHAP of a
    /// linear model), a Kernel-only setting with another method, or a
    /// setting out of range; the message says which and why.
    pub fn validate(&self, model: &LoadedModel) -> Result<ExplainMethod, ExplainConfigError> {
        let method = self.method_for(model);
        match (method, model) {
            (ExplainMethod::Linear, LoadedModel::Trees { .. }) => return Err(ExplainConfigError::LinearOfTrees),
            (ExplainMethod::Tree | ExplainMethod::TreeInterventional, LoadedModel::Linear(_)) => {
                return Err(ExplainConfigError::TreesOfLinear { method: method.name() })
            }
            _ => {}
        }
        if method != ExplainMethod::Kernel {
            let kernel_only = [
                (self.num_samples.is_some(), "num_samples"),
                (self.num_clusters.is_some(), "num_clusters"),
                (self.use_logit, "use_logit"),
            ];
            if let Some(&(_, setting)) = kernel_only.iter().find(|(set, _)| *set) {
                return Err(ExplainConfigError::KernelOnly { setting, method: method.name() });
            }
        }
        if self.num_samples.is_some_and(|n| n < 2) {
            return Err(ExplainConfigError::TooSmall { setting: "num_samples", minimum: 2 });
        }
        if self.num_clusters == Some(0) {
            return Err(ExplainConfigError::TooSmall { setting: "num_clusters", minimum: 1 });
        }
        if self.max_background == 0 {
            return Err(ExplainConfigError::TooSmall { setting: "max_background", minimum: 1 });
        }
        Ok(method)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_fills_defaults_and_refuses_unknown_fields() {
        let c: ExplainConfig = serde_json::from_str(r#"{"method": "tree-interventional", "agg": "median"}"#).unwrap();
        assert_eq!(
            c,
            ExplainConfig {
                method: Some(ExplainMethod::TreeInterventional),
                agg: AggMethod::Median,
                ..ExplainConfig::default()
            }
        );
        assert!(serde_json::from_str::<ExplainConfig>(r#"{"samples": 10}"#).is_err());
        assert_eq!(ExplainConfig::default().max_background, 100);
        for m in ["tree", "tree-interventional", "kernel", "linear"] {
            let parsed = ExplainMethod::parse(m).unwrap();
            assert_eq!(serde_json::to_value(parsed).unwrap(), m);
            assert_eq!(parsed.name(), m);
        }
        assert!(ExplainMethod::parse("deep").unwrap_err().to_string().contains("expected tree"));
    }

    #[test]
    fn settings_that_do_not_fit_are_refused() {
        let linear = super::super::loaded_model::load_model(
            "m.json",
            br#"{"type":"linear","link":"identity","intercept":0,"coefficients":{"a":1}}"#,
        )
        .unwrap();
        let with = |method| ExplainConfig { method: Some(method), ..ExplainConfig::default() };
        assert_eq!(ExplainConfig::default().validate(&linear), Ok(ExplainMethod::Linear));
        assert!(with(ExplainMethod::Tree)
            .validate(&linear)
            .unwrap_err()
            .to_string()
            .contains("explains tree ensembles"));
        let sampled = ExplainConfig { num_samples: Some(100), ..ExplainConfig::default() };
        assert_eq!(
            sampled.validate(&linear).unwrap_err().to_string(),
            "num_samples is a Kernel SHAP setting; method linear does not use it"
        );
        let kernel = ExplainConfig { num_samples: Some(1), ..with(ExplainMethod::Kernel) };
        assert_eq!(kernel.validate(&linear).unwrap_err().to_string(), "num_samples must be at least 2");
    }
}
