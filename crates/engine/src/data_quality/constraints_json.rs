//! `constraints.json` (spec §2.3): per-feature constraints and the
//! monitoring configuration.
//!
//! Reading is lenient, as files from several SageMaker generations exist:
//! unknown keys (`enable_comparisons`, `min_domain_mass`, ...) are ignored,
//! absent settings take the documented defaults, and per-feature overrides
//! are accepted as `monitoringConfigOverrides` or `monitoring_config_overrides`
//! at the feature level, or inside `string_constraints` / `num_constraints`.

use serde::{Deserialize, Serialize};

use super::{DataQualityError, InferredType};

/// `Enabled` / `Disabled`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Toggle {
    /// On (the default).
    #[default]
    Enabled,
    /// Off.
    Disabled,
}

/// `comparison_method`: which L∞ distance drift is measured with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum ComparisonMethod {
    /// `linf_simple`: the largest CDF (or PMF) gap.
    Simple,
    /// `linf_robust`: the gap less `1.8·sqrt((n+m)/(n·m))`, floored at 0.
    #[default]
    Robust,
}

/// `categorical_drift_method`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum CategoricalDriftMethod {
    /// L∞ distance between the category shares.
    #[default]
    LInfinity,
    /// Chi-square goodness of fit against the baseline shares.
    ChiSquared,
}

fn default_threshold() -> f64 {
    0.1
}

/// `distribution_constraints`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct DistributionConstraints {
    /// Whether baseline drift is checked.
    #[serde(default)]
    pub perform_comparison: Toggle,
    /// Numeric drift threshold (default 0.1).
    #[serde(default = "default_threshold")]
    pub comparison_threshold: f64,
    /// Simple or Robust L∞ (default Robust).
    #[serde(default)]
    pub comparison_method: ComparisonMethod,
    /// Categorical drift threshold; `comparison_threshold` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub categorical_comparison_threshold: Option<f64>,
    /// L∞ or chi-square for categorical features; L∞ when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub categorical_drift_method: Option<CategoricalDriftMethod>,
}

impl Default for DistributionConstraints {
    fn default() -> Self {
        Self {
            perform_comparison: Toggle::Enabled,
            comparison_threshold: default_threshold(),
            comparison_method: ComparisonMethod::Robust,
            categorical_comparison_threshold: None,
            categorical_drift_method: None,
        }
    }
}

impl DistributionConstraints {
    /// The categorical threshold in force.
    #[must_use]
    pub fn categorical_threshold(&self) -> f64 {
        self.categorical_comparison_threshold.unwrap_or(self.comparison_threshold)
    }

    /// The categorical method in force.
    #[must_use]
    pub fn categorical_method(&self) -> CategoricalDriftMethod {
        self.categorical_drift_method.unwrap_or_default()
    }
}

/// `monitoring_config`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct MonitoringConfig {
    /// Whether any constraint is checked.
    #[serde(default)]
    pub evaluate_constraints: Toggle,
    /// Whether CloudWatch metrics would be emitted (kept, not used offline).
    #[serde(default)]
    pub emit_metrics: Toggle,
    /// Minimum share of values of the baseline type (documented default 0.1).
    #[serde(default = "default_threshold")]
    pub datatype_check_threshold: f64,
    /// Minimum share of values inside the baseline domain (documented default 0.1).
    #[serde(default = "default_threshold")]
    pub domain_content_threshold: f64,
    /// Drift settings.
    #[serde(default)]
    pub distribution_constraints: DistributionConstraints,
}

impl Default for MonitoringConfig {
    /// The documented defaults (a file without `monitoring_config`).
    fn default() -> Self {
        Self {
            evaluate_constraints: Toggle::Enabled,
            emit_metrics: Toggle::Enabled,
            datatype_check_threshold: default_threshold(),
            domain_content_threshold: default_threshold(),
            distribution_constraints: DistributionConstraints::default(),
        }
    }
}

