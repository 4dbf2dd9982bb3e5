//! What a timeline computes: windows, checks, thresholds and the alert rule
//! (the JSON given to `tideline timeline --config` and built by the
//! Monitoring view).

use serde::{Deserialize, Serialize};

use super::checks::attribution_check::AttributionCheckConfig;
use crate::bias::AnalysisConfig;
use crate::data_quality::Constraints;
use crate::drift::nannyml::UnivariateMethod;
use crate::explain::LoadedModel;
use crate::model_quality::{ModelColumns, ModelQualityConstraints};
use crate::timeline::{AlertRule, ThresholdRule, WindowSpec};

/// A check of the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckKind {
    /// Model Monitor's six data-quality checks; the value is the number of violations.
    DataQuality,
    /// NannyML's univariate drift per column.
    Drift,
    /// Realised model quality where labels exist.
    ModelQuality,
    /// Performance estimated without labels (CBPE, binary classifiers with scores).
    EstimatedPerformance,
    /// Clarify bias metrics, judged against the baseline's.
    Bias,
    /// Feature-attribution drift: each window's NDCG against the baseline's
    /// attributions (needs a model; without one it is left out).
    Attribution,
}

impl CheckKind {
    /// Every check, in the order a timeline lists them.
    pub const ALL: [Self; 6] =
        [Self::DataQuality, Self::Drift, Self::ModelQuality, Self::EstimatedPerformance, Self::Bias, Self::Attribution];

    /// The name used in configs, flags and series names.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::DataQuality => "data_quality",
            Self::Drift => "drift",
            Self::ModelQuality => "model_quality",
            Self::EstimatedPerformance => "estimated_performance",
            Self::Bias => "bias",
            Self::Attribution => "attribution",
        }
    }

    /// The check named `name` (`estimated` is accepted for `estimated_performance`).
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        match name.trim() {
            "estimated" => Some(Self::EstimatedPerformance),
            other => Self::ALL.into_iter().find(|k| k.as_str() == other),
        }
    }
}

/// How a check's bounds are chosen.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ThresholdChoice {
    /// The check's own default: no violation for data quality, NannyML's
    /// per-method default for drift, the constraints file (else reference
    /// variability on the side where the metric gets worse) for model quality, NannyML's for estimated performance,
    /// reference variability for bias.
    #[default]
    Default,
    /// The reference's chunk-to-chunk variability: mean ± k standard
    /// deviations (NannyML); a `None` multiplier keeps the check's usual side.
    Reference {
        /// Standard deviations below the mean.
        #[serde(default)]
        std_lower_multiplier: Option<f64>,
        /// Standard deviations above the mean.
        #[serde(default)]
        std_upper_multiplier: Option<f64>,
    },
    /// The same fixed bounds for every series of the check.
    Constant {
        /// Lower bound.
        #[serde(default)]
        lower: Option<f64>,
        /// Upper bound.
        #[serde(default)]
        upper: Option<f64>,
    },
}

impl ThresholdChoice {
    /// The rule for reference variability, given the check's usual one.
    #[must_use]
    pub fn reference_rule(self, usual: ThresholdRule) -> ThresholdRule {
        match (self, usual) {
            (
                Self::Reference { std_lower_multiplier: None, std_upper_multiplier: None },
                ThresholdRule::StandardDeviation { .. },
            ) => usual,
            (Self::Reference { std_lower_multiplier, std_upper_multiplier }, _) => {
                ThresholdRule::StandardDeviation { std_lower_multiplier, std_upper_multiplier }
            }
            _ => usual,
        }
    }
}

/// A threshold choice per check.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ThresholdChoices {
    /// Data quality.
    pub data_quality: ThresholdChoice,
    /// Drift.
    pub drift: ThresholdChoice,
    /// Model quality.
    pub model_quality: ThresholdChoice,
    /// Estimated performance.
    pub estimated_performance: ThresholdChoice,
    /// Bias.
    pub bias: ThresholdChoice,
    /// Attribution drift.
    pub attribution: ThresholdChoice,
}

impl ThresholdChoices {
    /// The choice for `kind`.
    #[must_use]
    pub fn get(&self, kind: CheckKind) -> ThresholdChoice {
        match kind {
            CheckKind::DataQuality => self.data_quality,
            CheckKind::Drift => self.drift,
            CheckKind::ModelQuality => self.model_quality,
            CheckKind::EstimatedPerformance => self.estimated_performance,
            CheckKind::Bias => self.bias,
            CheckKind::Attribution => self.attribution,
        }
    }

