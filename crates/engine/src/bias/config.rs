//! Clarify's `analysis_config.json`, the bias-relevant part, plus two
//! Tideline extensions: `predicted_score` (a score column turned into
//! predicted labels with `probability_threshold`) and `strict` (values
//! compared literally instead of smclarify's data-type rule).

use serde::{Deserialize, Serialize};

use super::error::BiasError;
use super::metric::{Metric, Stage};
use super::py_value::PyValue;
use crate::table::{Column, Table};

/// A column given by name or by 0-based index.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ColumnRef {
    /// Index into the headers.
    Index(usize),
    /// Header name.
    Name(String),
}

impl ColumnRef {
    /// The column in `table`, by name or position.
    #[must_use]
    pub fn find<'t>(&self, table: &'t Table) -> Option<&'t Column> {
        match self {
            Self::Name(name) => table.column(name),
            Self::Index(i) => table.columns.get(*i),
        }
    }

    /// The reference as text, for messages.
    #[must_use]
    pub fn text(&self) -> String {
        match self {
            Self::Name(name) => name.clone(),
            Self::Index(i) => i.to_string(),
        }
    }
}

/// One facet: a column and optionally its sensitive values or threshold.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FacetConfig {
    /// The facet column.
    pub name_or_index: ColumnRef,
    /// Sensitive values (categorical) or one threshold (continuous); none
    /// means one report per value against the rest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_or_threshold: Option<Vec<PyValue>>,
}

/// `"all"` or a list of metric names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum MethodSelection {
    /// Every metric of the stage (the string "all").
    All(String),
    /// These metrics.
    List(Vec<String>),
}

/// `{"methods": ...}` of one stage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageMethods {
    /// The selection.
    pub methods: MethodSelection,
}

/// The `methods` block; other analyses (shap, pdp, report) are kept as given.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Methods {
    /// Pre-training metrics.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pre_training_bias: Option<StageMethods>,
    /// Post-training metrics.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post_training_bias: Option<StageMethods>,
    /// Everything else, untouched.
    #[serde(flatten)]
    pub other: serde_json::Map<String, serde_json::Value>,
}

/// The configuration of a bias analysis.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AnalysisConfig {
    /// Format of the dataset (`text/csv`, `application/jsonlines`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dataset_type: Option<String>,
    /// Column names for a headerless file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headers: Option<Vec<String>>,
    /// The label column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<ColumnRef>,
    /// Positive label values, or one threshold.
    #[serde(default)]
    pub label_values_or_threshold: Vec<PyValue>,
    /// The facets.
    #[serde(default)]
    pub facet: Vec<FacetConfig>,
    /// The group variable of CDDL and CDDPL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_variable: Option<ColumnRef>,
    /// The predicted-label column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predicted_label: Option<ColumnRef>,
    /// Tideline: a score column; a row is predicted positive when its score
    /// exceeds `probability_threshold`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predicted_score: Option<ColumnRef>,
    /// Score above which a prediction is positive (default 0.5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub probability_threshold: Option<f64>,
    /// Columns left out of the analysis (of FT's features).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub excluded_columns: Vec<ColumnRef>,
    /// Which metrics to compute.
    #[serde(default)]
    pub methods: Methods,
    /// Tideline: compare values literally instead of smclarify's rule.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub strict: bool,
    /// Other keys (version, predictor, ...), kept for export.
    #[serde(flatten)]
    pub other: serde_json::Map<String, serde_json::Value>,
}

impl AnalysisConfig {
    /// Parses an `analysis_config.json`.
    ///
    /// # Errors
    /// [`BiasError::ConfigJson`] with serde's message.
    pub fn from_json(text: &str) -> Result<Self, BiasError> {
        serde_json::from_str(text).map_err(|e| BiasError::ConfigJson(e.to_string()))
    }

    /// Pretty JSON text of the configuration used.
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The probability threshold, 0.5 unless set.
    #[must_use]
    pub fn threshold(&self) -> f64 {
        self.probability_threshold.unwrap_or(0.5)
    }

    /// The metrics asked for in one stage, sorted by name; `None` when the
    /// stage is not asked for; an error naming an unknown metric.
    pub fn stage_metrics(&self, stage: Stage) -> Option<Result<Vec<Metric>, BiasError>> {
        let methods = match stage {
            Stage::PreTraining => self.methods.pre_training_bias.as_ref(),
            Stage::PostTraining => self.methods.post_training_bias.as_ref(),
        }?;
        let of_stage: Vec<Metric> = Metric::ALL.into_iter().filter(|m| m.stage() == stage).collect();
        Some(match &methods.methods {
            MethodSelection::All(word) if word.eq_ignore_ascii_case("all") => Ok(of_stage),
            MethodSelection::All(word) => Err(unknown_metric(word, &of_stage)),
            MethodSelection::List(names) if names.iter().any(|n| n.eq_ignore_ascii_case("all")) => Ok(of_stage),
            MethodSelection::List(names) => {
                let mut chosen = Vec::new();
                for name in names {
                    match of_stage.iter().find(|m| m.name() == name) {
                        Some(m) => chosen.push(*m),
                        None => return Some(Err(unknown_metric(name, &of_stage))),
                    }
                }
                chosen.sort_by_key(|m| m.name());
                chosen.dedup();
                Ok(chosen)
            }
        })
    }
}

fn unknown_metric(name: &str, of_stage: &[Metric]) -> BiasError {
    // smclarify lists its registry in registration order (its source order).
    const REGISTERED: [&str; 21] = [
        "CI", "DPL", "KL", "JS", "LP", "TVD", "KS", "CDDL", "DPPL", "DI", "DCA", "DCR", "RD", "SD", "DAR", "DRR", "AD",
        "CDDPL", "TE", "FT", "GE",
    ];
    let names: Vec<String> =
        REGISTERED.iter().filter(|n| of_stage.iter().any(|m| m.name() == **n)).map(|n| format!("'{n}'")).collect();
    BiasError::UnknownMetric { name: name.to_owned(), registered: names.join(", ") }
}