impl MonitoringConfig {
    /// What a baseline job writes (spec §2.3, "What the baseline job actually
    /// writes"): both flags Enabled, type and domain thresholds 1.0, drift
    /// threshold 0.1 with Robust; no categorical keys (their defaults apply).
    #[must_use]
    pub fn baseline_job() -> Self {
        Self { datatype_check_threshold: 1.0, domain_content_threshold: 1.0, ..Self::default() }
    }
}

/// Per-feature overrides of the monitoring configuration.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct MonitoringConfigOverrides {
    /// `Disabled` skips every check of the feature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evaluate_constraints: Option<Toggle>,
    /// Kept, not used offline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emit_metrics: Option<Toggle>,
    /// Overrides `datatype_check_threshold` for the feature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub datatype_check_threshold: Option<f64>,
    /// Overrides `domain_content_threshold` for the feature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_content_threshold: Option<f64>,
}

/// `num_constraints`.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct NumConstraints {
    /// The baseline minimum was ≥ 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_non_negative: Option<bool>,
    /// Overrides, as some files place them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monitoring_config_overrides: Option<MonitoringConfigOverrides>,
}

/// `string_constraints`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct StringConstraints {
    /// The values seen in the baseline, most frequent first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domains: Option<Vec<String>>,
    /// Overrides, as the SDK and sample files place them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monitoring_config_overrides: Option<MonitoringConfigOverrides>,
}

/// One feature's constraints.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeatureConstraints {
    /// Column name.
    pub name: String,
    /// Expected type.
    pub inferred_type: InferredType,
    /// Minimum completeness.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completeness: Option<f64>,
    /// Numeric constraints.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub num_constraints: Option<NumConstraints>,
    /// String constraints.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub string_constraints: Option<StringConstraints>,
    /// Feature-level overrides (the documentation's `monitoringConfigOverrides`).
    #[serde(default, alias = "monitoringConfigOverrides", skip_serializing_if = "Option::is_none")]
    pub monitoring_config_overrides: Option<MonitoringConfigOverrides>,
}

impl FeatureConstraints {
    /// The overrides in force, wherever the file put them (feature level first).
    #[must_use]
    pub fn overrides(&self) -> MonitoringConfigOverrides {
        let candidates = [
            self.monitoring_config_overrides,
            self.string_constraints.as_ref().and_then(|s| s.monitoring_config_overrides),
            self.num_constraints.and_then(|n| n.monitoring_config_overrides),
        ];
        let mut out = MonitoringConfigOverrides::default();
        for o in candidates.into_iter().flatten() {
            out.evaluate_constraints = out.evaluate_constraints.or(o.evaluate_constraints);
            out.emit_metrics = out.emit_metrics.or(o.emit_metrics);
            out.datatype_check_threshold = out.datatype_check_threshold.or(o.datatype_check_threshold);
            out.domain_content_threshold = out.domain_content_threshold.or(o.domain_content_threshold);
        }
        out
    }
}

/// The whole file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Constraints {
    /// Always `0.0`.
    #[serde(default)]
    pub version: f64,
    /// One entry per baseline column.
    #[serde(default)]
    pub features: Vec<FeatureConstraints>,
    /// Global settings.
    #[serde(default)]
    pub monitoring_config: MonitoringConfig,
}

impl Constraints {
    /// The constraints of the feature named `name`.
    #[must_use]
    pub fn feature(&self, name: &str) -> Option<&FeatureConstraints> {
        self.features.iter().find(|f| f.name == name)
    }

    /// Parses a `constraints.json`.
    ///
    /// # Errors
    /// Malformed JSON or a file that does not follow the schema.
    pub fn from_json(text: &str) -> Result<Self, DataQualityError> {
        serde_json::from_str(text)
            .map_err(|e| DataQualityError::Json { file_kind: "constraints.json", message: e.to_string() })
    }

    /// The file's text (pretty-printed).
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