    /// Sets the choice for `kind`.
    pub fn set(&mut self, kind: CheckKind, choice: ThresholdChoice) {
        match kind {
            CheckKind::DataQuality => self.data_quality = choice,
            CheckKind::Drift => self.drift = choice,
            CheckKind::ModelQuality => self.model_quality = choice,
            CheckKind::EstimatedPerformance => self.estimated_performance = choice,
            CheckKind::Bias => self.bias = choice,
            CheckKind::Attribution => self.attribution = choice,
        }
    }
}

/// Which columns drift is measured on, and how.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DriftConfig {
    /// Columns to test; empty for every feature, facet, label, prediction
    /// and score column (not ids, timestamps, ignored or free-text columns).
    pub columns: Vec<String>,
    /// Columns left out (of data quality too).
    pub exclude: Vec<String>,
    /// Methods for numeric columns (NannyML's default: Jensen-Shannon).
    pub continuous_methods: Vec<UnivariateMethod>,
    /// Methods for categorical columns (NannyML's default: Jensen-Shannon).
    pub categorical_methods: Vec<UnivariateMethod>,
}

impl Default for DriftConfig {
    fn default() -> Self {
        Self {
            columns: Vec::new(),
            exclude: Vec::new(),
            continuous_methods: vec![UnivariateMethod::JensenShannon],
            categorical_methods: vec![UnivariateMethod::JensenShannon],
        }
    }
}

/// A whole timeline's configuration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineConfig {
    /// The timestamp column (of both tables); without it windows go by rows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_column: Option<String>,
    /// The windows (`"1d"`, `"1w"`, `"10000rows"`).
    #[serde(with = "window_text")]
    pub window: WindowSpec,
    /// The checks to run.
    #[serde(default = "default_checks")]
    pub checks: Vec<CheckKind>,
    /// "M out of N" alerts.
    #[serde(default)]
    pub alert: AlertRule,
    /// Threshold choices per check.
    #[serde(default)]
    pub thresholds: ThresholdChoices,
    /// The model's columns (model quality, estimated performance).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<ModelColumns>,
    /// Metrics followed for model quality; empty for the problem type's defaults.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub metrics: Vec<String>,
    /// Drift columns and methods.
    #[serde(default)]
    pub drift: DriftConfig,
    /// The Clarify analysis configuration for bias.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bias: Option<Box<AnalysisConfig>>,
    /// Windows with fewer rows are shown but not judged (their cells are
    /// `missing`): a last window holding one row would otherwise raise
    /// alerts on noise. 0 judges every window.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub min_window_rows: usize,
    /// How attributions are computed and judged (the model itself is
    /// `attribution_model`).
    #[serde(default, skip_serializing_if = "is_default_attribution")]
    pub attribution: AttributionCheckConfig,
    /// The model whose attributions are followed (a file, not a setting).
    #[serde(skip)]
    pub attribution_model: Option<Box<LoadedModel>>,
    /// Data-quality constraints (else suggested from the reference).
    #[serde(skip)]
    pub data_quality_constraints: Option<Box<Constraints>>,
    /// Model-quality constraints (fixed model-quality thresholds).
    #[serde(skip)]
    pub quality_constraints: Option<ModelQualityConstraints>,
}

// serde's skip_serializing_if passes a reference
fn is_zero(n: &usize) -> bool {
    *n == 0
}

fn is_default_attribution(config: &AttributionCheckConfig) -> bool {
    *config == AttributionCheckConfig::default()
}

fn default_checks() -> Vec<CheckKind> {
    CheckKind::ALL.to_vec()
}

impl TimelineConfig {
    /// A configuration with every check and default thresholds.
    #[must_use]
    pub fn new(window: WindowSpec) -> Self {
        Self {
            time_column: None,
            window,
            checks: default_checks(),
            alert: AlertRule::default(),
            thresholds: ThresholdChoices::default(),
            model: None,
            metrics: Vec::new(),
            drift: DriftConfig::default(),
            bias: None,
            min_window_rows: 0,
            attribution: AttributionCheckConfig::default(),
            attribution_model: None,
            data_quality_constraints: None,
            quality_constraints: None,
        }
    }

    /// Whether `kind` is enabled.
    #[must_use]
    pub fn runs(&self, kind: CheckKind) -> bool {
        self.checks.contains(&kind)
    }
}

/// A window specification written as its text (`"1d"`).
mod window_text {
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    use crate::timeline::WindowSpec;

    pub fn serialize<S: Serializer>(spec: &WindowSpec, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(spec)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<WindowSpec, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(D::Error::custom)
    }
}
